import Diagnostics
import Markdown
import Model
import Quantities

/// The render stage: every page through cmark-gfm and its templates, plus the site files,
/// into an output plan. Pages render in parallel; each is an independent value.
struct SiteRenderer {
    let site: LoadedSite

    func render() -> (OutputPlan, [Diagnostic]) {
        let context = TemplateContext(site: site)
        let markdown = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML, basePath: site.config.basePath)
        let names = sourceNames
        let rendered = parallelMap(site.pages) { page in
            renderPage(page, context: context, markdown: markdown, sourceNames: names)
        }
        var plan = OutputPlan()
        var diagnostics: [Diagnostic] = []
        var cited = Set<String>()
        var chartIDs: [String: ChartOutput] = [:]
        for (page, result) in zip(site.pages, rendered) {
            diagnostics += result.problems
            cited.formUnion(result.cited)
            if let html = result.html { plan.add(page.outputPath, html) }
            for chart in result.charts {
                if let first = chartIDs[chart.id] {
                    diagnostics.append(.error(at: chart.location, "chart id '\(chart.id)' is already used at \(first.location)"))
                    continue
                }
                chartIDs[chart.id] = chart
                plan.add("charts/\(chart.id).svg", chart.svg)
                plan.add("data/charts/\(chart.id).csv", chart.csv)
            }
        }
        let generated = GeneratedPages(
            model: site.model, config: site.config,
            figureLinks: FigureReferences(model: site.model, sourceNames: names, basePath: site.config.basePath,
                                          locale: QuantityLocale(identifier: site.config.language) ?? .en),
            sourceNames: names
        ).all()
        for page in generated {
            plan.add(page.outputPath, renderGenerated(page, context: context))
            for chart in page.charts {
                plan.add("charts/\(chart.id).svg", chart.svg)
                plan.add("data/charts/\(chart.id).csv", chart.csv)
            }
        }
        if !site.model.collections.isEmpty {
            for file in DataExport(model: site.model).files() { plan.add(file.path, file.text) }
        }
        plan.add("404.html", notFoundPage(context: context))
        plan.add("sitemap.xml", SiteFiles.sitemap(pages: site.pages, generated: generated.map(\.url), config: site.config))
        plan.add("feed.xml", SiteFiles.feed(pages: site.pages, config: site.config))
        plan.add("robots.txt", SiteFiles.robots(config: site.config))
        for asset in site.assets { plan.add(asset.outputPath, asset.bytes) }
        for path in site.staticFiles { plan.copy(String(path.dropFirst("content/".count)), from: path) }
        diagnostics += LinkCheck(basePath: site.config.basePath, plan: plan).brokenLinks(in: zip(site.pages, rendered).compactMap { page, result in
            result.html.map { (page, $0) }
        })
        return (plan, diagnostics)
    }

    struct RenderedPage {
        var html: String?
        var problems: [Diagnostic] = []
        /// The references the page's prose cites, for the figures page and incremental builds.
        var cited: Set<String> = []
        var charts: [ChartOutput] = []
    }

    /// Gathers what the rewriter finds while cmark walks one page; one per page, never shared.
    private final class PageFindings {
        var problems: [Diagnostic] = []
        var cited: Set<String> = []
        var charts: [ChartOutput] = []
    }

    private func renderPage(_ page: Page, context: TemplateContext, markdown: MarkdownRenderer, sourceNames: [String: String]) -> RenderedPage {
        var result = RenderedPage()
        let findings = PageFindings()
        let content = page.body.isEmpty ? "" : markdown.render(page.body, rewriter: rewriter(for: page, findings, sourceNames))
        result.problems = findings.problems
        result.cited = findings.cited
        result.charts = findings.charts
        let values = context.context(for: page, content: content)
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
        let figures = FigureReferences(
            model: site.model, sourceNames: sourceNames, basePath: site.config.basePath,
            locale: QuantityLocale(identifier: page.meta.lang ?? site.config.language) ?? .en
        )
        // Split only for pages that cite figures: most text nodes hold no `{{`.
        var lines: [Substring]?
        let charts = ChartBlocks(model: site.model, basePath: site.config.basePath, locale: figures.locale, sourceNames: sourceNames)
        return MarkdownRewriter(rewriteText: { text in
            if lines == nil { lines = page.body.split(separator: "\n", omittingEmptySubsequences: false) }
            let line = text.line >= 1 && text.line <= lines!.count ? lines![text.line - 1] : nil
            return figures.rewrite(text, page: page, sourceLine: line, diagnostics: &findings.problems, cited: &findings.cited)
        }, rewriteCodeBlock: { block in
            guard block.info == "chart" else { return nil }
            do {
                let (html, output) = try charts.render(code: block.code, file: page.sourcePath,
                                                       firstLine: page.bodyFirstLine + block.line, cited: &findings.cited)
                findings.charts.append(output)
                return html
            } catch let failure as ChartBlocks.Failure {
                findings.problems += failure.diagnostics
                return ""
            } catch {
                return ""
            }
        })
    }

    /// `Business Insider, 2024-01-19` for each source id: how tooltips and entries name sources.
    var sourceNames: [String: String] {
        var names: [String: String] = [:]
        for record in site.model.records("sources") {
            names[record.id] = [record.text("publisher") ?? record.id, record.text("date")].compactMap { $0 }.joined(separator: ", ")
        }
        return names
    }

    private func wrapInLayout(_ body: String, _ values: [String: Any]) -> String {
        var values = values
        values["body"] = body
        return site.templates.render("layout", values) ?? body
    }

    private func renderGenerated(_ page: GeneratedPage, context: TemplateContext) -> String {
        var values = context.shared
        var pageValues = page.values
        pageValues["title"] = page.title
        pageValues["url"] = site.config.basePath + page.url
        pageValues["permalink"] = site.config.origin + site.config.basePath + page.url
        pageValues["is_generated"] = true
        values["page"] = pageValues
        let body = site.templates.render(page.template, values) ?? ""
        return wrapInLayout(body, values)
    }

    private func notFoundPage(context: TemplateContext) -> String {
        var values = context.shared
        values["page"] = ["title": "Page not found", "url": site.config.basePath + "/404.html", "is_404": true] as [String: Any]
        let body = site.templates.render("404", values)
            ?? "<h1>Page not found</h1>\n<p>There is no page at this address. <a href=\"\(site.config.basePath)/\">Go to the front page</a>.</p>\n"
        return wrapInLayout(body, values)
    }
}
