// The plotted data as a table: headers + string cells, CSV (RFC 4180) and an escaped <details> HTML table.

/// The data behind a chart as rows of strings, for an accessible HTML table and a CSV download.
///
/// The CSV has every column, raw numbers included (`10500000000`); the HTML table a reader sees
/// under the chart shows only the formatted ones (`~$10.5B–$14B`) that hold something, listed
/// in `shownColumns`.
public struct ChartTable: Sendable, Equatable {
    public var headers: [String]
    public var rows: [[String]]
    /// Indexes of the columns the HTML table shows; the others are raw numbers for the CSV.
    public var shownColumns: [Int]
    /// Per row, cells that the HTML table shows instead of the CSV's (column index → text),
    /// as a formatted total in place of a raw one.
    public var shownOverrides: [[Int: String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
        self.shownColumns = Array(headers.indices)
        self.shownOverrides = rows.map { _ in [:] }
    }

    /// The rows plotted by `chart`: formatted labels as given by the caller plus raw numbers.
    public init(chart: Chart) {
        let raw: Set<String> = ["Low", "High", "ISO date", "Raw value", "Marker value"]
        var overrides: [[Int: String]] = []
        // Raw numbers in full (the shortest text that reads back as the same Double), so that
        // a bound in the CSV is never rounded past what it bounds: 2/3 is 0.6666666666666666.
        func num(_ x: Double) -> String {
            guard x.isFinite else { return "" }
            if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
            // Whole numbers beyond that in digits too (3e+19 is 30000000000000000000), as written.
            if x == x.rounded() { return SVGNumber.wholeNumber(x) }
            return "\(x)"
        }
        func qual(_ v: ChartValue) -> String {
            switch v.qualifier {
            case .exact: return v.isRange ? "range" : "exact"
            case .atLeast: return "at least"
            case .atMost: return "at most"
            case .approximate: return "approximate"
            }
        }
        switch chart.kind {
        case .bar(let d):
            headers = ["Category", "Value", "Low", "High", "Qualifier", "Marker", "Marker value"]
            rows = BarLayout.sorted(d.bars, d.sort).map { b in
                [b.category, b.value.label, num(b.value.low), num(b.value.high), qual(b.value),
                 b.marker?.label ?? "", b.marker.map { num($0.value) } ?? ""]
            }
        case .stacked(let d):
            headers = ["Category"] + d.series.map(\.name) + ["Total"]
            let totals = StackedLayout.totals(d)
            rows = d.categories.enumerated().map { i, c in
                [c.name] + d.series.indices.map { s in s < c.segments.count ? c.segments[s]?.label ?? "" : "" }
                    + [c.totalLabel ?? num(totals[i])]
            }
            let totalColumn = d.series.count + 1
            overrides = d.categories.enumerated().map { i, c in [totalColumn: c.totalLabel ?? d.tickFormat(totals[i])] }
        case .line(let d):
            headers = ["Series", "Date", "Value", "ISO date", "Raw value"]
            rows = d.series.flatMap { s in
                s.points.sorted { $0.date < $1.date }.map { [s.name, $0.dateLabel, $0.label, $0.date.iso, num($0.value)] }
            }
        case .timeline(let d):
            headers = ["Date", "Event", "Amount", "ISO date", "Low", "High", "Qualifier"]
            rows = d.events.enumerated().sorted {
                $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset
            }.map { _, e in
                [e.dateLabel, e.title, e.amount?.label ?? "", e.date.iso, e.amount.map { num($0.low) } ?? "",
                 e.amount.map { num($0.high) } ?? "", e.amount.map(qual) ?? ""]
            }
        case .flow(let d):
            let name = { (id: String) in d.nodes.first { $0.id == id }?.name ?? id }
            headers = ["From", "To", "Kind", "Amount", "Note", "Low", "High", "Qualifier"]
            rows = d.links.map { l in
                [name(l.from), name(l.to), l.kind == .investment ? d.investmentLegend : d.purchaseLegend,
                 l.amount?.label ?? "", l.note ?? "", l.amount.map { num($0.low) } ?? "",
                 l.amount.map { num($0.high) } ?? "", l.amount.map(qual) ?? ""]
            }
        case .tornado(let d):
            // The figure's values as the reader sees them, then the raw ones (CSV only).
            headers = [d.columns.input, d.columns.atLow, d.columns.atHigh, d.columns.share, "Low", "High"]
            rows = d.sortedBars.map { [$0.input, $0.atLowLabel, $0.atHighLabel, $0.shareLabel, num($0.atLow), num($0.atHigh)] }
        case .scale(let d):
            headers = ["Item", "Value", "Low", "High", "Qualifier"]
            rows = d.items.map { [$0.name, $0.value.label, num($0.value.low), num($0.value.high), qual($0.value)] }
        }
        // Raw numbers and columns empty in every row (no markers, no notes) stay in the CSV only.
        let allHeaders = headers, allRows = rows
        shownColumns = allHeaders.indices.filter { c in
            !raw.contains(allHeaders[c]) && (c == 0 || allRows.contains { c < $0.count && !$0[c].isEmpty })
        }
        shownOverrides = overrides.count == rows.count ? overrides : rows.map { _ in [:] }
    }

    /// RFC 4180 CSV: CRLF line ends, fields with `,` `"` CR or LF quoted, quotes doubled.
    public func csv() -> String {
        func field(_ s: String) -> String {
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            }
            return s
        }
        return ([headers] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// An escaped `<table>` of the shown columns, with a header row (`<th scope="col">`) and the
    /// first cell of each row as `<th scope="row">`. A cell that is one number (digits, no
    /// ordinary space: `~$10.5B–$14B`, `up to $100B` with its no-break spaces) does not wrap,
    /// so a range never breaks after its dash.
    public func html() -> String {
        var s = "<table class=\"cx-table\"><thead><tr>"
        for c in shownColumns { s += "<th scope=\"col\">\(XMLText.escape(headers[c]))</th>" }
        s += "</tr></thead><tbody>"
        for (r, row) in rows.enumerated() {
            s += "<tr>"
            for (i, c) in shownColumns.enumerated() where c < row.count {
                let cell = shownOverrides[r][c] ?? row[c]
                let keep = TextMetrics.isNumeric(cell) && !cell.contains(" ") ? " style=\"white-space:nowrap\"" : ""
                s += i == 0 ? "<th scope=\"row\"\(keep)>\(XMLText.escape(cell))</th>" : "<td\(keep)>\(XMLText.escape(cell))</td>"
            }
            s += "</tr>"
        }
        return s + "</tbody></table>"
    }

    /// `<details><summary>summary</summary><table>…</table></details>`, all text escaped.
    public func detailsHTML(summary: String) -> String {
        "<details class=\"cx-data\"><summary>\(XMLText.escape(summary))</summary>\(html())</details>"
    }
}
