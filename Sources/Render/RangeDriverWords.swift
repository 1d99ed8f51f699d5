import Load

/// Every word a reader sees about what drives a range (`capex explain`, `/figures/`, the
/// tornado chart): the `range_…` keys of the interface words (`templates/i18n/<lang>.yaml`,
/// which a site overrides key by key), read from one language's `Words`.
package struct RangeDriverWords: Sendable {
    let words: Words

    package init(_ words: Words) { self.words = words }

    /// The built-in words of `language` (English where it has none).
    package static func words(_ language: String) -> RangeDriverWords { RangeDriverWords(.builtIn(language)) }

    /// "What drives the range".
    package var heading: String { words["range_heading"] }
    /// How the shares were measured, after the heading.
    package var method: String { words["range_method"] }
    /// "bound, no width": a one-sided input, which has no width to sweep.
    package var boundNoWidth: String { words["range_bound_no_width"] }
    /// Before the list of inputs that are exact or approximate.
    package var noSpread: String { words["range_no_spread"] }
    /// The figure is one number.
    package var singleValue: String { words["range_single_value"] }
    /// The figure is a range but no input is (it cannot happen through + − × ÷ alone).
    package var formulaRange: String { words["range_formula_range"] }
    /// "$1,050 to $3,150": the figure at an input's low end, then at its high end.
    package func fromTo(_ low: String, _ high: String) -> String { words("range_from_to", ["low": low, "high": high]) }
    /// The figure is a bound; the argument lists its ranged inputs.
    package func boundFigure(_ inputs: String) -> String { words("range_bound_figure", ["inputs": inputs]) }
    /// The figure is a bound and no input is a range.
    package var boundFigureNoRange: String { words["range_bound_figure_no_range"] }
    /// A range written in a named figure's formula: "'$10–11' in the formula of figures.x".
    package func literal(_ written: String, _ figure: String) -> String { words("range_literal", ["written": written, "figure": figure]) }
    /// The tornado chart's default title, for a figure's label.
    package func chartTitle(_ label: String) -> String { words("range_chart_title", ["label": label]) }
    /// The tornado chart's one-sentence summary: the figure's label, the number of bars, the
    /// widest input, its values at its two ends and its share.
    package func chartSummary(_ label: String, _ count: Int, _ top: String, _ low: String, _ high: String, _ share: String) -> String {
        words.count("range_chart_summary", count, ["label": label, "top": top, "low": low, "high": high, "share": share])
    }
    /// The line drawn at the figure's value with every input at its midpoint.
    package var chartBaseline: String { words["range_chart_baseline"] }
    /// The columns of the chart's table.
    package var chartColumns: (input: String, atLow: String, atHigh: String, share: String) {
        (words["range_chart_column_input"], words["range_chart_column_at_low"], words["range_chart_column_at_high"], words["range_chart_column_share"])
    }
    /// The legend of the bar's two ends.
    package var chartLowEnd: String { words["range_chart_low_end"] }
    package var chartHighEnd: String { words["range_chart_high_end"] }
}
