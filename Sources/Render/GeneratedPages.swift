import Load
import Foundation
import Model
import Quantities

/// A page the build writes from the model rather than from Markdown.
package struct GeneratedPage {
    package var url: String
    package var title: String
    package var template: String
    /// Page-specific values, merged into `page` for the template.
    package var values: [String: Any]
    /// Charts the page draws, written beside the pages' own.
    package var charts: [ChartOutput] = []

    package var outputPath: String { String(url.dropFirst()) + "index.html" }
}

/// The writers of SPEC §3: figures, checks, sources, data, deals, and one page per company.
/// Each is a small function from the model to a page; a collection the data lacks gives no page.
package struct GeneratedPages {
    package let model: StoryModel
    package let config: SiteConfig
    package let figureLinks: FigureReferences
    package let sourceNames: [String: String]

    package var locale: QuantityLocale { figureLinks.locale }

    package var chartBlocks: ChartBlocks {
        ChartBlocks(model: model, basePath: base, locale: locale, sourceNames: sourceNames)
    }
    package var base: String { config.basePath }


    package func all() -> [GeneratedPage] {
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

    package func figureURL(_ reference: String) -> String { "\(base)/figures/#\(reference)" }

    package func text(_ figure: Figure?) -> String {
        figure.map { FigureText.format($0, locale: locale) } ?? ""
    }

    /// The figure at `reference` as a link to its entry, followed by its modality when the
    /// line's record does not already say it ("~525 MW (estimate)"); nil when the data lacks it.
    package func link(_ reference: String, of record: Record? = nil) -> String? {
        model.figures[reference].map {
            figureLinks.link(to: $0, options: FormatOptions()) + RecordPhrases.figureNote($0, besides: record)
        }
    }

    package var phrases: RecordPhrases { RecordPhrases(language: config.language) }

    package func sourceList(_ ids: [String]) -> [[String: Any]] {
        ids.enumerated().map { index, id in
            ["id": id, "name": sourceNames[id] ?? id, "url": "\(base)/sources/#\(id)", "last": index == ids.count - 1]
        }
    }

    // MARK: figures

    /// Every figure, by collection, with a contents list of the collections. Text fields
    /// (names, dates, notes) are not figures and are left out; a figure that cannot be
    /// computed is listed with the reason.
    package func figuresPage() -> GeneratedPage {
        let listed = model.allFigures.filter(\.isQuantityLike)
        let byCollection = Dictionary(grouping: listed) { String($0.reference.prefix { $0 != "." }) }
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
                if let reason = figure.value.unverifiableReason { entry["unverifiable"] = "It cannot be computed: \(reason)." }
                return entry
            }
            return ["collection": collection, "anchor": "figures-\(collection)", "count": figures.count,
                    "title": collection.replacingUnderscores().capitalizedFirst, "figures": figures]
        }
        return GeneratedPage(url: "/figures/", title: "Figures", template: "figures", values: ["groups": groups])
    }

    // MARK: checks

    package func checksPage() -> GeneratedPage {
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

    /// Every source with a link a reader can follow: its title, or "the article on
    /// <host>" when the title was not preserved; only `http`/`https` addresses become links.
    package func sourcesPage() -> GeneratedPage {
        let phrases = RecordPhrases(language: config.language)
        let sources = model.records("sources").map { record -> [String: Any] in
            let citing = model.figures(citing: record.id).filter(\.isQuantityLike)
            let title = record.text("title")
            var entry: [String: Any] = [
                "id": record.id, "publisher": record.text("publisher") ?? title ?? record.id,
                "language": record.text("language") ?? "", "figure_count": citing.count, "has_figures": !citing.isEmpty,
                "figure_count_words": citing.count == 1 ? "1 figure rests" : "\(citing.count) figures rest",
                "figures": citing.map { ["reference": $0.reference, "url": figureURL($0.reference), "value": text($0)] },
            ]
            if let date = phrases.date(record, "date") { entry["date_html"] = date }
            if let url = record.text("url"), let host = Self.webHost(url) {
                entry["link_url"] = url
                entry["link_text"] = title ?? "The article on \(host)"
                if title == nil { entry["title_missing"] = true }
            } else {
                if let title { entry["title"] = title }
                if let url = record.text("url") { entry["address"] = url } else { entry["no_address"] = true }
            }
            if let note = record.text("note") { entry["note"] = note }
            return entry
        }
        return GeneratedPage(url: "/sources/", title: "Sources", template: "sources", values: ["sources": sources])
    }

    /// The host of an `http` or `https` address (`www.mitrade.com`); nil for anything else,
    /// which is shown as text, not as a link.
    package static func webHost(_ url: String) -> String? {
        let lower = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return nil }
        let host = url.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return String(host.split(separator: "@").last ?? host[...])
    }

    // MARK: data

    package func dataPage() -> GeneratedPage {
        let collections = model.collections.keys.sorted().map { name -> [String: Any] in
            ["name": name, "count": model.records(name).count,
             "csv_url": "\(base)/data/\(name).csv", "json_url": "\(base)/data/\(name).json"]
        }
        return GeneratedPage(url: "/data/", title: "Data", template: "data", values: [
            "collections": collections, "figure_count": model.figures.count,
            "figures_csv_url": "\(base)/data/all-figures.csv", "figures_json_url": "\(base)/data/all-figures.json",
        ])
    }
}

extension String {
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
