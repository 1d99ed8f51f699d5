/// Every reader-visible word of the sharing and embedding features, by language code, in
/// one place (issue 12 moves interface words into `templates/i18n/<lang>.yaml`; these keys
/// are ready to move there). A language not listed reads English.
enum NewsroomWords {
    static let table: [String: [String: String]] = [
        "en": [
            "embed": "Embed",
            "embed_hint": "Copy this code to show the chart on another page:",
            "png": "Image (PNG)",
            "csv": "Data (CSV)",
            "sources": "Sources",
            "open_story": "In the story",
            "image_alt_chart": "Chart: %@",
            "dataset_description": "The data behind %@: every collection of records and every derived figure, with their low and high ends, units, qualifiers and sources, as CSV and JSON files.",
        ],
        "es": [
            "embed": "Insertar",
            "embed_hint": "Copie este código para mostrar el gráfico en otra página:",
            "png": "Imagen (PNG)",
            "csv": "Datos (CSV)",
            "sources": "Fuentes",
            "open_story": "En el reportaje",
            "image_alt_chart": "Gráfico: %@",
            "dataset_description": "Los datos de %@: cada colección de registros y cada cifra derivada, con sus extremos inferior y superior, unidades, calificadores y fuentes, en archivos CSV y JSON.",
        ],
    ]

    /// The word for `key` in `language` (`es`, `es-ES`: the part before `-`), English when
    /// the language has none.
    static func word(_ key: String, _ language: String) -> String {
        let code = String(language.lowercased().split(separator: "-").first ?? "en")
        return table[code]?[key] ?? table["en"]![key] ?? key
    }

    /// `word(key)` with `%@` replaced by `value`.
    static func word(_ key: String, _ language: String, _ value: String) -> String {
        word(key, language).replacingOccurrences(of: "%@", with: value)
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
