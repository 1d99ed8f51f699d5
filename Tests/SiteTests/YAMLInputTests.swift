import Diagnostics
import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// YAML as capex reads it everywhere (front matter on both paths, data, site.yaml, chart
/// blocks): the YAML 1.2 core schema, a budget for aliases, a limit on nesting.
@Suite("YAML inputs: core schema, aliases, nesting")
struct YAMLInputTests {
    static func place(_ name: String, at path: String, in site: FixtureSite) throws {
        try TextInputTests.place(name, at: path, in: site)
    }

    @Test func yaml11BooleansAreWordsInPagesAndTemplates() throws {
        let site = try FixtureSite()
        try Self.place("lang-no.md", at: "content/lang-no.md", in: site)
        try site.write("templates/page.mustache", """
        <p class="lang">{{page.lang}}</p><p class="answer">{{page.answer}}</p><ul>{{#page.words}}<li>{{.}}</li>{{/page.words}}</ul>
        """)
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let html = site.read("lang-no/index.html")
        #expect(html.contains(#"<p class="lang">no</p>"#))
        #expect(html.contains(#"<p class="answer">no</p>"#))
        // `True` is the only boolean in the list.
        #expect(html.contains("<li>yes</li><li>on</li><li>n</li><li>true</li>"))
    }

    @Test func yaml11BooleansAndOctalAreTextInDataExports() throws {
        let site = try FixtureSite()
        try Self.place("country-no.yaml", at: "content/data/countries.yaml", in: site)
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let csv = site.read("data/countries.csv").split(whereSeparator: \.isNewline).map(String.init)
        try #require(csv.count == 3, "\(csv)")
        let header = csv[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func value(_ row: Int, _ column: String) -> String? {
            guard let index = header.firstIndex(of: column) else { return nil }
            let cells = csv[row].split(separator: ",", omittingEmptySubsequences: false)
            return index < cells.count ? String(cells[index]) : nil
        }
        #expect(value(1, "id") == "norway")
        #expect(value(1, "country") == "NO")
        #expect(value(1, "answer") == "yes")
        #expect(value(1, "code") == "755")
        #expect(value(1, "ratio") == "1:20")
        #expect(value(2, "country") == "NO")
        #expect(value(2, "switch") == "off")
        let json = site.read("data/countries.json")
        #expect(json.contains(#""country": "NO""#) || json.contains(#""country":"NO""#))
        #expect(!json.contains("false"))
    }

    @Test func draftMustBeABooleanOfYAML12() throws {
        let site = try FixtureSite()
        try site.write("content/x.md", "---\ntitle: X\ndraft: yes\nnav: no\n---\n")
        try site.write("content/site.yaml", site.read("content/site.yaml", in: site.root) + "markdown:\n  unsafe_html: On\n")
        #expect(site.build().problemLines == [
            "content/site.yaml:6:16: error: 'unsafe_html' must be true or false, not the text 'On' (YAML 1.2 reads yes, no, on and off as text)",
            "content/x.md:3:8: error: 'draft' must be true or false, not the text 'yes' (YAML 1.2 reads yes, no, on and off as text)",
            "content/x.md:4:6: error: 'nav' must be true or false, not the text 'no' (YAML 1.2 reads yes, no, on and off as text)",
        ])
    }

    @Test func theIssuesAliasBombIsRefusedAtTheAlias() throws {
        let site = try FixtureSite()
        try Self.place("alias-bomb.yaml", at: "content/data/lol.yaml", in: site)
        let report = site.build()
        // Through aliases, `b` reaches 9 × 10 values, `c` 9 × 91, `d` 9 × 820: 8,289 in all.
        // Line 6 is `e: &e [*d,…]`; each `*d` is 1 + 9 × 820 = 7,381 values more, so the
        // first passes 10,000. Its column: `  e: &e [` is 9 characters.
        #expect(report.problemLines == [
            "content/data/lol.yaml:6:10: error: alias '*d' takes this file past 10000 values reached through aliases; "
                + "capex refuses to expand it (aliases inside aliases multiply: a few hundred bytes can stand for billions of values)",
        ])
    }

    @Test func aliasesWithinTheBudgetWork() throws {
        let site = try FixtureSite()
        try Self.place("aliases-ok.yaml", at: "content/data/regions.yaml", in: site)
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let csv = site.read("data/regions.csv")
        #expect(csv.contains("second,Europe,\"acme, globex\"") || csv.contains("second,Europe,acme, globex"), "\(csv)")
    }

    /// Front matter, site.yaml and chart blocks go through the same composer.
    @Test func aliasesAreBudgetedInFrontMatterAndChartBlocks() throws {
        let laughs = (1...5).map { level in
            "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",") + "]"
        }
        let yaml = "l0: &l0 [x,x,x,x,x,x,x,x,x,x]\n" + laughs.joined(separator: "\n") + "\n"
        #expect(throws: Diagnostic.self) { try YAMLLoader.parse(yaml, file: "f.md", firstLine: 2) }
        do {
            _ = try YAMLLoader.parse(yaml, file: "f.md", firstLine: 2)
        } catch {
            // l1 reaches 9 × 11 values through aliases, l2 9 × 100, l3 9 × 901: 9,108; l4's
            // first `*l3` adds 8,110. l4 is the text's line 5, so line 6 of the page.
            #expect(error.location.line == 6)
            #expect(error.location.column == 10)
            #expect(error.message.hasPrefix("alias '*l3' takes this file past 10000 values"))
        }
        let site = try FixtureSite()
        try site.write("content/bomb.md", "---\n" + "title: Bomb\n" + yaml + "---\n\nBody.\n")
        var lines = site.build().problemLines
        #expect(lines.count == 1)
        #expect(lines.contains { $0.hasPrefix("content/bomb.md:7:10:") && $0.contains("alias '*l3' takes this file past") })
        try site.write("content/site.yaml", "title: T\n" + yaml)
        #expect(site.build().problemLines.contains { $0.hasPrefix("content/site.yaml:6:10:") && $0.contains("alias '*l3' takes this file past") })
        try site.write("content/site.yaml", "title: T\n")
        // Charts are read when the page renders, once everything has loaded.
        try site.remove("content/bomb.md")
        try site.write("content/chart.md", "---\ntitle: Chart\n---\n\n```chart\n" + yaml + "```\n")
        lines = site.build().problemLines
        #expect(lines.count == 1)
        #expect(lines.contains { $0.hasPrefix("content/chart.md:10:10:") && $0.contains("alias '*l3' takes this file past") })
    }

    @Test(arguments: [10_000, 150])
    func deepNestingIsAnErrorNotACrash(depth: Int) throws {
        let site = try FixtureSite()
        try site.write("content/data/deep.yaml", "- id: deep\n  v: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
        let lines = site.build().problemLines
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("content/data/deep.yaml:2:") == true)
        #expect(lines.first?.hasSuffix("YAML nested more than 100 levels deep: capex refuses it rather than risk running out of stack") == true)
    }

    @Test func deepBlockNestingAndComplexKeysAreRefused() throws {
        let block = (0..<120).map { String(repeating: "  ", count: $0) + "- " }.joined(separator: "\n") + "x\n"
        #expect(throws: Diagnostic.self) { try YAMLLoader.parse(block, file: "f.yaml") }
        // An alias as a key could be a huge list hashed to find duplicates: keys are names.
        do {
            _ = try YAMLLoader.parse("a: &a [1, 2]\n? *a\n: v\n", file: "f.yaml")
            Issue.record("a list as a key was accepted")
        } catch {
            #expect(error.description == "f.yaml:2:3: error: a key must be a name, not a list")
        }
        // An alias inside its own anchor would never end: its anchor is not written yet.
        do {
            _ = try YAMLLoader.parse("a: &a [1, *a]\n", file: "f.yaml")
            Issue.record("a recursive alias was accepted")
        } catch {
            #expect(error.description == "f.yaml:1:11: error: invalid YAML: alias '*a' names no anchor ('&a') written before it")
        }
        do {
            _ = try YAMLLoader.parse("a: 1\nb: 2\na: 3\n", file: "f.yaml")
            Issue.record("a duplicate key was accepted")
        } catch {
            #expect(error.description == "f.yaml:3:1: error: invalid YAML: key 'a' is already in this mapping (line 1)")
        }
    }

    @Test func charactersYAMLRefusesOrReadsAsLineBreaksAreLocated() throws {
        // The fast path leaves these to libyaml, which the error comes from.
        for (text, column) in [("title: a\u{1}b\n", 9), ("title: a\u{7F}b\n", 9), ("title: a\u{2028}b\n", 9), ("title: x\nnote: a\u{85}\n", 8)] {
            #expect(SimpleYAML.parse(text, file: "f.md", firstLine: 2) == nil)
            do {
                _ = try YAMLLoader.parse(text, file: "f.md", firstLine: 2)
                Issue.record("accepted \(text.debugDescription)")
            } catch {
                #expect(error.location.column == column, "\(error)")
                #expect(error.location.line == (text.hasPrefix("title: x\n") ? 3 : 2), "\(error)")
            }
        }
    }
}
