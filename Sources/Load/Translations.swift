import Diagnostics
import Model

/// The interface words of every language the site is built in (issue 12; Hugo's `i18n/`).
///
/// For each language: the built-in `templates/i18n/<lang>.yaml` (`DefaultWords`, shipped for
/// `en` and `es`), then the site's own file of that name over it, key by key. A key the
/// default language has and another language lacks is said in the default language and
/// listed as a warning (one per language, naming the keys), so `capex check` shows what is
/// left to translate; a key the default language itself lacks (a language capex has no
/// words for) is said in English, listed the same way.
///
/// Errors, at `file:line:column`: a file that is not YAML, not a mapping, a value that is not
/// text, or a key a template could not read (`{{i18n.a.b}}` looks for `b` inside `a`).
/// Warnings: a site's text that drops or misspells a placeholder of the built-in one.
public struct Translations: Sendable {
    /// The default language: the first of `languages`.
    public let defaultLanguage: String
    public let byLanguage: [String: Words]

    /// The words of `language`; the default language's for a language the site is not built in.
    public func words(for language: String) -> Words {
        byLanguage[language] ?? byLanguage[defaultLanguage] ?? Words(language: language, texts: [:])
    }

    /// Every key, for checking `{{i18n.<key>}}` in templates.
    public var keys: Set<String> { Set(byLanguage.values.flatMap(\.texts.keys)) }

    /// The path a language's file has in a site: `templates/i18n/es.yaml`.
    public static func path(of language: String) -> String { "templates/i18n/\(language).yaml" }

    /// `languages`: the site's, default first. `siteFiles`: path → text of the site's own
    /// `templates/i18n/*.yaml`.
    public static func load(languages: [String], siteFiles: [String: String]) -> (Translations, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let defaultLanguage = languages.first ?? "en"
        let siteLanguages = languages.isEmpty ? ["en"] : languages
        var languages = siteLanguages
        // A site's file for a language it is not built in is still checked, and said to be unused.
        for path in siteFiles.keys.sorted() {
            let language = String(path.dropFirst("templates/i18n/".count).split(separator: ".").first ?? "")
            if !languages.contains(language) {
                languages.append(language)
                // `capex new` ships the built-in languages' files for editing: only another is news.
                guard Self.builtInTexts(language).isEmpty else { continue }
                problems.append(.warning(at: .start(of: path),
                    "'\(language)' is not one of the site's languages (\(siteLanguages.joined(separator: ", "))): no page uses \(path); add '\(language)' to languages in site.yaml to publish it"))
            }
        }
        var merged: [String: [String: String]] = [:]
        for language in languages {
            var texts = Self.builtInTexts(language)
            let path = path(of: language)
            if let text = siteFiles[path] {
                let (own, ownProblems) = read(text, file: path, builtIn: texts)
                problems += ownProblems
                texts.merge(own) { $1 }
            }
            merged[language] = texts
        }
        // The default language's words, and English for any word it lacks (a language capex
        // has no words for): every page has every word, in the nearest language that has it.
        let english = DefaultWords.texts("en")
        var byLanguage: [String: Words] = [:]
        for language in [defaultLanguage] + languages.filter({ $0 != defaultLanguage }) {
            var texts = merged[language] ?? [:]
            let fallbackLanguage = language == defaultLanguage ? "en" : defaultLanguage
            let fallback = language == defaultLanguage ? english : byLanguage[defaultLanguage]?.texts ?? [:]
            let missing = fallback.keys.filter { texts[$0] == nil }.sorted()
            // A language the site does not publish was said to be unused, once, above.
            if !missing.isEmpty, language != fallbackLanguage, siteLanguages.contains(language) {
                let path = path(of: language)
                let file = siteFiles[path] != nil ? path : "the built-in words, and the site has no \(path)"
                problems.append(.warning(at: .start(of: path),
                    "\(missing.count) interface \(missing.count == 1 ? "word has" : "words have") no '\(language)' text in \(file), shown in '\(fallbackLanguage)' instead: \(missing.joined(separator: ", "))"))
            }
            for key in missing { texts[key] = fallback[key] }
            byLanguage[language] = Words(language: language, texts: texts)
        }
        return (Translations(defaultLanguage: defaultLanguage, byLanguage: byLanguage), problems)
    }

    /// One file's words, and its problems; `builtIn` is what it overrides (placeholders checked).
    static func read(_ text: String, file: String, builtIn: [String: String]) -> ([String: String], [Diagnostic]) {
        let node: YAMLNode?
        do {
            node = try YAMLLoader.parse(text, file: file)
        } catch {
            return ([:], [error])
        }
        guard let node else { return ([:], []) }
        guard let entries = node.entries else {
            return ([:], [.error(at: node.location, "a translation file is a flat mapping 'key: text' (as in 'skip_to_story: Skip to the story'), not \(node.kindDescription)")])
        }
        var words: [String: String] = [:]
        var problems: [Diagnostic] = []
        for entry in entries {
            let key = entry.key
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                problems.append(.error(at: entry.keyLocation,
                    "'\(key)' cannot be a word's key: templates read it as {{i18n.<key>}}, so use letters, digits and underscores"))
                continue
            }
            guard let value = entry.value.text, entry.value.scalar != .null else {
                problems.append(.error(at: entry.value.location,
                    "'\(key)' must be text, not \(entry.value.kindDescription); a word that depends on a number has two keys, '\(key)_one' and '\(key)_other'"))
                continue
            }
            // (Not while the built-in words themselves are read, with nothing to override.)
            if !builtIn.isEmpty, builtIn[key] == nil, !Self.builtInKeys.contains(key),
               let near = NearMiss.suggestion(for: key, among: Self.builtInKeys) ?? Self.builtInKeys.first(where: { Self.isTransposition(key, $0) }) {
                // A site may add words of its own for its templates; one a letter or two off a
                // built-in word is more likely that word misspelt, which would override nothing.
                problems.append(.warning(at: entry.keyLocation,
                    "'\(key)' is not a built-in word (did you mean '\(near)'?): it overrides nothing, and only a template asking for {{i18n.\(key)}} shows it"))
            }
            if builtIn[key] != nil {
                // Any placeholder a built-in language uses is filled; those all of them use must stay.
                let builtIns = DefaultWords.files.keys.compactMap { DefaultWords.texts($0)[key] }.map(Words.placeholders)
                let expected = builtIns.reduce(into: Set<String>()) { $0.formUnion($1) }
                let required = builtIns.dropFirst().reduce(builtIns.first ?? []) { $0.intersection($1) }
                let given = Words.placeholders(in: value)
                for name in given.subtracting(expected).sorted() {
                    let hint = (NearMiss.suggestion(for: name, among: expected) ?? expected.first { Self.isTransposition(name, $0) })
                        .map { " (did you mean '{\($0)}'?)" } ?? ""
                    let has = expected.isEmpty ? "" : "; '\(key)' has " + expected.sorted().map { "{\($0)}" }.joined(separator: ", ")
                    problems.append(.warning(at: entry.value.location, "'{\(name)}' is no placeholder of '\(key)'\(hint): it shows as written\(has)"))
                }
                for name in required.subtracting(given).sorted() {
                    problems.append(.warning(at: entry.value.location,
                        "'\(key)' leaves out {\(name)}: the value it stands for is not shown"))
                }
            }
            words[key] = value
        }
        return (words, problems)
    }
}

extension Translations {
    /// Every key of the built-in words, in any language.
    static let builtInKeys: Set<String> = Set(DefaultWords.files.keys.flatMap { DefaultWords.texts($0).keys })

    /// The built-in words of `language`, or of its base language (`en-us` and `en_GB` read
    /// `en`, `es-MX` reads `es`: BCP 47's primary subtag); none for a language capex lacks.
    static func builtInTexts(_ language: String) -> [String: String] {
        let exact = DefaultWords.texts(language)
        guard exact.isEmpty else { return exact }
        let base = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? language
        return DefaultWords.texts(base)
    }

    /// Whether `b` is `a` with two neighbouring letters swapped (`cuont`, `count`).
    static func isTransposition(_ a: String, _ b: String) -> Bool {
        let a = Array(a), b = Array(b)
        guard a.count == b.count, a != b else { return false }
        let differing = a.indices.filter { a[$0] != b[$0] }
        return differing.count == 2 && differing[1] == differing[0] + 1 && a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]]
    }
}

extension SiteConfig {
    /// The languages the site is built in, its default (`language`) first.
    package var languageOrder: [String] { [language] + languages.filter { $0 != language } }
}
