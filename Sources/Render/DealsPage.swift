import Load
import Model
import Quantities

/// `/deals/`: every deal in one table, and totals that never add money of different
/// standings (see `DealStanding`): one total per kind and standing ("Investment, pledged").
extension GeneratedPages {
    func dealsPage() -> GeneratedPage {
        let deals = model.records("deals")
        let phrases = self.phrases, words = self.words
        func name(_ id: String?) -> String { id.flatMap { model.record("companies", $0)?.displayName(language: language) } ?? id ?? "" }
        let rows = deals.map { deal -> [String: Any] in
            var row: [String: Any] = [
                // A deal without a name, title or label is named by its parties, not its id.
                "id": deal.id, "name": deal.displayName != deal.id ? deal.displayName(language: language)
                    : RecordPhrases.join([name(deal.text("from")), name(deal.text("to"))].map { $0.isEmpty ? nil : $0 }, separator: " → ") ?? deal.id,
                "from": name(deal.text("from")), "to": name(deal.text("to")),
                "from_url": "\(base)/companies/\(deal.text("from") ?? "")/", "to_url": "\(base)/companies/\(deal.text("to") ?? "")/",
                "kind": deal.text("kind").map(words.dealKind) ?? "", "status": words.status(deal.text("status")),
                "date_html": phrases.when(deal, besideModality: false) ?? "—",
            ]
            for field in ["amount", "power", "term"] {
                row["\(field)_html"] = link("deals.\(deal.id).\(field)", of: deal) ?? "—"
            }
            if let modality = phrases.modality(deal) { row["modality_html"] = modality }
            if let conditions = deal.text("conditions", language: language) { row["conditions"] = conditions }
            if let mark = correctionMark(records: [Self.recordReference(deal)]) { row["correction_html"] = mark }
            return row
        }
        let totals = totals(of: deals)
        var page = GeneratedPage(url: "/deals/", title: words["deals_title"], template: "deals",
                                 values: ["deals": rows, "totals": totals, "has_totals": !totals.isEmpty, "standings": standingKey(of: deals)])
        page.records = Set(deals.map(Self.recordReference))
        page.cited = deals.reduce(into: Set<String>()) { $0.formUnion(namesShown(by: $1)) }
        return page
    }

    /// One row per kind and standing that has an amount or a power, firm money first.
    package func totals(of deals: [Record]) -> [[String: Any]] {
        let words = self.words
        let kinds = Set(deals.compactMap { $0.text("kind") }).sorted()
        let standings = Set(deals.map { DealStanding(status: $0.text("status")) }).sorted()
        var rows: [[String: Any]] = []
        for kind in kinds {
            for standing in standings {
                let matching = deals.filter { $0.text("kind") == kind && DealStanding(status: $0.text("status")) == standing }
                let amount = total(matching.map { "deals.\($0.id).amount" })
                let power = total(matching.map { "deals.\($0.id).power" })
                guard amount != nil || power != nil else { continue }
                rows.append(["kind": words.dealKind(kind).capitalizedFirst, "standing": words.standing(standing), "amount": amount ?? "—", "power": power ?? "—"])
            }
        }
        return rows
    }

    /// The standings the table uses, each with the statuses it covers, for the key under it.
    func standingKey(of deals: [Record]) -> [[String: Any]] {
        let words = self.words
        let byStanding = Dictionary(grouping: deals) { DealStanding(status: $0.text("status")) }
        return byStanding.keys.sorted().map { standing in
            let statuses = Set(byStanding[standing]!.compactMap { $0.text("status") }).sorted()
            // A status that is its own standing is already named by its words.
            let known: Bool
            switch standing {
            case .signed, .pledged, .talks: known = true
            case .other, .unstated: known = false
            }
            let list = statuses.map(words.dealStatus).joined(separator: ", ")
            return ["words": words.standing(standing), "statuses": list, "statuses_text": words("standing_statuses", ["statuses": list]),
                    "has_statuses": known && !statuses.isEmpty]
        }
    }

    /// The sum of the references that exist, formatted, with the weakest modality of what it
    /// adds ("up to $100 billion (planned)"); nil when none exists or they cannot be added.
    package func total(_ references: [String]) -> String? {
        let figures = references.compactMap { model.figures[$0] }.filter { $0.value.quantity != nil }
        guard !figures.isEmpty, let sum = try? Quantity.sum(figures.compactMap(\.value.quantity)) else { return nil }
        let modality = Modality.derived(from: figures.map(\.modality))
        return sum.formatted(locale) + (modality.map { " (\(words.modality($0)))" } ?? "")
    }
}
