// Tornado chart: one horizontal bar per input, widest on top, spanning the figure's values at
// the input's two ends; a dashed line at the figure with every input at its midpoint; the axis
// covers the bars (not zero: a tornado compares widths, and every bar floats). The part from
// the midpoint line to the low-end value is solid, the part to the high-end value hatched, so
// that the two ends read without colour; the end values are written beside the bar's ends.

enum TornadoLayout {
    static let pad = 8.0
    static let barThickness = 18.0
    static let rowGap = 12.0

    /// Axis ticks covering `lo...hi` at a nice step, and the scale, so that tick labels keep apart.
    static func axis(lo: Double, hi: Double, avail: Double, format: ValueFormatter) -> (ticks: [Double], k: Double) {
        // A chart of bars that do not move still needs an axis: one around the value.
        let span = hi > lo ? hi - lo : max(abs(hi), 1)
        var target = 5
        while true {
            let unit = NiceTicks.ticks(maxValue: span, target: target)
            let step = unit.count > 1 ? unit[1] - unit[0] : span
            let first = (lo / step).rounded(.down), last = max((hi / step).rounded(.up), first + 1)
            let ticks = stride(from: first, through: last, by: 1).map { $0 * step }
            let k = (avail - 2) / ((ticks.last ?? 1) - (ticks.first ?? 0))
            let widest = ticks.map { TextMetrics.width(format($0)) }.max() ?? 0
            if target == 1 || k * step >= widest + 10 { return (ticks, k) }
            target -= 1
        }
    }

    static func draw(_ chart: TornadoChart, _ defs: inout SVGDefs) -> (SVGBuilder, Extent) {
        let width = SVGDocument.width, avail = width - 2 * pad
        let bars = chart.sortedBars
        let ends = bars.flatMap { [$0.atLow, $0.atHigh] } + [chart.baseline]
        let (ticks, k) = axis(lo: ends.min() ?? 0, hi: ends.max() ?? 0, avail: avail, format: chart.tickFormat)
        let axisMin = ticks.first ?? 0
        let x = { (v: Double) in pad + k * (v - axisMin) }
        let lowColor = Palette.color(nil, index: 0), highColor = Palette.color(nil, index: 1)

        var svg = SVGBuilder()
        var extent = Extent()
        extent.add(0)
        // Legend, then the midpoint line's label, then the rows.
        let legend = Legend.draw([LegendItem(label: chart.lowEndLegend, swatch: .solid(lowColor)),
                                  LegendItem(label: chart.highEndLegend, swatch: .hatch(highColor))],
                                 &svg, &defs, left: pad, top: 0, maxWidth: avail)
        var y = (legend.map(\.maxY).max() ?? 0) + 8
        var baselineLabel = PlacedLabel([LabelLine(text: chart.baselineLabel, cls: "cx-m cx-h")], anchor: .middle,
                                        x: x(chart.baseline), top: y)
        baselineLabel.clampX(pad, width - pad)
        svg.label(baselineLabel)
        y += TextMetrics.boxHeight + 4
        let rowsTop = y

        var labels: [PlacedLabel] = []
        // Rows are drawn after the grid, which needs their height first.
        var marks = SVGBuilder()
        for bar in bars {
            let name = TextMetrics.wrap("\(bar.input): \(bar.shareLabel)", maxWidth: avail, bold: true)
            for (i, line) in name.enumerated() {
                marks.text(line, pad, y + TextMetrics.ascent + Double(i) * TextMetrics.lineHeight, cls: "cx-b")
            }
            let barTop = y + Double(name.count) * TextMetrics.lineHeight + 4
            marks.open("cx-bar", title: "\(bar.input): \(bar.atLowLabel) – \(bar.atHighLabel) (\(bar.shareLabel))")
            let mid = x(chart.baseline)
            for (end, color, hatched) in [(bar.atLow, lowColor, false), (bar.atHigh, highColor, true)] {
                let to = x(end)
                guard abs(to - mid) >= 0.01 else { continue }
                marks.rect(min(mid, to), barTop, abs(to - mid), barThickness, cls: hatched ? "cx-band" : "cx-solid",
                         fill: hatched ? defs.hatch(color) : color,
                         extra: hatched ? [("stroke", color), ("stroke-width", "1")] : [])
            }
            if bar.width == 0 {
                // An input that moves nothing: a tick at the midpoint line, never an empty row.
                marks.line(mid, barTop, mid, barTop + barThickness, cls: "cx-fgs", extra: [("stroke-width", "2")])
            }
            marks.close()
            // The end values beside the bar's ends; when the two would meet, under the bar.
            let left = bar.atLow <= bar.atHigh ? bar.atLowLabel : bar.atHighLabel
            let right = bar.atLow <= bar.atHigh ? bar.atHighLabel : bar.atLowLabel
            let textTop = barTop + barThickness / 2 + 4.5 - TextMetrics.ascent
            var l = PlacedLabel([LabelLine(text: left, cls: "cx-h")], anchor: .end, x: x(min(bar.atLow, bar.atHigh)) - 4, top: textTop)
            var r = PlacedLabel([LabelLine(text: right, cls: "cx-h")], anchor: .start, x: x(max(bar.atLow, bar.atHigh)) + 4, top: textTop)
            var bottom = barTop + barThickness
            if l.left < pad || r.left + r.width > width - pad {
                l.top = bottom + 4
                r.top = bottom + 4
                l.clampX(pad, width - pad)
                r.clampX(pad, width - pad)
                if l.box.intersects(r.box, pad: 6) { r.top += TextMetrics.lineHeight }
                bottom = max(l.box.maxY, r.box.maxY)
            }
            labels += [l, r]
            y = bottom + rowGap
        }
        let axisY = y - rowGap + 6
        BarLayout.drawValueGrid(&svg, &extent, ticks: ticks, x: x, top: rowsTop - 4, axisY: axisY, format: chart.tickFormat,
                                title: nil)
        svg.raw(marks.parts.joined())
        svg.line(x(chart.baseline), rowsTop - 4, x(chart.baseline), axisY, cls: "cx-fgs",
                 extra: [("stroke-width", "1.5"), ("stroke-dasharray", "4 3")])
        for label in labels { svg.label(label) }
        return (svg, extent)
    }
}
