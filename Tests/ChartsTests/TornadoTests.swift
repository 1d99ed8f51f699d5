// The tornado chart: bars sorted by width, each spanning the figure's values at its input's two ends.
import Testing
@testable import Charts

@Suite struct TornadoTests {
    func svg(_ chart: Chart) throws -> ParsedSVG { try parseSVG(ChartRenderer.svg(for: chart)) }

    /// The units move the spend $8.4B…$16.8B (width $8.4B), the price $11B…$14.7B (width
    /// $3.7B): units on top although given second; each bar runs from one end's value to the
    /// other's, through the midpoint line at $12.6B.
    @Test func barsAreSortedByWidthAndSpanTheTwoEnds() throws {
        let svg = try svg(Fixtures.tornado)
        let titles = svg.elements.filter { $0.name == "title" && $0.groupTitle != nil }.map(\.text)
        #expect(titles == ["purchases.meta.units, 280k–420k units: $8.4B – $16.8B (70%)",
                           "chips.h100.unit_price, $30k–40k: $11B – $14.7B (30%)"])
        let axis = svg.all("text", "cx-tick").map { ($0.text, $0.n("x")) }
        // The axis covers the bars at a nice step, not from zero: $8B…$18B.
        #expect(axis.first?.0 == "$8B" && axis.last?.0 == "$18B", "\(axis)")
        let x = { (v: Double) in 8 + (420.0 - 16 - 2) / 10e9 * (v - 8e9) }
        let units = svg.inGroup(titles[0]).filter { $0.name == "rect" }
        let left = units.map { $0.n("x") }.min()!, right = units.map { $0.n("x") + $0.n("width") }.max()!
        #expect(abs(left - x(8.4e9)) < 0.01 && abs(right - x(16.8e9)) < 0.01)
        // Low end solid, high end hatched: the two ends read without colour.
        #expect(units.filter { $0.has("cx-solid") }.count == 1 && units.filter { $0.has("cx-band") }.count == 1)
        let solid = try #require(units.first { $0.has("cx-solid") })
        #expect(abs(solid.n("x") - x(8.4e9)) < 0.01 && abs(solid.n("x") + solid.n("width") - x(12.6e9)) < 0.01)
        // The end values are written, and the midpoint line is labelled.
        let texts = svg.all("text").map(\.text)
        for label in ["$8.4B", "$16.8B", "$11B", "$14.7B", "all at midpoints: $12.6B", "purchases.meta.units, 280k–420k units: 70%"] {
            #expect(texts.contains(label), "\(label) in \(texts)")
        }
    }

    /// A figure that falls as the input rises (a ratio over a price): the solid part runs to
    /// the right of the midpoint line's left, toward the low end's value 1.71; an input that
    /// moves nothing gets a tick, not an empty row.
    @Test func aDecreasingFigureAndAnInputThatMovesNothing() throws {
        let svg = try svg(Fixtures.tornadoDecreasing)
        let groups = svg.elements.filter { $0.name == "title" && $0.groupTitle != nil }.map(\.text)
        let first = svg.inGroup(groups[0]).filter { $0.name == "rect" }
        let solid = try #require(first.first { $0.has("cx-solid") }), band = try #require(first.first { $0.has("cx-band") })
        #expect(solid.n("x") > band.n("x"))
        let steady = svg.inGroup(groups[1])
        #expect(steady.filter { $0.name == "rect" }.isEmpty && steady.filter { $0.name == "line" }.count == 1)
    }

    /// The table lists the inputs in the drawn order with the caller's words; the CSV adds the raw values.
    @Test func theTableAndCSVFollowTheDrawnOrder() {
        let table = ChartTable(chart: Fixtures.tornado)
        #expect(table.headers == ["Input", "At its low end", "At its high end", "Share", "Low", "High"])
        #expect(table.rows.map(\.first) == ["purchases.meta.units, 280k–420k units", "chips.h100.unit_price, $30k–40k"])
        #expect(table.html().contains("<th scope=\"row\">purchases.meta.units, 280k–420k units</th><td style=\"white-space:nowrap\">$8.4B</td>"))
        #expect(!table.html().contains("8400000000"))
        #expect(table.csv().contains("\"purchases.meta.units, 280k–420k units\",$8.4B,$16.8B,70%,8400000000,16800000000\r\n"))
        #expect(ChartRenderer.summary(for: Fixtures.tornado) == "Tornado chart of 2 inputs.")
    }
}
