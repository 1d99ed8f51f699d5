import Load

/// Where a language's outputs go and how the sitemap ties the languages' versions together.
extension SiteRenderer {
    /// `/es` → `es/`, the folder of a language's tree inside `output/`; `""` for the default.
    static func folder(_ treePath: String) -> String {
        treePath.isEmpty ? "" : String(treePath.dropFirst()) + "/"
    }

    /// The sitemap's alternates of each URL (none on a site in one language): a page's
    /// versions in every language it exists in, the generated pages' in every language, then
    /// `x-default`, the default language's; a page with no translation has none.
    func sitemapAlternates(generated: [String]) -> (String) -> [(String, String)] {
        let config = site.config
        guard config.isMultilingual else { return { _ in [] } }
        var byURL: [String: [(String, String)]] = [:]
        let trees = site.languageTrees
        for page in site.pages {
            let versions = config.languages.compactMap { language in
                trees.version(of: page, in: language).map { (language, site.pages[$0].url) }
            }
            guard versions.count > 1 else { continue }
            let fallback = versions.first { $0.0 == config.language }.map { [("x-default", $0.1)] } ?? []
            byURL[page.url] = versions + fallback
        }
        for url in generated {
            // `/es/figures/` → `/figures/`: every language has every generated page.
            let language = config.languages.dropFirst().first { url.hasPrefix("/\($0)/") }
            let inTree = language.map { String(url.dropFirst($0.count + 1)) } ?? url
            byURL[url] = config.languages.map { ($0, config.treePath($0) + inTree) } + [("x-default", inTree)]
        }
        return { byURL[$0] ?? [] }
    }
}
