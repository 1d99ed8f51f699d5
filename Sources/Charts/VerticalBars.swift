// Vertical bars (columns): value axis on the left through zero (bars below zero hang under it), wrapped names below, value labels stacked above.

enum VerticalBars {
    static let plotHeight = 220.0

    /// Scale and geometry shared by vertical bar and stacked charts.
    struct Frame {
        var ticks: [Double]
        var plotLeft: Double
        var plotRight: Double
        var k: Double
        var band: Double
        var barWidth: Double
        /// The lowest tick: 0, or below it when a value is negative.
        var axisMin = 0.0

        func y(_ v: Double) -> Double { VerticalBars.plotHeight - k * (v - axisMin) }
        func center(_ i: Int) -> Double { plotLeft + band * (Double(i) + 0.5) }
    }

    static func frame(dataMin: Double = 0, dataMax: Double, count: Int, format: ValueFormatter) -> Frame {
        let pad = BarLayout.pad, width = SVGDocument.width
        // Leave head room above the tallest bar for its label.
        let ticks = NiceTicks.fitting(minValue: dataMin, maxValue: dataMax, length: plotHeight - 24, minGap: 14) { _ in
            TextMetrics.lineHeight
        }
        let axisMin = ticks.first ?? 0
        let span = (ticks.last ?? 1) - axisMin
        let tickW = ticks.map { TextMetrics.width(format($0)) }.max() ?? 0
        let plotLeft = pad + tickW + 6, plotRight = width - pad
        let band = (plotRight - plotLeft) / Double(max(1, count))
        return Frame(ticks: ticks, plotLeft: plotLeft, plotRight: plotRight, k: plotHeight / span, band: band,
                     barWidth: min(56, band * 0.64), axisMin: axisMin)
    }

    /// Horizontal grid lines and left tick labels.
    static func drawGrid(_ svg: inout SVGBuilder, _ f: Frame, format: ValueFormatter) {
        for t in f.ticks {
            svg.line(f.plotLeft, f.y(t), f.plotRight, f.y(t), cls: t == 0 ? "cx-axis" : "cx-grid")
            svg.text(format(t), f.plotLeft - 6, f.y(t) + 4.5, anchor: .end, cls: "cx-m cx-tick")
        }
    }

    /// Wrapped category names under each column; returns their bottom.
    static func drawNames(_ svg: inout SVGBuilder, _ f: Frame, names: [String]) -> Double {
        var bottom = plotHeight
        for (i, name) in names.enumerated() {
            let lines = TextMetrics.wrap(name, maxWidth: max(20, f.band - 6), bold: true)
            var label = PlacedLabel(lines.map { LabelLine(text: $0, cls: "cx-b") }, anchor: .middle, x: f.center(i),
                                    top: plotHeight + 6)
            label.clampX(0, SVGDocument.width)
            svg.label(label)
            bottom = max(bottom, label.box.maxY)
        }
        return bottom
    }

    /// Places `label` centred at `x` with its bottom at `bottom`, raising it a line at a time until free.
    static func placeAbove(_ label: inout PlacedLabel, x: Double, bottom: Double, taken: [Box], minX: Double) {
        label.anchor = .middle
        label.anchorX = x
        label.clampX(minX, SVGDocument.width - BarLayout.pad)
        var candidates: [Box] = []
        for step in 0..<12 {
            var l = label
            l.top = bottom - l.height - Double(step) * TextMetrics.lineHeight
            candidates.append(l.box)
        }
        let i = LabelLayout.firstFree(candidates, taken: taken) ?? 11
        label.top = candidates[i].y
    }

    static func draw(_ chart: BarChart, _ defs: inout SVGDefs) -> (SVGBuilder, Extent) {
        let bars = BarLayout.sorted(chart.bars, chart.sort)
        let f = frame(dataMin: BarLayout.dataMin(bars), dataMax: BarLayout.dataMax(bars), count: bars.count,
                      format: chart.tickFormat)
        var svg = SVGBuilder()
        var extent = Extent()
        extent.add(0)
        drawGrid(&svg, f, format: chart.tickFormat)

        var taken: [Box] = []
        var ends: [Double] = []
        for (i, bar) in bars.enumerated() {
            let left = f.center(i) - f.barWidth / 2
            var tip = "\(bar.category): \(bar.value.label)"
            if let m = bar.marker { tip += " (\(m.label))" }
            svg.open("cx-bar", title: tip)
            let end = Marks.intervalBar(&svg, &defs, value: bar.value, color: Palette.color(bar.color, index: 0),
                                        horizontal: false, pos: f.y, cross: left, thickness: f.barWidth)
            svg.close()
            // A bar below zero ends under the zero line; its label goes above that line.
            ends.append(min(end, f.y(0)))
            taken.append(Box(x: left, y: min(end, f.y(0)), w: f.barWidth, h: abs(f.y(0) - end)))
        }
        for (i, bar) in bars.enumerated() {
            guard let m = bar.marker else { continue }
            let my = f.y(m.value), half = f.barWidth / 2 + 5
            svg.line(f.center(i) - half, my, f.center(i) + half, my, cls: "cx-bgs", extra: [("stroke-width", "5")])
            svg.line(f.center(i) - half, my, f.center(i) + half, my, cls: "cx-fgs cx-marker", extra: [("stroke-width", "2")])
            taken.append(Box(x: f.center(i) - half, y: my - 2, w: 2 * half, h: 4))
        }
        var labels: [PlacedLabel] = []
        for (i, bar) in bars.enumerated() {
            var l = PlacedLabel([LabelLine(text: bar.value.label, cls: "cx-h")])
            placeAbove(&l, x: f.center(i), bottom: ends[i] - 2, taken: taken, minX: f.plotLeft)
            taken.append(l.box)
            labels.append(l)
        }
        for (i, bar) in bars.enumerated() {
            guard let m = bar.marker else { continue }
            var l = PlacedLabel([LabelLine(text: m.label, cls: "cx-h")])
            placeAbove(&l, x: f.center(i), bottom: f.y(m.value) - 4, taken: taken, minX: f.plotLeft)
            taken.append(l.box)
            labels.append(l)
        }
        for l in labels {
            svg.label(l)
            extent.add(l.box)
        }
        var bottom = drawNames(&svg, f, names: bars.map(\.category))
        if let title = chart.axisTitle, !title.isEmpty {
            let lines = TextMetrics.wrap(title, maxWidth: SVGDocument.width - 2 * BarLayout.pad)
            for (i, line) in lines.enumerated() {
                svg.text(line, BarLayout.pad, bottom + 6 + TextMetrics.ascent + Double(i) * TextMetrics.lineHeight, cls: "cx-m")
            }
            bottom += 6 + Double(lines.count - 1) * TextMetrics.lineHeight + TextMetrics.boxHeight
        }
        extent.add(bottom)
        return (svg, extent)
    }
}
