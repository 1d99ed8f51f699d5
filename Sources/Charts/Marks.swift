// Shared marks: interval bars (solid to low, hatched band to high), dashed open ends, and legends.

enum Marks {
    /// Length past the end of a bar taken by an open end (plus its gap).
    static let openEndLength = 12.0

    /// Room past a bar's end before its label: the open end of a lower bound, else a gap.
    static func endRoom(_ value: ChartValue) -> Double {
        value.qualifier == .atLeast ? openEndLength : 4
    }

    /// Draws `value` as a bar along the value axis. `pos` maps a value to the axis coordinate
    /// (x for horizontal, y for vertical); `cross`/`thickness` place it across the axis.
    /// Returns the coordinate just beyond the drawn end (after any open end), in the growth direction.
    @discardableResult
    static func intervalBar(_ svg: inout SVGBuilder, _ defs: inout SVGDefs, value: ChartValue, color: String,
                            horizontal: Bool, pos: (Double) -> Double, cross: Double, thickness: Double) -> Double {
        if value.high <= 0 && value.low < 0 { return belowZero(&svg, &defs, value: value, color: color, horizontal: horizontal,
                                                             pos: pos, cross: cross, thickness: thickness) }
        if value.low < 0 {
            // Across zero: nothing is certain, the whole range is the band.
            let rect = (min(pos(value.low), pos(value.high)), abs(pos(value.high) - pos(value.low)))
            if horizontal {
                svg.rect(rect.0, cross, rect.1, thickness, cls: "cx-band", fill: defs.hatch(color),
                         extra: [("stroke", color), ("stroke-width", "1")])
            } else {
                svg.rect(cross, rect.0, thickness, rect.1, cls: "cx-band", fill: defs.hatch(color),
                         extra: [("stroke", color), ("stroke-width", "1")])
            }
            return pos(value.high) + (horizontal ? 4 : -4)
        }
        let zero = pos(0), solid = pos(value.solidEnd), high = pos(value.high)
        func rect(_ a: Double, _ b: Double, cls: String, fill: String, extra: [(String, String?)]) {
            if horizontal {
                svg.rect(min(a, b), cross, abs(b - a), thickness, cls: cls, fill: fill, extra: extra)
            } else {
                svg.rect(cross, min(a, b), thickness, abs(b - a), cls: cls, fill: fill, extra: extra)
            }
        }
        if value.solidEnd > 0 {
            rect(zero, solid, cls: "cx-solid", fill: color, extra: [])
        }
        if value.high > value.solidEnd {
            rect(solid, high, cls: "cx-band", fill: defs.hatch(color),
                 extra: [("stroke", color), ("stroke-width", "1"),
                         ("data-open", value.qualifier == .atMost ? value.qualifier.rawValue : nil)])
        }
        let sign = horizontal ? 1.0 : -1.0
        // An upper bound is the hatched band from zero alone, and a lower bound's open end is the
        // bar's edges running on, dashed: no glyph that repeats the label's "<" or ">".
        guard value.qualifier == .atLeast else { return high + sign * 4 }
        let from = high + sign * 1, to = high + sign * 10
        var p = PathData()
        for edge in [cross + 0.75, cross + thickness - 0.75] {
            if horizontal {
                p.move(from, edge); p.lineTo(to, edge)
            } else {
                p.move(edge, from); p.lineTo(edge, to)
            }
        }
        svg.path(p.d, cls: "cx-open", extra: [("stroke", color), ("stroke-width", "1.5"), ("stroke-dasharray", "2 2"),
                                              ("data-open", value.qualifier.rawValue)])
        return high + sign * openEndLength
    }
}

extension Marks {
    /// A value wholly below zero: solid from zero to the end nearer it (`high`), hatched on to
    /// `low`, growing left (horizontal) or down (vertical). Bounds are refused before here.
    /// Returns the coordinate just beyond `low`.
    static func belowZero(_ svg: inout SVGBuilder, _ defs: inout SVGDefs, value: ChartValue, color: String,
                          horizontal: Bool, pos: (Double) -> Double, cross: Double, thickness: Double) -> Double {
        func rect(_ a: Double, _ b: Double, cls: String, fill: String, extra: [(String, String?)]) {
            if horizontal {
                svg.rect(min(a, b), cross, abs(b - a), thickness, cls: cls, fill: fill, extra: extra)
            } else {
                svg.rect(cross, min(a, b), thickness, abs(b - a), cls: cls, fill: fill, extra: extra)
            }
        }
        let zero = pos(0), near = pos(value.high), far = pos(value.low)
        if value.high < 0 { rect(zero, near, cls: "cx-solid", fill: color, extra: []) }
        if value.low < value.high {
            rect(near, far, cls: "cx-band", fill: defs.hatch(color), extra: [("stroke", color), ("stroke-width", "1")])
        }
        return far + (horizontal ? -4 : 4)
    }
}

/// A legend entry.
struct LegendItem {
    enum Swatch {
        case solid(String)
        case hatch(String)
        case dashed(String)
    }

    var label: String
    var swatch: Swatch
}

enum Legend {
    /// Draws items flowing left to right from (`left`, `top`), wrapping within `maxWidth`. Returns the boxes used.
    static func draw(_ items: [LegendItem], _ svg: inout SVGBuilder, _ defs: inout SVGDefs,
                     left: Double, top: Double, maxWidth: Double) -> [Box] {
        var boxes: [Box] = []
        var x = left, y = top
        let swatchW = 14.0, gap = 6.0, itemGap = 16.0
        for item in items {
            let textW = min(TextMetrics.width(item.label), maxWidth - swatchW - gap)
            let lines = TextMetrics.wrap(item.label, maxWidth: maxWidth - swatchW - gap)
            let w = swatchW + gap + min(textW, lines.map { TextMetrics.width($0) }.max() ?? 0)
            if x > left && x + w > left + maxWidth {
                x = left
                y = (boxes.map(\.maxY).max() ?? y) + 4
            }
            let cy = y + TextMetrics.ascent - 4.5
            switch item.swatch {
            case .solid(let c):
                svg.rect(x, cy - 6, swatchW, 12, fill: c)
            case .hatch(let c):
                svg.rect(x, cy - 6, swatchW, 12, fill: defs.hatch(c), extra: [("stroke", c), ("stroke-width", "1")])
            case .dashed(let c):
                svg.line(x, cy, x + swatchW, cy, extra: [("stroke", c), ("stroke-width", "2"), ("stroke-dasharray", "3 2")])
            }
            for (i, line) in lines.enumerated() {
                svg.text(line, x + swatchW + gap, y + TextMetrics.ascent + Double(i) * TextMetrics.lineHeight)
            }
            let box = Box(x: x, y: y, w: w,
                          h: Double(lines.count - 1) * TextMetrics.lineHeight + TextMetrics.boxHeight)
            boxes.append(box)
            x += w + itemGap
        }
        return boxes
    }
}
