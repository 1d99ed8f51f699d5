import Testing
@testable import Charts

/// A stacked segment looks as certain as its value: "up to" is hatched from its start, a
/// range solid to its low end and hatched to its high end, a number solid throughout.
@Suite("stacked segments of bounds and ranges")
struct StackedBoundTests {
    static func chart(_ orientation: Orientation) -> Chart {
        Chart(id: "firm", title: "Money by standing", kind: .stacked(StackedChart(
            series: [.init(name: "Nvidia"), .init(name: "Meta")],
            categories: [
                .init(name: "pledged", segments: [.init(ChartValue(100, label: "up to $100B", qualifier: .atMost), label: "up to $100B"), nil]),
                .init(name: "signed", segments: [nil, .init(ChartValue(low: 10.5, high: 14, label: "$10.5–14B"), label: "$10.5–14B")]),
                .init(name: "paid", segments: [.init(value: 38, label: "$38B"), nil]),
            ], orientation: orientation)))
    }

    @Test(arguments: [Orientation.horizontal, .vertical])
    func boundsAndRangesAreHatchedWhereUncertain(_ orientation: Orientation) throws {
        let svg = try parseSVG(ChartRenderer.svg(for: Self.chart(orientation)))
        let horizontal = orientation == .horizontal
        let length = { (e: El) in horizontal ? e.n("width") : e.n("height") }
        let upTo = svg.inGroup("pledged, Nvidia: up to $100B").filter { $0.name == "rect" }
        #expect(upTo.count == 1 && upTo[0].has("cx-band"), "an 'up to' segment is all band: \(upTo.map(\.attrs))")
        let range = svg.inGroup("signed, Meta: $10.5–14B").filter { $0.name == "rect" }
        let solid = try #require(range.first { $0.has("cx-solid") }), band = try #require(range.first { $0.has("cx-band") })
        // Solid to 10.5, hatched from 10.5 to 14: lengths in the ratio 10.5 : 3.5.
        #expect(abs(length(solid) / length(band) - 3) < 0.01, "\(length(solid)) : \(length(band))")
        let plain = svg.inGroup("paid, Nvidia: $38B").filter { $0.name == "rect" }
        #expect(plain.count == 1 && plain[0].has("cx-solid"))
        #expect(svg.all("text").contains { $0.text == "Range or upper bound (hatched)" }, "the legend says what hatching means")
    }

    /// Plain numbers need no hatching key.
    @Test func aChartOfPlainNumbersHasNoHatchingKey() throws {
        let svg = try parseSVG(ChartRenderer.svg(for: Fixtures.stacked))
        #expect(svg.all("rect", "cx-band").isEmpty)
        #expect(!svg.all("text").contains { $0.text.contains("hatched") })
    }
}
