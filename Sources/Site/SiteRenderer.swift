import Diagnostics
import Markdown

/// The render stage: every page through cmark-gfm and its templates, plus the site files,
/// into an output plan. Pages render in parallel; each is an independent value.
struct SiteRenderer {
    let site: LoadedSite

    func render() -> (OutputPlan, [Diagnostic]) {
        let context = TemplateContext(site: site)
        let markdown = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML)
        let rendered = parallelMap(site.pages) { page in
            renderPage(page, context: context, markdown: markdown)
        }
        var plan = OutputPlan()
        var diagnostics: [Diagnostic] = []
        for (page, result) in zip(site.pages, rendered) {
            switch result {
            case .success(let html): plan.add(page.outputPath, html)
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        plan.add("404.html", notFoundPage(context: context))
        plan.add("sitemap.xml", SiteFiles.sitemap(pages: site.pages, config: site.config))
        plan.add("feed.xml", SiteFiles.feed(pages: site.pages, config: site.config))
        plan.add("robots.txt", SiteFiles.robots(config: site.config))
        for asset in site.assets { plan.add(asset.outputPath, asset.bytes) }
        for path in site.staticFiles { plan.copy(String(path.dropFirst("content/".count)), from: path) }
        return (plan, diagnostics)
    }

    private func renderPage(_ page: Page, context: TemplateContext, markdown: MarkdownRenderer) -> Result<String, Diagnostic> {
        let content = page.body.isEmpty ? "" : markdown.render(page.body)
        let values = context.context(for: page, content: content)
        let name = site.templates.templateName(for: page)
        guard let body = site.templates.render(name, values) else {
            return .failure(.error(at: page.location, "no template '\(name)'"))
        }
        return .success(wrapInLayout(body, values))
    }

    private func wrapInLayout(_ body: String, _ values: [String: Any]) -> String {
        var values = values
        values["body"] = body
        return site.templates.render("layout", values) ?? body
    }

    private func notFoundPage(context: TemplateContext) -> String {
        var values = context.shared
        values["page"] = ["title": "Page not found", "url": site.config.basePath + "/404.html", "is_404": true] as [String: Any]
        let body = site.templates.render("404", values)
            ?? "<h1>Page not found</h1>\n<p>There is no page at this address. <a href=\"\(site.config.basePath)/\">Go to the front page</a>.</p>\n"
        return wrapInLayout(body, values)
    }
}
