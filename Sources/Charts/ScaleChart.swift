// Scale comparison: area-proportional squares or circles side by side on one baseline, each labelled above
// (raised lane by lane with a leader line when labels would collide); marks too small to see get a ring.

enum ScaleLayout {
    static let maxSide = 240.0
    static let gap = 14.0
    /// Labels wrap to at most this width.
    static let labelWidth = 130.0
    /// Below this side (≈2 px at 360 px rendered width) a mark gets a visibility ring.
    static let tinySide = 2.5

    /// Side (square) or diameter (circle) for `v` when the largest value gets `s`: area ∝ value.
    static func side(_ v: Double, largest: Double, s: Double) -> Double {
        largest > 0 && v > 0 ? s * (v / largest).squareRoot() : 0
    }

    static func draw(_ chart: ScaleChart, _ defs: inout SVGDefs) -> (SVGBuilder, Extent) {
        let pad = BarLayout.pad, width = SVGDocument.width, avail = width - 2 * pad
        var svg = SVGBuilder()
        var extent = Extent()
        let items = chart.items
        let largest = items.map(\.value.high).max() ?? 0
        // Marks sit side by side on one baseline; the largest gets side `s`, shrunk until the marks fit and
        // the last mark keeps room for its label to its right.
        func slot(_ i: Int, _ s: Double) -> Double {
            max(side(items[i].value.high, largest: largest, s: s) + (items[i].value.qualifier == .atLeast ? 6 : 0), 8)
        }
        let lastLabel = items.last.map { min(labelWidth, TextMetrics.width($0.name, bold: true)) } ?? 0
        func needed(_ s: Double) -> Double {
            guard let last = items.indices.last else { return 0 }
            let before = (0..<last).reduce(0.0) { $0 + slot($1, s) + gap }
            return before + max(slot(last, s), lastLabel)
        }
        var s = min(maxSide, avail)
        while s > 20 && needed(s) > avail { s -= 2 }
        let baseline = 0.0
        var xs: [Double] = []
        var x = pad
        for i in items.indices {
            xs.append(x)
            x += slot(i, s) + gap
        }
        let sides = items.map { side($0.value.high, largest: largest, s: s) }
        var taken: [Box] = items.indices.map { i in
            let vis = max(slot(i, s) - 8 + 8, tinySide + 4)
            return Box(x: xs[i] - 4, y: baseline - vis - 2, w: vis + 6, h: vis + 2)
        }
        svg.line(pad, baseline, width - pad, baseline, cls: "cx-axis")
        for i in items.indices {
            let item = items[i]
            let color = Palette.color(item.color, index: 0)
            svg.open("cx-scale-item", title: "\(item.name): \(item.value.label)")
            drawMark(&svg, &defs, chart.shape, x: xs[i], baseline: baseline, high: sides[i],
                     solid: side(item.value.solidEnd, largest: largest, s: s), value: item.value, color: color)
            svg.close()
        }
        // Labels, right to left: left-aligned at their mark and raised until they overlap no mark or label.
        // Labels placed earlier start right of every later leader, so leaders never cross labels.
        for i in items.indices.reversed() {
            let item = items[i]
            var label = PlacedLabel(PlacedLabel.lines(bold: item.name, muted: [item.value.label],
                                                      maxWidth: max(60, min(max(labelWidth, slot(i, s)), width - pad - xs[i]))),
                                    x: xs[i])
            label.clampX(pad, width - pad)
            let markTop = taken[i].y
            var candidates: [Box] = []
            for lane in 0..<80 {
                var l = label
                l.top = markTop - 6 - l.height - Double(lane) * 4
                candidates.append(l.box)
            }
            let free = LabelLayout.firstFree(candidates, taken: taken, pad: 2) ?? candidates.count - 1
            label.top = candidates[free].y
            let box = label.box
            if markTop - box.maxY > 8 || sides[i] < tinySide {
                let leaderX = xs[i] + min(sides[i], 4) / 2
                svg.line(leaderX, box.maxY + 2, leaderX, markTop, cls: "cx-lead")
            }
            taken.append(box)
            svg.label(label)
            extent.add(box)
        }
        extent.add(baseline + 2)
        return (svg, extent)
    }

    static func drawMark(_ svg: inout SVGBuilder, _ defs: inout SVGDefs, _ shape: ScaleChart.Shape, x: Double,
                         baseline: Double, high: Double, solid: Double, value: ChartValue, color: String) {
        func mark(_ size: Double, cls: String, extra: [(String, String?)]) {
            switch shape {
            case .square: svg.rect(x, baseline - size, size, size, cls: cls, extra: extra)
            case .circle: svg.circle(x + size / 2, baseline - size / 2, size / 2, cls: cls, extra: extra)
            }
        }
        if high > solid {
            mark(high, cls: "cx-area cx-band", extra: [("fill", defs.hatch(color)), ("stroke", color), ("stroke-width", "1")])
            if solid > 0 { mark(solid, cls: "cx-area-low", extra: [("fill", color)]) }
        } else {
            mark(high, cls: "cx-area", extra: [("fill", color)])
        }
        if value.qualifier == .atLeast {
            let grown = high + 6
            switch shape {
            case .square:
                svg.rect(x, baseline - grown, grown, grown, cls: "cx-open",
                         extra: [("fill", "none"), ("stroke", color), ("stroke-width", "1.5"), ("stroke-dasharray", "4 3")])
            case .circle:
                svg.circle(x + high / 2, baseline - high / 2, high / 2 + 4, cls: "cx-open",
                           extra: [("fill", "none"), ("stroke", color), ("stroke-width", "1.5"), ("stroke-dasharray", "4 3")])
            }
        }
        if high < tinySide {
            svg.circle(x + high / 2, baseline - high / 2, tinySide + 1.5, cls: "cx-tiny",
                       extra: [("fill", "none"), ("stroke", color), ("stroke-width", "1.5")])
        }
    }
}
