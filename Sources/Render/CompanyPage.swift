import Load
import Model
import Quantities

/// `/companies/` and `/companies/<id>/`: a company's money in deals by standing (paid or
/// signed, pledged, in talks: never added together), its other figures, and one line per
/// record that involves it. Lines are built from parts that drop when the data lacks them.
extension GeneratedPages {
    func companiesPage() -> GeneratedPage {
        let words = self.words
        let companies = model.records("companies").map { record -> [String: Any] in
            ["name": record.displayName(language: language), "kind": record.text("kind").map(words.companyKind) ?? "", "url": "\(base)/companies/\(record.id)/"]
        }
        var page = GeneratedPage(url: "/companies/", title: words["companies_title"], template: "companies", values: ["companies": companies])
        // The list shows each company's name and kind, not its figures.
        page.cited = Set(model.records("companies").flatMap { ["companies.\($0.id).name", "companies.\($0.id).kind"] })
        return page
    }

    func companyPage(_ company: Record) -> GeneratedPage {
        let words = self.words
        let lines = sections(for: company)
        var values: [String: Any] = ["kind": company.text("kind").map(words.companyKind) ?? "", "company_id": company.id, "sections": lines]
        let (money, others) = moneyTable(for: company)
        values.merge(money) { $1 }
        values["figures"] = others
        values["has_figures"] = !others.isEmpty
        var charts: [ChartOutput] = []
        var chartCited = Set<String>()
        let id = company.id
        if model.records("deals").contains(where: { $0.text("from") == id || $0.text("to") == id }) {
            // A YAML double-quoted string: backslashes and quotes escaped, so any name survives.
            let chartTitle = words("company_deals_chart", ["name": company.displayName(language: language)]).replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            let spec = "id: company-\(id)\ntype: flow\ntitle: \"\(chartTitle)\"\ndata: deals\nwhere: { involving: \(id) }\n"
            if let (html, output) = try? chartBlocks.render(code: spec, file: "companies/\(id)", firstLine: 1, cited: &chartCited) {
                values["chart"] = html
                var output = output
                output.cited = chartCited
                charts.append(output)
            }
        }
        var page = GeneratedPage(url: "/companies/\(company.id)/", title: company.displayName(language: language), template: "company", values: values, charts: charts)
        // The company's own figures (its totals) come with its record; each line shows a record whole.
        page.cited = chartCited.union(sourcesNamed(charts.flatMap(\.sources))).union(lines.flatMap { ($0["items"] as? [[String: Any]] ?? []).flatMap { $0["names"] as? Set<String> ?? [] } })
        page.records = Set([Self.recordReference(company)] + lines.flatMap { ($0["items"] as? [[String: Any]] ?? []).compactMap { $0["record"] as? String } })
        return page
    }

    /// The totals in deals as a table, one row per kind and direction ("Investment received")
    /// and one column per standing; and the company's other derived figures as label/link pairs.
    func moneyTable(for company: Record) -> (table: [String: Any], others: [[String: Any]]) {
        let words = self.words
        let prefix = "companies.\(company.id)."
        let deals = model.records("deals")
        let kinds = Set(deals.compactMap { $0.text("kind") }).sorted()
        let standings = Set(deals.map { DealStanding(status: $0.text("status")) }).sorted()
        var rowSpecs: [(label: String, field: (DealStanding) -> String)] = []
        for kind in kinds {
            for direction in ["given", "received"] {
                let label = words("company_row_" + direction, ["kind": words.dealKind(kind)]).capitalizedFirst
                rowSpecs.append((label, { "\(direction)_\(kind)_\($0.suffix)" }))
            }
        }
        rowSpecs.append((words["company_power_in_deals"], { "power_committed_\($0.suffix)" }))
        let present = rowSpecs.filter { spec in standings.contains { model.figures[prefix + spec.field($0)] != nil } }
        let columns = standings.filter { standing in present.contains { model.figures[prefix + $0.field(standing)] != nil } }
        var shown = Set<String>()
        let rows = present.map { spec -> [String: Any] in
            let cells = columns.map { standing -> [String: Any] in
                let reference = prefix + spec.field(standing)
                shown.insert(reference)
                return ["html": link(reference) ?? "—", "words": words.standing(standing).capitalizedFirst]
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
                ["label": figure.label(in: words).split(separator: ":").last.map { String($0).trimmingWhitespace().capitalizedFirst } ?? figure.label(in: words),
                 "link": figureLinks.link(to: figure, options: FormatOptions())]
            }
        let table: [String: Any] = [
            "has_money": !rows.isEmpty, "money_rows": rows,
            "money_columns": columns.map { ["words": words.standing($0).capitalizedFirst] },
        ]
        return (table, others)
    }

    /// One section per kind of record that involves the company, each a list of lines.
    package func sections(for company: Record) -> [[String: Any]] {
        let id = company.id
        let phrases = self.phrases, words = self.words
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
        func section(_ key: String, _ collection: String, where keep: (Record) -> Bool, _ describe: (Record) -> String) {
            let items = model.records(collection).filter(keep).map { record -> [String: Any] in
                let reference = Self.recordReference(record)
                var item: [String: Any] = ["html": phrases.modalityLabel(record) + describe(record), "record": reference,
                                           "names": namesShown(by: record)]
                if let mark = correctionMark(records: [reference]) { item["correction_html"] = mark }
                return item
            }
            if !items.isEmpty { sections.append(["title": words["section_" + key], "items": items]) }
        }
        func deal(_ record: Record) -> String {
            let parties = RecordPhrases.join([companyName(record.text("from")), companyName(record.text("to"))], separator: " → ")
            return labelled(parties, [link("deals.\(record.id).amount", of: record), link("deals.\(record.id).power", of: record), link("deals.\(record.id).term", of: record)])
                + RecordPhrases.parenthesized([record.text("kind").map { Escape.html(words.dealKind($0)) },
                                               record.text("status").map { Escape.html(words.status($0)) },
                                               record.text("conditions", language: language).map(Escape.html), phrases.when(record)])
        }
        section("deals_paid", "deals", where: { $0.text("from") == id }, deal)
        section("deals_received", "deals", where: { $0.text("to") == id }, deal)
        section("purchases", "purchases", where: { $0.text("buyer") == id }) {
            let what = RecordPhrases.join([link("purchases.\($0.id).units", of: $0), chipName($0.text("chip"))], separator: " ")
            let costs = RecordPhrases.join([link("purchases.\($0.id).spend", of: $0).map { words.html("line_spend", ["value": $0]) },
                                            link("purchases.\($0.id).power", of: $0).map { words.html("line_power", ["value": $0]) }])
            return (RecordPhrases.join([what, costs], separator: " — ") ?? Escape.html($0.displayName(language: language)))
                + RecordPhrases.parenthesized([phrases.when($0)])
        }
        section("fleets", "fleets", where: { $0.text("company") == id }) {
            let what = RecordPhrases.join([link("fleets.\($0.id).units", of: $0),
                                           chipName($0.text("chip")).map { words.html("line_chip_equivalents", ["chip": $0]) }], separator: " ")
            let power = link("fleets.\($0.id).power", of: $0).map { words.html("line_power", ["value": $0]) }
            return (RecordPhrases.join([what, power], separator: " — ") ?? Escape.html($0.displayName(language: language)))
                + RecordPhrases.parenthesized([phrases.when($0)])
        }
        section("clusters", "clusters", where: { $0.text("owner") == id }) {
            labelled(Escape.html($0.displayName(language: language)), [link("clusters.\($0.id).units", of: $0), link("clusters.\($0.id).power", of: $0),
                                                   link("clusters.\($0.id).power_per_unit", of: $0).map { words.html("line_all_in", ["value": $0]) }],
                     missing: words.html("missing_size_power"))
        }
        section("training", "training", where: { $0.text("company") == id }) {
            labelled(Escape.html($0.displayName(language: language)), [link("training.\($0.id).gpus", of: $0), link("training.\($0.id).growth", of: $0).map { words.html("line_previous_generation", ["value": $0]) }],
                     missing: words.html("missing_gpus"))
        }
        section("financials", "financials", where: { $0.text("company") == id }) {
            labelled(Escape.html($0.text("year") ?? $0.displayName(language: language)), [link("financials.\($0.id).capex", of: $0).map { words.html("line_capex", ["value": $0]) },
                                                                     link("financials.\($0.id).capex_growth", of: $0).map { words.html("line_capex_growth", ["value": $0]) },
                                                                     link("financials.\($0.id).revenue_growth", of: $0).map { words.html("line_revenue_growth", ["value": $0]) },
                                                                     link("financials.\($0.id).opex_growth", of: $0).map { words.html("line_opex_growth", ["value": $0]) }],
                     missing: words.html("missing_figures"))
        }
        section("valuations", "valuations", where: { $0.text("company") == id }) {
            (link("valuations.\($0.id).value", of: $0) ?? words.html("missing_value"))
                + RecordPhrases.parenthesized([$0.text("kind").map { Escape.html(words.dealKind($0)) },
                                               $0.text("status").map { Escape.html(words.status($0)) }, phrases.when($0)])
        }
        section("stakes", "stakes", where: { $0.text("holder") == id || $0.text("company") == id }) {
            let holder = companyName($0.text("holder")) ?? words.html("stake_some_holder")
            let target = companyName($0.text("company")) ?? words.html("stake_some_company")
            let holds = link("stakes.\($0.id).share", of: $0).map { words.html("stake_holds_share", ["holder": holder, "share": $0, "company": target]) }
                ?? words.html("stake_holds", ["holder": holder, "company": target])
            return holds + (link("stakes.\($0.id).value", of: $0).map { words.html("stake_worth", ["value": $0]) } ?? "")
                + RecordPhrases.parenthesized([phrases.when($0)])
        }
        section("audiences", "audiences", where: { $0.text("company") == id }) {
            labelled(Escape.html($0.displayName(language: language)), [link("audiences.\($0.id).users", of: $0)], missing: words.html("missing_users"))
                + RecordPhrases.parenthesized([$0.text("metric").map(Escape.html), phrases.when($0)])
        }
        return sections
    }
}
