// Stacked bars (horizontal or vertical): legend on top, segment labels inside when they fit, totals at the end.

enum StackedLayout {
    static func totals(_ chart: StackedChart) -> [Double] {
        chart.categories.map { c in c.segments.reduce(0) { $0 + max(0, $1?.value ?? 0) } }
    }

    static func colors(_ chart: StackedChart) -> [String] {
        chart.series.enumerated().map { Palette.color($1.color, index: $0) }
    }

    /// Segments of one category with their series index, skipping empty ones.
    static func segments(_ c: StackedChart.Category, seriesCount: Int) -> [(Int, StackedChart.Segment)] {
        c.segments.prefix(seriesCount).enumerated().compactMap { i, s in
            guard let s, s.value > 0, s.value.isFinite else { return nil }
            return (i, s)
        }
    }

    static func draw(_ chart: StackedChart, _ defs: inout SVGDefs) -> (SVGBuilder, Extent) {
        var svg = SVGBuilder()
        var extent = Extent()
        let pad = BarLayout.pad, width = SVGDocument.width
        let colors = colors(chart)
        if chart.orientation == .horizontal {
            horizontal(chart, colors, &svg, &defs, &extent)
        } else {
            vertical(chart, colors, &svg, &defs, &extent)
        }
        // The legend goes above everything drawn so far: measure it first, then draw it in place.
        var items = chart.series.enumerated().map { LegendItem(label: $1.name, swatch: .solid(colors[$0])) }
        if chart.categories.contains(where: { $0.segments.contains { $0.map { $0.solid < $0.value } ?? false } }) {
            items.append(LegendItem(label: chart.words["chart_legend_range"], swatch: .hatch("#767676")))
        }
        var scratch = SVGBuilder(), scratchDefs = defs
        let height = Legend.draw(items, &scratch, &scratchDefs, left: pad, top: 0, maxWidth: width - 2 * pad)
            .map(\.maxY).max() ?? 0
        let top = extent.top - 14 - height
        _ = Legend.draw(items, &svg, &defs, left: pad, top: top, maxWidth: width - 2 * pad)
        extent.add(top)
        return (svg, extent)
    }

    static func segmentTip(_ chart: StackedChart, _ c: StackedChart.Category, _ i: Int, _ s: StackedChart.Segment) -> String {
        "\(c.name), \(chart.series[i].name): \(s.label)"
    }

    /// One segment from `a` to `b` on the value axis: solid up to `a + solid`, hatched beyond.
    static func segmentRects(_ svg: inout SVGBuilder, _ defs: inout SVGDefs, _ s: StackedChart.Segment, color: String,
                             rect: (Double, Double) -> (x: Double, y: Double, w: Double, h: Double), from a: Double) {
        if s.solid > 0 {
            let r = rect(a, a + s.solid)
            svg.rect(r.x, r.y, r.w, r.h, cls: "cx-solid cx-bgs", fill: color, extra: [("stroke-width", "0.75")])
        }
        if s.value > s.solid {
            let r = rect(a + s.solid, a + s.value)
            svg.rect(r.x, r.y, r.w, r.h, cls: "cx-band", fill: defs.hatch(color), extra: [("stroke", color), ("stroke-width", "1")])
        }
    }

    static func horizontal(_ chart: StackedChart, _ colors: [String], _ svg: inout SVGBuilder, _ defs: inout SVGDefs,
                           _ extent: inout Extent) {
        let pad = BarLayout.pad, width = SVGDocument.width, avail = width - 2 * pad
        let totals = totals(chart)
        let totalValues = chart.categories.enumerated().map { ChartValue(totals[$0], label: $1.totalLabel ?? "") }
        let (ticks, k) = BarLayout.horizontalScale(values: totalValues, dataMax: max(totals.max() ?? 1, 1e-300),
                                                   avail: avail, format: chart.tickFormat)
        let x = { (v: Double) in pad + k * v }
        var y = 0.0
        var later = SVGBuilder()
        extent.add(0)
        for (ci, c) in chart.categories.enumerated() {
            let lines = TextMetrics.wrap(c.name, maxWidth: avail, bold: true)
            for (i, line) in lines.enumerated() {
                later.text(line, pad, y + TextMetrics.ascent + Double(i) * TextMetrics.lineHeight, cls: "cx-b")
            }
            let top = y + Double(lines.count) * TextMetrics.lineHeight + 4
            var acc = 0.0
            for (si, s) in segments(c, seriesCount: chart.series.count) {
                let x0 = x(acc), x1 = x(acc + s.value)
                later.open("cx-seg", title: segmentTip(chart, c, si, s))
                segmentRects(&later, &defs, s, color: colors[si], rect: { a, b in (x(a), top, x(b) - x(a), BarLayout.barThickness) }, from: acc)
                later.close()
                // A label inside sits on the solid part only, where its colour was chosen for.
                if let cls = Palette.textClass(on: colors[si]), TextMetrics.width(s.label) + 8 <= x(acc + s.solid) - x0 {
                    later.text(s.label, (x0 + x1) / 2, top + BarLayout.barThickness / 2 + 4.5, anchor: .middle, cls: cls)
                }
                acc += s.value
            }
            if let t = c.totalLabel, !t.isEmpty {
                let end = x(totals[ci]) + 6
                if end + TextMetrics.width(t) <= width - pad {
                    later.text(t, end, top + BarLayout.barThickness / 2 + 4.5, cls: "cx-h")
                } else {
                    later.text(t, width - pad, y + TextMetrics.ascent + Double(lines.count - 1) * TextMetrics.lineHeight,
                               anchor: .end, cls: "cx-h")
                }
            }
            y = top + BarLayout.barThickness + BarLayout.rowGap
        }
        extent.add(0)
        BarLayout.drawValueGrid(&svg, &extent, ticks: ticks, x: x, top: 0, axisY: max(40, y - BarLayout.rowGap + 6),
                                format: chart.tickFormat, title: chart.axisTitle)
        for p in later.parts { svg.raw(p) }
    }

    static func vertical(_ chart: StackedChart, _ colors: [String], _ svg: inout SVGBuilder, _ defs: inout SVGDefs,
                         _ extent: inout Extent) {
        let totals = totals(chart)
        let f = VerticalBars.frame(dataMax: max(totals.max() ?? 1, 1e-300), count: chart.categories.count,
                                   format: chart.tickFormat)
        extent.add(0)
        VerticalBars.drawGrid(&svg, f, format: chart.tickFormat)
        var taken: [Box] = []
        var labels: [PlacedLabel] = []
        for (ci, c) in chart.categories.enumerated() {
            let left = f.center(ci) - f.barWidth / 2
            var acc = 0.0
            for (si, s) in segments(c, seriesCount: chart.series.count) {
                let y1 = f.y(acc), y0 = f.y(acc + s.value)
                svg.open("cx-seg", title: segmentTip(chart, c, si, s))
                segmentRects(&svg, &defs, s, color: colors[si], rect: { a, b in (left, f.y(b), f.barWidth, f.y(a) - f.y(b)) }, from: acc)
                svg.close()
                if let cls = Palette.textClass(on: colors[si]), TextMetrics.width(s.label) + 6 <= f.barWidth,
                   y1 - f.y(acc + s.solid) >= TextMetrics.boxHeight + 2 {
                    svg.text(s.label, f.center(ci), (y0 + y1) / 2 + 4.5, anchor: .middle, cls: cls)
                }
                acc += s.value
            }
            taken.append(Box(x: left, y: f.y(acc), w: f.barWidth, h: f.y(0) - f.y(acc)))
        }
        for (ci, c) in chart.categories.enumerated() {
            guard let t = c.totalLabel, !t.isEmpty else { continue }
            var l = PlacedLabel([LabelLine(text: t, cls: "cx-h")])
            VerticalBars.placeAbove(&l, x: f.center(ci), bottom: f.y(totals[ci]) - 3, taken: taken, minX: f.plotLeft)
            taken.append(l.box)
            labels.append(l)
        }
        for l in labels {
            svg.label(l)
            extent.add(l.box)
        }
        var bottom = VerticalBars.drawNames(&svg, f, names: chart.categories.map(\.name))
        if let title = chart.axisTitle, !title.isEmpty {
            svg.text(title, BarLayout.pad, bottom + 6 + TextMetrics.ascent, cls: "cx-m")
            bottom += 6 + TextMetrics.boxHeight
        }
        extent.add(bottom)
    }
}
