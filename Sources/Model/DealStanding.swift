/// How firm a deal's money is, read from its `status`: money paid or signed for, money
/// pledged (announced, often with conditions such as "up to"), and money still in talks.
///
/// Totals add only deals of one standing (issue 10: "Totals must never add deals of
/// different status"): a conditional pledge and a signed contract are different facts, so
/// the model derives one total per standing, and the pages name each in a reader's words.
/// A status the table below does not know is its own standing, named as written; a deal
/// with no status is "status not given", never counted with the others.
public enum DealStanding: Hashable, Sendable, Comparable {
    /// `signed`, `completed`, `closed`, `paid`, `invested`.
    case signed
    /// `announced`, `pledged`, `committed`, `planned`, `letter of intent`.
    case pledged
    /// `talks`, `in talks`, `negotiating`, `proposed`, `rumored`.
    case talks
    /// Any other status, as written (lowercased).
    case other(String)
    /// No `status` field.
    case unstated

    /// The statuses each standing takes, as written in data (case-insensitive).
    static let statuses: [DealStanding: Set<String>] = [
        .signed: ["signed", "completed", "complete", "closed", "paid", "invested", "done"],
        .pledged: ["announced", "pledged", "committed", "planned", "letter of intent", "loi", "agreed in principle"],
        .talks: ["talks", "in talks", "negotiating", "negotiation", "proposed", "rumored", "rumoured", "discussed"],
    ]

    public init(status: String?) {
        guard let raw = status.map(Self.trimmed)?.lowercased(), !raw.isEmpty else {
            self = .unstated
            return
        }
        self = Self.statuses.first { $0.value.contains(raw) }?.key ?? .other(raw)
    }

    /// The suffix of the derived totals: `companies.openai.received_investment_pledged`.
    /// Letters, digits and underscores only, so it stays a valid reference.
    public var suffix: String {
        switch self {
        case .signed: return "signed"
        case .pledged: return "pledged"
        case .talks: return "talks"
        case .unstated: return "status_unstated"
        case .other(let raw):
            // Letters and digits kept, every other run of characters one underscore.
            var cleaned = ""
            for character in raw {
                if character.isLetter || character.isNumber {
                    cleaned += character.lowercased()
                } else if !cleaned.isEmpty, cleaned.last != "_" {
                    cleaned += "_"
                }
            }
            while cleaned.last == "_" { cleaned.removeLast() }
            return "status_" + cleaned
        }
    }

    /// A reader's words for money of this standing: "paid or signed", "pledged", "in talks".
    public var words: String {
        switch self {
        case .signed: return "paid or signed"
        case .pledged: return "pledged"
        case .talks: return "in talks"
        case .unstated: return "status not given"
        case .other(let raw): return "status “\(raw)”"
        }
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// The deals of this standing, as a relative clause: "that are pledged", "with no status".
    public var clause: String {
        switch self {
        case .signed, .pledged, .talks: return "that are \(words)"
        case .unstated: return "with no status"
        case .other(let raw): return "with the status “\(raw)”"
        }
    }

    /// Firm money first: signed, pledged, talks, then the rest by name.
    var rank: (Int, String) {
        switch self {
        case .signed: return (0, "")
        case .pledged: return (1, "")
        case .talks: return (2, "")
        case .other(let raw): return (3, raw)
        case .unstated: return (4, "")
        }
    }

    public static func < (a: DealStanding, b: DealStanding) -> Bool { a.rank < b.rank }
}

extension DealStanding {
    /// A deal's own status in a reader's words, with its standing when the word alone does
    /// not say it: "signed", "pledged — announced", "in talks".
    public static func describe(status: String?) -> String {
        let standing = DealStanding(status: status)
        guard let raw = status.map(Self.trimmed), !raw.isEmpty else { return standing.words }
        switch standing {
        case .signed: return raw
        case .pledged: return raw.lowercased() == "pledged" ? "pledged" : "pledged — \(raw)"
        case .talks: return "in talks"
        case .other, .unstated: return raw
        }
    }
}
