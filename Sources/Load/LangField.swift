import Diagnostics
import Foundation

extension LanguageTrees {
    /// A page's `lang:` front-matter field, checked against the site's languages
    /// (`content/site.yaml`) and the page's file name.
    ///
    /// A translation's language is its file name's (`money.es.md` is the `es` page, in the
    /// `/es/` tree): a `lang` that says another is an error at its value, since the page
    /// cannot be both. On a page of the default language's tree, `lang` names the language
    /// the page is written in (a Spanish page on an English site: its `<html lang>`, numbers
    /// and interface words follow it); a language that is not one of the site's and that
    /// capex has no words for (built in: `en`, `es`) is a warning there, naming the site's
    /// languages, since the page's words and numbers stay in the default language. A region
    /// (`en-GB`) is judged by its language (`en`).
    package static func langFields(in pages: [Page], config: SiteConfig) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        let languages = config.languages.joined(separator: ", ")
        for page in pages {
            // `meta` of a page loaded from the cache is parsed when first read: only for
            // front matter that can hold the field (parsing all of 10,000 cost 70 ms a rebuild).
            guard page.mayHoldLang ?? Self.mayHoldLang(page.frontMatter) else { continue }
            guard let lang = page.meta.lang, let node = page.meta.node?["lang"] else { continue }
            guard seen.insert(node.location.file + "\u{0}" + String(node.location.line)).inserted else { continue }
            let base = String(lang.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
            let file = node.location.file
            if let language = page.language {
                guard base != language else { continue }
                problems.append(.error(at: node.location, "lang '\(lang)' contradicts the file name: \(file) is the '\(language)' translation; remove 'lang', or rename the file (the site's languages: \(languages))"))
            } else if !config.languages.contains(base), Translations.builtInTexts(base).isEmpty {
                problems.append(.warning(at: node.location, "lang '\(lang)' is neither one of the site's languages (\(languages)) nor one capex has words for (en, es): the page's interface words and numbers stay in '\(config.language)'; add '\(base)' to languages in content/site.yaml, or correct 'lang'"))
            }
        }
        return problems
    }

    /// Whether `yaml` holds the bytes `lang` anywhere (a byte scan, `mentions`: Foundation's
    /// `contains` goes through CFString, 10 % of a one-page rebuild at 10,000 pages).
    static func mayHoldLang(_ yaml: String) -> Bool {
        mentions(["lang"], in: yaml)
    }
}
