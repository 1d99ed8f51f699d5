import Load
import Model

/// The model's fixed vocabularies said in a page's language, through its `Words`: a deal's
/// standing and status, a record's modality, the kinds of deal and company, the standard
/// collections. The model keeps its own English words (`DealStanding.words`, `Modality.word`)
/// for figure labels and messages; pages say them with these.
extension Words {
    /// "paid or signed", "pledged", "in talks", "status not given", "status “rumour”".
    func standing(_ standing: DealStanding) -> String {
        switch standing {
        case .signed: return self["standing_signed"]
        case .pledged: return self["standing_pledged"]
        case .talks: return self["standing_talks"]
        case .unstated: return self["standing_unstated"]
        case .other(let raw): return self("standing_other", ["status": raw])
        }
    }

    /// A deal's own status with its standing when the word alone does not say it (as
    /// `DealStanding.describe`): "signed", "pledged — announced", "in talks". A status the
    /// data writes is shown as written; the standing's words are this language's.
    func status(_ status: String?) -> String {
        let standing = DealStanding(status: status)
        guard let raw = status.map({ $0.trimmingWhitespace() }), !raw.isEmpty else { return self.standing(standing) }
        switch standing {
        case .signed, .other, .unstated: return dealStatus(raw)
        case .pledged: return raw.lowercased() == "pledged" ? self["standing_pledged"] : self("status_pledged_as", ["status": dealStatus(raw)])
        case .talks: return self["standing_talks"]
        }
    }

    /// A status as the data writes it (`announced`) in words; as written when the words have
    /// no `deal_status_<status>` (the data's own case kept then).
    func dealStatus(_ raw: String) -> String { optional("deal_status_" + Self.key(raw)) ?? raw }

    /// "planned", "possible", "expected", "disclosed", "estimate".
    func modality(_ modality: Modality) -> String { self["modality_" + modality.rawValue] }

    /// A deal's kind (`investment`) in words; as written when the words have no `deal_kind_<kind>`.
    func dealKind(_ kind: String) -> String { optional("deal_kind_" + Self.key(kind)) ?? kind }

    /// A company's kind (`lab`) in words; as written when the words have no `company_kind_<kind>`.
    func companyKind(_ kind: String) -> String { optional("company_kind_" + Self.key(kind)) ?? kind }

    /// A collection's name as a heading: `collection_<name>`, else the file name ("Fleet data").
    func collection(_ name: String) -> String {
        optional("collection_" + Self.key(name)) ?? name.replacingUnderscores().capitalizedFirst
    }

    /// A data word as part of a key: `public-sector` → `public_sector`.
    static func key(_ word: String) -> String {
        String(word.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }
}

extension Words {
    /// The text of `key` as HTML, its placeholders filled with `values` that are HTML
    /// already (links to figures): the words are escaped, the values are not.
    func html(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(Escape.html(self[key]), values)
    }
}
