import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

@Suite("chart blocks in pages")
struct ChartBlockTests {
    @Test func chartBlocksBecomeInlineFiguresWithSVGAndCSVFiles() throws {
        let site = try FixtureSite("story")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let home = site.read("index.html")
        #expect(home.contains(#"<figure class="chart" id="chart-meta-spend">"#))
        #expect(home.contains(#"<a href="/data/charts/meta-spend.csv">Data (CSV)</a>"#))
        #expect(home.contains(#"Sources: <a href="/sources/#bi">Business Insider, January 19, 2024</a>"#), "sources come from the plotted figures")
        #expect(!home.contains("```chart") && !home.contains("language-chart"))
        for id in ["meta-spend", "scale-of-power", "money-loop", "deal-timeline"] {
            let svg = site.read("charts/\(id).svg")
            let document = try XMLDocument(xmlString: svg)
            #expect(document.rootElement()?.name == "svg")
            #expect(try document.nodes(forXPath: "/*/@role").first?.stringValue == "img")
            #expect(home.contains(svg), "the inline SVG is the file's")
        }
        // The stated $18B claim is drawn on the bar it is about: 18,000,000,000 in the CSV.
        #expect(site.read("data/charts/meta-spend.csv") == "Category,Value,Low,High,Qualifier,Marker,Marker value\r\n\"350,000 H100s\",$10.5B–$14B,10500000000,14000000000,range,stated: ~$18B,18000000000\r\n")
    }

    func problems(_ block: String) throws -> [String] {
        let site = try FixtureSite("story")
        try site.write("content/c.md", "---\ntitle: C\n---\n\nText.\n\n```chart\n\(block)\n```\n")
        return site.build().problemLines
    }

    @Test func chartErrorsPointAtTheFieldInThePage() throws {
        // The block's YAML starts on line 8 of content/c.md.
        #expect(try problems("id: x\ntype: pie\ndata: deals\ny: amount") == [
            "content/c.md:9:7: error: unknown chart type 'pie'; types are bar, stacked, line, timeline, flow, scale, tornado",
        ])
        #expect(try problems("id: x\ntype: bar\ndata: deal\ny: amount") == [
            "content/c.md:10:7: error: unknown collection 'deal' (did you mean 'deals'?)",
        ])
        #expect(try problems("id: x\ntype: bar\ndata: deals\ny: amont") == [
            "content/c.md:11:4: error: no record of 'deals' has a field 'amont' (did you mean 'amount'?)",
        ])
        #expect(try problems("id: x\ntype: scale\nvalues: [clusters.llama4.power, deals.aws-openai.amount]") == [
            "content/c.md:10:9: error: the chart mixes power (W) and money ($) on one axis",
        ])
    }

    @Test func chartIDsAreUniqueAcrossTheSite() throws {
        let site = try FixtureSite("story")
        try site.write("content/c.md", "---\ntitle: C\n---\n\n```chart\nid: meta-spend\ntype: bar\nvalues: [purchases.meta-h100-2024.spend]\n```\n")
        let lines = site.build().problemLines
        // Pages are checked in URL order: the home page has the id first; the new page's block (line 5) clashes.
        #expect(lines == ["content/c.md:5:1: error: chart id 'meta-spend' is already used at content/index.md"])
    }
}

@Suite("line and stacked charts from blocks; links; templates")
struct MoreBlockTests {
    @Test func lineAndStackedChartsDrawEverySeries() throws {
        let site = try FixtureSite("story")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        // Three points: Meta AI (one) and ChatGPT (two), in date order within each series.
        #expect(site.read("data/charts/users-over-time.csv").components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 5)
        let line = site.read("charts/users-over-time.svg")
        #expect(line.contains(">ChatGPT<") && line.contains(">Meta AI<"))
        let stacked = site.read("data/charts/users-stacked.csv")
        #expect(stacked.contains("Meta") && stacked.contains("OpenAI"))
    }

    @Test func templatesReachFigures() throws {
        let site = try FixtureSite("story")
        site.build()
        #expect(site.read("index.html").contains(#"<p class="from-template">$10.5–14 billion / ~5×</p>"#))
    }

    @Test func brokenInternalLinksAreErrorsAtTheirLine() throws {
        let site = try FixtureSite("basic")
        try site.write("content/links.md", "---\ntitle: Links\n---\n\nSee [the about page](/about/) and [a typo](/abuot/).\n")
        let report = site.build()
        // Line 5; the link target starts at column 44, just after its "(" at 43.
        #expect(report.problemLines == ["content/links.md:5:44: error: link to /story/abuot/: no page or file of the site is there"])
    }

    @Test func rootRelativeLinksGetTheBasePath() throws {
        let site = try FixtureSite("basic")
        try site.write("content/links.md", "---\ntitle: Links\n---\n\nSee [the about page](/about/) and ![a pixel](/images/pixel.svg).\n")
        #expect(site.build().succeeded)
        let html = site.read("links/index.html")
        #expect(html.contains(#"<a href="/story/about/">the about page</a>"#))
        #expect(html.contains(#"<img src="/story/images/pixel.svg" alt="a pixel" />"#))
    }
}
