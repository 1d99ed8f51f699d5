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

    /// `content/money.fr.md` beside `content/money.md` while `fr` is not one of the site's
    /// languages: published as a page of its own at `/money.fr/`, which is seldom what was
    /// meant (a warning; on a site in one language too).
    package static func strayTranslations(in pages: [Page], config: SiteConfig) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var sources: Set<String>?
        for page in pages where page.kind == .regular && page.language == nil {
            // On bytes: walking Characters back from the end cost more than the rest of the check
            // (10,000 pages on every build). The code is 2–3 lowercase ASCII letters.
            let stem = page.sourcePath.utf8.dropLast(3)
            guard let dot = stem.lastIndex(of: UInt8(ascii: ".")), let slash = stem.lastIndex(of: UInt8(ascii: "/")),
                  dot > stem.index(after: slash) else { continue }
            let codeBytes = stem[stem.index(after: dot)...]
            guard (2...3).contains(codeBytes.count), codeBytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { continue }
            let code = String(Substring(codeBytes))
            if sources == nil { sources = Set(pages.map(\.sourcePath)) }
            guard sources!.contains(String(Substring(stem[..<dot])) + ".md") else { continue }
            problems.append(.warning(at: page.location, "\(page.sourcePath) looks like a translation into '\(code)', which is not one of the site's languages (\(config.languages.joined(separator: ", "))): it is published as a page of its own at \(page.url); add '\(code)' to languages in content/site.yaml, or rename the file"))
        }
        return problems
    }

    /// What a site in several languages gets wrong: a default-language page at an address
    /// inside another language's tree (an error), and a page without a translation into a
    /// language (a warning, naming the file to write: the tree links to the default-language
    /// page meanwhile, marked as such).
    package static func problems(in pages: [Page], config: SiteConfig) -> [Diagnostic] {
        let trees = LanguageTrees(pages: pages, config: config)
        let others = config.languages.dropFirst()
        var problems: [Diagnostic] = []
        let sources = Set(pages.map(\.sourcePath))
        for page in pages where page.kind == .regular {
            // `content/moeny.es.md`: a translation of nothing (a typo, or an original renamed).
            if let language = page.language, !sources.contains(String(page.sourcePath.dropLast(language.count + 4)) + ".md"),
               page.translationKey != "folder:" + page.section {
                let original = String(page.sourcePath.dropLast(language.count + 4)) + ".md"
                problems.append(.warning(at: page.location, "\(page.sourcePath) translates \(original), which does not exist: the '\(config.language)' pages cannot link to it; rename it after the page it translates"))
            }
        }
        let stray = strayTranslations(in: pages, config: config)
        problems += stray
        let strayFiles = Set(stray.map(\.location.file))
        for page in pages where page.language == nil && !strayFiles.contains(page.sourcePath) {
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
