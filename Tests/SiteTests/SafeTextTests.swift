import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Charts
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

// Issue 10 at the level a reader sees it: the visible text of built pages and the text elements
// of their charts. A bound never reads stronger than it is, a number never breaks across lines,
// a qualifier stays with its number, marks and labels never overlap, tables show formatted values.

private let nbsp = "\u{00A0}"

/// The text a reader sees: scripts and styles dropped, tags removed, entities decoded,
/// whitespace runs (not no-break spaces) collapsed.
func visibleText(_ html: String) -> String {
    var text = html.replacingOccurrences(of: #"<(script|style)\b[^>]*>[\s\S]*?</\1>"#, with: " ", options: .regularExpression)
    text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", nbsp), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: entity, with: character)
    }
    return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
}

/// The contents of every `<text>` element of an SVG, entities decoded.
func svgTexts(_ svg: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: #"<text\b[^>]*>([^<]*)</text>"#)
    let range = NSRange(svg.startIndex..., in: svg)
    return pattern.matches(in: svg, range: range).map { m in
        visibleText(String(svg[Range(m.range(at: 1), in: svg)!]))
    }
}

/// Rows of an RFC 4180 CSV.
func csvRows(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var chars = Array(text), i = 0
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" { quoted = true
        } else if c == "," { row.append(field); field = ""
        } else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = ""
        } else if c != "\r" { field.append(c) }
        i += 1
    }
    chars = []
    return rows
}

/// Qualifier words that must never end a line of chart text.
private let qualifierEnds: Set<String> = ["≥", ">", "<", "≤", "~", "up", "to", "up\(nbsp)to", "at", "least", "about"]

/// Checks every chart of a built site: each formatted value of its CSV is one whole `<text>`
/// line, and no line ends on a qualifier.
private func checkChartText(output: URL, site: String) throws {
    let charts = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("charts").path)
        .filter { $0.hasSuffix(".svg") }
    #expect(!charts.isEmpty)
    for file in charts {
        let id = String(file.dropLast(4))
        let svg = try String(contentsOf: output.appendingPathComponent("charts/\(file)"), encoding: .utf8)
        let lines = svgTexts(svg)
        let csv = csvRows(try String(contentsOf: output.appendingPathComponent("data/charts/\(id).csv"), encoding: .utf8))
        guard let header = csv.first else { continue }
        for column in header.indices where ["Value", "Amount"].contains(header[column]) {
            for row in csv.dropFirst() where column < row.count && !row[column].isEmpty {
                #expect(lines.contains { $0.contains(row[column]) }, "\(site) \(id): '\(row[column])' is split across lines: \(lines)")
            }
        }
        for line in lines {
            let last = line.split(separator: " ").last.map(String.init) ?? ""
            #expect(!qualifierEnds.contains(last), "\(site) \(id): a line ends on its qualifier: '\(line)'")
        }
    }
}

@Suite("the story and a new site say no more than their numbers")
struct SafeTextTests {
    static let story: URL = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("capex-safe-\(UUID().uuidString)")
        _ = SiteBuilder.build(BuildOptions(root: FixtureSite.repository, output: output, strict: true))
        return output
    }()

    func storyPage(_ path: String) -> String {
        (try? String(contentsOf: Self.story.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// ≥ 10 GW ÷ ~150 MW = 66.67: at least about that, rounded down at 2 digits → "≥ ~66×" (it
    /// printed "≥ 67×"). ≥ 10 GW ÷ ~1.5 kW = 6,666,667 → "≥ ~6.6 million GPUs" (it printed 6.7).
    @Test func powerPageRoundsItsBoundsDown() {
        let power = visibleText(storyPage("power/index.html"))
        #expect(power.contains("≥\(nbsp)~66× the draw of a Llama 4-class cluster"), "\(power)")
        #expect(power.contains("≥\(nbsp)~6.6 million GPUs"))
        #expect(!power.contains("67×") && !power.contains("6.7 million"))
        let home = visibleText(storyPage("index.html"))
        #expect(home.contains("≥\(nbsp)~66×") && !home.contains("67×"))
    }

    /// The method page explains the notation it uses.
    @Test func methodPageExplainsTheNotation() {
        let about = visibleText(storyPage("about/index.html"))
        #expect(about.contains("is ≥\(nbsp)~66× the draw of a Llama 4-class cluster: at least, because"), "\(about)")
        #expect(about.contains("a lower bound is rounded down, an upper bound up"))
    }

    @Test func storyChartsKeepNumbersWhole() throws {
        try checkChartText(output: Self.story, site: "story")
        // The flow chart's range, which broke as "~$10.5B–$1" / "4B".
        let flow = svgTexts(storyPage("charts/money-flow.svg"))
        #expect(flow.contains("~$10.5B–$14B"), "\(flow)")
    }

    /// "< $28.2B" once: in the label, not again as a chevron beside it.
    @Test func moneyChartSaysItsBoundOnce() throws {
        let svg = storyPage("charts/meta-capex.svg")
        #expect(svgTexts(svg).contains("<\(nbsp)$28.2B"), "\(svgTexts(svg))")
        #expect(!svg.contains("<path class=\"cx-fgs cx-open\""))
        let paths = svg.components(separatedBy: "<path").dropFirst().filter { $0.contains("data-open=\"atMost\"") }
        #expect(paths.isEmpty, "an upper bound drawn with a chevron beside its '<'")
    }

    /// The caption's title is on its own line, not run into "Sources:".
    @Test func captionsSeparateTheTitleFromTheSources() {
        for page in ["money/index.html", "loop/index.html", "power/index.html"] {
            let html = storyPage(page)
            let captions = html.components(separatedBy: "<figcaption>").dropFirst()
            #expect(!captions.isEmpty)
            for caption in captions {
                let body = caption.components(separatedBy: "</figcaption>")[0]
                #expect(body.hasPrefix("<strong>") && body.contains("</strong><br>"), "\(page): \(body)")
                #expect(!body.contains("</strong> Sources:"))
            }
        }
    }

    /// The deals timeline: four late-2025 events no longer share one spot.
    @Test func timelineMarksAndLabelsDoNotOverlap() throws {
        let doc = try XMLDocument(xmlString: storyPage("charts/deals-timeline.svg"), options: [])
        let groups = try doc.nodes(forXPath: "//*[local-name()='g'][contains(@class,'cx-event')]").compactMap { $0 as? XMLElement }
        #expect(groups.count >= 5)
        var marks: [Box] = []
        for g in groups {
            let circles = g.elements(forName: "circle").map { c -> Box in
                let n = { (k: String) in Double(c.attribute(forName: k)?.stringValue ?? "") ?? .nan }
                return Box(x: n("cx") - n("r"), y: n("cy") - n("r"), w: 2 * n("r"), h: 2 * n("r"))
            }
            marks.append(circles.dropFirst().reduce(circles[0]) { $0.union($1) })
        }
        let texts = try doc.nodes(forXPath: "//*[local-name()='text']").compactMap { $0 as? XMLElement }.map { t -> Box in
            let n = { (k: String) in Double(t.attribute(forName: k)?.stringValue ?? "") ?? .nan }
            let anchor = Anchor(rawValue: t.attribute(forName: "text-anchor")?.stringValue ?? "start") ?? .start
            let bold = (t.attribute(forName: "class")?.stringValue ?? "").contains("cx-b")
            return TextMetrics.lineBox(t.stringValue ?? "", x: n("x"), baseline: n("y"), anchor: anchor, bold: bold)
        }
        for i in marks.indices {
            for j in marks.indices where j > i { #expect(!marks[i].intersects(marks[j]), "marks \(i) and \(j) overlap") }
            for t in texts { #expect(!t.intersects(marks[i]), "a label covers mark \(i)") }
        }
        for i in texts.indices {
            for j in texts.indices where j > i { #expect(!texts[i].intersects(texts[j], pad: -0.01), "labels \(i) and \(j) overlap") }
        }
    }

    /// "The numbers" under a chart: formatted values, never raw integers like 10500000000.
    @Test func numbersTablesShowFormattedValues() throws {
        let pages = ["money/index.html", "loop/index.html", "power/index.html", "users/index.html",
                     "valuations/index.html", "doubts/index.html"]
        for page in pages {
            for table in storyPage(page).components(separatedBy: "<details class=\"cx-data\">").dropFirst() {
                let cells = visibleText(table.components(separatedBy: "</details>")[0])
                #expect(cells.range(of: #"\b\d{7,}\b"#, options: .regularExpression) == nil, "\(page): \(cells)")
            }
        }
        #expect(visibleText(storyPage("money/index.html")).contains("~$10.5B–$14B"))
        // The CSV keeps the raw numbers.
        #expect(storyPage("data/charts/meta-gpu-spend.csv").contains("10500000000"))
    }
}

/// A `capex new` site with a pledge of ≥ $2B against a $3B order: 2/3 = 0.666…, a lower bound,
/// so every format rounds it down: 66.6%, never 66.7%.
@Suite("a new site's bound, in every format")
struct NewSiteBoundTests {
    static func site(language: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capex-new-bound-\(UUID().uuidString)")
        _ = try Scaffold.create(at: folder)
        let deals = folder.appendingPathComponent("content/data/deals.yaml")
        let more = try String(contentsOf: deals, encoding: .utf8) + """
        - id: acme-pledge
          from: acme
          to: globex
          kind: investment
          amount: ≥ $2B
          status: announced
          date: 2025-02-01
          source: example-news
        - id: globex-order
          from: globex
          to: acme
          kind: cloud
          amount: $3B
          status: signed
          date: 2025-03-01
          source: example-news

        """
        try Data(more.utf8).write(to: deals)
        try Data("""
        - id: pledge-share
          label: The pledge as a share of the order
          expr: deals.acme-pledge.amount / deals.globex-order.amount

        """.utf8).write(to: folder.appendingPathComponent("content/data/figures.yaml"))
        try Data("""
        ---
        title: Shares
        ---

        Default {{ figures.pledge-share }}; percent {{ figures.pledge-share | percent }};
        compact {{ figures.pledge-share | compact }}; number {{ figures.pledge-share | number }};
        two digits {{ figures.pledge-share | precision: 2 }}.

        ```chart
        id: pledge-share
        type: bar
        title: The pledge beside the order
        values: [figures.pledge-share]
        labels: [Pledge ÷ order]
        ```

        """.utf8).write(to: folder.appendingPathComponent("content/shares.md"))
        let config = folder.appendingPathComponent("content/site.yaml")
        let yaml = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "language: en", with: "language: \(language)")
        try Data(yaml.utf8).write(to: config)
        let report = SiteBuilder.build(BuildOptions(root: folder, strict: true))
        #expect(report.succeeded, "\(report.problemLines)")
        return folder.appendingPathComponent("output")
    }

    @Test func englishFormatsRoundTheBoundDown() throws {
        let output = try Self.site(language: "en")
        let page = visibleText(try String(contentsOf: output.appendingPathComponent("shares/index.html"), encoding: .utf8))
        // 66.666…% down at 3 digits → 66.6; at 2 digits → 66; as a number 0.666… → 0.666.
        #expect(page.contains("Default ≥\(nbsp)66.6% ;"), "\(page)")
        #expect(page.contains("percent ≥\(nbsp)66.6% ;"))
        #expect(page.contains("compact ≥\(nbsp)66.6% ;"))
        #expect(page.contains("number ≥\(nbsp)0.666 ;"))
        #expect(page.contains("two digits ≥\(nbsp)66% ."))
        #expect(!page.contains("66.7"))
        // The chart's label and its table cell.
        let svg = try String(contentsOf: output.appendingPathComponent("charts/pledge-share.svg"), encoding: .utf8)
        #expect(svgTexts(svg).contains("≥\(nbsp)66.6%"))
        #expect(page.contains("Pledge ÷ order ≥\(nbsp)66.6% at least"))
        // The CSV: the label as shown, the raw value in full.
        let csv = try String(contentsOf: output.appendingPathComponent("data/charts/pledge-share.csv"), encoding: .utf8)
        #expect(csv.contains("Pledge ÷ order,≥\(nbsp)66.6%,0.6666666666666666,0.6666666666666666,at least"), "\(csv)")
        try checkChartText(output: output, site: "new")
    }

    @Test func spanishFormatsRoundTheBoundDown() throws {
        let output = try Self.site(language: "es")
        let page = visibleText(try String(contentsOf: output.appendingPathComponent("shares/index.html"), encoding: .utf8))
        // "al menos 66,6 %": Spanish words, decimal comma, the same rounding down.
        #expect(page.contains("Default al\(nbsp)menos\(nbsp)66,6\(nbsp)% ;"), "\(page)")
        #expect(page.contains("compact ≥\(nbsp)66,6\(nbsp)% ;"))
        #expect(page.contains("two digits al\(nbsp)menos\(nbsp)66\(nbsp)% ."))
        #expect(!page.contains("66,7"))
    }
}
