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

/// Issue 11, kind 7: a value below zero is drawn below (left of) a zero line in bar charts,
/// exported with its true value, and refused with an error at the block by the chart kinds
/// that cannot show it. Data: `Tests/Fixtures/numbers/results.yaml`.
@Suite("charts of values below zero")
struct NegativeChartTests {
    /// A story site with the results collection and one page holding `block` as a chart.
    func build(_ block: String) throws -> (FixtureSite, BuildReport) {
        let site = try FixtureSite("story")
        try FileManager.default.copyItem(at: FixtureSite.fixtures.appendingPathComponent("numbers/results.yaml"),
                                         to: site.root.appendingPathComponent("content/data/results.yaml"))
        try site.write("content/losses.md", "---\ntitle: Losses\n---\n\n```chart\n\(block)\n```\n")
        return (site, site.build())
    }

    /// The drawn shapes of one chart: the zero line and, per bar (by its tooltip's category), its rectangles.
    struct Drawing {
        var zero: Double
        var rects: [String: [(start: Double, end: Double, cls: String)]]

        init(svg: String, vertical: Bool = false) throws {
            let document = try XMLDocument(xmlString: svg)
            let axis = try #require(try document.nodes(forXPath: "//*[local-name()='line'][@class='cx-axis']").first as? XMLElement)
            zero = Double(Self.attribute(axis, vertical ? "y1" : "x1")) ?? .nan
            rects = [:]
            for case let group as XMLElement in try document.nodes(forXPath: "//*[local-name()='g'][@class='cx-bar']") {
                let title = try group.nodes(forXPath: "./*[local-name()='title']").first?.stringValue ?? ""
                let category = String(title.prefix { $0 != ":" })
                for case let rect as XMLElement in try group.nodes(forXPath: "./*[local-name()='rect']") {
                    func value(_ name: String) -> Double { Double(Self.attribute(rect, name)) ?? .nan }
                    let start = vertical ? value("y") : value("x")
                    let length = vertical ? value("height") : value("width")
                    rects[category, default: []].append((start, start + length, Self.attribute(rect, "class")))
                }
            }
        }

        /// An attribute by XPath: the SVG's default namespace hides them from `attribute(forName:)` here.
        static func attribute(_ element: XMLElement, _ name: String) -> String {
            ((try? element.nodes(forXPath: "@\(name)"))?.first?.stringValue) ?? ""
        }

        /// The span of all of a bar's rectangles.
        func span(_ category: String) -> (start: Double, end: Double) {
            let parts = rects[category] ?? []
            return (parts.map(\.start).min() ?? .nan, parts.map(\.end).max() ?? .nan)
        }
    }

    @Test func negativeBarsGrowLeftOfTheZeroLineAndTheCSVKeepsTheirValue() throws {
        let (site, report) = try build("id: losses\ntype: bar\nvalues: [results.alpha.result, results.gamma.result]\nlabels: [Alpha, Gamma]")
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("data/charts/losses.csv") == "Category,Value,Low,High,Qualifier,Marker,Marker value\r\n"
            + "Alpha,−$3B,-3000000000,-3000000000,exact,,\r\n"
            + "Gamma,−$3B–−$1B,-3000000000,-1000000000,range,,\r\n")
        let drawing = try Drawing(svg: site.read("charts/losses.svg"))
        let alpha = drawing.span("Alpha"), gamma = drawing.span("Gamma")
        #expect(abs(alpha.end - drawing.zero) < 0.02, "Alpha's bar ends at the zero line")
        #expect(alpha.end - alpha.start > 100, "and is drawn, not zero wide")
        #expect(abs(gamma.start - alpha.start) < 0.02, "both reach −$3B")
        // Gamma: solid from −$1B to zero, hatched from −$3B to −$1B: the solid part is a third of the bar.
        let solid = try #require(drawing.rects["Gamma"]?.first { $0.cls == "cx-solid" })
        let band = try #require(drawing.rects["Gamma"]?.first { $0.cls == "cx-band" })
        #expect(abs(solid.end - drawing.zero) < 0.02)
        #expect(abs((solid.end - solid.start) * 2 - (band.end - band.start)) < 0.05)
    }

    @Test func mixedSignsSitOnEitherSideOfZeroInProportion() throws {
        let (site, report) = try build("id: mixed\ntype: bar\nvalues: [results.alpha.result, results.beta.result, results.delta.result]\nlabels: [Alpha, Beta, Delta]")
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("data/charts/mixed.csv").contains("Delta,−$1B–$2B,-1000000000,2000000000,range,,\r\n"))
        let drawing = try Drawing(svg: site.read("charts/mixed.svg"))
        let alpha = drawing.span("Alpha"), beta = drawing.span("Beta"), delta = drawing.span("Delta")
        #expect(abs(alpha.end - drawing.zero) < 0.02 && abs(beta.start - drawing.zero) < 0.02)
        #expect(abs((alpha.end - alpha.start) * 2 - (beta.end - beta.start) * 3) < 0.1, "−$3B is 1.5 times $2B")
        // A range across zero is one hatched band from −$1B to $2B.
        #expect(drawing.rects["Delta"]?.map(\.cls) == ["cx-band"])
        #expect(abs((drawing.zero - delta.start) * 2 - (delta.end - drawing.zero)) < 0.1)
    }

    @Test func aStatedValueBelowZeroIsMarkedWhereItIs() throws {
        let site = try FixtureSite("story")
        try FileManager.default.copyItem(at: FixtureSite.fixtures.appendingPathComponent("numbers/results.yaml"),
                                         to: site.root.appendingPathComponent("content/data/results.yaml"))
        let claims = site.root.appendingPathComponent("content/data/claims.yaml")
        try site.write("content/data/claims.yaml", try String(contentsOf: claims, encoding: .utf8)
            + "- id: loss\n  says: −$2B\n  figure: results.alpha.result\n  source: bi\n")
        try site.write("content/losses.md", "---\ntitle: Losses\n---\n\n```chart\nid: claimed\ntype: bar\nvalues: [results.alpha.result, results.beta.result]\nlabels: [Alpha, Beta]\n```\n")
        #expect(site.build().succeeded)
        #expect(site.read("data/charts/claimed.csv").contains("Alpha,−$3B,-3000000000,-3000000000,exact,stated: −$2B,-2000000000\r\n"))
        let svg = site.read("charts/claimed.svg")
        let drawing = try Drawing(svg: svg)
        let document = try XMLDocument(xmlString: svg)
        let marker = try #require(try document.nodes(forXPath: "//*[local-name()='line'][@class='cx-fgs cx-marker']").first as? XMLElement)
        let x = try #require(Double(Drawing.attribute(marker, "x1")))
        let alpha = drawing.span("Alpha")
        // −$2B is two thirds of the way from zero to −$3B.
        #expect(abs((drawing.zero - x) * 3 - (drawing.zero - alpha.start) * 2) < 0.1)
    }

    @Test func verticalBarsHangBelowTheZeroLine() throws {
        let (site, report) = try build("id: columns\ntype: bar\norientation: vertical\nvalues: [results.alpha.result, results.beta.result]\nlabels: [Alpha, Beta]")
        #expect(report.succeeded, "\(report.problemLines)")
        let drawing = try Drawing(svg: site.read("charts/columns.svg"), vertical: true)
        let alpha = drawing.span("Alpha"), beta = drawing.span("Beta")
        #expect(abs(alpha.start - drawing.zero) < 0.02, "the loss starts at zero and goes down")
        #expect(abs(beta.end - drawing.zero) < 0.02, "the profit ends at zero, above it")
        #expect(abs((alpha.end - alpha.start) * 2 - (beta.end - beta.start) * 3) < 0.1)
    }

    @Test(arguments: [
        ("id: s\ntype: scale\nvalues: [results.beta.result, results.alpha.result]\nlabels: [Beta, Alpha]", 8, 9,
         "Alpha (results.alpha.result) is −$3B: a scale chart draws areas, which cannot be below zero"),
        ("id: s\ntype: stacked\ndata: results\nx: name\ny: result\nseries: name", 10, 4,
         "Alpha (results.alpha.result) is −$3B: stacked bars add segments end to end, which cannot be below zero; use a bar chart"),
        ("id: s\ntype: flow\ndata: results\namount: result", 9, 9,
         "Alpha (results.alpha.result) is −$3B: a flow chart draws amounts as widths, which cannot be below zero"),
        ("id: s\ntype: timeline\ndata: results\namount: result", 9, 9,
         "Alpha (results.alpha.result) is −$3B: a timeline sizes events by amount, which cannot be below zero"),
        ("id: s\ntype: bar\nvalues: [results.capped.result]", 8, 9,
         "Capped: result (results.capped.result) is a bound below zero ('up to −$1B'), which a bar chart cannot draw: its open end would cross zero; plot a value or a range"),
    ])
    func kindsThatCannotShowNegativesRefuseThemAtTheBlock(_ block: String, _ line: Int, _ column: Int, _ message: String) throws {
        let (site, report) = try build(block)
        #expect(report.problemLines == ["content/losses.md:\(line):\(column): error: \(message)"])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("charts/s.svg").path))
    }
}
