/// The words a chart says besides its data: the sentence in its `<desc>`, legends, notes, the
/// headers and qualifiers of the table under it. Keys as in a site's `templates/i18n/<lang>.yaml`
/// (all start `chart_`); `english` holds the built-in English, which a caller replaces with the
/// page's language (`Chart.words`). A key missing from `texts` reads in English.
///
/// Placeholders `{name}` are filled from values; a key that depends on a count has the forms
/// `<key>_one` (exactly 1) and `<key>_other`. The CSV keeps the English headers and
/// qualifiers: they are its stable machine keys.
public struct ChartWords: Sendable, Equatable {
    public var texts: [String: String]

    public init(texts: [String: String]) { self.texts = texts }

    public subscript(_ key: String) -> String { texts[key] ?? Self.english.texts[key] ?? key }

    /// The text of `key` with `{name}` filled from `values`.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        // One pass: a value that itself holds `{name}` is never filled again.
        let text = self[key]
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result.append("{")
                rest = after
            }
        }
        return result + rest
    }

    /// `<key>_one` or `<key>_other` for `count`, with `{count}` and `values` filled.
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = String(count)
        return self(key + (count == 1 ? "_one" : "_other"), values)
    }

    /// Every key a chart reads, in English (the same text as the built-in `en.yaml`, which a
    /// test compares).
    public static let english = ChartWords(texts: [
        "chart_desc_bar_one": "Bar chart of {count} value; the largest is {name} at {value}",
        "chart_desc_bar_other": "Bar chart of {count} values; the largest is {name} at {value}",
        "chart_desc_markers": "; markers: {markers}",
        "chart_desc_bar_empty": "Empty bar chart.",
        "chart_desc_stacked_one": "Stacked bars for {count} category in {series} ({names}); the largest total is {name}",
        "chart_desc_stacked_other": "Stacked bars for {count} categories in {series} ({names}); the largest total is {name}",
        "chart_desc_at": " at {value}",
        "chart_desc_stacked_empty": "Empty stacked bar chart.",
        "chart_desc_line": "Line chart of {series} from {first} to {last}; latest: {ends}.",
        "chart_desc_series_one": "{count} series",
        "chart_desc_series_other": "{count} series",
        "chart_desc_line_end": "{name} {value} in {date}",
        "chart_desc_line_empty": "Empty line chart.",
        "chart_desc_timeline_one": "Timeline of {count} event from {first} to {last}",
        "chart_desc_timeline_other": "Timeline of {count} events from {first} to {last}",
        "chart_desc_timeline_largest": "; the largest is {name}, at {value}",
        "chart_desc_timeline_empty": "Empty timeline.",
        "chart_desc_flow_one": "Money flows between {count} company: {investments} and {purchases}",
        "chart_desc_flow_other": "Money flows between {count} companies: {investments} and {purchases}",
        "chart_desc_investments_one": "{count} investment",
        "chart_desc_investments_other": "{count} investments",
        "chart_desc_purchases_one": "{count} purchase or contract",
        "chart_desc_purchases_other": "{count} purchases or contracts",
        "chart_desc_flow_largest": "; the largest is {from} → {to} at {value}",
        "chart_desc_scale_one": "Areas proportional to {count} value: {items}.",
        "chart_desc_scale_other": "Areas proportional to {count} values: {items}.",
        "chart_desc_scale_empty": "Empty scale comparison.",
        "chart_legend_investment": "Investment",
        "chart_legend_purchase": "Purchase, compute or cloud deal",
        "chart_legend_range": "Range or upper bound (hatched)",
        "chart_legend_no_amount": "No dollar amount",
        "chart_flow_note": "Arrows point to the company receiving the money; band width ∝ amount.",
        "chart_axis_break": "Axis break: {from} to {to} compressed, no events",
        "chart_col_category": "Category",
        "chart_col_value": "Value",
        "chart_col_qualifier": "Qualifier",
        "chart_col_marker": "Marker",
        "chart_col_total": "Total",
        "chart_col_series": "Series",
        "chart_col_date": "Date",
        "chart_col_event": "Event",
        "chart_col_amount": "Amount",
        "chart_col_from": "From",
        "chart_col_to": "To",
        "chart_col_kind": "Kind",
        "chart_col_note": "Note",
        "chart_col_item": "Item",
        "chart_qualifier_exact": "exact",
        "chart_qualifier_range": "range",
        "chart_qualifier_at_least": "at least",
        "chart_qualifier_at_most": "at most",
        "chart_qualifier_approximate": "approximate",
    ])

    /// The header key of a table column by its CSV header (`Marker value` is CSV only).
    static let columnKeys: [String: String] = [
        "Category": "chart_col_category", "Value": "chart_col_value", "Qualifier": "chart_col_qualifier",
        "Marker": "chart_col_marker", "Total": "chart_col_total", "Series": "chart_col_series", "Date": "chart_col_date",
        "Event": "chart_col_event", "Amount": "chart_col_amount", "From": "chart_col_from", "To": "chart_col_to",
        "Kind": "chart_col_kind", "Note": "chart_col_note", "Item": "chart_col_item",
    ]

    /// The qualifier key of a table cell by its CSV text.
    static let qualifierKeys: [String: String] = [
        "exact": "chart_qualifier_exact", "range": "chart_qualifier_range", "at least": "chart_qualifier_at_least",
        "at most": "chart_qualifier_at_most", "approximate": "chart_qualifier_approximate",
    ]
}
