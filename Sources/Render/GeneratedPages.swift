import Editions
import Foundation
import Load
import Model
import Quantities

/// A page the build writes from the model rather than from Markdown.
struct GeneratedPage {
    package var url: String
    package var title: String
    package var template: String
    /// Page-specific values, merged into `page` for the template.
    package var values: [String: Any]
    /// Charts the page draws, written beside the pages' own.
    package var charts: [ChartOutput] = []
    /// The language the page is written in (its `i18n` words); set by `GeneratedPages.all()`.
    package var language = ""
    /// The figures the page shows (references) and the records it shows whole (`collection.id`):
    /// what the corrections at its foot are chosen by (`GeneratedCorrections`).
    package var cited: Set<String> = []
    package var records: Set<String> = []
    /// The corrections' block at the end of the page's article, as HTML; empty without one.
    package var foot = ""

    package var outputPath: String { String(url.dropFirst()) + "index.html" }
}

/// The writers of SPEC §3: figures, checks, sources, data, deals, and one page per company.
/// Each is a small function from the model to a page; a collection the data lacks gives no page.
struct GeneratedPages {
    package let model: StoryModel
    package let config: SiteConfig
    let figureLinks: FigureReferences
    package let sourceNames: [String: String]
    /// The language the pages are written in (I18N-PLAN decision 6): its words, dates and
    /// numbers, and its tree, where their links point (`/es/figures/`).
    package let language: String
    /// The interface words of every language; the pages use `language`'s.
    package let translations: Translations
    /// The story's editions and corrections: `/changes/`, and each figure's history on `/figures/`.
    var history = StoryHistory()

    package var locale: QuantityLocale { figureLinks.locale }
    /// The interface words of the pages' language.
    package var words: Words { translations.words(for: language) }

    var chartBlocks: ChartBlocks {
        ChartBlocks(model: model, basePath: base, locale: locale, sourceNames: sourceNames, words: words)
    }
    /// Where the pages of this language start: `""` or `/capex` for the default, `/es` below it for another.
    package var base: String { config.basePath + config.treePath(language) }
    /// Where the downloads are: written once for every language, at the site's own `/data/`
    /// (their keys are machine keys, the same in every language).
    package var downloadBase: String { config.basePath }


    package func all() -> [GeneratedPage] {
        guard !model.collections.isEmpty else { return [] }
        var pages = [figuresPage(), dataPage()]
        if !model.assumptions.isEmpty { pages.append(assumptionsPage()) }
        if !history.isEmpty { pages.append(changesPage()) }
        if model.collections["claims"] != nil { pages.append(checksPage()) }
        if model.collections["sources"] != nil { pages.append(sourcesPage()) }
        if model.collections["deals"] != nil { pages.append(dealsPage()) }
        if model.collections["companies"] != nil {
            pages.append(companiesPage())
            pages += model.records("companies").map(companyPage)
        }
        return pages.map { page in
            var page = withCorrections(page)
            page.language = language
            return page
        }
    }

    func figureURL(_ reference: String) -> String { "\(base)/figures/#\(reference)" }

    package func text(_ figure: Figure?) -> String {
        figure.map { FigureText.format($0, locale: locale, words: words) } ?? ""
    }

    /// The figure at `reference` as a link to its entry, followed by its modality when the
    /// line's record does not already say it ("~525 MW (estimate)"); nil when the data lacks it.
    package func link(_ reference: String, of record: Record? = nil) -> String? {
        model.figures[reference].map {
            figureLinks.link(to: $0, options: FormatOptions()) + phrases.figureNote($0, besides: record)
        }
    }

    var phrases: RecordPhrases { RecordPhrases(language: language, words: words) }

    func sourceList(_ ids: [String]) -> [[String: Any]] {
        ids.enumerated().map { index, id in
            ["id": id, "name": sourceNames[id] ?? id, "url": "\(base)/sources/#\(id)", "last": index == ids.count - 1]
        }
    }
}

extension String {
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
