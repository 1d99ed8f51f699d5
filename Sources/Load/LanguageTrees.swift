import Diagnostics

/// Which pages are translations of one another, language by language (I18N-PLAN
/// decisions 1–2): `content/money.md` and `content/money.es.md` are one page in two
/// languages, the folder's list or `index.md` and their translations another. Built once per
/// load; empty for a site in one language.
package struct LanguageTrees: Sendable {
    /// The site's languages, the default first.
    package let languages: [String]
    /// Translation key → language → index in the loaded `pages`.
    private let versions: [String: [String: Int]]

    package init(pages: [Page], config: SiteConfig) {
        languages = config.languages
        guard config.isMultilingual else {
            versions = [:]
            return
        }
        var versions: [String: [String: Int]] = [:]
        for (index, page) in pages.enumerated() {
            versions[page.translationKey, default: [:]][page.language ?? config.language] = index
        }
        self.versions = versions
    }

    /// The index of `page`'s version in `language`, nil when that language lacks it.
    package func version(of page: Page, in language: String) -> Int? {
        versions[page.translationKey]?[language]
    }

    /// The index of the version in `language` of the page whose translation key is `key`.
    package func version(key: String, in language: String) -> Int? {
        versions[key]?[language]
    }

    /// What a site in several languages gets wrong: a default-language page at an address
    /// inside another language's tree (an error), and a page without a translation into a
    /// language (a warning, naming the file to write: the tree links to the default-language
    /// page meanwhile, marked as such).
    package static func problems(in pages: [Page], config: SiteConfig) -> [Diagnostic] {
        let trees = LanguageTrees(pages: pages, config: config)
        let others = config.languages.dropFirst()
        var problems: [Diagnostic] = []
        for page in pages where page.language == nil {
            if let language = others.first(where: { page.url.hasPrefix("/\($0)/") }) {
                problems.append(.error(at: page.location, "URL \(page.url) is inside the '\(language)' pages' tree (/\(language)/), which holds the translations: move or rename this page, or translate it as a '.\(language).md' file"))
                continue
            }
            // A folder's generated list is made in every language; its introduction is a page.
            guard page.sourcePath.hasSuffix(".md") else { continue }
            for language in others {
                if let index = trees.version(of: page, in: language), pages[index].sourcePath != page.sourcePath { continue }
                let file = String(page.sourcePath.dropLast(3)) + ".\(language).md"
                problems.append(.warning(at: page.location, "\(page.sourcePath) has no '\(language)' translation (\(file)): the '\(language)' pages link to this '\(config.language)' page instead, marked as such"))
            }
        }
        return problems
    }
}
