// Money-flow arc diagram: companies in a centre column; investments arc on the left, purchases on the right.
// Band width ∝ amount (the high end). Ranges: hatched band at the high end with a solid core at the low end;
// "up to": hatched band only; "at least": solid band with a dashed halo; no amount: thin dashed line.
// Labels sit in outer columns, spread vertically, with leader lines to each arc's apex.

enum FlowLayout {
    static let maxBand = 16.0
    static let minBand = 2.5
    /// Width for arcs on each side of the node column.
    static let arcRegion = 56.0
    /// Node names wrap to this width.
    static let maxNodeText = 84.0
    static let arrowLength = 8.0

    struct Arc {
        var link: FlowChart.Link
        var from: Int
        var to: Int
        var width: Double
        var ys = 0.0
        var yt = 0.0
        var depth = 0.0
        var left: Bool { link.kind == .investment }
    }

    /// Half the height of an arrowhead for a band of width `w`.
    static func arrowHalf(_ w: Double) -> Double { max(4, w / 2 + 3) }

    /// Band width for an amount, proportional to `maxAmount` (never thinner than `minBand`).
    static func bandWidth(_ v: Double, maxAmount: Double) -> Double {
        guard v > 0, maxAmount > 0 else { return 0 }
        return max(minBand, maxBand * v / maxAmount)
    }

    static func arcs(_ chart: FlowChart) -> [Arc] {
        var index: [(String, Int)] = []
        for (i, n) in chart.nodes.enumerated() where !index.contains(where: { $0.0 == n.id }) { index.append((n.id, i)) }
        func find(_ id: String) -> Int? { index.first { $0.0 == id }?.1 }
        let maxAmount = chart.links.compactMap { $0.amount?.high }.max() ?? 0
        return chart.links.compactMap { l in
            guard let f = find(l.from), let t = find(l.to), f != t else { return nil }
            let w = l.amount.map { bandWidth($0.high, maxAmount: maxAmount) } ?? 2
            return Arc(link: l, from: f, to: t, width: max(w, 2))
        }
    }

    static func label(_ arc: Arc, _ chart: FlowChart, width: Double) -> PlacedLabel {
        let route = "\(chart.nodes[arc.from].name) → \(chart.nodes[arc.to].name)"
        if let a = arc.link.amount {
            return PlacedLabel(PlacedLabel.lines(bold: a.label, muted: [route, arc.link.note ?? ""], maxWidth: width))
        }
        return PlacedLabel(PlacedLabel.lines(bold: arc.link.note ?? "", muted: [route], maxWidth: width))
    }

    static func draw(_ chart: FlowChart, _ defs: inout SVGDefs) -> (SVGBuilder, Extent) {
        let pad = BarLayout.pad, width = SVGDocument.width
        var svg = SVGBuilder()
        var extent = Extent()
        var arcs = arcs(chart)
        let n = chart.nodes.count

        // Legend.
        var items = [LegendItem(label: chart.investmentLegend, swatch: .solid(Palette.investment)),
                     LegendItem(label: chart.purchaseLegend, swatch: .solid(Palette.purchase))]
        if arcs.contains(where: { ($0.link.amount?.isRange ?? false) || $0.link.amount?.qualifier == .atMost }) {
            items.append(LegendItem(label: chart.words["chart_legend_range"], swatch: .hatch("#767676")))
        }
        if arcs.contains(where: { $0.link.amount == nil }) {
            items.append(LegendItem(label: chart.words["chart_legend_no_amount"], swatch: .dashed("#767676")))
        }
        let legend = Legend.draw(items, &svg, &defs, left: pad, top: 0, maxWidth: width - 2 * pad)
        var legendBottom = legend.map(\.maxY).max() ?? 0
        let note = chart.words["chart_flow_note"]
        let noteLines = TextMetrics.wrap(note, maxWidth: width - 2 * pad)
        for (i, line) in noteLines.enumerated() {
            svg.text(line, pad, legendBottom + 4 + TextMetrics.ascent + Double(i) * TextMetrics.lineHeight, cls: "cx-m")
        }
        legendBottom += 4 + Double(noteLines.count - 1) * TextMetrics.lineHeight + TextMetrics.boxHeight
        extent.add(0)
        extent.add(legendBottom)
        guard n > 0 else { return (svg, extent) }

        // Endpoint stacks per node side; nodes tall enough to hold them.
        struct End { var arc: Int; var isSource: Bool; var delta: Int }
        var stacks = [[End]](repeating: [], count: 2 * n)
        for (i, a) in arcs.enumerated() {
            let side = a.left ? 0 : 1
            stacks[2 * a.from + side].append(End(arc: i, isSource: true, delta: a.to - a.from))
            stacks[2 * a.to + side].append(End(arc: i, isSource: false, delta: a.from - a.to))
        }
        for s in stacks.indices {
            stacks[s].sort { p, q in
                let pu = p.delta < 0, qu = q.delta < 0
                if pu != qu { return pu }
                if p.delta != q.delta { return p.delta > q.delta }
                return p.arc < q.arc
            }
        }
        // Incoming ends reserve room for their arrowhead, outgoing ends for the band only.
        func slot(_ e: End) -> Double { e.isSource ? arcs[e.arc].width : 2 * arrowHalf(arcs[e.arc].width) }
        func stackHeight(_ s: [End]) -> Double { s.reduce(0) { $0 + slot($1) + 3 } - (s.isEmpty ? 0 : 3) }

        let nameLines = chart.nodes.map { TextMetrics.wrap($0.name, maxWidth: maxNodeText, bold: true) }
        let nameW = nameLines.flatMap { $0.map { TextMetrics.width($0, bold: true) } }.max() ?? 0
        let nodeW = min(maxNodeText, nameW) + 14
        let x0 = width / 2 - nodeW / 2, x1 = width / 2 + nodeW / 2
        // The label columns take room from the arcs when an amount (never broken) needs it.
        let widestAmount = arcs.compactMap { $0.link.amount.map { TextMetrics.widestUnbreakable($0.label, bold: true) } }.max() ?? 0
        let baseColW = (width - 2 * pad - nodeW - 2 * arcRegion - 2 * 10) / 2
        let widen = max(0, min(widestAmount - baseColW, arcRegion - 28))
        let colW = baseColW + widen
        var labels = arcs.map { label($0, chart, width: colW) }
        let sideNeed = [true, false].map { left in
            arcs.indices.filter { arcs[$0].left == left }.reduce(0.0) { $0 + labels[$1].height + 8 }
        }
        let nodeH = (0..<n).map {
            max(14 + Double(nameLines[$0].count) * TextMetrics.lineHeight, stackHeight(stacks[2 * $0]) + 10,
                stackHeight(stacks[2 * $0 + 1]) + 10)
        }
        let nodesTotal = nodeH.reduce(0, +)
        let gap = max(22, n > 1 ? ((sideNeed.max() ?? 0) - nodesTotal) / Double(n - 1) : 0)
        let top = legendBottom + 22
        var cy: [Double] = []
        var yy = top
        for h in nodeH {
            cy.append(yy + h / 2)
            yy += h + gap
        }
        for s in stacks.indices {
            let node = s / 2
            var y = cy[node] - stackHeight(stacks[s]) / 2
            for e in stacks[s] {
                let w = slot(e)
                if e.isSource { arcs[e.arc].ys = y + w / 2 } else { arcs[e.arc].yt = y + w / 2 }
                y += w + 3
            }
        }
        let maxSpan = max(1, arcs.map { abs($0.to - $0.from) }.max() ?? 1)
        let region = arcRegion - widen
        for i in arcs.indices {
            let span = Double(abs(arcs[i].to - arcs[i].from) - 1) / Double(max(1, maxSpan - 1))
            arcs[i].depth = 16 + (region / 0.75 - 16 - maxBand) * span
        }

        // Arcs, widest first so thin ones stay visible.
        let order = arcs.indices.sorted { arcs[$0].width != arcs[$1].width ? arcs[$0].width > arcs[$1].width : $0 < $1 }
        for i in order {
            drawArc(&svg, &defs, arcs[i], chart: chart, x0: x0, x1: x1)
        }

        // Nodes.
        for (i, node) in chart.nodes.enumerated() {
            let stroke = node.color.flatMap(Palette.normalize)
            svg.rect(x0, cy[i] - nodeH[i] / 2, nodeW, nodeH[i], cls: stroke == nil ? "cx-node cx-axis" : "cx-node",
                     extra: [("rx", "4"), ("stroke", stroke), ("stroke-width", stroke == nil ? nil : "2")])
            let lines = nameLines[i]
            for (j, line) in lines.enumerated() {
                let baseline = cy[i] + 4.5 + (Double(j) - Double(lines.count - 1) / 2) * TextMetrics.lineHeight
                svg.text(line, width / 2, baseline, anchor: .middle, cls: "cx-b")
            }
        }

        // Labels in the outer columns, spread apart, with leaders to the arc apexes.
        let firstMid = TextMetrics.ascent - 4.5
        for left in [true, false] {
            let idx = arcs.indices.filter { arcs[$0].left == left }
            let apexY = idx.map { (arcs[$0].ys + arcs[$0].yt) / 2 }
            let tops = LabelLayout.spread(desired: idx.indices.map { apexY[$0] - firstMid + labels[idx[$0]].height / 2 },
                                          sizes: idx.map { labels[$0].height }, gap: 8, minStart: legendBottom + 10)
            for (k, i) in idx.enumerated() {
                labels[i].anchor = left ? .end : .start
                labels[i].anchorX = left ? pad + colW : width - pad - colW
                labels[i].top = tops[k]
                let a = arcs[i]
                let apexX = left ? x0 - 0.75 * a.depth - a.width / 2 - 1 : x1 + 0.75 * a.depth + a.width / 2 + 1
                let edge = left ? pad + colW + 4 : width - pad - colW - 4
                var p = PathData()
                p.move(apexX, apexY[k])
                p.lineTo(edge, tops[k] + firstMid)
                svg.path(p.d, cls: "cx-lead")
                svg.label(labels[i])
                extent.add(labels[i].box)
            }
        }
        extent.add(yy - gap)
        return (svg, extent)
    }

    static func drawArc(_ svg: inout SVGBuilder, _ defs: inout SVGDefs, _ a: Arc, chart: FlowChart,
                        x0: Double, x1: Double) {
        let color = a.left ? Palette.investment : Palette.purchase
        let sign = a.left ? -1.0 : 1.0
        let base = a.left ? x0 : x1
        let ctrl = base + sign * a.depth, end = base + sign * arrowLength
        var p = PathData()
        p.move(base, a.ys)
        p.curve(ctrl, a.ys, ctrl, a.yt, end, a.yt)
        let maxAmount = chart.links.compactMap { $0.amount?.high }.max() ?? 0
        let route = "\(chart.nodes[a.from].name) → \(chart.nodes[a.to].name)"
        svg.open("cx-link", [("data-kind", a.link.kind.rawValue)],
                 title: "\(route): \(a.link.amount?.label ?? a.link.note ?? "")")
        let common: [(String, String?)] = [("fill", "none"), ("stroke-linecap", "butt")]
        if let v = a.link.amount {
            let wHigh = bandWidth(v.high, maxAmount: maxAmount), wSolid = bandWidth(v.solidEnd, maxAmount: maxAmount)
            if v.high > v.solidEnd {
                svg.path(p.d, cls: "cx-flow cx-band", extra: common + [("stroke", defs.hatch(color)),
                                                                       ("stroke-width", SVGNumber.format(wHigh))])
            }
            if wSolid > 0 {
                svg.path(p.d, cls: "cx-flow cx-solid", extra: common + [("stroke", color),
                                                                        ("stroke-width", SVGNumber.format(wSolid))])
            } else {
                svg.path(p.d, cls: "cx-guide", extra: common + [("stroke", color), ("stroke-width", "1.5")])
            }
        } else {
            svg.path(p.d, cls: "cx-flow cx-unq", extra: common + [("stroke", color), ("stroke-width", "2"),
                                                                  ("stroke-dasharray", "5 3")])
        }
        let half = arrowHalf(a.width)
        var arrow = PathData()
        arrow.move(end, a.yt - half)
        arrow.lineTo(base, a.yt)
        arrow.lineTo(end, a.yt + half)
        arrow.closePath()
        svg.path(arrow.d, cls: "cx-arrow", extra: [("fill", color)])
        if a.link.amount?.qualifier == .atLeast {
            // "At least": a second arrowhead behind the first, like the open end of a bar.
            var second = PathData()
            let tip = end + sign * 1, rear = tip + sign * arrowLength
            second.move(rear, a.yt - half)
            second.lineTo(tip, a.yt)
            second.lineTo(rear, a.yt + half)
            second.closePath()
            svg.path(second.d, cls: "cx-arrow cx-open", extra: [("fill", color), ("data-open", "atLeast")])
        }
        svg.close()
    }
}
