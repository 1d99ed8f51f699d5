// Public entry point: chart → SVG string, and the generated one-sentence summaries.
//
// Design notes (see also each layout file's header):
// - Every viewBox is 420 units wide; all text is 13 units (one size), so text renders at ≥ 11.1 px when the
//   SVG is 360 px wide. The SVG scales to 100% of its container, capped at 560 px (text ≤ 17.3 px).
//   Heights follow the content; the viewBox may start at a negative y.
// - Text boxes are estimated per character (TextMetrics, ≈0.6 em for latin, conservative for DejaVu Sans);
//   layouts wrap, spread (1-D) or raise labels so that these boxes never overlap or leave the viewBox.
// - Colours: caller hex or Okabe–Ito; text uses CSS variables (--cx-fg, --cx-muted, --cx-bg, …) defined on
//   .cx-chart with a prefers-color-scheme: dark override; a page can override them with a more specific
//   selector (e.g. `html .cx-chart{--cx-bg:transparent}`). A background rect in --cx-bg keeps contrast.
// - Open values: atLeast = the bar's edges running on, dashed (bars), second arrowhead (flows), dashed
//   ring/outline (circles, squares); atMost = hatched from zero; no mark repeats the label's "<" or ">"
//   (the label says the qualifier once); ranges = solid to low + hatched
//   band to high; approximate = drawn as exact (the caller's label carries "~").
// - Below zero (bars and lines only): the axis extends past zero; a bar below it is solid from zero to its
//   end nearer zero and hatched beyond; a range across zero is one hatched band. Other kinds get no
//   negative values (their callers refuse them).
// - Output is deterministic: coordinates rounded to ≤ 2 decimals by integer arithmetic, arrays only.

/// Renders charts as self-contained, deterministic, accessible SVG strings.
public enum ChartRenderer {
    /// The complete `<svg>` element for `chart` (no XML declaration, ready to inline in HTML or save as .svg).
    public static func svg(for chart: Chart) -> String {
        var defs = SVGDefs(prefix: "cx-" + SVGDocument.sanitize(id: chart.id))
        let (body, extent): (SVGBuilder, Extent)
        switch chart.kind {
        case .bar(let d): (body, extent) = BarLayout.draw(d, &defs)
        case .stacked(let d): (body, extent) = StackedLayout.draw(d, &defs)
        case .line(let d): (body, extent) = LineLayout.draw(d, &defs)
        case .timeline(let d): (body, extent) = TimelineLayout.draw(d, &defs)
        case .flow(let d): (body, extent) = FlowLayout.draw(d, &defs)
        case .scale(let d): (body, extent) = ScaleLayout.draw(d, &defs)
        case .tornado(let d): (body, extent) = TornadoLayout.draw(d, &defs)
        }
        return SVGDocument.render(id: chart.id, title: chart.title, desc: summary(for: chart), minY: extent.top,
                                  height: extent.height, defs: defs, body: body)
    }

    /// The chart's summary: the caller's, or one generated from the data,
    /// e.g. "Bar chart of 3 values; the largest is Meta at $10.5–14B."
    public static func summary(for chart: Chart) -> String {
        if let s = chart.summary, !s.isEmpty { return s }
        switch chart.kind {
        case .bar(let d):
            guard let top = d.bars.max(by: { $0.value.high < $1.value.high }) else { return "Empty bar chart." }
            var s = "Bar chart of \(d.bars.count) \(d.bars.count == 1 ? "value" : "values"); "
                + "the largest is \(top.category) at \(top.value.label)"
            let markers = d.bars.compactMap { b in b.marker.map { "\(b.category) \($0.label)" } }
            if !markers.isEmpty { s += "; markers: " + markers.joined(separator: ", ") }
            return s + "."
        case .stacked(let d):
            let totals = StackedLayout.totals(d)
            guard let i = totals.indices.max(by: { totals[$0] < totals[$1] }) else { return "Empty stacked bar chart." }
            let c = d.categories[i]
            return "Stacked bars for \(d.categories.count) \(d.categories.count == 1 ? "category" : "categories") in \(d.series.count) series ("
                + d.series.map(\.name).joined(separator: ", ") + "); the largest total is \(c.name)"
                + (c.totalLabel.map { " at \($0)" } ?? "") + "."
        case .line(let d):
            let ends = d.series.compactMap { s in
                s.points.max(by: { $0.date < $1.date }).map { "\(s.name) \($0.label) in \($0.dateLabel)" }
            }
            let all = d.series.flatMap(\.points)
            guard let first = all.min(by: { $0.date < $1.date }), let last = all.max(by: { $0.date < $1.date }) else {
                return "Empty line chart."
            }
            return "Line chart of \(d.series.count) series from \(first.dateLabel) to \(last.dateLabel); latest: "
                + ends.joined(separator: ", ") + "."
        case .timeline(let d):
            let sorted = d.events.sorted { $0.date < $1.date }
            guard let first = sorted.first, let last = sorted.last else { return "Empty timeline." }
            var s = "Timeline of \(d.events.count) \(d.events.count == 1 ? "event" : "events") from \(first.dateLabel) to \(last.dateLabel)"
            if let big = d.events.filter({ $0.amount != nil }).max(by: { $0.amount!.high < $1.amount!.high }) {
                s += "; the largest is \(big.title), at \(big.amount!.label)"
            }
            return s + "."
        case .flow(let d):
            let inv = d.links.filter { $0.kind == .investment }.count
            let pur = d.links.count - inv
            var s = "Money flows between \(d.nodes.count) \(d.nodes.count == 1 ? "company" : "companies"): \(inv) \(inv == 1 ? "investment" : "investments") "
                + "and \(pur) \(pur == 1 ? "purchase or contract" : "purchases or contracts")"
            if let big = d.links.filter({ $0.amount != nil }).max(by: { $0.amount!.high < $1.amount!.high }) {
                let name = { (id: String) in d.nodes.first { $0.id == id }?.name ?? id }
                s += "; the largest is \(name(big.from)) → \(name(big.to)) at \(big.amount!.label)"
            }
            return s + "."
        case .tornado(let d):
            return d.summary
        case .scale(let d):
            if d.items.isEmpty { return "Empty scale comparison." }
            return "Areas proportional to \(d.items.count) \(d.items.count == 1 ? "value" : "values"): "
                + d.items.map { "\($0.name) \($0.value.label)" }.joined(separator: ", ") + "."
        }
    }
}
