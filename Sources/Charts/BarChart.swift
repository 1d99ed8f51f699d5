// Horizontal bar chart: name above each bar, value label at the bar end, value axis below through zero (bars below zero grow left of it).

enum BarLayout {
    static let pad = 8.0
    static let barThickness = 20.0
    static let rowGap = 14.0

    static func sorted(_ bars: [BarChart.Bar], _ order: SortOrder) -> [BarChart.Bar] {
        let indexed = Array(bars.enumerated())
        func less(_ a: (offset: Int, element: BarChart.Bar), _ b: (offset: Int, element: BarChart.Bar)) -> Bool {
            let va = a.element.value, vb = b.element.value
            if va.high != vb.high { return va.high < vb.high }
            if va.low != vb.low { return va.low < vb.low }
            return false
        }
        switch order {
        case .none: return bars
        case .ascending:
            return indexed.sorted { less($0, $1) || (!less($1, $0) && $0.offset < $1.offset) }.map(\.element)
        case .descending:
            return indexed.sorted { less($1, $0) || (!less($0, $1) && $0.offset < $1.offset) }.map(\.element)
        }
    }

    /// The largest value on the axis (values, markers), never zero: 1 when every value is
    /// zero, 0 when some are below zero and none above.
    static func dataMax(_ bars: [BarChart.Bar]) -> Double {
        let m = bars.map { max($0.value.high, $0.marker?.value ?? 0) }.max() ?? 0
        return m > 0 ? m : dataMin(bars) < 0 ? 0 : 1
    }

    /// The smallest value on the axis (values, markers), or 0: the axis always shows zero.
    static func dataMin(_ bars: [BarChart.Bar]) -> Double {
        min(0, bars.map { min($0.value.low, $0.marker?.value ?? 0) }.min() ?? 0)
    }

    static func draw(_ chart: BarChart, _ defs: inout SVGDefs) -> (SVGBuilder, Extent) {
        chart.orientation == .horizontal ? horizontal(chart, &defs) : VerticalBars.draw(chart, &defs)
    }

    /// Room needed past a bar's end: the open end of a lower bound (or a gap) plus the value label.
    static func endRoom(_ v: ChartValue) -> Double {
        Marks.endRoom(v) + 2 + TextMetrics.width(v.label)
    }

    /// Chooses ticks and the scale (units per value) for horizontal bars so end labels fit where possible.
    /// With values below zero the axis starts at the lowest tick (`ticks[0]`, negative) and
    /// `k` spans the whole range; otherwise it starts at zero, as before negative bars were drawn.
    static func horizontalScale(values: [ChartValue], dataMin: Double = 0, dataMax: Double, avail: Double,
                                format: ValueFormatter) -> (ticks: [Double], k: Double) {
        var target = 6
        while true {
            let ticks = NiceTicks.ticks(minValue: dataMin, maxValue: dataMax, target: target)
            let axisMin = ticks.first ?? 0
            let span = (ticks.last ?? 1) - axisMin
            var k = (avail - 2) / span
            for v in values where v.high > 0 {
                k = min(k, (avail - endRoom(v)) / (v.high - axisMin))
            }
            k = max(k, 0.55 * avail / span)
            let widest = ticks.map { TextMetrics.width(format($0)) }.max() ?? 0
            if target == 1 || k * (ticks[1] - ticks[0]) >= widest + 10 { return (ticks, k) }
            target -= 1
        }
    }

    private struct Row {
        var bar: BarChart.Bar
        var color: String
        var nameLines: [String]
        var nameTop: Double
        var barTop: Double
        var valueLabel: PlacedLabel
        var markerLabel: PlacedLabel?
    }

    static func horizontal(_ chart: BarChart, _ defs: inout SVGDefs) -> (SVGBuilder, Extent) {
        let width = SVGDocument.width, pad = Self.pad, avail = width - 2 * pad
        let bars = sorted(chart.bars, chart.sort)
        let (ticks, k) = horizontalScale(values: bars.map(\.value), dataMin: dataMin(bars), dataMax: dataMax(bars),
                                         avail: avail, format: chart.tickFormat)
        let axisMin = ticks.first ?? 0
        let x = { (v: Double) in pad + k * (v - axisMin) }

        var rows: [Row] = []
        var y = 0.0
        for bar in bars {
            let color = Palette.color(bar.color, index: 0)
            var nameLines = TextMetrics.wrap(bar.category, maxWidth: avail, bold: true)
            // A bar below zero keeps its label right of the zero line, clear of the bar.
            let end = x(max(0, bar.value.high)) + Marks.endRoom(bar.value) + 2
            let labelW = TextMetrics.width(bar.value.label)
            var fits = end + labelW <= width - pad
            if let m = bar.marker {
                let mx = x(m.value)
                if mx >= end - 3 && mx <= end + labelW + 3 { fits = false }
            }
            var valueLabel = PlacedLabel([LabelLine(text: bar.value.label, cls: "cx-h")])
            var barTop: Double
            let solidEnd = x(bar.value.solidEnd)
            let inside = Palette.textClass(on: color)
            let markerInside = bar.marker.map { x($0.value) > solidEnd - labelW - 12 && x($0.value) < solidEnd } ?? false
            if !fits, let inside, bar.value.low > 0, solidEnd - x(0) >= labelW + 10, !markerInside {
                // Inside the solid part, right-aligned, in a colour that contrasts with the bar.
                barTop = y + Double(nameLines.count) * TextMetrics.lineHeight + 4
                valueLabel = PlacedLabel([LabelLine(text: bar.value.label, cls: inside)], anchor: .end, x: solidEnd - 5,
                                         top: barTop + barThickness / 2 + 4.5 - TextMetrics.ascent)
            } else if fits {
                barTop = y + Double(nameLines.count) * TextMetrics.lineHeight + 4
                valueLabel.anchorX = end
                valueLabel.top = barTop + barThickness / 2 + 4.5 - TextMetrics.ascent
            } else {
                // Beside the name on its last line, right-aligned to the bar end where possible.
                let lastW = TextMetrics.width(nameLines.last ?? "", bold: true)
                let rightEnd = min(width - pad, max(x(max(0, bar.value.high)), pad + lastW + 10 + labelW))
                if rightEnd - labelW < pad + lastW + 10 {
                    nameLines.append("")
                }
                barTop = y + Double(nameLines.count) * TextMetrics.lineHeight + 4
                valueLabel.anchor = .end
                valueLabel.anchorX = nameLines.last == "" ? min(width - pad, max(pad + labelW, x(max(0, bar.value.high)))) : rightEnd
                valueLabel.top = y + Double(nameLines.count - 1) * TextMetrics.lineHeight
            }
            var markerLabel: PlacedLabel?
            if let m = bar.marker {
                var l = PlacedLabel([LabelLine(text: m.label, cls: "cx-h")], anchor: .middle, x: x(m.value),
                                    top: barTop + barThickness + 5)
                l.clampX(pad, width - pad)
                markerLabel = l
            }
            rows.append(Row(bar: bar, color: color, nameLines: nameLines.filter { !$0.isEmpty }, nameTop: y,
                            barTop: barTop, valueLabel: valueLabel, markerLabel: markerLabel))
            y = barTop + barThickness + (markerLabel != nil ? 5 + TextMetrics.boxHeight : 0) + rowGap
        }

        var svg = SVGBuilder()
        var extent = Extent()
        extent.add(0)
        let axisY = max(y - rowGap + 6, 40)
        drawValueGrid(&svg, &extent, ticks: ticks, x: x, top: 0, axisY: axisY, format: chart.tickFormat,
                      title: chart.axisTitle)

        for row in rows {
            for (i, line) in row.nameLines.enumerated() {
                svg.text(line, pad, row.nameTop + TextMetrics.ascent + Double(i) * TextMetrics.lineHeight, cls: "cx-b")
            }
            var tip = "\(row.bar.category): \(row.bar.value.label)"
            if let m = row.bar.marker { tip += " (\(m.label))" }
            svg.open("cx-bar", title: tip)
            Marks.intervalBar(&svg, &defs, value: row.bar.value, color: row.color, horizontal: true, pos: x,
                              cross: row.barTop, thickness: barThickness)
            svg.close()
            if let m = row.bar.marker, let label = row.markerLabel {
                let mx = x(m.value)
                svg.line(mx, row.barTop - 4, mx, row.barTop + barThickness + 4, cls: "cx-bgs",
                         extra: [("stroke-width", "5")])
                svg.line(mx, row.barTop - 4, mx, row.barTop + barThickness + 4, cls: "cx-fgs cx-marker",
                         extra: [("stroke-width", "2")])
                svg.label(label)
            }
            svg.label(row.valueLabel)
        }
        return (svg, extent)
    }

    /// Vertical grid lines with tick labels under a horizontal value axis, plus the optional axis title.
    static func drawValueGrid(_ svg: inout SVGBuilder, _ extent: inout Extent, ticks: [Double],
                              x: (Double) -> Double, top: Double, axisY: Double, format: ValueFormatter,
                              title: String?) {
        let width = SVGDocument.width
        for t in ticks {
            svg.line(x(t), top, x(t), axisY, cls: t == 0 ? "cx-axis" : "cx-grid")
            var l = PlacedLabel([LabelLine(text: format(t), cls: "cx-m cx-tick")], anchor: .middle, x: x(t),
                                top: axisY + 4)
            l.clampX(0, width)
            svg.label(l)
            extent.add(l.box)
        }
        var bottom = axisY + 4 + TextMetrics.boxHeight
        if let title, !title.isEmpty {
            let lines = TextMetrics.wrap(title, maxWidth: width - 2 * pad)
            for (i, line) in lines.enumerated() {
                svg.text(line, pad, bottom + 4 + TextMetrics.ascent + Double(i) * TextMetrics.lineHeight, cls: "cx-m")
            }
            bottom += 4 + Double(lines.count - 1) * TextMetrics.lineHeight + TextMetrics.boxHeight
        }
        extent.add(bottom)
    }
}
