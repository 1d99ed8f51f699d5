import Load

/// How the language switcher and the fallback marker name a language. The switcher names
/// each language in itself ("English", "Español": a reader looks for their own language's
/// name, W3C's advice on language menus); the marker on a link to a page not yet translated
/// says, in the reader's language, which language the page is in ("en inglés").
///
/// The names are interface words (`language_name_<code>`, `language_marker_<code>`,
/// `language_switcher` in `templates/i18n/<lang>.yaml`, which a site overrides key by key);
/// a language they do not name shows its code ("(fr)").
enum LanguageNames {
    /// `es` → `Español`, from `words` (the named language's own); an unknown code as written.
    static func endonym(_ code: String, words: Words) -> String {
        words.optional("language_name_" + base(code)) ?? code
    }

    /// The marker after a link, in the reader's `words`, to a page in `language`:
    /// `(in English)`, `(en inglés)`; `(en)` for a language not named.
    static func marker(pageIn language: String, words: Words) -> String {
        words.optional("language_marker_" + base(language)) ?? "(\(language))"
    }

    /// The switcher's accessible name, in the reader's `words`.
    static func switcherLabel(words: Words) -> String {
        words["language_switcher"]
    }

    /// `pt-BR` → `pt`.
    private static func base(_ code: String) -> String {
        String(code.prefix { $0 != "-" }).lowercased()
    }
}
