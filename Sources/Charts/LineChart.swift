// Line chart: series over a date axis, a value axis through zero (below it for negative values), direct labels at line ends nudged apart.

enum LineLayout {
    static let plotHeight = 200.0
    static let maxEndLabelWidth = 130.0

    /// Day-number domain of all points (widened by a month each side when it is a single day).
    static func domain(_ chart: LineChart) -> (lo: Int, hi: Int) {
        let days = chart.series.flatMap { $0.points.map(\.date.dayNumber) }
        guard var lo = days.min(), var hi = days.max() else { return (0, 365) }
        if lo == hi { lo -= 30; hi += 30 }
        return (lo, hi)
    }

    static func endLabel(_ s: LineChart.Series) -> PlacedLabel? {
        guard let last = s.points.last else { return nil }
        return PlacedLabel(PlacedLabel.lines(bold: s.name, muted: [last.label], maxWidth: maxEndLabelWidth))
    }

    static func draw(_ chart: LineChart, _ defs: inout SVGDefs) -> (SVGBuilder, Extent) {
        let pad = BarLayout.pad, width = SVGDocument.width
        var svg = SVGBuilder()
        var extent = Extent()
        let series = chart.series.map { s in
            LineChart.Series(name: s.name, color: s.color, points: s.points.sorted { $0.date < $1.date })
        }
        let colors = series.enumerated().map { Palette.color($1.color, index: $0) }
        // The axis shows zero and every value, below zero too.
        let values = series.flatMap { $0.points.map { $0.value.isFinite ? $0.value : 0 } }
        let yTicks = NiceTicks.fitting(minValue: values.min() ?? 0, maxValue: max(0, values.max() ?? 1), length: plotHeight,
                                       minGap: 14) { _ in TextMetrics.lineHeight }
        let axisMin = yTicks.first ?? 0
        let k = plotHeight / ((yTicks.last ?? 1) - axisMin)
        let y = { (v: Double) in plotHeight - k * ((v.isFinite ? v : 0) - axisMin) }
        let tickW = yTicks.map { TextMetrics.width(chart.tickFormat($0)) }.max() ?? 0
        let plotLeft = pad + tickW + 6
        var labels = series.map(endLabel)
        let labelW = labels.compactMap { $0?.width }.max() ?? 0
        let plotRight = width - pad - labelW - (labelW > 0 ? 12 : 0)
        let (lo, hi) = domain(chart)
        let x = { (d: Int) in plotLeft + Double(d - lo) / Double(hi - lo) * (plotRight - plotLeft) }

        extent.add(0)
        if let title = chart.axisTitle, !title.isEmpty {
            let l = PlacedLabel([LabelLine(text: title, cls: "cx-m")], x: pad, top: -TextMetrics.boxHeight - 8)
            svg.label(l)
            extent.add(l.box)
        }
        for t in yTicks {
            svg.line(plotLeft, y(t), plotRight, y(t), cls: t == 0 ? "cx-axis" : "cx-grid")
            svg.text(chart.tickFormat(t), plotLeft - 6, y(t) + 4.5, anchor: .end, cls: "cx-m cx-tick")
            extent.add(y(t) - TextMetrics.ascent + 4.5)
        }
        let dateTicks = DateTicks.ticks(from: lo, to: hi, length: plotRight - plotLeft) {
            TextMetrics.width(chart.dateTickFormat($0.date, $0.unit))
        }
        for t in dateTicks {
            let tx = x(t.date.dayNumber)
            svg.line(tx, plotHeight, tx, plotHeight + 5, cls: "cx-axis")
            var l = PlacedLabel([LabelLine(text: chart.dateTickFormat(t.date, t.unit), cls: "cx-m cx-tick")],
                                anchor: .middle, x: tx, top: plotHeight + 7)
            l.clampX(0, width)
            svg.label(l)
            extent.add(l.box)
        }
        extent.add(plotHeight + 7 + TextMetrics.boxHeight)

        for (i, s) in series.enumerated() where !s.points.isEmpty {
            var p = PathData()
            for (j, pt) in s.points.enumerated() {
                if j == 0 { p.move(x(pt.date.dayNumber), y(pt.value)) } else { p.lineTo(x(pt.date.dayNumber), y(pt.value)) }
            }
            svg.open("cx-series", title: s.name)
            svg.path(p.d, cls: "cx-line", extra: [("fill", "none"), ("stroke", colors[i]), ("stroke-width", "2.5"),
                                                   ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
            if s.points.count <= 40 {
                for pt in s.points {
                    svg.circle(x(pt.date.dayNumber), y(pt.value), 3, cls: "cx-point cx-bgs",
                               extra: [("fill", colors[i]), ("stroke-width", "1")])
                }
            }
            svg.close()
        }

        // A lone short series also labels its inner points, so that a bound ("< $28.2B") or a
        // range is read where it is drawn, not only in the table under the chart.
        if series.count == 1, let s = series.first, (2...8).contains(s.points.count) {
            for pt in s.points.dropLast() where !pt.label.isEmpty {
                var l = PlacedLabel([LabelLine(text: pt.label, cls: "cx-m")], anchor: .middle,
                                    x: x(pt.date.dayNumber), top: y(pt.value) - 10 - TextMetrics.boxHeight)
                l.clampX(plotLeft, plotRight)
                svg.label(l)
                extent.add(l.box)
            }
        }

        // End labels: spread vertically around the last values, within the plot height.
        let idx = labels.indices.filter { labels[$0] != nil }
        let desired = idx.map { y(series[$0].points.last!.value) - (TextMetrics.ascent - 4.5) + labels[$0]!.height / 2 }
        let sizes = idx.map { labels[$0]!.height }
        let tops = LabelLayout.spread(desired: desired, sizes: sizes, gap: 4,
                                      minStart: nil, maxEnd: plotHeight + TextMetrics.boxHeight / 2)
        for (n, i) in idx.enumerated() {
            labels[i]!.anchorX = plotRight + 12
            labels[i]!.top = tops[n]
            let last = series[i].points.last!
            let px = x(last.date.dayNumber), py = y(last.value)
            let cy = tops[n] + TextMetrics.ascent - 4.5
            var lead = PathData()
            lead.move(px + 4, py)
            if abs(cy - py) > 1 { lead.lineTo(plotRight + 4, py) }
            lead.lineTo(plotRight + 9, cy)
            svg.path(lead.d, cls: "cx-endlead", extra: [("fill", "none"), ("stroke", colors[i]), ("stroke-width", "1.5")])
            svg.label(labels[i]!)
            extent.add(labels[i]!.box)
        }
        return (svg, extent)
    }
}
