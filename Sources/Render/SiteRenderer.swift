import Diagnostics
import Editions
import Foundation
import Incremental
import Load
import Markdown
import Model
import Quantities

/// The render stage: every page through cmark-gfm and its templates, plus the site files,
/// into an output plan. Pages render in parallel; each is an independent value.
package struct SiteRenderer {
    package init(site: LoadedSite) {
        self.site = site
    }

    package let site: LoadedSite
    /// The story's editions and corrections (`/changes/`, the notes on chapters, the feed);
    /// empty for a site without them, which renders as it always did.
    package var history = StoryHistory()
    /// Draws each chart's PNG (`/charts/<id>.png`); nil: no PNGs (`capex check`, or no
    /// rasterizer, which `warnsWithoutRaster` reports once).
    package var raster: ChartRaster?
    /// Say once, at the first chart drawn, that PNGs were skipped for want of `rsvg-convert`.
    package var warnsWithoutRaster = false
    /// What became of each chart's PNG this build, for the warnings.
    let rasterLog = RasterLog()

    package struct Result {
        /// The files rendered this time; with no reuse, the whole site.
        package var plan = OutputPlan()
        /// Every group of outputs, rendered or kept, as the next manifest records it.
        package var groups: [String: BuildManifest.Group] = [:]
        /// The keys of the groups rendered this time.
        package var rendered: Set<String> = []
        package var diagnostics: [Diagnostic] = []
        package var pagesRendered = 0
    }

    package func render(reuse: Reuse? = nil, showProgress: Bool = false) -> Result {
        let config = site.config
        // Everything below that a reader reads is made once per language, each with its own
        // context (I18N-PLAN decision 6); a page takes its own language's.
        let summaries = PageSummaries(site: site)
        let contexts = Dictionary(config.languages.map { ($0, TemplateContext(site: site, language: $0, summaries: summaries)) }) { first, _ in first }
        let namesByLanguage = Dictionary(config.languages.map { ($0, sourceNames(language: $0)) }) { first, _ in first }
        func language(_ page: Page) -> String { page.language ?? config.language }
        let markdown = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML, basePath: site.config.basePath)
        let templates = site.templates
        // On a site in several languages, every page shows its translations (switcher,
        // alternates, links marked as untranslated): which pages exist in which language.
        let languageDeps: Set<String> = config.isMultilingual ? ["translations"] : []
        let share = ShareSite(site: site)
        // A page's share tags only for templates that show them: no template, no tags to make
        // (a key is read only where a template names it).
        let showsShareTags = templates.texts.values.contains { $0.contains("share_html") }
        var result = Result()
        result.diagnostics += share.problems
        // Kept groups stay as the last build recorded them; rendered ones replace theirs, and
        // the ones no longer made are dropped at the end.
        result.groups = reuse?.manifest.groups ?? [:]
        var keptKeys: [String] = []
        var chartLocations: [String: SourceLocation] = [:]

        func add(_ made: MadeGroup) {
            for (path, content) in made.files { result.plan.files.append(OutputPlan.File(path: path, content: content)) }
            result.groups[made.key] = BuildManifest.Group(files: made.hashes, deps: made.deps, links: made.links)
            result.rendered.insert(made.key)
        }
        func keep(_ key: String) {
            keptKeys.append(key)
        }

        // Pages, in parallel: the ones whose inputs changed. What a page uses whatever its
        // text says: its template and the layout (with their partials), its file, and the
        // page list if it is a list.
        let layoutDeps = templates.dependencies(of: "layout")
        var depsByTemplate: [String: Set<String>] = [:]
        for name in templates.names.union(["layout"]) {
            depsByTemplate[name] = templates.dependencies(of: name).union(layoutDeps).union(languageDeps)
        }
        func templateDeps(_ page: Page) -> Set<String> {
            depsByTemplate[templates.templateName(for: page)] ?? layoutDeps.union(languageDeps)
        }
        func ownDeps(_ page: Page) -> [String] {
            (page.sourcePath.hasSuffix(".md") ? ["file:" + page.sourcePath] : []) + (page.kind == .list ? ["pagelist"] : [])
        }
        let pages = site.pages
        let pageKeys = pages.map { "page:" + $0.url }
        // Decided on every core: 10,000 pages' dependencies, 10 ms on one.
        let dirty = reuse.map { reuse in
            let clean = parallelMap(Array(pages.indices)) { reuse.isClean(pageKeys[$0], requiring: templateDeps(pages[$0]), also: ownDeps(pages[$0])) }
            return pages.indices.filter { !clean[$0] }
        } ?? Array(pages.indices)
        let progress = BuildProgress(total: dirty.count, enabled: showProgress)
        // Links to a page, an asset or a static file need no second look once the pages are
        // made: each page's are looked up among these in its own task.
        var known = Set(pages.map(\.outputPath))
        known.formUnion(site.assets.map(\.outputPath))
        known.formUnion(site.staticFiles.map { String($0.dropFirst("content/".count)) })
        let precheck = LinkCheck(basePath: site.config.basePath) { [known] in known.contains($0) }
        let renderOne = { (index: Int) -> RenderedPage in
            defer { progress?.tick() }
            let (page, problem) = site.withBody(pages[index])
            if let problem { return RenderedPage(html: nil, problems: [problem]) }
            var rendered = renderPage(page, at: index, context: contexts[language(page)]!, markdown: markdown, sourceNames: namesByLanguage[language(page)]!,
                                      share: showsShareTags ? share : nil)
            // The page's bytes, their hash and its link targets here, on every core, not after.
            if let html = rendered.html {
                rendered.bytes = Data(html.utf8)
                rendered.hash = Hash.content(rendered.bytes)
                // Each target once: a layout links home from every page, often several times.
                var seen = Set<String>()
                rendered.links = LinkCheck.targets(in: html).filter { seen.insert($0).inserted }
                rendered.html = ""
            }
            return rendered
        }
        // A page's group (its file and its charts') made in its task too.
        let makePage = { (index: Int) -> PageOutcome in
            let rendered = renderOne(index)
            var outcome = PageOutcome(problems: rendered.problems)
            guard rendered.html != nil else { return outcome }
            let page = pages[index]
            var files: [(String, OutputPlan.Content)] = [(page.outputPath, .bytes(rendered.bytes))]
            // A translation's charts say their words in its language: they live in its tree.
            let tree = Self.folder(config.treePath(language(page)))
            for chart in rendered.charts {
                outcome.chartLocations.append((tree + "charts/\(chart.id).svg", chart.location))
                files.append((tree + "charts/\(chart.id).svg", .bytes(Data(chart.svg.utf8))))
                files.append((tree + "data/charts/\(chart.id).csv", .bytes(Data(chart.csv.utf8))))
                files += chartShareFiles(chart, storyURL: share.config.origin + share.config.basePath + page.url,
                                         language: page.meta.lang ?? language(page), tree: config.treePath(language(page)))
            }
            var deps = templateDeps(page).union(ownDeps(page)).union(rendered.cited.map { "figure:" + $0 })
            if !rendered.charts.isEmpty { deps.formUnion(["model", "words"]) }
            deps.formUnion(share.dependencies(citing: !rendered.cited.isEmpty))
            outcome.group = MadeGroup(key: pageKeys[index], files: files, deps: deps, links: rendered.links,
                                      hashed: [page.outputPath: rendered.hash])
            outcome.unresolved = rendered.links.filter { !precheck.exists($0) }
            return outcome
        }
        let jobs = siteJobs(reuse: reuse, contexts: contexts, namesByLanguage: namesByLanguage, share: share, showsShareTags: showsShareTags)
        let (siteOutputs, outcomes) = parallelPhase(tasks: jobs.tasks, count: dirty.count) { makePage(dirty[$0]) }
        progress?.finish()
        result.pagesRendered = dirty.count
        // Links to check: every rendered page's; a kept page's only if a file it linked to may be gone.
        var pageLinks: [(index: Int, links: [String])] = []
        // Of those, the ones not found among the pages, assets and static files (all of a
        // page's, if a page failed: its file is not written).
        var linksToCheck: [(index: Int, links: [String])] = []
        let somePageFailed = outcomes.contains { $0.group == nil }
        var kept: [Int] = []
        var next = 0
        for index in pages.indices {
            guard next < dirty.count, dirty[next] == index else {
                keep(pageKeys[index])
                kept.append(index)
                continue
            }
            let outcome = outcomes[next]
            next += 1
            result.diagnostics += outcome.problems
            guard let group = outcome.group else { continue }
            for (path, location) in outcome.chartLocations { chartLocations[path, default: location] = location }
            add(group)
            pageLinks.append((index, group.links))
            linksToCheck.append((index, somePageFailed ? group.links : outcome.unresolved))
        }

        let made = siteOutputs.reduce(into: SiteJob.Output()) { $0.merge($1) }
        for key in jobs.kept + made.kept { keep(key) }
        for group in made.groups { add(group) }
        let generatedURLs = jobs.generatedURLs ?? made.generatedURLs
        if let exportFiles = made.exports {
            add(MadeGroup(key: "exports", files: exportFiles.map { ($0.path, $0.content) }, deps: ["model"],
                          hashed: Dictionary(exportFiles.map { ($0.path, $0.hash) }) { a, _ in a }))
        }
        if let feeds = made.feeds {
            let generatedEntries = SiteFiles.sitemapEntries(pages: [], generated: generatedURLs, config: config,
                                                            alternates: sitemapAlternates(generated: generatedURLs))
            let sitemap = SiteFiles.sitemap(entries: SiteFiles.merging(made.sitemapEntries, generatedEntries), config: config)
            var files: [(String, OutputPlan.Content)] = [("sitemap.xml", .bytes(Data(sitemap.utf8)))]
            files += feeds.map { ($0.path, $0.content) }
            files.append(("robots.txt", .bytes(Data(SiteFiles.robots(config: config).utf8))))
            add(MadeGroup(key: "sitefiles", files: files, deps: jobs.siteFileDeps,
                          hashed: Dictionary(feeds.map { ($0.path, $0.hash) }) { a, _ in a }))
        }
        for asset in site.assets {
            let key = "asset:" + asset.sourcePath, deps: Set = ["file:" + asset.sourcePath]
            if reuse?.isClean(key, requiring: deps) ?? false { keep(key) } else { add(MadeGroup(key: key, files: [(asset.outputPath, .bytes(asset.bytes))], deps: deps)) }
        }
        for path in site.staticFiles {
            let key = "static:" + path, deps: Set = ["file:" + path]
            if reuse?.isClean(key, requiring: deps) ?? false { keep(key) } else {
                add(MadeGroup(key: key, files: [(String(path.dropFirst("content/".count)), .copy(from: path))], deps: deps,
                              fingerprint: { reuse?.fingerprints.of($0) }))
            }
        }

        var droppedKeys: [String] = []
        if let reuse, keptKeys.count + result.rendered.count(where: { reuse.manifest.groups[$0] != nil }) != reuse.manifest.groups.count {
            let made = Set(keptKeys).union(result.rendered)
            droppedKeys = result.groups.keys.filter { !made.contains($0) }
            for key in droppedKeys { result.groups[key] = nil }
        }
        // Two groups may not write one path (a chart id used twice, say). Looked for in any
        // order; reported in key order when found.
        var owner: [String: String] = [:]
        owner.reserveCapacity(result.groups.count * 2)
        var collides = false
        for (key, group) in result.groups {
            for path in group.files.keys where owner.updateValue(key, forKey: path) != nil { collides = true }
        }
        if collides { result.diagnostics += collisions(in: result.groups, chartLocations: chartLocations) }

        // The links of a kept page were all good last time: they need checking again only if
        // a file the last build wrote is gone.
        // Only a group dropped or rendered again can have lost a file.
        let removedFiles = reuse.map { reuse in
            result.rendered.union(droppedKeys).contains { key in
                guard let before = reuse.manifest.groups[key] else { return false }
                guard let now = result.groups[key] else { return !before.files.isEmpty }
                return before.files.keys.contains { now.files[$0] == nil }
            }
        } ?? true
        // The translations' own links, on the pages rendered this time.
        if config.isMultilingual {
            let crossTree = CrossTreeLinks(site: site, generated: generatedURLs)
            result.diagnostics += crossTree.warnings(in: pageLinks.map { (site.withBody(pages[$0.index]).0, $0.links) })
        }
        if removedFiles {
            linksToCheck += kept.map { ($0, result.groups[pageKeys[$0]]?.links ?? []) }
            linksToCheck.sort { $0.index < $1.index }
        }
        let linkCheck = LinkCheck(basePath: site.config.basePath) { owner[$0] != nil }
        result.diagnostics += linkCheck.brokenLinks(in: linksToCheck.filter { !$0.links.isEmpty }.map { (pages[$0.index], $0.links) }) {
            site.withBody($0).0
        }
        result.diagnostics += rasterLog.diagnostics(warnsWithoutRaster: warnsWithoutRaster && raster == nil)
        // A full build asked for every chart: the cache keeps only those.
        if reuse == nil { raster?.prune() }
        return result
    }

    private func collisions(in groups: [String: BuildManifest.Group], chartLocations: [String: SourceLocation]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var owner: [String: String] = [:]
        func place(_ key: String, _ path: String) -> SourceLocation {
            site.pages.first { "page:" + $0.url == key }?.location ?? .start(of: "content")
        }
        for (key, group) in groups.sorted(by: { $0.key < $1.key }) {
            for path in group.files.keys.sorted() {
                guard let first = owner[path] else { owner[path] = key; continue }
                // A chart's SVG stands for its other files (PNG, embed page, CSV): one error per chart.
                if path.hasPrefix("charts/") && path.hasSuffix(".svg") {
                    let id = path.dropFirst("charts/".count).dropLast(".svg".count)
                    let here = chartLocations[path].flatMap { $0.file == place(key, path).file ? $0 : nil } ?? place(key, path)
                    problems.append(.error(at: here, "chart id '\(id)' is already used at \(place(first, path).file)"))
                } else if !(Self.writesChart(path, group) && Self.writesChart(path, groups[first])) {
                    // At the one that is not the chart's: the page in the chart's way.
                    let (here, other) = Self.writesChart(path, group) ? (first, key) : (key, first)
                    problems.append(.error(at: place(here, path), "'\(path)' is written twice (also by \(other))"))
                }
            }
        }
        return problems
    }

    /// Whether `group` writes `path` as a chart's PNG, embed page or CSV (`charts/<id>.png`,
    /// `charts/<id>/index.html`, `data/charts/<id>.csv`, in any language's tree), that is
    /// with the chart's SVG. Two groups that both do draw one chart twice, which the SVG's
    /// error reports; a page or a static file at one of those paths (`content/charts/<id>.md`)
    /// writes no SVG, and is reported rather than silently replaced by the embed page.
    static func writesChart(_ path: String, _ group: BuildManifest.Group?) -> Bool {
        guard let group, let range = path.range(of: "charts/") else { return false }
        var prefix = String(path[..<range.lowerBound])
        if prefix.hasSuffix("data/") { prefix.removeLast("data/".count) }
        guard let id = path[range.upperBound...].split(separator: "/").first?.split(separator: ".").first else { return false }
        return group.files[prefix + "charts/" + id + ".svg"] != nil
    }

    struct RenderedPage {
        /// Nil when the page failed; emptied once `bytes` hold it.
        package var html: String?
        /// The page's file, its hash (`Hash.content`) and the root-relative links it holds, each once.
        package var bytes = Data()
        package var hash = ""
        package var links: [String] = []
        package var problems: [Diagnostic] = []
        /// The references the page's prose cites, for the figures page and incremental builds.
        package var cited: Set<String> = []
        package var charts: [ChartOutput] = []
    }

    /// Gathers what the rewriter finds while cmark walks one page; one per page, never shared.
    private final class PageFindings {
        var problems: [Diagnostic] = []
        var cited: Set<String> = []
        var charts: [ChartOutput] = []
    }

    /// `share`: nil when no template shows the share tags.
    private func renderPage(_ page: Page, at index: Int, context: TemplateContext, markdown: MarkdownRenderer, sourceNames: [String: String],
                            share: ShareSite?) -> RenderedPage {
        var result = RenderedPage()
        let findings = PageFindings()
        var content = page.body.isEmpty ? "" : markdown.render(page.body, rewriter: rewriter(for: page, findings, sourceNames))
        if let notes = notes(for: page, sourceNames) {
            content = notes.updatedNote(cited: findings.cited) + content + notes.correctionsFoot(cited: findings.cited)
        }
        result.problems = findings.problems
        result.cited = findings.cited
        result.charts = findings.charts
        // The share tags go in with the rest: set afterwards, they cost a copy of the page's values.
        let shareHTML = share.map { $0.headHTML(pageShare(page, charts: findings.charts, cited: findings.cited, share: $0)) }
        let values = context.context(for: page, at: index, content: content, shareHTML: shareHTML)
        let name = site.templates.templateName(for: page)
        guard let body = site.templates.render(name, values) else {
            result.problems.append(.error(at: page.location, "no template '\(name)'"))
            return result
        }
        result.html = wrapInLayout(body, values)
        return result
    }

    /// Figures in the page's text; the rewriter runs synchronously inside `render`.
    private func rewriter(for page: Page, _ findings: PageFindings, _ sourceNames: [String: String]) -> MarkdownRewriter {
        // Links to the figures, sources and chart data of the page's own language's tree.
        let base = site.config.basePath + site.config.treePath(page.language ?? site.config.language)
        // The front matter read once (`Page.meta` copies it out at each read).
        let language = page.meta.lang ?? page.language ?? site.config.language
        var figures = FigureReferences(
            model: site.model, sourceNames: sourceNames, basePath: base,
            locale: QuantityLocale(identifier: language) ?? .en, words: site.translations.words(for: language)
        )
        figures.notes = notes(for: page, sourceNames)
        // Split only for pages that cite figures: most text nodes hold no `{{`.
        var lines: [Substring]?
        let charts = ChartBlocks(model: site.model, basePath: base, locale: figures.locale, sourceNames: sourceNames,
                                 words: figures.words)
        return MarkdownRewriter(codeBlockInfos: ["chart"], rewriteText: { text in
            if lines == nil { lines = page.body.split(separator: "\n", omittingEmptySubsequences: false) }
            let line = text.line >= 1 && text.line <= lines!.count ? lines![text.line - 1] : nil
            return figures.rewrite(text, page: page, sourceLine: line, diagnostics: &findings.problems, cited: &findings.cited)
        }, rewriteCodeBlock: { block in
            guard block.info == "chart" else { return nil }
            do {
                var chartCited = Set<String>()
                let (html, rendered) = try charts.render(code: block.code, file: page.sourcePath,
                                                         firstLine: page.bodyFirstLine + block.line, cited: &chartCited)
                findings.cited.formUnion(chartCited)
                var output = drawn(rendered)
                output.cited = chartCited
                findings.charts.append(output)
                var embed = ChartEmbed(config: site.config, language: language)
                embed.words = site.translations.words(for: NewsroomWords.code(embed.language))
                embed.tree = site.config.treePath(page.language ?? site.config.language)
                return embed.inserting(into: html, id: output.id, title: output.title, svg: output.svg, hasPNG: output.png != nil)
            } catch let failure as ChartBlocks.Failure {
                findings.problems += failure.diagnostics
                return ""
            } catch {
                return ""
            }
        })
    }

    /// The notes a page gets from the story's history, in its language; nil without one.
    private func notes(for page: Page, _ sourceNames: [String: String]) -> EditionNotes? {
        guard !history.isEmpty else { return nil }
        let language = page.meta.lang ?? page.language ?? site.config.language
        return EditionNotes(history: history, language: language,
                            basePath: site.config.basePath + site.config.treePath(page.language ?? site.config.language), sourceNames: sourceNames,
                            words: site.translations.words(for: NewsroomWords.code(language)))
    }

    /// `Business Insider, July 30, 2024` for each source id: how tooltips and entries name
    /// sources in `language`, the date at the precision the data gives it (`date_precision`).
    package func sourceNames(language: String) -> [String: String] {
        var names: [String: String] = [:]
        for record in site.model.records("sources") {
            let date = RecordDate(record, "date")?.display(language: language)
            names[record.id] = [record.text("publisher", language: language) ?? record.text("title", language: language) ?? record.id, date].compactMap { $0 }.joined(separator: ", ")
        }
        return names
    }

    private func wrapInLayout(_ body: String, _ values: [String: Any]) -> String {
        var values = values
        values["body"] = body
        return site.templates.render("layout", values) ?? body
    }

    /// `page.url` is in its language's tree (`/es/figures/`); `urlInTree` without it (`/figures/`),
    /// the same in every language.
    func renderGenerated(_ page: GeneratedPage, urlInTree: String, context: TemplateContext, share: ShareSite?) -> String {
        var values = context.shared(for: page.template, language: page.language.isEmpty ? context.language : page.language)
        var pageValues = page.values
        pageValues["title"] = page.title
        pageValues["url"] = site.config.basePath + page.url
        pageValues["permalink"] = site.config.origin + site.config.basePath + page.url
        pageValues["is_generated"] = true
        let config = site.config
        if config.isMultilingual {
            pageValues.merge(context.languageValues(page: context.language) { config.basePath + config.treePath($0) + urlInTree }) { $1 }
        }
        values["page"] = pageValues
        if let share { values = withShareHTML(values, share.headHTML(generatedShare(page, share: share))) }
        let body = page.insertingFoot(into: site.templates.render(page.template, values) ?? "")
        return wrapInLayout(body, values)
    }

    func notFoundPage(context: TemplateContext, share: ShareSite?) -> String {
        let words = site.translations.words(for: context.language)
        var values = context.shared(for: "404")
        let path = site.config.treePath(context.language) + "/404.html"
        var pageValues: [String: Any] = ["title": words["not_found_title"], "url": site.config.basePath + path, "is_404": true]
        // No address to switch to: the switcher offers the other languages' home pages.
        if site.config.isMultilingual { pageValues.merge(context.languageValues(page: context.language) { _ in nil }) { $1 } }
        values["page"] = pageValues
        if let share {
            values = withShareHTML(values, share.headHTML(share.share(kind: .page, title: site.config.title, description: nil,
                                                                      path: path, language: context.language, model: site.model)))
        }
        let body = site.templates.render("404", values)
            ?? "<h1>\(words.html("not_found_title"))</h1>\n<p>\(words.html("not_found_before_link")) <a href=\"\(site.config.basePath + site.config.treePath(context.language))/\">\(words.html("not_found_link"))</a>\(words.html("not_found_after_link"))</p>\n"
        return wrapInLayout(body, values)
    }
}
