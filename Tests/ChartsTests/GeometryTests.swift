// Geometry read back from the SVG: lengths, widths and areas proportional to the data.
import Testing
@testable import Charts

@Suite struct GeometryTests {
    static func bar(_ bars: [BarChart.Bar], _ o: Orientation = .horizontal) throws -> ParsedSVG {
        try parseSVG(ChartRenderer.svg(for: Chart(id: "t", title: "t", kind: .bar(BarChart(bars: bars, orientation: o)))))
    }

    @Test func horizontalBarLengthsAreProportionalAndRangesRunLowToHigh() throws {
        let svg = try Self.bar([
            .init(category: "A", value: ChartValue(10, label: "10")),
            .init(category: "B", value: ChartValue(20, label: "20")),
            .init(category: "C", value: ChartValue(low: 5, high: 15, label: "5–15")),
        ])
        let a = try #require(svg.inGroup("A: 10").first { $0.has("cx-solid") })
        let b = try #require(svg.inGroup("B: 20").first { $0.has("cx-solid") })
        let cSolid = try #require(svg.inGroup("C: 5–15").first { $0.has("cx-solid") })
        let cBand = try #require(svg.inGroup("C: 5–15").first { $0.has("cx-band") })
        // All bars start at the zero line (x = 8, the padding).
        for r in [a, b, cSolid] { #expect(r.n("x") == 8) }
        #expect(approx(b.n("width"), 2 * a.n("width")))
        // C: solid 0→5 is half of A (10); the hatched band starts at 5 and is 10 long (= A).
        #expect(approx(cSolid.n("width"), a.n("width") / 2))
        #expect(approx(cBand.n("x"), 8 + a.n("width") / 2))
        #expect(approx(cBand.n("width"), a.n("width")))
        #expect(cBand.attrs["fill"] == "url(#cx-t-hatch-0)")
        // Value axis: 20 in ≤ 6 intervals → step 5: 0, 5, 10, 15, 20 and tick 10 sits at A's end.
        let ticks = svg.all("text", "cx-tick")
        #expect(ticks.map(\.text) == ["0", "5", "10", "15", "20"])
        let grid = svg.all("line").filter { $0.has("cx-grid") || $0.has("cx-axis") }
        #expect(grid.count == 5)
        #expect(approx(grid[2].n("x1"), 8 + a.n("width")))
        #expect(approx(grid[0].n("x1"), 8))
    }

    @Test func markersOpenEndsAndUpperBounds() throws {
        let svg = try Self.bar([
            .init(category: "A", value: ChartValue(10, label: "10"), marker: .init(value: 18, label: "stated: 18")),
            .init(category: "B", value: ChartValue(12, label: "> 12", qualifier: .atLeast)),
            .init(category: "C", value: ChartValue(8, label: "up to 8", qualifier: .atMost)),
        ])
        let a = try #require(svg.inGroup("A: 10 (stated: 18)").first { $0.has("cx-solid") })
        let k = a.n("width") / 10
        let marker = try #require(svg.all("line", "cx-marker").first)
        #expect(approx(marker.n("x1"), 8 + 18 * k))
        #expect(svg.all("text").contains { $0.text == "stated: 18" })
        // At least: solid to 12, its edges running on, dashed, beyond the end.
        let b = try #require(svg.inGroup("B: > 12").first { $0.has("cx-solid") })
        #expect(approx(b.n("width"), 12 * k))
        let chevron = try #require(svg.inGroup("B: > 12").first { $0.has("cx-open") })
        #expect(chevron.attrs["data-open"] == "atLeast")
        let xs = (chevron.attrs["d"] ?? "").split(whereSeparator: { "MLC ".contains($0) }).compactMap { Double($0) }
        let chevronXs = stride(from: 0, to: xs.count, by: 2).map { xs[$0] }
        #expect(chevronXs.min()! > 8 + 12 * k)
        // At most: nothing solid; a hatched band from zero to 8, and no chevron to repeat the
        // label's "up to" (issue 10: the money chart showed "<" twice).
        let c = svg.inGroup("C: up to 8")
        #expect(!c.contains { $0.has("cx-solid") })
        let band = try #require(c.first { $0.has("cx-band") })
        #expect(band.n("x") == 8 && approx(band.n("width"), 8 * k))
        #expect(c.contains { $0.attrs["data-open"] == "atMost" })
        #expect(!c.contains { $0.has("cx-open") })
    }

    @Test func verticalColumnsGrowUpFromACommonBaseline() throws {
        let svg = try Self.bar([
            .init(category: "A", value: ChartValue(40, label: "40")),
            .init(category: "B", value: ChartValue(10, label: "10")),
        ], .vertical)
        let a = try #require(svg.inGroup("A: 40").first { $0.has("cx-solid") })
        let b = try #require(svg.inGroup("B: 10").first { $0.has("cx-solid") })
        #expect(approx(a.n("height"), 4 * b.n("height")))
        #expect(approx(a.n("y") + a.n("height"), b.n("y") + b.n("height")))
        #expect(svg.all("text", "cx-tick").map(\.text) == ["0", "10", "20", "30", "40"])
    }

    @Test func stackedSegmentsAreProportionalAndContiguous() throws {
        let chart = StackedChart(series: [.init(name: "S1"), .init(name: "S2")], categories: [
            .init(name: "X", segments: [.init(value: 30, label: "30"), .init(value: 10, label: "10")], totalLabel: "40"),
            .init(name: "Y", segments: [.init(value: 20, label: "20"), nil], totalLabel: "20"),
        ])
        let svg = try parseSVG(ChartRenderer.svg(for: Chart(id: "s", title: "s", kind: .stacked(chart))))
        let x1 = try #require(svg.inGroup("X, S1: 30").first { $0.name == "rect" })
        let x2 = try #require(svg.inGroup("X, S2: 10").first { $0.name == "rect" })
        let y1 = try #require(svg.inGroup("Y, S1: 20").first { $0.name == "rect" })
        #expect(approx(x1.n("width"), 3 * x2.n("width")))
        #expect(approx(y1.n("width"), 2 * x2.n("width")))
        #expect(approx(x2.n("x"), x1.n("x") + x1.n("width")))
        #expect(x1.attrs["fill"] == Palette.okabeIto[0] && x2.attrs["fill"] == Palette.okabeIto[1])
        #expect(svg.all("text").contains { $0.text == "S1" } && svg.all("text").contains { $0.text == "S2" })
    }

    @Test func flowBandWidthsAreProportionalToAmounts() throws {
        let chart = FlowChart(nodes: [.init(id: "a", name: "A"), .init(id: "b", name: "B"), .init(id: "c", name: "C")],
                              links: [
                                  .init(from: "a", to: "b", kind: .investment, amount: ChartValue(100, label: "100")),
                                  .init(from: "b", to: "c", kind: .purchase, amount: ChartValue(50, label: "50")),
                                  .init(from: "c", to: "a", kind: .purchase, amount: ChartValue(25, label: "25")),
                                  .init(from: "a", to: "c", kind: .investment,
                                        amount: ChartValue(low: 20, high: 40, label: "20–40")),
                                  .init(from: "b", to: "a", kind: .purchase, amount: nil, note: "chips"),
                              ])
        let svg = try parseSVG(ChartRenderer.svg(for: Chart(id: "f", title: "f", kind: .flow(chart))))
        func width(_ title: String, _ cls: String) throws -> Double {
            try #require(svg.inGroup(title).first { $0.name == "path" && $0.has(cls) }).n("stroke-width")
        }
        // Largest amount (100) gets the maximum band of 16 units; the rest scale linearly.
        #expect(try width("A → B: 100", "cx-solid") == 16)
        #expect(try width("B → C: 50", "cx-solid") == 8)
        #expect(try width("C → A: 25", "cx-solid") == 4)
        // Range: hatched band at the high end (40 → 6.4), solid core at the low end (20 → 3.2).
        #expect(try width("A → C: 20–40", "cx-band") == 6.4)
        #expect(try width("A → C: 20–40", "cx-solid") == 3.2)
        // No amount: a thin dashed line.
        let unq = try #require(svg.inGroup("B → A: chips").first { $0.has("cx-unq") })
        #expect(unq.attrs["stroke-dasharray"] != nil)
        // Investments go on the left of the node column, purchases on the right.
        let inv = svg.elements.filter { $0.name == "g" && $0.attrs["data-kind"] == "investment" }
        #expect(inv.count == 2)
        let nodes = svg.all("rect", "cx-node")
        #expect(nodes.count == 3)
        let left = nodes[0].n("x"), right = left + nodes[0].n("width")
        for (title, isLeft) in [("A → B: 100", true), ("B → C: 50", false)] {
            let d = try #require(svg.inGroup(title).first { $0.has("cx-solid") }).attrs["d"] ?? ""
            let nums = d.split(whereSeparator: { "MLC ".contains($0) }).compactMap { Double($0) }
            let xs = stride(from: 0, to: nums.count, by: 2).map { nums[$0] }
            #expect(isLeft ? xs.max()! <= left : xs.min()! >= right)
        }
    }

    @Test func scaleAreasAreProportional() throws {
        for shape in [ScaleChart.Shape.square, .circle] {
            let chart = ScaleChart(items: [.init(name: "Big", value: ChartValue(100, label: "100")),
                                           .init(name: "Mid", value: ChartValue(25, label: "25")),
                                           .init(name: "Small", value: ChartValue(4, label: "4"))], shape: shape)
            let svg = try parseSVG(ChartRenderer.svg(for: Chart(id: "sc", title: "s", kind: .scale(chart))))
            func area(_ t: String) throws -> Double {
                let e = try #require(svg.inGroup(t).first { $0.has("cx-area") })
                if shape == .square {
                    #expect(e.n("width") == e.n("height"))
                    return e.n("width") * e.n("height")
                }
                return e.n("r") * e.n("r")
            }
            let big = try area("Big: 100")
            #expect(approx(try area("Mid: 25") / big, 0.25, 0.001))
            #expect(approx(try area("Small: 4") / big, 0.04, 0.001))
        }
    }

    @Test func tinyScaleValuesAreStillMarkedAndLabelled() throws {
        let chart = ScaleChart(items: [.init(name: "Grid", value: ChartValue(10_000, label: "10 GW")),
                                       .init(name: "Rack", value: ChartValue(0.1, label: "100 kW"))])
        let svg = try parseSVG(ChartRenderer.svg(for: Chart(id: "tiny", title: "t", kind: .scale(chart))))
        let rack = svg.inGroup("Rack: 100 kW")
        #expect(try #require(rack.first { $0.has("cx-area") }).n("width") < 2.5)
        #expect(rack.contains { $0.has("cx-tiny") && $0.n("r") >= 3 })
        #expect(svg.all("text").contains { $0.text == "100 kW" })
        #expect(svg.all("line", "cx-lead").count >= 1)
    }

    @Test func timelineCircleAreasFollowAmountsAndDates() throws {
        let chart = TimelineChart(events: [
            .init(date: ChartDate(2024, 1, 1), dateLabel: "Jan 2024", title: "One", amount: ChartValue(400, label: "400")),
            .init(date: ChartDate(2024, 7, 1), dateLabel: "Jul 2024", title: "Two", amount: ChartValue(100, label: "100")),
            .init(date: ChartDate(2025, 1, 1), dateLabel: "Jan 2025", title: "Three", amount: ChartValue(25, label: "25")),
        ])
        let svg = try parseSVG(ChartRenderer.svg(for: Chart(id: "tl", title: "t", kind: .timeline(chart))))
        func circle(_ t: String) throws -> El { try #require(svg.inGroup(t).first { $0.has("cx-amount") }) }
        let one = try circle("Jan 2024: One: 400"), two = try circle("Jul 2024: Two: 100")
        let three = try circle("Jan 2025: Three: 25")
        // r = 26·√(v/400): 26, 13, 6.5.
        #expect(one.n("r") == 26 && two.n("r") == 13 && three.n("r") == 6.5)
        // Domain 2024-01-01 … 2025-01-01 (366 days); 1 July is day 182.
        let frac = (two.n("cy") - one.n("cy")) / (three.n("cy") - one.n("cy"))
        #expect(approx(frac, 182.0 / 366.0, 0.001))
    }

    @Test func linePointsSitOnLinearDateAndValueScales() throws {
        let chart = LineChart(series: [.init(name: "S", points: [
            .init(date: ChartDate(2024, 1, 1), dateLabel: "Jan", value: 0, label: "0"),
            .init(date: ChartDate(2024, 7, 1), dateLabel: "Jul", value: 50, label: "50"),
            .init(date: ChartDate(2025, 1, 1), dateLabel: "Jan", value: 100, label: "100"),
        ])])
        let svg = try parseSVG(ChartRenderer.svg(for: Chart(id: "l", title: "l", kind: .line(chart))))
        let pts = svg.all("circle", "cx-point")
        #expect(pts.count == 3)
        let frac = (pts[1].n("cx") - pts[0].n("cx")) / (pts[2].n("cx") - pts[0].n("cx"))
        #expect(approx(frac, 182.0 / 366.0, 0.001))
        #expect(approx(pts[0].n("cy") - pts[1].n("cy"), pts[1].n("cy") - pts[2].n("cy")))
        #expect(svg.all("text", "cx-tick").map(\.text).prefix(3) == ["0", "20", "40"])
    }
}
