import Foundation
import Model
import Quantities

/// A page the build writes from the model rather than from Markdown.
struct GeneratedPage {
    var url: String
    var title: String
    var template: String
    /// Page-specific values, merged into `page` for the template.
    var values: [String: Any]
    /// Charts the page draws, written beside the pages' own.
    var charts: [ChartOutput] = []

    var outputPath: String { String(url.dropFirst()) + "index.html" }
}

/// The writers of SPEC §3: figures, checks, sources, data, deals, and one page per company.
/// Each is a small function from the model to a page; a collection the data lacks gives no page.
struct GeneratedPages {
    let model: StoryModel
    let config: SiteConfig
    let figureLinks: FigureReferences
    let sourceNames: [String: String]

    var locale: QuantityLocale { figureLinks.locale }

    var chartBlocks: ChartBlocks {
        ChartBlocks(model: model, basePath: base, locale: locale, sourceNames: sourceNames)
    }
    var base: String { config.basePath }

    static let reservedURLs = ["/figures/", "/checks/", "/sources/", "/data/", "/deals/", "/companies/"]

    func all() -> [GeneratedPage] {
        guard !model.collections.isEmpty else { return [] }
        var pages = [figuresPage(), dataPage()]
        if model.collections["claims"] != nil { pages.append(checksPage()) }
        if model.collections["sources"] != nil { pages.append(sourcesPage()) }
        if model.collections["deals"] != nil { pages.append(dealsPage()) }
        if model.collections["companies"] != nil {
            pages.append(companiesPage())
            pages += model.records("companies").map(companyPage)
        }
        return pages
    }

    func figureURL(_ reference: String) -> String { "\(base)/figures/#\(reference)" }

    func text(_ figure: Figure?) -> String {
        figure.map { FigureText.format($0, locale: locale) } ?? ""
    }

    func sourceList(_ ids: [String]) -> [[String: Any]] {
        ids.enumerated().map { index, id in
            ["id": id, "name": sourceNames[id] ?? id, "url": "\(base)/sources/#\(id)", "last": index == ids.count - 1]
        }
    }

    // MARK: figures

    func figuresPage() -> GeneratedPage {
        let byCollection = Dictionary(grouping: model.allFigures) { String($0.reference.prefix { $0 != "." }) }
        let groups = byCollection.keys.sorted().map { collection -> [String: Any] in
            let figures = byCollection[collection]!.map { figure -> [String: Any] in
                var entry: [String: Any] = [
                    "reference": figure.reference, "anchor": figure.anchor, "label": figure.label,
                    "value": text(figure), "file": figure.location.file, "line": figure.location.line,
                    "sources": sourceList(figure.sources), "has_sources": !figure.sources.isEmpty,
                    "inputs": figure.inputs.map { ["reference": $0, "url": figureURL($0), "value": text(model.figures[$0])] },
                    "has_inputs": !figure.inputs.isEmpty,
                ]
                if let formula = figure.formula { entry["formula"] = formula }
                if let expression = figure.expression { entry["expression"] = expression }
                return entry
            }
            return ["collection": collection, "title": collection.replacingUnderscores().capitalizedFirst, "figures": figures]
        }
        return GeneratedPage(url: "/figures/", title: "Figures", template: "figures", values: ["groups": groups])
    }

    // MARK: checks

    func checksPage() -> GeneratedPage {
        let claims = model.claims.map { claim -> [String: Any] in
            var entry: [String: Any] = [
                "id": claim.id, "status": claim.status.rawValue, "status_label": claim.status.rawValue.capitalizedFirst,
                "says": claim.says, "figure": claim.figure, "figure_url": figureURL(claim.figure),
                "explanation": claim.explanation, "sources": sourceList(claim.sources), "has_sources": !claim.sources.isEmpty,
            ]
            if let note = claim.note { entry["note"] = note }
            return entry
        }
        var values: [String: Any] = ["claims": claims]
        for status in ClaimCheck.Status.allCases {
            values[status.rawValue] = model.claims.filter { $0.status == status }.count
        }
        return GeneratedPage(url: "/checks/", title: "Checks", template: "checks", values: values)
    }

    // MARK: sources

    func sourcesPage() -> GeneratedPage {
        let sources = model.records("sources").map { record -> [String: Any] in
            let citing = model.figures(citing: record.id)
            var entry: [String: Any] = [
                "id": record.id, "publisher": record.text("publisher") ?? record.id, "title": record.text("title") ?? "",
                "language": record.text("language") ?? "", "figure_count": citing.count, "has_figures": !citing.isEmpty,
                "figures": citing.map { ["reference": $0.reference, "url": figureURL($0.reference), "value": text($0)] },
            ]
            for field in ["date", "url", "note"] { if let value = record.text(field) { entry[field] = value } }
            return entry
        }
        return GeneratedPage(url: "/sources/", title: "Sources", template: "sources", values: ["sources": sources])
    }

    // MARK: data

    func dataPage() -> GeneratedPage {
        let collections = model.collections.keys.sorted().map { name -> [String: Any] in
            ["name": name, "count": model.records(name).count,
             "csv_url": "\(base)/data/\(name).csv", "json_url": "\(base)/data/\(name).json"]
        }
        return GeneratedPage(url: "/data/", title: "Data", template: "data", values: [
            "collections": collections, "figure_count": model.figures.count,
            "figures_csv_url": "\(base)/data/all-figures.csv", "figures_json_url": "\(base)/data/all-figures.json",
        ])
    }

    // MARK: deals

    func dealsPage() -> GeneratedPage {
        let deals = model.records("deals")
        func name(_ id: String?) -> String { id.flatMap { model.record("companies", $0)?.displayName } ?? id ?? "" }
        let rows = deals.map { deal -> [String: Any] in
            var row: [String: Any] = [
                "id": deal.id, "name": deal.text("name") ?? deal.id,
                "from": name(deal.text("from")), "to": name(deal.text("to")),
                "from_url": "\(base)/companies/\(deal.text("from") ?? "")/", "to_url": "\(base)/companies/\(deal.text("to") ?? "")/",
                "kind": deal.text("kind") ?? "", "status": deal.text("status") ?? "", "date": deal.text("date") ?? "",
            ]
            for field in ["amount", "power", "term"] {
                row[field] = model.figures["deals.\(deal.id).\(field)"].map { figureLinks.link(to: $0, options: FormatOptions()) } ?? "—"
            }
            return row
        }
        let kinds = Set(deals.compactMap { $0.text("kind") }).sorted()
        let totals = kinds.map { kind -> [String: Any] in
            let matching = deals.filter { $0.text("kind") == kind }
            return ["kind": kind, "amount": total(matching.map { "deals.\($0.id).amount" }),
                    "power": total(matching.map { "deals.\($0.id).power" })]
        }
        return GeneratedPage(url: "/deals/", title: "Deals", template: "deals", values: ["deals": rows, "totals": totals])
    }

    /// The sum of the references that exist, formatted; a dash when none does.
    func total(_ references: [String]) -> String {
        let values = references.compactMap { model.figures[$0]?.value.quantity }
        guard let sum = try? Quantity.sum(values) else { return "—" }
        return sum.formatted(locale)
    }

    // MARK: companies

    func companiesPage() -> GeneratedPage {
        let companies = model.records("companies").map { record -> [String: Any] in
            ["name": record.displayName, "kind": record.text("kind") ?? "", "url": "\(base)/companies/\(record.id)/"]
        }
        return GeneratedPage(url: "/companies/", title: "Companies", template: "companies", values: ["companies": companies])
    }

    func companyPage(_ company: Record) -> GeneratedPage {
        let prefix = "companies.\(company.id)."
        // `invested` and `received` repeat `given_investment` and `received_investment`.
        let aliases: Set<String> = [prefix + "invested", prefix + "received"]
        let figures = model.allFigures.filter { $0.reference.hasPrefix(prefix) && $0.isDerived && !aliases.contains($0.reference) }
            .map { figure -> [String: Any] in
            ["label": figure.label.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces).capitalizedFirst } ?? figure.label,
             "link": figureLinks.link(to: figure, options: FormatOptions())]
        }
        func link(_ reference: String) -> String {
            model.figures[reference].map { figureLinks.link(to: $0, options: FormatOptions()) } ?? ""
        }
        func companyName(_ id: String?) -> String {
            guard let id, let record = model.record("companies", id) else { return id ?? "" }
            return "<a href=\"\(base)/companies/\(id)/\">\(Escape.html(record.displayName))</a>"
        }
        var sections: [[String: Any]] = []
        func section(_ title: String, _ collection: String, where keep: (Record) -> Bool, _ describe: (Record) -> String) {
            let items = model.records(collection).filter(keep).map { ["html": describe($0)] }
            if !items.isEmpty { sections.append(["title": title, "items": items]) }
        }
        let id = company.id
        func deal(_ record: Record) -> String {
            let parts = [record.text("kind"), record.text("status"), record.text("date")].compactMap { $0 }.joined(separator: ", ")
            let amount = link("deals.\(record.id).amount")
            let power = link("deals.\(record.id).power")
            return "\(companyName(record.text("from"))) → \(companyName(record.text("to"))): " + [amount, power].filter { !$0.isEmpty }.joined(separator: ", ")
                + (parts.isEmpty ? "" : " <span class=\"meta\">(\(Escape.html(parts)))</span>")
        }
        section("Deals it pays into", "deals", where: { $0.text("from") == id }, deal)
        section("Deals it receives", "deals", where: { $0.text("to") == id }, deal)
        section("Chip purchases", "purchases", where: { $0.text("buyer") == id }) {
            "\(link("purchases.\($0.id).units")) \(Escape.html($0.text("chip") ?? "")) — spend \(link("purchases.\($0.id).spend")), power \(link("purchases.\($0.id).power"))"
        }
        section("Clusters", "clusters", where: { $0.text("owner") == id }) {
            "\(Escape.html($0.displayName)): \(link("clusters.\($0.id).power")), \(link("clusters.\($0.id).power_per_unit")) per unit"
        }
        section("Valuations", "valuations", where: { $0.text("company") == id }) {
            "\(link("valuations.\($0.id).value")) (\(Escape.html([$0.text("kind"), $0.text("date")].compactMap { $0 }.joined(separator: ", "))))"
        }
        section("Stakes", "stakes", where: { $0.text("holder") == id || $0.text("company") == id }) {
            "\(companyName($0.text("holder"))) holds \(link("stakes.\($0.id).share")) of \(companyName($0.text("company"))), worth \(link("stakes.\($0.id).value"))"
        }
        section("Audiences", "audiences", where: { $0.text("company") == id }) {
            "\(Escape.html($0.displayName)): \(link("audiences.\($0.id).users")) (\(Escape.html($0.text("metric") ?? "")))"
        }
        var values: [String: Any] = [
            "kind": company.text("kind") ?? "", "figures": figures, "has_figures": !figures.isEmpty, "sections": sections,
            "company_id": company.id,
        ]
        var charts: [ChartOutput] = []
        let involved = model.records("deals").contains { $0.text("from") == id || $0.text("to") == id }
        if involved {
            let spec = "id: company-\(id)\ntype: flow\ntitle: \"\(company.displayName.replacingOccurrences(of: "\"", with: "'"))'s deals\"\ndata: deals\nwhere: { involving: \(id) }\n"
            var cited = Set<String>()
            if let (html, output) = try? chartBlocks.render(code: spec, file: "companies/\(id)", firstLine: 1, cited: &cited) {
                values["chart"] = html
                charts.append(output)
            }
        }
        return GeneratedPage(url: "/companies/\(company.id)/", title: company.displayName, template: "company", values: values, charts: charts)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

}
