// Values of any size and sign on the value axis (issue 11, kinds 6 and 7).
import Foundation
import Testing
@testable import Charts

/// A subnormal Double near 1e-320: written as a literal, it draws an underflow warning.
private let subnormal = Double.leastNonzeroMagnitude * 2024

@Suite struct SignedValueTests {
    @Test func numbersPastInt64AreWrittenOutNotTrapped() {
        // The issue's crash: $9300000T reached Int64(9.3e18 × 10^6) in the CSV writer.
        #expect(SVGNumber.format(9.3e18, maxDecimals: 6) == "9300000000000000000")
        #expect(SVGNumber.format(-9.3e18) == "-9300000000000000000")
        #expect(SVGNumber.format(1e300) == "1" + String(repeating: "0", count: 300))
        #expect(SVGNumber.format(.greatestFiniteMagnitude) == "17976931348623157" + String(repeating: "0", count: 292))
        #expect(SVGNumber.format(-.infinity) == "0")
        // Below the switch to whole numbers nothing changes.
        #expect(SVGNumber.format(8.9e15) == "8900000000000000")
    }

    @Test func ticksBelowZeroUseTheSameNiceSteps() {
        // −3 to 2 (billions) in at most 6 intervals: step 1 → −3 … 2.
        #expect(NiceTicks.ticks(minValue: -3e9, maxValue: 2e9, target: 6) == [-3e9, -2e9, -1e9, 0, 1e9, 2e9])
        // All below zero: the axis ends at zero; −3 in at most 6 intervals needs step 0.5.
        #expect(NiceTicks.ticks(minValue: -3e9, maxValue: 0, target: 6) == [-3e9, -2.5e9, -2e9, -1.5e9, -1e9, -0.5e9, 0])
        // Nothing below zero: exactly the ticks from zero.
        #expect(NiceTicks.ticks(minValue: 0, maxValue: 14, target: 5) == NiceTicks.ticks(maxValue: 14, target: 5))
        #expect(NiceTicks.ticks(minValue: -subnormal, maxValue: 14, target: 5) == [0, 5, 10, 15])
    }

    @Test func ticksForExtremeRangesEndAndStayFinite() {
        for (low, high) in [(0.0, subnormal), (0.0, 1e300), (-1e300, 1e300), (-Double.leastNonzeroMagnitude, 0.0), (0.0, 0.0), (-1e-300, 1e-300),
                            (0.0, 1.7e308), (-1.7e308, 1.7e308), (-1.7e308, 0.0)] {
            let ticks = NiceTicks.ticks(minValue: low, maxValue: high, target: 6)
            #expect(ticks.count >= 2, "\(low)…\(high)")
            #expect(ticks.allSatisfy(\.isFinite) && ticks.contains(0), "\(low)…\(high)")
        }
    }

    @Test(arguments: [Orientation.horizontal, .vertical])
    func barsAtTheEdgesOfADoubleDrawFiniteCoordinates(_ orientation: Orientation) {
        let values: [Double] = [-1.7e308, 1.7e308, subnormal, -Double.leastNonzeroMagnitude, 0]
        let bars = values.enumerated().map { BarChart.Bar(category: "v\($0.offset)", value: ChartValue($0.element, label: "x")) }
        let svg = ChartRenderer.svg(for: Chart(id: "edge", title: "Edges", kind: .bar(BarChart(bars: bars, orientation: orientation))))
        #expect(svg.hasPrefix("<svg") && !svg.contains("nan") && !svg.contains("inf"))
    }

    @Test func aLineBelowZeroIsDrawnBelowTheZeroLine() throws {
        let chart = Chart(id: "net", title: "Net income", kind: .line(LineChart(series: [
            .init(name: "Net", points: [
                .init(date: ChartDate(2023, 1, 1), dateLabel: "2023", value: 2e9, label: "$2B"),
                .init(date: ChartDate(2024, 1, 1), dateLabel: "2024", value: -3e9, label: "−$3B"),
            ]),
        ])))
        let svg = ChartRenderer.svg(for: chart)
        func numbers(_ pattern: String) -> [Double] {
            let regex = try! NSRegularExpression(pattern: pattern)
            return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap {
                Range($0.range(at: 1), in: svg).flatMap { Double(svg[$0]) }
            }
        }
        let zero = try #require(numbers(#"<line x1="[^"]*" y1="([-0-9.]+)"[^>]*class="cx-axis""#).first)
        let points = numbers(#"<circle cx="[^"]*" cy="([-0-9.]+)""#)
        #expect(points.count == 2)
        // y grows downwards: $2B above the zero line, −$3B below it, 1.5 times as far.
        #expect(points[0] < zero && points[1] > zero)
        #expect(abs((points[1] - zero) * 2 - (zero - points[0]) * 3) < 0.1)
    }
}
