// Timeline: a vertical date axis (reads well on phones), one circle per event with area ∝ amount,
// labels in a column to the right, spread apart vertically and tied to their circles by leader lines.

enum TimelineLayout {
    static let maxRadius = 26.0
    static let minRadius = 3.0

    /// Day-number domain widened to whole years (spans over ~10 months) or whole months.
    static func domain(_ days: [Int]) -> (lo: Int, hi: Int) {
        guard let first = days.min(), let last = days.max() else { return (0, 365) }
        let a = DateFromDays.date(first), b = DateFromDays.date(last)
        if last - first > 300 {
            let end = ChartDate(b.year, 1, 1).dayNumber == last ? last : ChartDate(b.year + 1, 1, 1).dayNumber
            return (ChartDate(a.year, 1, 1).dayNumber, end)
        }
        let end = DateTicks.monthStart(b, plus: 1).dayNumber
        return (ChartDate(a.year, a.month, 1).dayNumber, end)
    }

    /// Radius whose area is proportional to `v` (largest = `maxRadius`).
    static func radius(_ v: Double, max m: Double) -> Double {
        m > 0 && v > 0 ? maxRadius * (v / m).squareRoot() : 0
    }

    static func draw(_ chart: TimelineChart, _ defs: inout SVGDefs) -> (SVGBuilder, Extent) {
        let pad = BarLayout.pad, width = SVGDocument.width
        var svg = SVGBuilder()
        var extent = Extent()
        let events = chart.events.enumerated().sorted {
            $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset
        }.map(\.element)
        let (lo, hi) = domain(events.map(\.date.dayNumber))
        let provisional = DateTicks.ticks(from: lo, to: hi, length: 400) { _ in TextMetrics.lineHeight }
        let tickW = provisional.map { TextMetrics.width(chart.dateTickFormat($0.date, $0.unit)) }.max() ?? 0
        let axisX = pad + tickW + 10 + maxRadius
        let labelX = axisX + maxRadius + 12
        let labelW = width - pad - labelX
        var labels = events.map { e in
            PlacedLabel(PlacedLabel.lines(bold: e.title, muted: [[e.dateLabel, e.amount?.label ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " · ")], maxWidth: labelW), x: labelX)
        }
        let needed = labels.reduce(0) { $0 + $1.height + 8 }
        let maxAmount = events.compactMap { $0.amount?.high }.max() ?? 0
        let radii = events.map { radius($0.amount?.high ?? 0, max: maxAmount) }
        // Marks on one date stack along the axis, centred on the date, `markGap` apart.
        let markGap = 4.0
        let reach = events.indices.map { markReach(events[$0].amount, radius: radii[$0]) }
        var dates: [Int] = []
        var members: [[Int]] = []
        for (i, e) in events.enumerated() {
            if dates.last == e.date.dayNumber { members[members.count - 1].append(i) } else {
                dates.append(e.date.dayNumber)
                members.append([i])
            }
        }
        let stacks = members.map { m in m.reduce(0) { $0 + 2 * reach[$1] } + markGap * Double(m.count - 1) }
        let scale = TimelineScale(lo: lo, hi: hi, dates: dates, extents: stacks.map { ($0 / 2, $0 / 2) },
                                  baseHeight: max(260, needed * 1.15), gap: markGap,
                                  labelSpacing: (labels.map(\.height).max() ?? 0) + 8)
        let height = scale.height
        let y = { (d: Int) in scale.y(d) }
        var centre = [Double](repeating: 0, count: events.count)
        for (k, m) in members.enumerated() {
            var at = y(dates[k]) - stacks[k] / 2
            for i in m {
                centre[i] = at + reach[i]
                at += 2 * reach[i] + markGap
            }
        }
        // Ticks on the stretched axis: none inside a break, none crowding the one before.
        var ticks: [DateTick] = []
        for t in DateTicks.ticks(from: lo, to: hi, length: height, labelSize: { _ in TextMetrics.lineHeight })
        where !scale.isInBreak(t.date.dayNumber) {
            if let last = ticks.last, y(t.date.dayNumber) - y(last.date.dayNumber) < TextMetrics.lineHeight + 4 { continue }
            ticks.append(t)
        }

        extent.add(0)
        extent.add(height)
        for t in ticks {
            let ty = y(t.date.dayNumber)
            svg.line(pad + tickW + 4, ty, axisX + maxRadius, ty, cls: "cx-grid")
            svg.text(chart.dateTickFormat(t.date, t.unit), pad + tickW, ty + 4.5, anchor: .end, cls: "cx-m cx-tick")
            extent.add(ty - TextMetrics.ascent + 4.5)
            extent.add(ty + 4.5 + 3.5)
        }
        svg.line(axisX, 0, axisX, height, cls: "cx-axis", extra: [("stroke-width", "1.5")])
        for b in scale.breaks {
            drawBreak(&svg, axisX: axisX, top: b.top, bottom: b.bottom, from: b.from, to: b.to,
                      month: { chart.dateTickFormat($0, .month) }, words: chart.words)
        }

        // Larger circles first so smaller ones stay visible on top.
        let drawOrder = events.indices.sorted { radii[$0] != radii[$1] ? radii[$0] > radii[$1] : $0 < $1 }
        for i in drawOrder {
            let e = events[i], cy = centre[i]
            let color = Palette.color(e.color, index: 0)
            svg.open("cx-event", title: [e.dateLabel, e.title, e.amount?.label ?? ""].filter { !$0.isEmpty }
                .joined(separator: ": "))
            drawMark(&svg, &defs, amount: e.amount, maxAmount: maxAmount, cx: axisX, cy: cy, color: color)
            svg.close()
            extent.add(cy - reach[i])
            extent.add(cy + reach[i])
        }

        // Align each label's first line with its event; spread overlapping labels apart.
        let firstLineMid = TextMetrics.ascent - 4.5
        let tops = LabelLayout.spread(desired: events.indices.map { centre[$0] - firstLineMid + labels[$0].height / 2 },
                                      sizes: labels.map(\.height), gap: 8)
        for i in events.indices {
            labels[i].top = tops[i]
            let cy = centre[i]
            let r = max(radii[i], minRadius)
            var lead = PathData()
            let ly = labels[i].top + firstLineMid
            lead.move(axisX + r + 2, cy)
            lead.lineTo(labelX - 10, cy)
            lead.lineTo(labelX - 3, ly)
            svg.path(lead.d, cls: "cx-lead")
            svg.label(labels[i])
            extent.add(labels[i].box)
        }
        return (svg, extent)
    }

    /// How far an event's mark reaches from its centre: the circle, the dashed ring of an
    /// "at least" amount (+4), or the hollow dot (4 + stroke) when there is no amount.
    static func markReach(_ amount: ChartValue?, radius r: Double) -> Double {
        guard let a = amount, a.high > 0 else { return 5 }
        let ring = a.qualifier == .atLeast ? r + 4.75 : r + 0.5
        return max(ring, minRadius + 1.5)
    }

    /// An axis break: the axis interrupted by a gap and two slanted strokes, titled with the
    /// dates it spans so that a reader knows the time there is not to scale.
    /// The dates are months in the chart's own words (`Jan 2024`), as on its ticks.
    static func drawBreak(_ svg: inout SVGBuilder, axisX: Double, top: Double, bottom: Double, from: Int, to: Int,
                          month: (ChartDate) -> String, words: ChartWords = .english) {
        let mid = (top + bottom) / 2
        let a = DateFromDays.date(from), b = DateFromDays.date(to)
        svg.open("cx-break", title: words("chart_axis_break", ["from": month(a), "to": month(b)]))
        svg.rect(axisX - 7, mid - 4, 14, 8, cls: "cx-bg", extra: [("stroke", "none")])
        for dy in [-4.0, 4.0] {
            svg.line(axisX - 7, mid + dy + 3, axisX + 7, mid + dy - 3, cls: "cx-axis", extra: [("stroke-width", "1.5")])
        }
        svg.close()
    }

    /// One event mark: solid circle for exact values, hatched outer circle for the high end of a range
    /// or an "up to" value, dashed outer ring for "at least", hollow dot when there is no amount.
    static func drawMark(_ svg: inout SVGBuilder, _ defs: inout SVGDefs, amount: ChartValue?, maxAmount: Double,
                         cx: Double, cy: Double, color: String) {
        guard let a = amount, a.high > 0 else {
            svg.circle(cx, cy, 4, cls: "cx-dot cx-bg", extra: [("stroke", color), ("stroke-width", "2")])
            return
        }
        let rHigh = radius(a.high, max: maxAmount), rSolid = radius(a.solidEnd, max: maxAmount)
        if a.high > a.solidEnd {
            svg.circle(cx, cy, rHigh, cls: "cx-amount cx-band", extra: [("fill", defs.hatch(color)), ("stroke", color),
                                                                        ("stroke-width", "1.5")])
            if rSolid > 0 {
                svg.circle(cx, cy, rSolid, cls: "cx-amount-low cx-bgs", extra: [("fill", color), ("stroke-width", "1")])
            }
        } else {
            svg.circle(cx, cy, rHigh, cls: "cx-amount cx-bgs", extra: [("fill", color), ("fill-opacity", "0.8"),
                                                                       ("stroke-width", "1")])
        }
        if a.qualifier == .atLeast {
            svg.circle(cx, cy, rHigh + 4, cls: "cx-open", extra: [("fill", "none"), ("stroke", color),
                                                                 ("stroke-width", "1.5"), ("stroke-dasharray", "3 2")])
        }
        if rHigh < minRadius {
            svg.circle(cx, cy, minRadius + 1, cls: "cx-tiny", extra: [("fill", "none"), ("stroke", color),
                                                                     ("stroke-width", "1")])
        }
    }
}
