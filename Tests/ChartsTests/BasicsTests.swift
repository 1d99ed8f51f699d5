// Building blocks: number text, escaping, nice ticks, dates, label spreading, colours.
import Testing
@testable import Charts

@Suite struct BasicsTests {
    @Test func numbersUseFixedDecimalsWithoutLocale() {
        #expect(SVGNumber.format(12.5) == "12.5")
        #expect(SVGNumber.format(3.14159) == "3.14")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(2.0) == "2")
        #expect(SVGNumber.format(0.05) == "0.05")
        #expect(SVGNumber.format(-7.25) == "-7.25")
        #expect(SVGNumber.format(1_234_567.891) == "1234567.89")
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(10_500_000_000, maxDecimals: 6) == "10500000000")
    }

    @Test func escapingCoversAllFiveCharactersAndDropsForbiddenControls() {
        #expect(XMLText.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(XMLText.escape("x\u{0}y\u{1B}z") == "xyz")
        #expect(XMLText.escape("≥ $10B – ok") == "≥ $10B – ok")
    }

    @Test func niceTicksStartAtZeroWithSteps1_2_2point5_5() {
        // 14 in at most 5 intervals: 2.5 needs 6, so 5 → 0, 5, 10, 15.
        #expect(NiceTicks.ticks(maxValue: 14, target: 5) == [0, 5, 10, 15])
        // 7 in at most 6: step 1 needs 7, step 2 needs 4.
        #expect(NiceTicks.ticks(maxValue: 7, target: 6) == [0, 2, 4, 6, 8])
        // 1234 in at most 5: 200 needs 7, 250 needs 5.
        #expect(NiceTicks.ticks(maxValue: 1234, target: 5) == [0, 250, 500, 750, 1000, 1250])
        // 0.37 in at most 5: 0.1 needs 4 → 0 … 0.4, exact decimals.
        #expect(NiceTicks.ticks(maxValue: 0.37, target: 5) == [0, 0.1, 0.2, 0.3, 0.4])
        // 18e9 in at most 6: 2.5e9 needs 8, 5e9 needs 4.
        #expect(NiceTicks.ticks(maxValue: 18e9, target: 6) == [0, 5e9, 10e9, 15e9, 20e9])
        // A maximum that is itself a tick is not padded.
        #expect(NiceTicks.ticks(maxValue: 20, target: 4) == [0, 5, 10, 15, 20])
        #expect(NiceTicks.ticks(maxValue: 0, target: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func datesConvertBothWays() {
        #expect(ChartDate(1970, 1, 1).dayNumber == 0)
        #expect(ChartDate(2000, 3, 1).dayNumber == 11_017)
        #expect(ChartDate(2024, 7, 1).dayNumber - ChartDate(2024, 1, 1).dayNumber == 182)
        #expect(ChartDate(2023, 2, 31) == ChartDate(2023, 2, 28))
        for d in [ChartDate(1999, 12, 31), ChartDate(2024, 2, 29), ChartDate(1960, 5, 17)] {
            #expect(DateFromDays.date(d.dayNumber) == d)
        }
        #expect(ChartDate(2025, 9, 3).iso == "2025-09-03")
    }

    @Test func dateTicksPreferYearsThenMonths() {
        let lo = ChartDate(2023, 1, 23).dayNumber, hi = ChartDate(2025, 11, 3).dayNumber
        let years = DateTicks.ticks(from: lo, to: hi, length: 300) { _ in 30 }
        #expect(years.map(\.date) == [ChartDate(2024), ChartDate(2025)])
        #expect(years.allSatisfy { $0.unit == .year })
        // Five months fit monthly ticks when labels are narrow enough.
        let m = DateTicks.ticks(from: ChartDate(2025, 1, 10).dayNumber, to: ChartDate(2025, 6, 5).dayNumber,
                                length: 300) { _ in 40 }
        #expect(m.map(\.date) == [ChartDate(2025, 2), ChartDate(2025, 3), ChartDate(2025, 4), ChartDate(2025, 5),
                                  ChartDate(2025, 6)])
        // Wide labels force every second month, aligned to odd months (Jan, Mar, May, …).
        let m2 = DateTicks.ticks(from: ChartDate(2025, 1, 10).dayNumber, to: ChartDate(2025, 6, 5).dayNumber,
                                 length: 300) { _ in 60 }
        #expect(m2.map(\.date) == [ChartDate(2025, 3), ChartDate(2025, 5)])
        #expect(ChartDate.defaultTickFormat(ChartDate(2025, 3), .month) == "Mar 2025")
    }

    @Test func spreadKeepsOrderAndCentresClusters() {
        // Three 10-high items wanted at 10, 12, 14 with gap 2: one cluster 34 high centred on the mean (12).
        let tops = LabelLayout.spread(desired: [12, 10, 14], sizes: [10, 10, 10], gap: 2)
        #expect(tops == [7, -5, 19])
        // Items far apart stay where they want to be.
        #expect(LabelLayout.spread(desired: [0, 100], sizes: [10, 10], gap: 2) == [-5, 95])
        // A lower bound pushes the whole cluster down.
        #expect(LabelLayout.spread(desired: [0, 1], sizes: [10, 10], gap: 0, minStart: 0) == [0, 10])
    }

    @Test func wrapKeepsLinesWithinWidth() {
        let lines = TextMetrics.wrap("Meta: 350,000 H100 by the end of 2024", maxWidth: 100)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { TextMetrics.width($0) <= 100 })
        #expect(lines.joined(separator: " ") == "Meta: 350,000 H100 by the end of 2024")
        #expect(TextMetrics.wrap("Supercalifragilistic", maxWidth: 40).allSatisfy { TextMetrics.width($0) <= 40 })
    }

    @Test func coloursValidateAndContrast() {
        #expect(Palette.normalize("#ABC") == "#aabbcc")
        #expect(Palette.normalize("0072B2") == "#0072b2")
        #expect(Palette.normalize("red\" onload=\"x") == nil)
        #expect(Palette.color("not a colour", index: 1) == Palette.okabeIto[1])
        // Text variables in the stylesheet: ≥ 4.5:1 on the light and the dark background.
        let white = Palette.luminance("#ffffff"), dark = Palette.luminance("#161616")
        for fg in ["#1f1f1f", "#575757"] { #expect(Palette.contrast(Palette.luminance(fg), white) >= 4.5) }
        for fg in ["#ededed", "#b4b4b4"] { #expect(Palette.contrast(Palette.luminance(fg), dark) >= 4.5) }
        // Text drawn on palette colours picks a colour with ≥ 4.5:1.
        for c in Palette.okabeIto {
            guard let cls = Palette.textClass(on: c) else { continue }
            let text = cls == "cx-ond" ? "#ffffff" : "#111111"
            #expect(Palette.contrast(Palette.luminance(text), Palette.luminance(c)) >= 4.5)
        }
    }
}
