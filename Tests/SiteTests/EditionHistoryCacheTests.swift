import Foundation
import Testing
@testable import Editions
@testable import Site

/// The comparison of the editions with the working tree depends on the edition tags and the
/// data, not on the pages: an edit to a page reads the last build's comparison back
/// (`.capex-cache/editions/history.json`) and renders that page alone; an edit to the data
/// compares again (issue 13, within issue 16's incremental targets).
@Suite("editions: the comparison kept between builds")
struct EditionHistoryCacheTests {
    var kept: (EditionRepository) -> URL = { $0.root.appendingPathComponent(".capex-cache/editions/history.json") }

    /// Marks the old value in the kept comparison, so that a page shows whether it came from there.
    func markKeptComparison(_ repository: EditionRepository) throws {
        let text = try String(contentsOf: kept(repository), encoding: .utf8)
        #expect(text.contains("\"$12 billion\""))
        try Data(text.replacingOccurrences(of: "\"$12 billion\"", with: "\"$12 billion (kept)\"").utf8).write(to: kept(repository))
    }

    func title(of repository: EditionRepository) -> String? {
        VisibleText.attributes(repository.site.read("index.html")).first { $0.hasPrefix("Changed in the edition of December 15, 2025; was ") }
    }

    @Test func aPageEditReadsTheKeptComparisonAndRendersThatPageAlone() throws {
        let repository = try EditionRepository()
        #expect(repository.site.build().succeeded)
        try markKeptComparison(repository)
        try repository.amend("content/index.md") { $0 + "\nA sentence about the deal.\n" }
        let report = repository.site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(report.pagesRendered == 1, "rendered \(report.pagesRendered) of \(report.pages)")
        #expect(title(of: repository)?.hasPrefix("Changed in the edition of December 15, 2025; was $12 billion (kept). ") == true,
                "\(title(of: repository) ?? "no mark")")
        #expect(visibleLines(repository.site.read("index.html")).contains("A sentence about the deal.\n"))
    }

    @Test func aDataEditComparesAgain() throws {
        let repository = try EditionRepository()
        #expect(repository.site.build().succeeded)
        try markKeptComparison(repository)
        // A change to the data that moves nothing the chapter cites: the comparison is made
        // again from the editions' snapshots, so the mark reads as the edition wrote it.
        try repository.amend("content/data/companies.yaml") { $0 + "- id: initech\n  name: Initech\n  kind: lab\n" }
        let report = repository.site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let changes = visibleLines(repository.site.read("changes/index.html"))
        #expect(changes.contains("Records added\ncompanies.initech\n"), "\(changes)")
        #expect(changes.contains(": $12 billion → $15 billion"), "\(changes)")
        #expect(!changes.contains("(kept)"))
    }

    @Test func aNewTagComparesAgain() throws {
        let repository = try EditionRepository()
        #expect(repository.site.build().succeeded)
        try markKeptComparison(repository)
        // The same data, another set of tags: the key differs.
        try repository.git("tag", "-a", "edition-2025-12-20", "-m", "Same data, new tag", date: "2025-12-20T09:00:00+00:00")
        #expect(repository.site.build().succeeded)
        #expect(!(try String(contentsOf: kept(repository), encoding: .utf8)).contains("(kept)"))
        #expect(!visibleLines(repository.site.read("changes/index.html")).contains("(kept)"))
    }

    @Test func anotherBinarysComparisonIsNotRead() throws {
        let repository = try EditionRepository()
        #expect(repository.site.build().succeeded)
        try markKeptComparison(repository)
        let text = try String(contentsOf: kept(repository), encoding: .utf8)
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let version = try #require(stored["version"] as? String)
        try Data(text.replacingOccurrences(of: "\"\(version)\"", with: "\"another capex\"").utf8).write(to: kept(repository))
        try repository.amend("content/index.md") { $0 + "\nAnother sentence.\n" }
        #expect(repository.site.build().succeeded)
        #expect(title(of: repository)?.hasPrefix("Changed in the edition of December 15, 2025; was $12 billion. ") == true,
                "\(title(of: repository) ?? "no mark")")
    }

    @Test func theIncrementalResultIsTheFullBuilds() throws {
        let repository = try EditionRepository()
        #expect(repository.site.build().succeeded)
        try repository.amend("content/other.md") { $0 + "\nMore words.\n" }
        #expect(repository.site.build().pagesRendered == 1)
        try repository.amend("content/data/deals.yaml") { $0.replacingOccurrences(of: "amount: up to $2B", with: "amount: up to $2.5B") }
        #expect(repository.site.build().succeeded)
        let incremental = FixtureSite.snapshot(of: repository.site.output)
        var options = BuildOptions(root: repository.root, incremental: false)
        options.showProgress = false
        #expect(SiteBuilder.build(options).succeeded)
        #expect(FixtureSite.snapshot(of: repository.site.output) == incremental)
    }
}
