// Whole documents: accessibility markup, ids, escaping, determinism, label placement, tables and CSV.
import Testing
@testable import Charts

@Suite struct DocumentTests {
    @Test(arguments: Fixtures.all.map(\.id))
    func labelsStayInsideTheViewBoxAndNeverOverlap(id: String) throws {
        let chart = try #require(Fixtures.all.first { $0.id == id })
        let svg = try parseSVG(ChartRenderer.svg(for: chart))
        #expect(svg.viewBox.w == 420)
        #expect(textOutsideViewBox(svg) == [])
        #expect(overlappingTexts(svg.textBoxes) == [])
        #expect(!svg.textBoxes.isEmpty)
        // Text never straddles a bar, node or area mark: it is either fully inside one (in-bar labels,
        // node names) or clear of it.
        let marks = svg.all("rect").filter { ["cx-solid", "cx-band", "cx-node", "cx-area"].contains(where: $0.has) }
            .map { Box(x: $0.n("x"), y: $0.n("y"), w: $0.n("width"), h: $0.n("height")) }
        for (text, box) in svg.textBoxes {
            for m in marks where box.intersects(m, pad: -0.01) {
                let inside = box.x >= m.x && box.maxX <= m.maxX && box.y >= m.y - 3 && box.maxY <= m.maxY + 3
                #expect(inside, "'\(text)' straddles a mark at \(m)")
            }
        }
    }

    @Test(arguments: Fixtures.all.map(\.id))
    func documentsAreAccessibleAndScoped(id: String) throws {
        let chart = try #require(Fixtures.all.first { $0.id == id })
        let text = ChartRenderer.svg(for: chart)
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let svg = try parseSVG(text)
        #expect(svg.root["role"] == "img")
        #expect(svg.root["aria-labelledby"] == "cx-\(id)-title cx-\(id)-desc")
        let title = try #require(svg.elements.first { $0.name == "title" })
        let desc = try #require(svg.elements.first { $0.name == "desc" })
        #expect(title.attrs["id"] == "cx-\(id)-title" && title.text == chart.title)
        #expect(desc.attrs["id"] == "cx-\(id)-desc" && desc.text == ChartRenderer.summary(for: chart))
        // Every id is scoped by the chart id and every url(#…) reference resolves inside the document.
        let ids = svg.elements.compactMap { $0.attrs["id"] }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("cx-\(id)") })
        for e in svg.elements {
            for v in e.attrs.values where v.hasPrefix("url(#") {
                #expect(ids.contains(String(v.dropFirst(5).dropLast())))
            }
        }
        // Text is 13 units in a 420-unit viewBox: ≥ 11 px when rendered 360 px wide.
        #expect(text.contains(".cx-chart text{fill:var(--cx-fg);font-size:13px}"))
        #expect(13.0 * 360 / svg.viewBox.w >= 11)
        #expect(text.contains("@media (prefers-color-scheme:dark)"))
        #expect(!text.contains("<script"))
    }

    @Test func renderingIsByteIdenticalAndCoordinatesHaveAtMostTwoDecimals() throws {
        for chart in Fixtures.all {
            let a = ChartRenderer.svg(for: chart), b = ChartRenderer.svg(for: chart)
            #expect(a == b)
            let svg = try parseSVG(a)
            let numeric = ["x", "y", "width", "height", "cx", "cy", "r", "x1", "y1", "x2", "y2", "stroke-width"]
            for e in svg.elements where e.name != "svg" {
                for k in numeric {
                    guard let v = e.attrs[k] else { continue }
                    let parts = v.split(separator: ".")
                    #expect(Double(v) != nil && parts.count <= 2 && (parts.count == 1 || parts[1].count <= 2), "\(k)=\(v)")
                }
            }
        }
    }

    @Test func twoChartsOnOnePageShareNoIds() throws {
        let a = try parseSVG(ChartRenderer.svg(for: Fixtures.bars))
        var second = Fixtures.bars
        second.id = "bars-2025"
        let b = try parseSVG(ChartRenderer.svg(for: second))
        let idsA = Set(a.elements.compactMap { $0.attrs["id"] }), idsB = Set(b.elements.compactMap { $0.attrs["id"] })
        #expect(!idsA.isEmpty && idsA.isDisjoint(with: idsB))
        #expect(idsB.contains("cx-bars-2025-hatch-0"))
    }

    @Test func hostileStringsAreEscapedAndTheSVGStillParses() throws {
        let evil = "<script>alert(\"x\")</script> & 'q' ]]> <!--"
        let chart = Chart(id: "Evil\"><script>", title: evil, summary: evil, kind: .bar(BarChart(bars: [
            .init(category: evil, value: ChartValue(low: 1, high: 2, label: evil), color: "\"/><script>",
                  marker: .init(value: 3, label: evil)),
        ], tickFormat: { _ in evil })))
        let text = ChartRenderer.svg(for: chart)
        #expect(!text.contains("<script"))
        let svg = try parseSVG(text)
        #expect(svg.root["id"] == "cx-evil---script-")
        #expect(svg.elements.first { $0.name == "title" }?.text == evil)
        #expect(svg.elements.first { $0.name == "desc" }?.text == evil)
        let texts = svg.all("text").map(\.text)
        #expect(texts.filter { $0 == evil }.count >= 3)
        // Invalid colour falls back to the palette.
        #expect(svg.all("rect", "cx-solid").first?.attrs["fill"] == Palette.okabeIto[0])
        for kind in Fixtures.all.map(\.kind) {
            var c = Chart(id: "x", title: evil, kind: kind)
            c.summary = evil
            _ = try parseSVG(ChartRenderer.svg(for: c))
        }
    }

    @Test func emptyAndDegenerateDataStillRenderValidSVG() throws {
        let nan = Double.nan, inf = Double.infinity
        let kinds: [ChartKind] = [
            .bar(BarChart(bars: [])),
            .bar(BarChart(bars: [.init(category: "", value: ChartValue(nan, label: ""), marker: .init(value: inf, label: "m"))])),
            .bar(BarChart(bars: [.init(category: "zero", value: ChartValue(0, label: "0"))], orientation: .vertical)),
            .stacked(StackedChart(series: [], categories: [])),
            .stacked(StackedChart(series: [.init(name: "s")], categories: [.init(name: "c", segments: [.init(value: nan, label: "x"), nil])],
                                  orientation: .vertical)),
            .line(LineChart(series: [])),
            .line(LineChart(series: [.init(name: "one", points: [.init(date: ChartDate(2025), dateLabel: "2025", value: -inf, label: "?")])])),
            .timeline(TimelineChart(events: [])),
            .timeline(TimelineChart(events: [.init(date: ChartDate(2025, 5, 5), dateLabel: "May", title: "only")])),
            .flow(FlowChart(nodes: [], links: [])),
            .flow(FlowChart(nodes: [.init(id: "a", name: "A")], links: [.init(from: "a", to: "zz", kind: .purchase, amount: nil)])),
            .scale(ScaleChart(items: [])),
            .scale(ScaleChart(items: [.init(name: "z", value: ChartValue(0, label: "0"))], shape: .circle)),
        ]
        for (i, kind) in kinds.enumerated() {
            let text = ChartRenderer.svg(for: Chart(id: "d\(i)", title: "t", kind: kind))
            let svg = try parseSVG(text)
            #expect(svg.viewBox.h > 0)
            #expect(!text.contains("nan") && !text.contains("inf"))
            _ = ChartTable(chart: Chart(id: "d", title: "t", kind: kind)).csv()
        }
    }

    @Test func generatedSummariesDescribeTheData() {
        let s = ChartRenderer.summary(for: Chart(id: "b", title: "t", kind: .bar(BarChart(bars: [
            .init(category: "Meta", value: ChartValue(low: 10.5e9, high: 14e9, label: "$10.5–14B")),
            .init(category: "xAI", value: ChartValue(3e9, label: "$3B")),
        ]))))
        #expect(s == "Bar chart of 2 values; the largest is Meta at $10.5–14B.")
        #expect(ChartRenderer.summary(for: Fixtures.flow).hasPrefix(
            "Money flows between 6 companies: 3 investments and 4 purchases or contracts; the largest is OpenAI → Oracle at ~$300B"))
    }

    @Test func csvFollowsRFC4180() {
        let t = ChartTable(headers: ["a", "b"], rows: [["x,y", "say \"hi\""], ["line\nbreak", "plain"]])
        #expect(t.csv() == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",plain\r\n")
    }

    @Test func detailsHTMLIsEscaped() {
        let t = ChartTable(headers: ["<h>", "v"], rows: [["a&b", "\"q\""]])
        #expect(t.detailsHTML(summary: "S<") == "<details class=\"cx-data\"><summary>S&lt;</summary>"
            + "<table class=\"cx-table\"><thead><tr><th scope=\"col\">&lt;h&gt;</th><th scope=\"col\">v</th></tr></thead>"
            + "<tbody><tr><th scope=\"row\">a&amp;b</th><td>&quot;q&quot;</td></tr></tbody></table></details>")
    }

    @Test func tablesListThePlottedData() {
        let bars = ChartTable(chart: Fixtures.bars)
        #expect(bars.headers == ["Category", "Value", "Low", "High", "Qualifier", "Marker", "Marker value"])
        // Sorted descending by the high end, as drawn.
        #expect(bars.rows.map { $0[1] } == ["$18–24B", "$10.5–14B", "> $12B", "up to $2B"])
        #expect(bars.rows[1] == ["Meta: 350,000 H100 (end of 2024)", "$10.5–14B", "10500000000", "14000000000", "range",
                                 "stated: $18B", "18000000000"])
        let flow = ChartTable(chart: Fixtures.flow)
        #expect(flow.rows.count == 7)
        #expect(flow.rows[1] == ["OpenAI", "Nvidia", "Purchase, compute or cloud deal", "", "chips for ≥10 GW", "", "", ""])
        let line = ChartTable(chart: Fixtures.line)
        #expect(line.rows.first == ["ChatGPT weekly users", "11/2023", "100M", "2023-11-01", "100000000"])
        let stacked = ChartTable(chart: Fixtures.stacked)
        #expect(stacked.headers == ["Category", "Microsoft", "Alphabet", "Amazon", "Meta", "Total"])
        #expect(stacked.rows[0] == ["2023", "$32B", "$32B", "$48B", "$28B", "$140B"])
    }
}
