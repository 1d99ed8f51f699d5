import Diagnostics
import Foundation
import Incremental
import Load

/// The render stage's part in sharing: each chart drawn as a PNG with its embed page beside
/// it, and each page's share tags (`PageShare`) handed to its template as `page.share_html`.
extension SiteRenderer {
    /// `chart` with its PNG, when there is a rasterizer and it drew it.
    func drawn(_ chart: ChartOutput) -> ChartOutput {
        guard let raster else {
            rasterLog.skipped(chart)
            return chart
        }
        var copy = chart
        switch raster.pngs([chart.id: chart.svg])[chart.id] {
        case .png(let data)?: copy.png = data
        case .failed(let problem)?: rasterLog.failed(chart, problem)
        case nil: break
        }
        return copy
    }

    /// `pages` with their charts' PNGs, all drawn in one parallel run.
    func drawingCharts(of pages: [GeneratedPage]) -> [GeneratedPage] {
        let charts = pages.flatMap(\.charts)
        guard let raster, !charts.isEmpty else {
            charts.forEach { rasterLog.skipped($0) }
            return pages
        }
        let outcomes = raster.pngs(Dictionary(charts.map { ($0.id, $0.svg) }, uniquingKeysWith: { a, _ in a }))
        var copy = pages
        for page in copy.indices {
            for index in copy[page].charts.indices {
                let chart = copy[page].charts[index]
                switch outcomes[chart.id] {
                case .png(let data)?: copy[page].charts[index].png = data
                case .failed(let problem)?: rasterLog.failed(chart, problem)
                case nil: break
                }
            }
        }
        return copy
    }

    /// The files a chart adds for sharing: its PNG (when drawn) and its embed page.
    /// `language` is the words' (a page's `lang`); `tree` the page's language tree (`""`, `/es`),
    /// where the chart's files go (`es/charts/<id>/`).
    func chartShareFiles(_ chart: ChartOutput, storyURL: String, language: String, tree: String) -> [(String, OutputPlan.Content)] {
        let names = sourceNames(language: language)
        var embedPage = ChartEmbed(config: site.config, language: language, assets: site.assets)
        embedPage.words = site.translations.words(for: NewsroomWords.code(language))
        embedPage.tree = tree
        let embed = embedPage
            .page(id: chart.id, title: chart.title, svg: chart.svg, sources: chart.sources.map { (names[$0] ?? $0, $0) }, storyURL: storyURL,
                  corrections: chartCorrections(chart, language: language, tree: tree))
        let folder = Self.folder(tree)
        var files: [(String, OutputPlan.Content)] = [(folder + "charts/\(chart.id)/index.html", .bytes(Data(embed.utf8)))]
        if let png = chart.png { files.append((folder + "charts/\(chart.id).png", .bytes(png))) }
        return files
    }

    /// The corrections of what `chart` draws, for its embed page's credits: each as the words
    /// "Correction of December 20, 2025" and its id on `/changes/`.
    func chartCorrections(_ chart: ChartOutput, language: String, tree: String) -> [(words: String, anchor: String)] {
        guard !history.corrections.isEmpty else { return [] }
        let notes = EditionNotes(history: history, language: language, basePath: site.config.basePath + tree, sourceNames: [:],
                                 words: site.translations.words(for: NewsroomWords.code(language)))
        return history.corrections(citedBy: chart.cited).map {
            (notes.phrase("corrected.mark", ["date": notes.date($0.date)]), ChangesAnchors.correction($0.id))
        }
    }

    /// `values` with `page.share_html` set.
    func withShareHTML(_ values: [String: Any], _ html: String) -> [String: Any] {
        var values = values
        var page = values["page"] as? [String: Any] ?? [:]
        page["share_html"] = html
        values["page"] = page
        return values
    }

    /// A Markdown page's share values: the home page, a list, or a chapter.
    func pageShare(_ page: Page, charts: [ChartOutput], cited: Set<String>, share: ShareSite) -> PageShare {
        let kind: PageShare.Kind = page.url == "/" ? .home : page.kind == .list ? .page : .article
        return share.share(kind: kind, title: page.urlInTree == "/" ? site.config.localized(page.language ?? site.config.language).title : page.meta.title, description: page.meta.description,
                           path: page.url, language: page.meta.lang ?? page.language ?? site.config.language,
                           published: page.meta.date, updated: page.meta.updated, charts: charts, cited: cited, model: site.model)
    }

    /// A generated page's share values; `/data/` is the dataset, with every download.
    func generatedShare(_ page: GeneratedPage, share: ShareSite) -> PageShare {
        let language = page.language.isEmpty ? site.config.language : page.language
        var values = share.share(kind: page.url == "/data/" ? .dataset : .page, title: page.title, description: nil,
                                 path: page.url, language: language, charts: page.charts, model: site.model)
        if page.url == "/data/" {
            let base = site.config.origin + site.config.basePath + "/"
            values.description = NewsroomWords.word("dataset_description", site.translations.words(for: NewsroomWords.code(language)), ["site": site.config.title])
            // The files `DataExport` writes: each collection and all figures, as CSV and JSON.
            let names = site.model.collections.keys.sorted() + ["all-figures"]
            values.distribution = names.flatMap { name in
                [(base + "data/\(name).csv", "text/csv"), (base + "data/\(name).json", "application/json")]
            }
            values.basedOn = Set(share.sourceURLs.values).sorted()
        }
        return values
    }
}

/// What became of the charts' PNGs in one build, gathered from the threads that draw them.
final class RasterLog: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [(SourceLocation, String)] = []
    private var firstSkipped: SourceLocation?

    func failed(_ chart: ChartOutput, _ problem: String) {
        lock.withLock { failures.append((chart.location, "no PNG for chart '\(chart.id)': \(problem)")) }
    }

    func skipped(_ chart: ChartOutput) {
        // A chart of a page generated from the data has no line of its own: the warning goes
        // to the first chart an author wrote, else to site.yaml.
        let location = chart.location.file.hasPrefix("content/") ? chart.location : SourceLocation(file: "content/site.yaml", line: 1, column: 1)
        lock.withLock {
            if firstSkipped.map({ Self.precedes(location, $0) }) ?? true { firstSkipped = location }
        }
    }

    /// A chart in content before site.yaml; then by place.
    private static func precedes(_ a: SourceLocation, _ b: SourceLocation) -> Bool {
        let (aConfig, bConfig) = (a.file == "content/site.yaml", b.file == "content/site.yaml")
        return aConfig != bConfig ? bConfig : a < b
    }

    /// One warning per chart that failed to draw, and with `warnsWithoutRaster` one at the
    /// first chart (by place) saying that no PNG was made at all.
    func diagnostics(warnsWithoutRaster: Bool) -> [Diagnostic] {
        lock.withLock {
            var problems = failures.sorted { $0.0 < $1.0 }.map { Diagnostic.warning(at: $0.0, $0.1) }
            if warnsWithoutRaster, let firstSkipped {
                problems.insert(.warning(at: firstSkipped, "charts are not drawn as PNG (/charts/<id>.png): rsvg-convert was not found on PATH; "
                    + "install it (Debian: apt-get install librsvg2-bin, or scripts/install-deps.sh) for social cards"), at: 0)
            }
            return problems
        }
    }
}
