import Load

/// The words of the sharing and embedding features (`newsroom_…` in
/// `templates/i18n/<lang>.yaml`, which a site overrides key by key), and Open Graph's locale.
enum NewsroomWords {
    /// The word `newsroom_<key>` in `words`, `{title}`/`{site}` filled from `values`.
    static func word(_ key: String, _ words: Words, _ values: [String: String] = [:]) -> String {
        words("newsroom_" + key, values)
    }

    /// A page's `lang` (`es`, `es-ES`) as the code of its words: the part before `-`.
    static func code(_ language: String) -> String {
        String(language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "en")
    }

    /// Open Graph's `og:locale` for a language code: `en_US`, `es_ES`; `pt-BR` → `pt_BR`;
    /// another bare code is given as `xx_XX`.
    static func ogLocale(_ language: String) -> String {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        switch (parts.first?.lowercased(), parts.count) {
        case ("en", 1): return "en_US"
        case ("es", 1): return "es_ES"
        case (let code?, 1): return code + "_" + code.uppercased()
        case (let code?, _): return code + "_" + parts[1].uppercased()
        default: return "en_US"
        }
    }
}
