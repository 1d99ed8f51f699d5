import Foundation
@testable import Load
@testable import Render
@testable import Site
import Testing

/// A page and its translation that cite different figures, claims or charts (issue 12,
/// "Drift between translations"). Fixture `translations-drift`: `drift.md` cites
/// figures.double and the claim wire-amount, which `drift.es.md` does not; `drift.es.md`
/// cites deals.acme-globex.date, which `drift.md` does not; both draw chart drift-bar, by
/// `to` in English and by `from` in Spanish. Copied into the `translations` site, whose
/// own pair (money.md, money.es.md) agrees, its chart under another id.
@Suite("drift between a page and its translation")
struct TranslationDriftTests {
    func siteWithDriftingPair() throws -> FixtureSite {
        let site = try FixtureSite("translations")
        for name in ["drift.md", "drift.es.md"] {
            let url = FixtureSite.fixtures.appendingPathComponent("translations-drift/" + name)
            try site.write("content/" + name, String(contentsOf: url, encoding: .utf8))
        }
        return site
    }

    @Test func eachDifferenceIsAWarningAtBothFiles() throws {
        let site = try siteWithDriftingPair()
        let report = site.build()
        #expect(report.succeeded, "drift is a warning: \(report.problemLines)")
        #expect(report.problemLines == [
            "content/drift.es.md:5:19: warning: claim 'wire-amount' is not cited here but is in content/drift.md:6, the page it translates",
            "content/drift.es.md:5:19: warning: figure figures.double is not cited here but is in content/drift.md:4, the page it translates",
            "content/drift.es.md:5:62: warning: figure deals.acme-globex.date is cited here but not in content/drift.md, the page it translates: a page and its translation cite the same figures, claims and charts",
            "content/drift.es.md:9:1: warning: chart 'drift-bar' is drawn from x: from here but from x: to in content/drift.md:8, the page it translates",
            "content/drift.md:4:17: warning: figure deals.acme-globex.date is not cited here but is in content/drift.es.md:5, its translation",
            "content/drift.md:4:63: warning: figure figures.double is cited here but not in content/drift.es.md, its translation: a page and its translation cite the same figures, claims and charts",
            "content/drift.md:6:15: warning: claim 'wire-amount' is cited here but not in content/drift.es.md, its translation: a page and its translation cite the same figures, claims and charts",
            "content/drift.md:8:1: warning: chart 'drift-bar' is drawn from x: to here but from x: from in content/drift.es.md:9, its translation",
        ])
    }

    @Test func strictFailsOnDrift() throws {
        // One figure more in the English page: a build succeeds with two warnings, --strict fails.
        let site = try FixtureSite("translations")
        let english = site.read("content/money.md", in: site.root)
        try site.write("content/money.md", english + "\nIn all, {{ deals.acme-globex.date }}.\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.problemLines == [
            "content/money.es.md:10:1: warning: figure deals.acme-globex.date is not cited here but is in content/money.md:18, the page it translates",
            "content/money.md:18:9: warning: figure deals.acme-globex.date is cited here but not in content/money.es.md, its translation: a page and its translation cite the same figures, claims and charts",
        ])
        let strict = site.build(strict: true)
        #expect(!strict.succeeded)
        #expect(strict.failureReason == "2 warnings treated as errors under --strict")
        let cli = try CLITests().run(["check", "--strict", "--root", site.root.path])
        #expect(cli.status == 1)
        #expect(cli.stderr.contains("content/money.md:18:9: warning: figure deals.acme-globex.date is cited here"))
        #expect(try CLITests().run(["check", "--root", try siteWithDriftingPair().root.path]).stderr.contains(
            "content/drift.md:8:1: warning: chart 'drift-bar' is drawn from x: to here but from x: from in content/drift.es.md:9, its translation"))
    }

    @Test func aPairThatAgreesHasNoDrift() throws {
        // money.es.md names its chart deals-bar-es, drawn from the same data as deals-bar.
        let site = try FixtureSite("translations")
        #expect(site.build().problemLines.isEmpty)
        // Figures in code are not citations; the same figure with other options is the same citation.
        let english = site.read("content/money.md", in: site.root)
        try site.write("content/money.md", english + "\nWritten `{{ figures.other }}` in code; {{ figures.double | compact }}.\n")
        #expect(site.build().problemLines.isEmpty)
        // Over `values:`, a line's `series` is its name, in the page's language.
        let line = "```chart\nid: ID\ntype: line\ntitle: TITLE\nvalues: [deals.acme-globex.amount, figures.double]\ndates: [2024, 2025]\nseries: SERIES\n```\n"
        try site.write("content/money.md", site.read("content/money.md", in: site.root) + "\n" + line
            .replacingOccurrences(of: "ID", with: "growth").replacingOccurrences(of: "TITLE", with: "Growth").replacingOccurrences(of: "SERIES", with: "Money"))
        try site.write("content/money.es.md", site.read("content/money.es.md", in: site.root) + "\nEl doble, {{ figures.double }}.\n\n" + line
            .replacingOccurrences(of: "ID", with: "crecimiento").replacingOccurrences(of: "TITLE", with: "Crecimiento").replacingOccurrences(of: "SERIES", with: "Dinero"))
        #expect(site.build().problemLines.isEmpty)
    }

    @Test func pairsAreFoundByFileNameForEachLanguageButTheDefault() {
        func page(_ path: String) -> Page {
            Page(kind: .regular, sourcePath: path, section: "", url: "/" + path + "/", meta: PageMeta(title: path), body: "", bodyFirstLine: 1)
        }
        let pages = ["content/a.md", "content/a.es.md", "content/a.fr.md", "content/b.es.md", "content/en.md", "content/x/c.md", "content/x/c.es.md"].map(page)
        let pairs = TranslationDrift.pairs(in: pages, languages: ["en", "es"])
        #expect(pairs.map { "\($0.original.sourcePath) → \($0.translation.sourcePath) (\($0.language))" } == [
            "content/a.md → content/a.es.md (es)",
            "content/x/c.md → content/x/c.es.md (es)",
        ])
    }
}
