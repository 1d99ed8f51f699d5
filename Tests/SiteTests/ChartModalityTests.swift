import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// What chart blocks say beyond their numbers: a line's dates over `values:`, stacked bars
/// that add only within a cell, and labels that carry the data's modality.
@Suite("chart blocks: dates, stacking, modality")
struct ChartModalityTests {
    func problems(_ block: String) throws -> [String] {
        let site = try FixtureSite("story")
        try site.write("content/c.md", "---\ntitle: C\n---\n\nText.\n\n```chart\n\(block)\n```\n")
        return site.build().problemLines
    }

    /// A line over `values:` placed by `dates:`, named by `series:`; its points keep their labels.
    @Test func lineOverValuesIsPlacedByDates() throws {
        let site = try FixtureSite("story")
        try site.write("content/c.md", """
        ---
        title: C
        ---

        ```chart
        id: capex-line
        type: line
        values: [financials.meta-2024.prior_capex, financials.meta-2024.capex]
        dates: [2023, 2024-06]
        labels: ["2023 (implied)", "2024"]
        series: Meta's capex
        ```
        """)
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let csv = site.read("data/charts/capex-line.csv")
        // ~$40B ÷ (1 + > 42%) < ~$28.2B, placed at 2023-01-01; ~$40B at 2024-06-01.
        #expect(csv.contains("Meta's capex,2023 (implied),"), "\(csv)")
        #expect(csv.contains(",2023-01-01,"), "\(csv)")
        #expect(csv.contains("Meta's capex,2024,~$40B,2024-06-01,40000000000"), "\(csv)")
        #expect(site.read("charts/capex-line.svg").contains("Meta&#39;s capex"))
    }

    @Test func lineDatesMustMatchTheValues() throws {
        #expect(try problems("id: x\ntype: line\nvalues: [financials.meta-2024.capex]\ndates: [2023, 2024]") == [
            "content/c.md:11:8: error: 'dates' needs one date per value: 1 value, 2 dates",
        ])
        #expect(try problems("id: x\ntype: line\nvalues: [financials.meta-2024.capex]\ndates: [soon]") == [
            "content/c.md:11:8: error: 'soon' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        ])
    }

    /// Records that share a bar and a segment add up; records of different bars never do.
    @Test func stackedAddsOnlyWithinACell() throws {
        let site = try FixtureSite("story")
        try site.write("content/c.md", """
        ---
        title: C
        ---

        ```chart
        id: to-openai
        type: stacked
        data: deals
        where: { kind: investment }
        x: to
        series: kind
        y: amount
        ```
        """)
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        // up to $100B + > $13B + ≥ $10B in one cell: the sum of a ceiling and two floors is only "about".
        let csv = site.read("data/charts/to-openai.csv")
        #expect(csv.split(separator: "\r\n").count == 2, "one bar, one segment: \(csv)")
        #expect(csv.contains("OpenAI"), "\(csv)")
    }

    /// A label drawn from data says how firmly the source states the value.
    @Test func labelsFromDataCarryModality() throws {
        let site = try FixtureSite("story")
        let deals = site.read("content/data/deals.yaml", in: site.root)
            .replacingOccurrences(of: "  amount: up to $100B\n", with: "  amount: up to $100B\n  modality: planned\n")
        try site.write("content/data/deals.yaml", deals)
        try site.write("content/c.md", "---\ntitle: C\n---\n\n```chart\nid: b\ntype: bar\ndata: deals\nwhere: { to: openai }\nx: from\ny: amount\n```\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let csv = site.read("data/charts/b.csv")
        #expect(csv.contains("Nvidia (planned),"), "\(csv)")
        #expect(csv.contains("Microsoft,"), "\(csv)")
        try site.write("content/data/deals.yaml", deals.replacingOccurrences(of: "modality: planned", with: "modality: plannd"))
        #expect(site.build().problemLines.contains { $0.contains("error: unknown modality 'plannd' (did you mean 'planned'?)") })
    }
}
