import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// Issue 11, kind 6: no number of any size, nor NaN or infinity, crashes a build; a number
/// out of range is an error at its file, line and column, and a figure whose arithmetic
/// overflows is an error at its formula. The limit: 10^15 of a unit, as written with its suffix.
@Suite("huge numbers, NaN and infinity")
struct HugeNumberTests {
    /// Appends `text` to a file of the story fixture; returns the 1-based line it starts on.
    func append(_ site: FixtureSite, _ path: String, _ text: String) throws -> Int {
        let url = site.root.appendingPathComponent(path)
        let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try site.write(path, existing + text)
        return existing.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    @Test func theIssuesAmountIsAnErrorAtItsColumnAndTheLastGoodOutputStays() throws {
        let site = try FixtureSite("story")
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        let line = try append(site, "content/data/deals.yaml", "- id: typo\n  from: meta\n  to: openai\n  amount: $9300000T\n  source: bi\n")
        let report = site.build()
        #expect(report.problemLines == [
            "content/data/deals.yaml:\(line + 3):11: error: 'amount': number too large: '$9300000T' is more than 10^15 (a thousand trillion) of its unit",
        ])
        #expect(FixtureSite.snapshot(of: site.output) == before, "a failed build leaves output/ as it was")
    }

    @Test func everyCommandReportsItAndExitsOne() throws {
        let site = try FixtureSite("story")
        let line = try append(site, "content/data/deals.yaml", "- id: typo\n  from: meta\n  to: openai\n  amount: $9300000T\n  source: bi\n")
        let message = "content/data/deals.yaml:\(line + 3):11: error: 'amount': number too large: '$9300000T' is more than 10^15 (a thousand trillion) of its unit"
        for arguments in [["build"], ["check"], ["explain", "deals.typo.amount"]] {
            let result = try CLITests().run(arguments + ["--root", site.root.path])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test(arguments: [
        ("units: .nan", "'units': 'nan' is not a number a figure can hold"),
        ("units: .inf", "'units': 'inf' is not a number a figure can hold"),
        ("units: -.Inf", "'units': '-inf' is not a number a figure can hold"),
        ("units: 1e300", "'units': number too large: more than 10^15 (a thousand trillion)"),
        ("units: 9223372036854775807", "'units': number too large: more than 10^15 (a thousand trillion)"),
        ("units: \"1,000,000,000,000,001\"", "'units': number too large: '1,000,000,000,000,001' is more than 10^15 (a thousand trillion) of its unit"),
        ("pile: 2000000T", "'pile': number too large: '2000000T' is more than 10^15 (a thousand trillion) of its unit"),
        ("pile: 1e16", "'pile': number too large: more than 10^15 (a thousand trillion)"),
    ])
    func yamlNumbersOutOfRangeAreLocatedErrors(_ field: String, _ message: String) throws {
        let site = try FixtureSite("story")
        let line = try append(site, "content/data/purchases.yaml", "- id: odd\n  buyer: meta\n  chip: h100\n  \(field)\n  source: bi\n")
        let report = site.build()
        let column = 3 + field.distance(from: field.startIndex, to: field.firstIndex(of: " ")!) + 1
        #expect(report.problemLines == ["content/data/purchases.yaml:\(line + 3):\(column): error: \(message)"])
    }

    @Test func theLargestAllowedNumbersBuildAndShowTheirTrueValue() throws {
        let site = try FixtureSite("story")
        _ = try append(site, "content/data/purchases.yaml", "- id: vast\n  buyer: meta\n  chip: h100\n  units: 1000000000000000\n  source: bi\n")
        try site.write("content/vast.md", """
            ---
            title: Vast
            ---

            Spend {{ purchases.vast.spend }}.

            ```chart
            id: vast
            type: bar
            values: [purchases.vast.spend, purchases.meta-h100-2024.spend]
            labels: [Vast, Meta]
            ```

            """)
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        // 10^15 units × $30k–40k: 3×10^19 to 4×10^19 dollars, written out in full in the CSV.
        #expect(site.read("vast/index.html").contains(">$30,000,000–40,000,000 trillion</a>"))
        #expect(site.read("data/charts/vast.csv").contains(",30000000000000000000,40000000000000000000,range,"))
    }

    @Test func tinyValuesAreExportedWithTheirDigitsNotAsZero() throws {
        let site = try FixtureSite("story")
        _ = try append(site, "content/data/figures.yaml", "- id: tiny\n  expr: 0.000000000015 * 2\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("data/all-figures.csv").contains(",0.00000000003,0.00000000003,,exact,"))
        #expect(site.read("data/all-figures.json").contains(#""low": 0.00000000003,"#))
    }

    @Test func aFormulaThatOverflowsIsAnErrorAtTheOperator() throws {
        let site = try FixtureSite("story")
        let factors = Array(repeating: "1000000000000000", count: 22).joined(separator: " * ")
        let line = try append(site, "content/data/figures.yaml", "- id: overflow\n  expr: \(factors)\n")
        let report = site.build()
        // 21 factors of 10^15 make 10^315, past a Double's 1.8×10^308: the 20th '*' overflows.
        let column = 9 + 19 * (16 + 3) + 17
        #expect(report.problemLines == ["content/data/figures.yaml:\(line + 1):\(column): error: the result of '×' is too large to represent"])
    }

    @Test func aFormulaDividingByZeroIsAnErrorAtTheOperator() throws {
        let site = try FixtureSite("story")
        let line = try append(site, "content/data/figures.yaml", "- id: ratio\n  expr: deals.nvidia-openai.amount / (clusters.llama4.units - clusters.llama4.units)\n")
        let report = site.build()
        #expect(report.problemLines == ["content/data/figures.yaml:\(line + 1):36: error: cannot divide by zero"])
    }

    @Test func aDerivationThatOverflowsIsAnErrorAtTheRecord() throws {
        let site = try FixtureSite("story")
        // $1000T over a power of 10^-300 W: per gigawatt, 10^333 dollars.
        let tiny = "0." + String(repeating: "0", count: 299) + "1 W"
        let line = try append(site, "content/data/deals.yaml", "- id: absurd\n  from: meta\n  to: openai\n  amount: $1000T\n  power: \(tiny)\n  source: bi\n")
        let report = site.build()
        #expect(report.problemLines == [
            "content/data/deals.yaml:\(line):3: error: cannot compute deals.absurd.per_gw: the result is too large to represent",
        ])
    }

    @Test func deeplyNestedFormulasAreRefusedNotAStackOverflow() throws {
        let site = try FixtureSite("story")
        let line = try append(site, "content/data/figures.yaml", "- id: deep\n  expr: \(String(repeating: "(", count: 100_000))1\n")
        let report = site.build()
        #expect(report.problemLines == ["content/data/figures.yaml:\(line + 1):73: error: figure 'deep': the formula nests more than 64 levels deep"])
    }
}
