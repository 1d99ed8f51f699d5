// Issue 10, chart text: numbers never break across lines, a qualifier stays with its number, a
// timeline's marks and labels never overlap, and the table a reader sees holds formatted values.
import Testing
@testable import Charts

private let nbsp = "\u{00A0}"

@Suite struct ChartTextTests {
    @Test func wrapBreaksOnlyAtSpacesOutsideNumbers() {
        // A range wider than the line breaks only after its dash, never inside a number
        // ("~$10.5B–$1" / "4B"); a single number wider than the line is kept whole.
        #expect(TextMetrics.wrap("~$10.5B–$14B", maxWidth: 60, bold: true) == ["~$10.5B–", "$14B"])
        #expect(TextMetrics.wrap("~$10.5B–$14B", maxWidth: 200, bold: true) == ["~$10.5B–$14B"])
        #expect(TextMetrics.wrap("más\(nbsp)de\(nbsp)500.000\(nbsp)M$", maxWidth: 40, bold: true) == ["más\(nbsp)de\(nbsp)500.000\(nbsp)M$"])
        // A qualifier joined by a no-break space never ends a line.
        let bound = "Nvidia may invest up\(nbsp)to\(nbsp)$100B in OpenAI"
        let lines = TextMetrics.wrap(bound, maxWidth: 90)
        #expect(lines.contains { $0.contains("up\(nbsp)to\(nbsp)$100B") }, "\(lines)")
        // A number keeps its unit word when the line allows: "draws 10" / "GW" never happens.
        let draws = TextMetrics.wrap("the cluster draws 10 GW of power", maxWidth: TextMetrics.width("the cluster draws 10") + 1)
        #expect(draws.contains { $0.hasSuffix("10 GW") || $0.hasPrefix("10 GW") }, "\(draws)")
        #expect(!draws.contains { $0.hasSuffix("10") })
        // Words without digits may still be cut, at a hyphen where there is one.
        #expect(TextMetrics.wrap("Supercalifragilistic", maxWidth: 40).allSatisfy { TextMetrics.width($0) <= 40 })
        #expect(TextMetrics.wrap("Trans-Pacific-Partnership", maxWidth: 70).first == "Trans-")
        #expect(TextMetrics.widestUnbreakable("costs ~$10.5B–$14B a year") == TextMetrics.width("~$10.5B–$14B"))
    }

    /// The flow chart's amounts, each on one line of its own `<text>`.
    @Test func flowAmountsAreNeverSplit() throws {
        let chart = FlowChart(nodes: [.init(id: "meta", name: "Meta"), .init(id: "nvidia", name: "Nvidia"),
                                      .init(id: "openai", name: "OpenAI"), .init(id: "amazon", name: "Amazon (AWS)")],
                              links: [
            .init(from: "meta", to: "nvidia", kind: .purchase,
                  amount: ChartValue(low: 10.5e9, high: 14e9, label: "~$10.5B–$14B", qualifier: .approximate),
                  note: "compute, signed"),
            .init(from: "nvidia", to: "openai", kind: .investment,
                  amount: ChartValue(100e9, label: "up\(nbsp)to\(nbsp)$100B", qualifier: .atMost), note: "investment, announced"),
            .init(from: "amazon", to: "openai", kind: .investment,
                  amount: ChartValue(10e9, label: "≥\(nbsp)$10B", qualifier: .atLeast), note: "investment, talks"),
        ])
        let svg = try parseSVG(ChartRenderer.svg(for: Chart(id: "f", title: "f", kind: .flow(chart))))
        let texts = svg.all("text").map(\.text)
        for label in ["~$10.5B–$14B", "up\(nbsp)to\(nbsp)$100B", "≥\(nbsp)$10B"] {
            #expect(texts.contains(label), "'\(label)' is not one line: \(texts)")
        }
        #expect(textOutsideViewBox(svg) == [])
        #expect(overlappingTexts(svg.textBoxes) == [])
    }

    /// A Spanish amount ("~10.500–14.000 M$", longer than "~$10.5B–$14B") on the right of the
    /// deals chart, where the widened label column still cannot hold it: it breaks after its
    /// dash instead of running out of the chart (the /es/acuerdos/ screenshot at 1,280 px).
    @Test func aSpanishFlowAmountStaysInsideTheChart() throws {
        let amount = "~10.500–14.000\(nbsp)M$"
        let chart = FlowChart(nodes: [.init(id: "meta", name: "Meta"), .init(id: "nvidia", name: "Nvidia"),
                                      .init(id: "openai", name: "OpenAI"), .init(id: "amazon", name: "Amazon (AWS)")],
                              links: [
            .init(from: "meta", to: "nvidia", kind: .purchase,
                  amount: ChartValue(low: 10.5e9, high: 14e9, label: amount, qualifier: .approximate),
                  note: "computación, pagado o firmado"),
            .init(from: "nvidia", to: "openai", kind: .investment,
                  amount: ChartValue(100e9, label: "hasta\(nbsp)100.000\(nbsp)M$", qualifier: .atMost), note: "inversión, prometido"),
            .init(from: "amazon", to: "openai", kind: .investment,
                  amount: ChartValue(10e9, label: "≥\(nbsp)10.000\(nbsp)M$", qualifier: .atLeast), note: "inversión, en negociación"),
        ])
        let svg = try parseSVG(ChartRenderer.svg(for: Chart(id: "f", title: "f", kind: .flow(chart))))
        let texts = svg.all("text").map(\.text)
        #expect(texts.contains(amount) || (texts.contains("~10.500–") && texts.contains("14.000\(nbsp)M$")), "\(texts)")
        #expect(!texts.contains { $0.hasSuffix("14.0") || $0.hasPrefix("00") }, "never cut inside a number: \(texts)")
        #expect(textOutsideViewBox(svg) == [])
        #expect(overlappingTexts(svg.textBoxes) == [])
    }

    /// Four late-2025 events (two on one day) after a quiet year: their marks are stacked apart,
    /// labels clear of marks and of each other, and the empty year is a marked axis break.
    @Test func crowdedTimelineMarksAndLabelsNeverOverlap() throws {
        let events: [TimelineChart.Event] = [
            .init(date: ChartDate(2024, 1, 19), dateLabel: "January 2024", title: "Meta buys Nvidia H100s",
                  amount: ChartValue(low: 10.5e9, high: 14e9, label: "~$10.5B–$14B", qualifier: .approximate)),
            .init(date: ChartDate(2025, 9, 22), dateLabel: "2025-09-22", title: "Nvidia to invest in OpenAI",
                  amount: ChartValue(100e9, label: "up to $100B", qualifier: .atMost)),
            .init(date: ChartDate(2025, 9, 22), dateLabel: "2025-09-22", title: "OpenAI deploys Nvidia systems"),
            .init(date: ChartDate(2025, 11, 3), dateLabel: "November 2025", title: "OpenAI's AWS cloud contract",
                  amount: ChartValue(38e9, label: "$38B")),
            .init(date: ChartDate(2025, 12, 17), dateLabel: "2025-12-17", title: "Amazon in talks to invest in OpenAI",
                  amount: ChartValue(10e9, label: "≥ $10B", qualifier: .atLeast)),
        ]
        let svg = try parseSVG(ChartRenderer.svg(for: Chart(id: "tl", title: "t", kind: .timeline(TimelineChart(events: events)))))
        // Each event's mark: the box around all its circles (amount, open ring, dot).
        let titles = Set(svg.elements.compactMap { $0.name == "circle" ? $0.groupTitle : nil })
        var marks: [(String, Box)] = []
        for title in titles.sorted() {
            let boxes = svg.inGroup(title).filter { $0.name == "circle" }.map { c in
                Box(x: c.n("cx") - c.n("r"), y: c.n("cy") - c.n("r"), w: 2 * c.n("r"), h: 2 * c.n("r"))
            }
            marks.append((title, boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }))
        }
        #expect(marks.count == 5)
        #expect(overlappingTexts(marks) == [], "marks overlap")
        #expect(overlappingTexts(svg.textBoxes) == [], "labels overlap")
        for (text, box) in svg.textBoxes {
            for (title, mark) in marks {
                #expect(!box.intersects(mark), "'\(text)' covers the mark of \(title)")
            }
        }
        #expect(textOutsideViewBox(svg) == [])
        // The quiet stretch from January 2024 to September 2025 is compressed, and says so.
        let breaks = svg.elements.filter { $0.name == "g" && $0.has("cx-break") }
        #expect(breaks.count == 1)
        #expect(svg.elements.contains { $0.name == "title" && $0.text.hasPrefix("Axis break: Jan 2024 to Sep 2025") })
        // Time still runs down the page: each event's mark below the one before.
        let centre = { (t: String) in marks.first { $0.0 == t }.map { $0.1.y + $0.1.h / 2 } ?? .nan }
        let order = ["January 2024: Meta buys Nvidia H100s: ~$10.5B–$14B", "2025-09-22: Nvidia to invest in OpenAI: up to $100B",
                     "2025-09-22: OpenAI deploys Nvidia systems", "November 2025: OpenAI's AWS cloud contract: $38B",
                     "2025-12-17: Amazon in talks to invest in OpenAI: ≥ $10B"]
        for (a, b) in zip(order, order.dropFirst()) { #expect(centre(a) < centre(b), "\(a) before \(b)") }
    }

    /// Evenly spread events keep a linear axis with no break.
    @Test func evenTimelineHasNoBreak() throws {
        let svg = try parseSVG(ChartRenderer.svg(for: Fixtures.timeline))
        let spread = try parseSVG(ChartRenderer.svg(for: Chart(id: "even", title: "e", kind: .timeline(TimelineChart(events: [
            .init(date: ChartDate(2024, 1, 1), dateLabel: "2024", title: "A", amount: ChartValue(1, label: "1")),
            .init(date: ChartDate(2024, 7, 1), dateLabel: "mid 2024", title: "B", amount: ChartValue(1, label: "1")),
            .init(date: ChartDate(2025, 1, 1), dateLabel: "2025", title: "C", amount: ChartValue(1, label: "1")),
        ])))))
        #expect(!spread.elements.contains { $0.has("cx-break") })
        #expect(overlappingTexts(svg.textBoxes) == [])
    }

    /// The HTML table shows the formatted values; the CSV keeps the raw numbers too.
    @Test func tableShowsFormattedValuesAndCSVKeepsRawOnes() {
        let chart = Chart(id: "b", title: "b", kind: .bar(BarChart(bars: [
            .init(category: "Meta's H100s", value: ChartValue(low: 10.5e9, high: 14e9, label: "~$10.5B–$14B", qualifier: .approximate),
                  marker: .init(value: 18e9, label: "stated: ~$18B")),
        ])))
        let table = ChartTable(chart: chart)
        let html = table.html()
        #expect(!html.contains("10500000000") && !html.contains("18000000000"))
        #expect(html.contains("<td style=\"white-space:nowrap\">~$10.5B–$14B</td>"))
        #expect(html.contains("<td>stated: ~$18B</td>"))
        #expect(!html.contains(">Low<") && !html.contains(">High<"))
        let csv = table.csv()
        #expect(csv.contains("10500000000") && csv.contains("14000000000") && csv.contains("18000000000"))
        #expect(csv.hasPrefix("Category,Value,Low,High,Qualifier,Marker,Marker value\r\n"))
        // With no markers, the empty Marker column is left out of the HTML (not the CSV).
        let plain = ChartTable(chart: Chart(id: "p", title: "p", kind: .bar(BarChart(bars: [
            .init(category: "AWS", value: ChartValue(38e9, label: "$38B"))]))))
        #expect(!plain.html().contains(">Marker<") && plain.html().contains(">Qualifier<"))
        #expect(plain.csv().hasPrefix("Category,Value,Low,High,Qualifier,Marker,Marker value\r\n"))
    }

    /// One of anything is singular in the text that describes a chart to a screen reader.
    @Test func aChartOfOneSaysOneInTheSingular() {
        let one = ChartValue(5e6, label: "5 MW")
        let timeline = ChartRenderer.summary(for: Chart(id: "t", title: "T", kind: .timeline(TimelineChart(events: [
            .init(date: ChartDate(2024, 1, 1), dateLabel: "2024", title: "A", amount: one)]))))
        #expect(timeline.hasPrefix("Timeline of 1 event from 2024 to 2024"), "\(timeline)")
        let scale = ChartRenderer.summary(for: Chart(id: "s", title: "S", kind: .scale(ScaleChart(items: [.init(name: "A", value: one)]))))
        #expect(scale == "Areas proportional to 1 value: A 5 MW.")
        let stacked = ChartRenderer.summary(for: Chart(id: "k", title: "K", kind: .stacked(StackedChart(
            series: [.init(name: "paid")], categories: [.init(name: "OpenAI", segments: [.init(one, label: "5 MW")])]))))
        #expect(stacked.hasPrefix("Stacked bars for 1 category in 1 series (paid)"), "\(stacked)")
        let two = ChartRenderer.summary(for: Chart(id: "s2", title: "S", kind: .scale(ScaleChart(items: [.init(name: "A", value: one), .init(name: "B", value: one)]))))
        #expect(two.hasPrefix("Areas proportional to 2 values: "))
    }
}
