// Story-like charts of every kind, used by the layout-wide tests (labels inside, no overlaps, determinism).
@testable import Charts

enum Fixtures {
    static let billions: ValueFormatter = { v in v == 0 ? "$0" : "$" + SVGNumber.format(v / 1e9, maxDecimals: 1) + "B" }

    static let flow = Chart(id: "flow", title: "Deals", kind: .flow(FlowChart(
        nodes: [.init(id: "oracle", name: "Oracle"), .init(id: "amazon", name: "Amazon (AWS)"),
                .init(id: "openai", name: "OpenAI"), .init(id: "nvidia", name: "Nvidia"),
                .init(id: "meta", name: "Meta"), .init(id: "microsoft", name: "Microsoft")],
        links: [
            .init(from: "nvidia", to: "openai", kind: .investment,
                  amount: ChartValue(100e9, label: "up to $100B", qualifier: .atMost), note: "in stages"),
            .init(from: "openai", to: "nvidia", kind: .purchase, amount: nil, note: "chips for ≥10 GW"),
            .init(from: "microsoft", to: "openai", kind: .investment, amount: ChartValue(13e9, label: "> $13B", qualifier: .atLeast)),
            .init(from: "amazon", to: "openai", kind: .investment, amount: ChartValue(10e9, label: "≥ $10B", qualifier: .atLeast),
                  note: "in talks"),
            .init(from: "openai", to: "amazon", kind: .purchase, amount: ChartValue(38e9, label: "$38B"), note: "AWS, 7 years"),
            .init(from: "openai", to: "oracle", kind: .purchase, amount: ChartValue(300e9, label: "~$300B", qualifier: .approximate)),
            .init(from: "meta", to: "nvidia", kind: .purchase, amount: ChartValue(low: 10.5e9, high: 14e9, label: "$10.5–14B"),
                  note: "350,000 H100"),
        ])))

    static let scale = Chart(id: "scale", title: "Power", kind: .scale(ScaleChart(items: [
        .init(name: "OpenAI–Nvidia plan", value: ChartValue(10_000, label: "10 GW", qualifier: .atLeast)),
        .init(name: "Big AI campus", value: ChartValue(150, label: "150 MW")),
        .init(name: "Typical data centre", value: ChartValue(30, label: "30 MW")),
        .init(name: "One rack", value: ChartValue(0.12, label: "120 kW")),
    ])))

    static let bars = Chart(id: "bars", title: "GPU spend", kind: .bar(BarChart(bars: [
        .init(category: "Meta: 350,000 H100 (end of 2024)", value: ChartValue(low: 10.5e9, high: 14e9, label: "$10.5–14B"),
              marker: .init(value: 18e9, label: "stated: $18B")),
        .init(category: "Meta: 600,000 H100-equivalents", value: ChartValue(low: 18e9, high: 24e9, label: "$18–24B")),
        .init(category: "Microsoft", value: ChartValue(12e9, label: "> $12B", qualifier: .atLeast)),
        .init(category: "A very long category name that has to wrap onto a second line at phone width",
              value: ChartValue(2e9, label: "up to $2B", qualifier: .atMost)),
    ], sort: .descending, tickFormat: billions, axisTitle: "GPU spend")))

    static let columns = Chart(id: "columns", title: "Commitments", kind: .bar(BarChart(bars: [
        .init(category: "Stargate", value: ChartValue(500e9, label: "≥ $500B", qualifier: .atLeast)),
        .init(category: "Oracle", value: ChartValue(300e9, label: "~$300B", qualifier: .approximate),
              marker: .init(value: 350e9, label: "claimed $350B")),
        .init(category: "Nvidia", value: ChartValue(100e9, label: "up to $100B", qualifier: .atMost)),
        .init(category: "AWS", value: ChartValue(38e9, label: "$38B")),
        .init(category: "Microsoft and OpenAI", value: ChartValue(13e9, label: "$13B")),
    ], orientation: .vertical, tickFormat: billions)))

    static let timeline = Chart(id: "timeline", title: "Deals", kind: .timeline(TimelineChart(events: [
        .init(date: ChartDate(2023, 1, 23), dateLabel: "Jan 2023", title: "Microsoft extends its OpenAI investment",
              amount: ChartValue(10e9, label: "~$10B", qualifier: .approximate)),
        .init(date: ChartDate(2024, 1, 18), dateLabel: "Jan 2024", title: "Meta: 350,000 H100",
              amount: ChartValue(low: 10.5e9, high: 14e9, label: "$10.5–14B")),
        .init(date: ChartDate(2025, 1, 21), dateLabel: "Jan 2025", title: "Stargate",
              amount: ChartValue(500e9, label: "≥ $500B", qualifier: .atLeast)),
        .init(date: ChartDate(2025, 9, 10), dateLabel: "Sep 2025", title: "OpenAI–Oracle",
              amount: ChartValue(300e9, label: "~$300B")),
        .init(date: ChartDate(2025, 9, 22), dateLabel: "Sep 2025", title: "Nvidia to invest in OpenAI",
              amount: ChartValue(100e9, label: "up to $100B", qualifier: .atMost)),
        .init(date: ChartDate(2025, 9, 23), dateLabel: "Sep 2025", title: "Another deal the same week", amount: nil),
        .init(date: ChartDate(2025, 11, 3), dateLabel: "Nov 2025", title: "OpenAI signs with AWS",
              amount: ChartValue(38e9, label: "$38B")),
    ])))

    static func pt(_ y: Int, _ m: Int, _ v: Double) -> LineChart.Point {
        .init(date: ChartDate(y, m, 1), dateLabel: "\(m)/\(y)", value: v, label: SVGNumber.format(v / 1e6) + "M")
    }

    static let line = Chart(id: "line", title: "Users", kind: .line(LineChart(series: [
        .init(name: "ChatGPT weekly users", points: [pt(2023, 11, 100e6), pt(2024, 8, 200e6), pt(2025, 2, 400e6),
                                                     pt(2025, 10, 800e6)]),
        .init(name: "Rival A", points: [pt(2024, 1, 50e6), pt(2025, 10, 790e6)]),
        .init(name: "Rival B", points: [pt(2024, 6, 20e6), pt(2025, 10, 780e6)]),
    ], tickFormat: { SVGNumber.format($0 / 1e6) + "M" }, axisTitle: "Users")))

    static func capex(_ name: String, _ v: [Double]) -> StackedChart.Category {
        .init(name: name, segments: v.map { .init(value: $0, label: "$\(Int($0))B") },
              totalLabel: "$\(Int(v.reduce(0, +)))B")
    }

    static let stacked = Chart(id: "stacked", title: "Capex", kind: .stacked(StackedChart(
        series: [.init(name: "Microsoft"), .init(name: "Alphabet"), .init(name: "Amazon"), .init(name: "Meta")],
        categories: [capex("2023", [32, 32, 48, 28]), capex("2024", [56, 53, 83, 39]), capex("2025", [80, 91, 125, 70])],
        axisTitle: "US$ billions")))

    static let stackedColumns = Chart(id: "stacked-columns", title: "Capex", kind: .stacked(StackedChart(
        series: [.init(name: "Microsoft"), .init(name: "Alphabet"), .init(name: "Amazon"), .init(name: "Meta")],
        categories: [capex("2023", [32, 32, 48, 28]), capex("2024", [56, 53, 83, 39]), capex("2025", [80, 91, 125, 70])],
        orientation: .vertical)))

    /// Meta's spend at $30k–40k an H100 and a made-up ±20% on the units: price first given
    /// narrower, so that the chart must sort (units: $8.4–16.8B across, price: $11–14.7B).
    static let tornado = Chart(id: "tornado", title: "What drives Meta's spend", kind: .tornado(TornadoChart(
        bars: [.init(input: "chips.h100.unit_price, $30k–40k", atLow: 11.0e9, atLowLabel: "$11B", atHigh: 14.7e9, atHighLabel: "$14.7B", shareLabel: "30%"),
               .init(input: "purchases.meta.units, 280k–420k units", atLow: 8.4e9, atLowLabel: "$8.4B", atHigh: 16.8e9, atHighLabel: "$16.8B", shareLabel: "70%")],
        baseline: 12.6e9, baselineLabel: "all at midpoints: $12.6B", lowEndLegend: "at the input’s low end", highEndLegend: "at its high end",
        columns: .init(input: "Input", atLow: "At its low end", atHigh: "At its high end", share: "Share"),
        summary: "Tornado chart of 2 inputs.", tickFormat: billions)))
    /// A decreasing figure (a ratio over the price) and an input that moves nothing.
    static let tornadoDecreasing = Chart(id: "tornado-decreasing", title: "Gap", kind: .tornado(TornadoChart(
        bars: [.init(input: "a very long input name that has to wrap onto a second line at 360 pixels, $30k–40k", atLow: 1.71, atLowLabel: "1.71×",
                     atHigh: 1.29, atHighLabel: "1.29×", shareLabel: "100%"),
               .init(input: "steady", atLow: 1.5, atLowLabel: "1.5×", atHigh: 1.5, atHighLabel: "1.5×", shareLabel: "0%")],
        baseline: 1.5, baselineLabel: "all at midpoints: 1.5×", lowEndLegend: "low", highEndLegend: "high",
        columns: .init(input: "Input", atLow: "Low end", atHigh: "High end", share: "Share"), summary: "Gap.")))

    static let all = [flow, scale, bars, columns, timeline, line, stacked, stackedColumns, tornado, tornadoDecreasing]
}
