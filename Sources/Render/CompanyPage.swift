import Load
import Model
import Quantities

/// `/companies/` and `/companies/<id>/`: a company's money in deals by standing (paid or
/// signed, pledged, in talks: never added together), its other figures, and one line per
/// record that involves it. Lines are built from parts that drop when the data lacks them.
extension GeneratedPages {
    func companiesPage() -> GeneratedPage {
        let companies = model.records("companies").map { record -> [String: Any] in
            ["name": record.displayName(language: language), "kind": record.text("kind") ?? "", "url": "\(base)/companies/\(record.id)/"]
        }
        return GeneratedPage(url: "/companies/", title: "Companies", template: "companies", values: ["companies": companies])
    }

    func companyPage(_ company: Record) -> GeneratedPage {
        var values: [String: Any] = ["kind": company.text("kind") ?? "", "company_id": company.id, "sections": sections(for: company)]
        let (money, others) = moneyTable(for: company)
        values.merge(money) { $1 }
        values["figures"] = others
        values["has_figures"] = !others.isEmpty
        var charts: [ChartOutput] = []
        let id = company.id
        if model.records("deals").contains(where: { $0.text("from") == id || $0.text("to") == id }) {
            // A YAML double-quoted string: backslashes and quotes escaped, so any name survives.
            let title = company.displayName(language: language).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            let spec = "id: company-\(id)\ntype: flow\ntitle: \"Deals involving \(title)\"\ndata: deals\nwhere: { involving: \(id) }\n"
            var cited = Set<String>()
            if let (html, output) = try? chartBlocks.render(code: spec, file: "companies/\(id)", firstLine: 1, cited: &cited) {
                values["chart"] = html
                charts.append(output)
            }
        }
        return GeneratedPage(url: "/companies/\(company.id)/", title: company.displayName(language: language), template: "company", values: values, charts: charts)
    }

    /// The totals in deals as a table, one row per kind and direction ("Investment received")
    /// and one column per standing; and the company's other derived figures as label/link pairs.
    func moneyTable(for company: Record) -> (table: [String: Any], others: [[String: Any]]) {
        let prefix = "companies.\(company.id)."
        let deals = model.records("deals")
        let kinds = Set(deals.compactMap { $0.text("kind") }).sorted()
        let standings = Set(deals.map { DealStanding(status: $0.text("status")) }).sorted()
        var rowSpecs: [(label: String, field: (DealStanding) -> String)] = []
        for kind in kinds {
            for direction in ["given", "received"] {
                rowSpecs.append(("\(kind.capitalizedFirst) \(direction)", { "\(direction)_\(kind)_\($0.suffix)" }))
            }
        }
        rowSpecs.append(("Power in deals", { "power_committed_\($0.suffix)" }))
        let present = rowSpecs.filter { spec in standings.contains { model.figures[prefix + spec.field($0)] != nil } }
        let columns = standings.filter { standing in present.contains { model.figures[prefix + $0.field(standing)] != nil } }
        var shown = Set<String>()
        let rows = present.map { spec -> [String: Any] in
            let cells = columns.map { standing -> [String: Any] in
                let reference = prefix + spec.field(standing)
                shown.insert(reference)
                return ["html": link(reference) ?? "—", "words": standing.words.capitalizedFirst]
            }
            return ["label": spec.label, "cells": cells]
        }
        // `invested_<standing>` and `received_<standing>` repeat the investment totals.
        for standing in standings {
            shown.insert(prefix + "invested_\(standing.suffix)")
            shown.insert(prefix + "received_\(standing.suffix)")
        }
        let others = model.allFigures.filter { $0.reference.hasPrefix(prefix) && $0.isDerived && !shown.contains($0.reference) }
            .map { figure -> [String: Any] in
                ["label": figure.label(in: language).split(separator: ":").last.map { String($0).trimmingWhitespace().capitalizedFirst } ?? figure.label(in: language),
                 "link": figureLinks.link(to: figure, options: FormatOptions())]
            }
        let table: [String: Any] = [
            "has_money": !rows.isEmpty, "money_rows": rows,
            "money_columns": columns.map { ["words": $0.words.capitalizedFirst] },
        ]
        return (table, others)
    }

    /// One section per kind of record that involves the company, each a list of lines.
    package func sections(for company: Record) -> [[String: Any]] {
        let id = company.id
        let phrases = self.phrases
        func companyName(_ id: String?) -> String? {
            guard let id else { return nil }
            guard let record = model.record("companies", id) else { return Escape.html(id) }
            return "<a href=\"\(base)/companies/\(id)/\">\(Escape.html(record.displayName(language: language)))</a>"
        }
        func chipName(_ id: String?) -> String? {
            id.map { Escape.html(model.record("chips", $0)?.displayName(language: language) ?? $0) }
        }
        /// "Name: a, b"; when no value is known, "Name: <missing>" (a line that says what the
        /// sources leave out, never a bare name that reads as a value lost), or the name alone
        /// when something follows it (a deal's parenthesis).
        func labelled(_ name: String?, _ values: [String?], missing: String? = nil) -> String {
            [name, RecordPhrases.join(values) ?? missing].compactMap { $0 }.joined(separator: ": ")
        }
        var sections: [[String: Any]] = []
        func section(_ title: String, _ collection: String, where keep: (Record) -> Bool, _ describe: (Record) -> String) {
            let items = model.records(collection).filter(keep).map { ["html": phrases.modalityLabel($0) + describe($0)] }
            if !items.isEmpty { sections.append(["title": title, "items": items]) }
        }
        func deal(_ record: Record) -> String {
            let parties = RecordPhrases.join([companyName(record.text("from")), companyName(record.text("to"))], separator: " → ")
            return labelled(parties, [link("deals.\(record.id).amount", of: record), link("deals.\(record.id).power", of: record), link("deals.\(record.id).term", of: record)])
                + RecordPhrases.parenthesized([record.text("kind").map(Escape.html),
                                               record.text("status").map { Escape.html(DealStanding.describe(status: $0)) },
                                               record.text("conditions", language: language).map(Escape.html), phrases.when(record)])
        }
        section("Deals it pays into", "deals", where: { $0.text("from") == id }, deal)
        section("Deals it receives", "deals", where: { $0.text("to") == id }, deal)
        section("Chip purchases", "purchases", where: { $0.text("buyer") == id }) {
            let what = RecordPhrases.join([link("purchases.\($0.id).units", of: $0), chipName($0.text("chip"))], separator: " ")
            let costs = RecordPhrases.join([link("purchases.\($0.id).spend", of: $0).map { "spend \($0)" },
                                            link("purchases.\($0.id).power", of: $0).map { "power \($0)" }])
            return (RecordPhrases.join([what, costs], separator: " — ") ?? Escape.html($0.displayName(language: language)))
                + RecordPhrases.parenthesized([phrases.when($0)])
        }
        section("Compute in chip equivalents", "fleets", where: { $0.text("company") == id }) {
            let what = RecordPhrases.join([link("fleets.\($0.id).units", of: $0),
                                           chipName($0.text("chip")).map { "in \($0) equivalents" }], separator: " ")
            let power = link("fleets.\($0.id).power", of: $0).map { "power \($0)" }
            return (RecordPhrases.join([what, power], separator: " — ") ?? Escape.html($0.displayName(language: language)))
                + RecordPhrases.parenthesized([phrases.when($0)])
        }
        section("Clusters", "clusters", where: { $0.text("owner") == id }) {
            labelled(Escape.html($0.displayName(language: language)), [link("clusters.\($0.id).units", of: $0), link("clusters.\($0.id).power", of: $0),
                                                   link("clusters.\($0.id).power_per_unit", of: $0).map { "all-in \($0)" }],
                     missing: "size and power not given")
        }
        section("Training runs", "training", where: { $0.text("company") == id }) {
            labelled(Escape.html($0.displayName(language: language)), [link("training.\($0.id).gpus", of: $0), link("training.\($0.id).growth", of: $0).map { "\($0) the previous generation" }],
                     missing: "no GPU count given")
        }
        section("Financials", "financials", where: { $0.text("company") == id }) {
            labelled(Escape.html($0.text("year") ?? $0.displayName(language: language)), [link("financials.\($0.id).capex", of: $0).map { "capex \($0)" },
                                                                     link("financials.\($0.id).capex_growth", of: $0).map { "capex growth \($0)" },
                                                                     link("financials.\($0.id).revenue_growth", of: $0).map { "revenue growth \($0)" },
                                                                     link("financials.\($0.id).opex_growth", of: $0).map { "operating cost growth \($0)" }],
                     missing: "no figures given")
        }
        section("Valuations", "valuations", where: { $0.text("company") == id }) {
            (link("valuations.\($0.id).value", of: $0) ?? "value not given")
                + RecordPhrases.parenthesized([$0.text("kind").map(Escape.html),
                                               $0.text("status").map { Escape.html(DealStanding.describe(status: $0)) }, phrases.when($0)])
        }
        section("Stakes", "stakes", where: { $0.text("holder") == id || $0.text("company") == id }) {
            let holder = companyName($0.text("holder")) ?? "A holder"
            let target = companyName($0.text("company")) ?? "a company"
            let share = link("stakes.\($0.id).share", of: $0).map { " holds \($0) of " } ?? " holds a stake in "
            return holder + share + target + (link("stakes.\($0.id).value", of: $0).map { ", worth \($0)" } ?? "")
                + RecordPhrases.parenthesized([phrases.when($0)])
        }
        section("Audiences", "audiences", where: { $0.text("company") == id }) {
            labelled(Escape.html($0.displayName(language: language)), [link("audiences.\($0.id).users", of: $0)], missing: "users not given")
                + RecordPhrases.parenthesized([$0.text("metric").map(Escape.html), phrases.when($0)])
        }
        return sections
    }
}
