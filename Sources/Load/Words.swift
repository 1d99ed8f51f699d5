import Model
/// The interface words of one language: navigation, headings, table headers, the generated
/// pages' sentences, chart legends — every word a reader sees that is not the story's own.
///
/// Read from `templates/i18n/<lang>.yaml` (Hugo's convention: one flat mapping `key: text`),
/// the built-in files first, the site's own over them key by key (`Translations`). Templates
/// read a word as `{{i18n.<key>}}`; Swift code as `words["key"]`, or with placeholders as
/// `words("key", ["count": "3"])`.
///
/// - Placeholders: `{name}` in a text is replaced by the value given for `name`; a name with
///   no value stays as written, so a mistake shows on the page instead of vanishing.
/// - Counts: a key that depends on a number comes in two forms, `<key>_one` (said of exactly 1)
///   and `<key>_other` (0, 2, 3… and fractions), as CLDR's plural rules give them for English
///   and Spanish; `count("key", n)` picks one and fills `{count}`.
public struct Words: Sendable {
    /// The language code (`en`, `es`) these words are in.
    public let language: String
    /// Key → text, complete: every key of the default language is here (a missing one was
    /// filled with the default language's text when the words were loaded).
    public let texts: [String: String]

    public init(language: String, texts: [String: String]) {
        self.language = language
        self.texts = texts
    }

    /// The built-in words of `language`, English where it has none: for code that renders
    /// without a site (fuzzers, tests) and as a default.
    public static func builtIn(_ language: String) -> Words {
        Words(language: language, texts: DefaultWords.texts("en").merging(DefaultWords.texts(language)) { $1 })
    }

    /// The text of `key`, or nil when no file has it: for words only some keys have
    /// (`deal_kind_<kind>`), where the caller shows the data's own word instead.
    public func optional(_ key: String) -> String? { texts[key] }

    /// The text of `key`; the key itself when no file has it (a template's unknown key is
    /// reported when the site loads, so this shows only for a word missing in every language).
    public subscript(_ key: String) -> String { texts[key] ?? key }

    /// The text of `key` with its `{name}` placeholders filled from `values`.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(self[key], values)
    }

    /// `<key>_one` when `count` is 1, else `<key>_other`, with `{count}` and `values` filled:
    /// `count("sources_figures_rest", 2)` → "2 figures rest on this source".
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = String(count)
        return Self.fill(self[key + (count == 1 ? "_one" : "_other")], values)
    }

    /// `text` with each `{name}` whose name has a value replaced by it (`ClaimWording.fill`).
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        ClaimWording.fill(text, values)
    }

    /// The `{name}`s a text uses, for checking a site's translation against the built-in one.
    static func placeholders(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names
    }
}
