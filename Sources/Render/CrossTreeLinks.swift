import Diagnostics
import Load

/// A link written in a translation's Markdown to a page of the default language's tree when
/// the translation's own tree has that page (`[checks](/checks/)` in `money.es.md`, where
/// `/es/checks/` exists) sends its reader to the wrong language: a warning at the link,
/// naming the address to write instead. Links the templates make (navigation, switcher,
/// links marked as untranslated) are not the author's and are not looked at.
struct CrossTreeLinks {
    let config: SiteConfig
    /// Site-relative default-language URL → language → that language's URL.
    private var versions: [String: [String: String]] = [:]

    /// `generated`: the generated pages' URLs in every tree (`/figures/`, `/es/figures/`).
    init(site: LoadedSite, generated: [String]) {
        config = site.config
        let trees = site.languageTrees
        for page in site.pages where page.language == nil {
            for language in config.languages.dropFirst() {
                if let index = trees.version(of: page, in: language) { versions[page.url, default: [:]][language] = site.pages[index].url }
            }
        }
        let made = Set(generated)
        for url in generated where !config.languages.dropFirst().contains(where: { url.hasPrefix("/\($0)/") }) {
            for language in config.languages.dropFirst() where made.contains(config.treePath(language) + url) {
                versions[url, default: [:]][language] = config.treePath(language) + url
            }
        }
    }

    /// One warning per target per translated page; `location` finds where the Markdown has the link.
    func warnings(in pages: [(Page, [String])], location: (String, Page) -> SourceLocation) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (page, targets) in pages {
            guard let language = page.language else { continue }
            var seen = Set<String>()
            for target in targets where seen.insert(target).inserted {
                guard target.hasPrefix(config.basePath + "/") else { continue }
                let path = String(target.dropFirst(config.basePath.count).prefix { $0 != "#" && $0 != "?" })
                guard let own = versions[path]?[language] else { continue }
                let at = location(target, page)
                // Not in the Markdown: a template's link, made on purpose.
                guard at != page.location else { continue }
                let rest = target.dropFirst(config.basePath.count + path.count)
                problems.append(.warning(at: at, "link to \(target) goes to the '\(config.language)' page; this '\(language)' page's own is \(config.basePath + own + rest)"))
            }
        }
        return problems
    }
}
