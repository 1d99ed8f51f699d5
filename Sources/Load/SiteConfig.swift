import Diagnostics

/// `content/site.yaml`: the site's title, address, languages and Markdown options.
public struct SiteConfig: Sendable {
    public var title: String
    public var baseURL: String {
        get { address.baseURL }
        set { address = Address(newValue) }
    }
    /// `base_url` with its parts, worked out once: every page reads them a dozen times.
    private var address: Address
    /// The default language (`languages`' first, else `language`, else `en`): its tree is
    /// the site's root. Only the default: whatever renders per language takes its language
    /// explicitly (I18N-PLAN decision 6).
    public var language: String
    /// Every language the site is written in, the default first: `[en, es]` builds `/` in
    /// English and `/es/…` in Spanish.
    public var languages: [String]
    public var author: String?
    public var description: String?
    /// `title` and `description` in the site's other languages, where site.yaml gives them as
    /// `title: {en: …, es: …}` (the default language's text is `title` itself).
    public var titles: [String: String] = [:]
    public var descriptions: [String: String] = [:]
    public var unsafeHTML: Bool
    /// Every field as written, for templates (`{{site.any_field}}`).
    package var node: YAMLNode?

    package static let fileName = "site.yaml"

    /// Reads the config; a missing file is an error because the feed and sitemap need a title and address.
    package static func load(_ node: YAMLNode?, file: String, baseURLOverride: String?) -> (SiteConfig, [Diagnostic]) {
        var reader = FieldReader(node)
        var diagnostics: [Diagnostic] = []
        let (language, languages, languageProblems) = Self.languages(&reader, file: file)
        diagnostics += languageProblems
        let (title, titles) = Self.translatable("title", &reader, language: language, languages: languages, problems: &diagnostics)
        let (description, descriptions) = Self.translatable("description", &reader, language: language, languages: languages, problems: &diagnostics)
        if title == nil, reader.location(of: "title") == nil {
            diagnostics.append(.error(at: .start(of: file), "site.yaml needs a 'title'"))
        }
        var baseURL = baseURLOverride ?? reader.string("base_url") ?? "http://localhost:8000/"
        if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            let location = baseURLOverride == nil
                ? (reader.location(of: "base_url") ?? .start(of: file))
                : SourceLocation(file: "--base-url", line: 1, column: 1)
            diagnostics.append(.error(at: location, "base_url must start with http:// or https://, not '\(baseURL)'"))
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        var unsafeHTML = false
        if let markdown = node?["markdown"] {
            var markdownReader = FieldReader(markdown)
            unsafeHTML = markdownReader.bool("unsafe_html") ?? false
            diagnostics += markdownReader.diagnostics
        }
        var config = SiteConfig(
            title: title ?? "Untitled",
            address: Address(baseURL),
            language: language,
            languages: languages,
            author: reader.string("author"),
            description: description,
            unsafeHTML: unsafeHTML,
            node: node
        )
        config.titles = titles
        config.descriptions = descriptions
        return (config, diagnostics + reader.diagnostics)
    }

    /// The config as `language`'s pages say it: its title and description in that language
    /// where site.yaml translates them, else the default language's.
    public func localized(_ language: String) -> SiteConfig {
        var copy = self
        copy.title = titles[language] ?? title
        copy.description = descriptions[language] ?? description
        return copy
    }

    /// A text field that is plain text, or a mapping `{en: …, es: …}` over the site's
    /// languages (the data's form, decision 3 of issue 12): the default language's text and
    /// the others'. A key that is not a site language, or a mapping without the default
    /// language, is an error at its line.
    private static func translatable(_ key: String, _ reader: inout FieldReader, language: String, languages: [String],
                                     problems: inout [Diagnostic]) -> (String?, [String: String]) {
        guard let entries = reader.node?[key]?.entries else { return (reader.string(key), [:]) }
        var texts: [String: String] = [:]
        for entry in entries {
            guard languages.contains(entry.key) else {
                problems.append(.error(at: entry.keyLocation, "'\(entry.key)' in '\(key)' is not one of the site's languages (\(languages.joined(separator: ", ")))"))
                continue
            }
            guard let text = entry.value.text, entry.value.scalar != nil, entry.value.scalar != .null else {
                problems.append(.error(at: entry.value.location, "'\(key)' in '\(entry.key)' must be text, not \(entry.value.kindDescription)"))
                continue
            }
            texts[entry.key] = text
        }
        guard let main = texts[language] else {
            if let node = reader.node?[key] {
                problems.append(.error(at: node.location, "'\(key)' needs its text in the default language, '\(language)'"))
            }
            return (nil, texts)
        }
        return (main, texts.filter { $0.key != language })
    }

    /// `languages: [en, es]` (the first is the default) or `language: en` alone. A code is
    /// a URL segment (`/es/`) and a file suffix (`money.es.md`): letters, digits and `-`
    /// (BCP 47: `es`, `pt-BR`); a code given twice, or a `language` that contradicts the
    /// list's first, is an error at its line.
    private static func languages(_ reader: inout FieldReader, file: String) -> (String, [String], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let single = reader.string("language")
        var listed = reader.strings("languages") ?? []
        var seen = Set<String>()
        listed = listed.enumerated().compactMap { index, code in
            let elements = reader.node?["languages"]?.elements ?? []
            let at = index < elements.count ? elements[index].location : reader.location(of: "languages") ?? .start(of: file)
            guard isLanguageCode(code) else {
                problems.append(.error(at: at, "'\(code)' is not a language code: use letters, digits and '-' (en, es, pt-BR)"))
                return nil
            }
            guard seen.insert(code.lowercased()).inserted else {
                problems.append(.error(at: at, "language '\(code)' is listed twice"))
                return nil
            }
            return code
        }
        if let single, !isLanguageCode(single) {
            problems.append(.error(at: reader.location(of: "language") ?? .start(of: file),
                                   "'\(single)' is not a language code: use letters, digits and '-' (en, es, pt-BR)"))
        }
        if let single, let first = listed.first, single != first {
            problems.append(.error(at: reader.location(of: "language") ?? .start(of: file),
                                   "language '\(single)' is not the first of languages (\(listed.joined(separator: ", "))): the first is the default; drop 'language' or make them agree"))
        }
        let language = listed.first ?? single ?? "en"
        return (language, listed.isEmpty ? [language] : listed, problems)
    }

    /// `es`, `pt-BR`: an ASCII letter first, then letters, digits and `-`, at most 35 long.
    static func isLanguageCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic, code.count <= 35 else { return false }
        return code.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    /// More than one language: pages carry alternates and a switcher, the others get trees.
    public var isMultilingual: Bool { languages.count > 1 }

    /// `""` for the default language, `/es` for another: where its tree starts below `basePath`.
    public func treePath(_ language: String) -> String {
        language == self.language ? "" : "/" + language
    }

    /// The path part of `base_url` without its trailing slash: `""` for a site at the
    /// root of its host, `/capex` for a GitHub Pages project site.
    public var basePath: String { address.basePath }

    /// `https://example.org` without the path: absolute URLs are origin + site-relative URL.
    public var origin: String { address.origin }

    /// `base_url` and the two parts URLs are made of.
    private struct Address: Sendable {
        let baseURL: String
        let basePath: String
        let origin: String

        init(_ baseURL: String) {
            self.baseURL = baseURL
            basePath = Self.path(of: baseURL)
            var url = baseURL
            while url.hasSuffix("/") { url.removeLast() }
            origin = basePath.isEmpty ? url : String(url.dropLast(basePath.count))
        }

        static func path(of baseURL: String) -> String {
            let afterScheme = baseURL.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            guard afterScheme.count == 3 else { return "" }
            let rest = afterScheme[2]
            guard let slash = rest.firstIndex(of: "/") else { return "" }
            var path = String(rest[slash...])
            while path.hasSuffix("/") { path.removeLast() }
            return path
        }
    }
}
