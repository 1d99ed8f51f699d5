/// Every word a reader sees about what drives a range (`capex explain`, `/figures/`, the
/// tornado chart), in each language the site is written in, keyed by language code. A
/// language without an entry reads English.
package struct RangeDriverWords: Sendable {
    /// "What drives the range".
    package let heading: String
    /// How the shares were measured, after the heading.
    package let method: String
    /// "bound, no width": a one-sided input, which has no width to sweep.
    package let boundNoWidth: String
    /// Before the list of inputs that are exact or approximate.
    package let noSpread: String
    /// The figure is one number.
    package let singleValue: String
    /// The figure is a range but no input is (it cannot happen through + − × ÷ alone).
    package let formulaRange: String
    /// "$1,050 to $3,150": the figure at an input's low end, then at its high end.
    package let fromTo: @Sendable (String, String) -> String
    /// The figure is a bound; the argument lists its ranged inputs.
    package let boundFigure: @Sendable (String) -> String
    /// The figure is a bound and no input is a range.
    package let boundFigureNoRange: String
    /// A range written in a named figure's formula: "'$10–11' in the formula of figures.x".
    package let literal: @Sendable (_ written: String, _ figure: String) -> String
    /// The tornado chart's default title, for a figure's label.
    package let chartTitle: @Sendable (String) -> String
    /// The tornado chart's one-sentence summary: the figure's label, the number of bars, the
    /// widest input, its values at its two ends and its share.
    package let chartSummary: @Sendable (_ label: String, _ count: Int, _ top: String, _ low: String, _ high: String, _ share: String) -> String
    /// The line drawn at the figure's value with every input at its midpoint.
    package let chartBaseline: String
    /// The columns of the chart's table.
    package let chartColumns: (input: String, atLow: String, atHigh: String, share: String)
    /// The legend of the bar's two ends.
    package let chartLowEnd: String
    package let chartHighEnd: String

    package static func words(_ language: String) -> RangeDriverWords {
        byLanguage[language] ?? english
    }

    package static let byLanguage: [String: RangeDriverWords] = ["en": english, "es": spanish]

    static let english = RangeDriverWords(
        heading: "What drives the range",
        method: "one input at a time, the others held at their midpoints",
        boundNoWidth: "bound, no width",
        noSpread: "No spread (exact or approximate), not ranked",
        singleValue: "nothing. The figure is a single value, not a range",
        formulaRange: "no input moves it on its own: the range comes from the formula itself (a min or max of overlapping values)",
        fromTo: { "\($0) to \($1)" },
        boundFigure: { "nothing. The figure is a bound, not a range; it keeps only the end of its ranged inputs (\($0)) that holds whatever their value, so there is no spread to share" },
        boundFigureNoRange: "nothing. The figure is a bound, not a range",
        literal: { "‘\($0)’ in the formula of \($1)" },
        chartTitle: { "What drives the range of: \($0)" },
        chartSummary: { label, count, top, low, high, share in
            "Tornado chart of \(count) \(count == 1 ? "input" : "inputs") of \(label); the widest is \(top), which moves it from \(low) to \(high) (\(share) of the spread)."
        },
        chartBaseline: "all at midpoints",
        chartColumns: ("Input, as written", "Figure at its low end", "Figure at its high end", "Share of the spread"),
        chartLowEnd: "at the input’s low end",
        chartHighEnd: "at its high end")

    static let spanish = RangeDriverWords(
        heading: "Qué determina el intervalo",
        method: "una entrada cada vez, con las demás en su punto medio",
        boundNoWidth: "cota, sin anchura",
        noSpread: "Sin margen (exactas o aproximadas), no se ordenan",
        singleValue: "nada. La cifra es un valor único, no un intervalo",
        formulaRange: "ninguna entrada lo mueve por sí sola: el intervalo sale de la propia fórmula (un mínimo o un máximo de valores que se solapan)",
        fromTo: { "de \($0) a \($1)" },
        boundFigure: { "nada. La cifra es una cota, no un intervalo; solo conserva el extremo de sus entradas con intervalo (\($0)) que vale sea cual sea su valor, así que no hay margen que repartir" },
        boundFigureNoRange: "nada. La cifra es una cota, no un intervalo",
        literal: { "‘\($0)’ en la fórmula de \($1)" },
        chartTitle: { "Qué determina el intervalo de: \($0)" },
        chartSummary: { label, count, top, low, high, share in
            "Gráfico de tornado de \(count) \(count == 1 ? "entrada" : "entradas") de \(label); la más ancha es \(top), que mueve la cifra de \(low) a \(high) (\(share) del margen)."
        },
        chartBaseline: "todas en su punto medio",
        chartColumns: ("Entrada, como se escribe", "Cifra en su extremo bajo", "Cifra en su extremo alto", "Parte del margen"),
        chartLowEnd: "con la entrada en su extremo bajo",
        chartHighEnd: "en su extremo alto")
}
