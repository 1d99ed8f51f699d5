// The plotted data as a table: headers + string cells, CSV (RFC 4180) and an escaped <details> HTML table.

/// The data behind a chart as rows of strings, for an accessible HTML table and a CSV download.
public struct ChartTable: Sendable, Equatable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// The rows plotted by `chart`: formatted labels as given by the caller plus raw numbers.
    public init(chart: Chart) {
        func num(_ x: Double) -> String { SVGNumber.format(x, maxDecimals: 6) }
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
        case .scale(let d):
            headers = ["Item", "Value", "Low", "High", "Qualifier"]
            rows = d.items.map { [$0.name, $0.value.label, num($0.value.low), num($0.value.high), qual($0.value)] }
        }
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

    /// An escaped `<table>` with a header row (`<th scope="col">`) and the first cell of each row as `<th scope="row">`.
    public func html() -> String {
        var s = "<table class=\"cx-table\"><thead><tr>"
        for h in headers { s += "<th scope=\"col\">\(XMLText.escape(h))</th>" }
        s += "</tr></thead><tbody>"
        for row in rows {
            s += "<tr>"
            for (i, cell) in row.enumerated() {
                s += i == 0 ? "<th scope=\"row\">\(XMLText.escape(cell))</th>" : "<td>\(XMLText.escape(cell))</td>"
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
