/// How the language switcher and the fallback marker name a language. The switcher names
/// each language in itself ("English", "Español": a reader looks for their own language's
/// name, W3C's advice on language menus); the marker on a link to a page not yet translated
/// says, in the reader's language, which language the page is in ("en inglés").
///
/// Only the languages the story needs are named in words; another shows its code
/// ("(fr)"), which a site can replace in its templates. (The interface words proper come
/// from the translation files; these are the names the switcher and marker are built from.)
enum LanguageNames {
    /// `es` → `Español`; an unknown code as written.
    static func endonym(_ code: String) -> String {
        switch base(code) {
        case "en": return "English"
        case "es": return "Español"
        case "fr": return "Français"
        case "de": return "Deutsch"
        case "pt": return "Português"
        case "it": return "Italiano"
        case "ca": return "Català"
        default: return code
        }
    }

    /// The marker after a link, in `reader`'s language, to a page in `language`:
    /// `(in English)`, `(en inglés)`; `(en)` for a pair not named here.
    static func marker(pageIn language: String, reader: String) -> String {
        switch (base(reader), base(language)) {
        case ("en", "en"): return "(in English)"
        case ("en", "es"): return "(in Spanish)"
        case ("es", "en"): return "(en inglés)"
        case ("es", "es"): return "(en español)"
        default: return "(\(language))"
        }
    }

    /// The switcher's accessible name, in the reader's language.
    static func switcherLabel(reader: String) -> String {
        base(reader) == "es" ? "Idioma" : "Language"
    }

    /// `pt-BR` → `pt`.
    private static func base(_ code: String) -> String {
        String(code.prefix { $0 != "-" }).lowercased()
    }
}
