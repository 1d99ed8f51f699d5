import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// Every page of three sites, read as a person reads it: the story (the repository's
/// content/), a fresh `capex new` site, and `Fixtures/awkward`, whose names, titles and
/// notes are full of `&`, `<`, `>` and quotes. No page may show markup, character
/// references or template braces as text (issue 10: raw `<a class="figure" …>` in /deals/).
@Suite("visible text of built pages")
struct VisibleTextTests {
    /// The HTML files of a built site, by path, with their visible problems.
    static func problems(in output: URL) -> [String] {
        var found: [String] = []
        for path in FixtureSite.files(in: output) where path.hasSuffix(".html") {
            guard let html = try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) else { continue }
            for problem in VisibleText.problems(in: VisibleText.of(html)) { found.append("\(path): \(problem)") }
            for attribute in VisibleText.attributes(html) {
                for problem in VisibleText.problems(in: attribute) { found.append("\(path) (attribute): \(problem)") }
            }
        }
        return found
    }

    @Test func theStoryShowsNoMarkupAsText() {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("capex-visible-story-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = SiteBuilder.build(BuildOptions(root: FixtureSite.repository, output: output))
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(FixtureSite.files(in: output).contains("deals/index.html"))
        let problems = Self.problems(in: output)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // context.yaml's `since: 1974` and `year: 2017` are years, not quantities.
        for path in ["sources/index.html", "figures/index.html"] {
            let text = VisibleText.of((try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)) ?? "")
            #expect(!text.contains("1,974") && !text.contains("2,017"), "\(path)")
        }
    }

    @Test func aNewSiteShowsNoMarkupAsText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capex-visible-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Scaffold.create(at: folder)
        let report = SiteBuilder.build(BuildOptions(root: folder))
        #expect(report.succeeded, "\(report.problemLines)")
        let output = folder.appendingPathComponent("output")
        #expect(FixtureSite.files(in: output).contains("deals/index.html"))
        let problems = Self.problems(in: output)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func awkwardNamesShowOnceEscapedEverywhere() throws {
        let site = try AwkwardSite()
        let problems = Self.problems(in: site.fixture.output)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // The names appear exactly as written in the data, decoded once.
        let deals = site.text("deals/index.html")
        for name in ["AT&T <Labs>", "Q&A \"Co\"", "O'Brien & Sons", "AT&T buys <widgets>"] {
            #expect(deals.contains(name), "\(name) on /deals/")
        }
        #expect(site.text("sources/index.html").contains("Chips & \"dips\" <2025>"))
        #expect(site.text("index.html").contains("Ties & <knots>"))
    }

    /// The checker itself: it finds what it is meant to find, and passes data that only
    /// looks like markup.
    @Test func theCheckerCatchesEachArtifact() {
        let bad = [
            #"<td>&lt;a class=&quot;figure&quot; href=&quot;/figures/#x&quot;&gt;$3B&lt;/a&gt;</td>"#,
            "<p>AT&amp;amp;T</p>",
            "<p>{{ deals.x.amount }}</p>",
            "<p>&amp;#39;</p>",
        ]
        for html in bad {
            #expect(!VisibleText.problems(in: VisibleText.of(html)).isEmpty, "\(html)")
        }
        let fine = ["<p>AT&amp;T &lt;Labs&gt; &lt; $28 billion</p>", "<p>O&#39;Brien &amp; Sons</p>", "<p>x &lt;b&gt;y</p>"]
        for html in fine {
            #expect(VisibleText.problems(in: VisibleText.of(html)).isEmpty, "\(html)")
        }
        #expect(VisibleText.of("<p>AT&amp;T &lt;Labs&gt;</p>") == "AT&T <Labs>\n")
    }
}

/// `Fixtures/awkward` with the repository's templates, built once per test.
struct AwkwardSite {
    let fixture: FixtureSite
    let report: BuildReport

    init() throws {
        fixture = try FixtureSite("awkward")
        let templates = FixtureSite.repository.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: templates, to: fixture.root.appendingPathComponent("templates"))
        report = fixture.build()
    }

    /// The visible text of a page, entities decoded once, runs of spaces made one. A no-break
    /// space reads as a space (which spaces may not break is the formatter's own test).
    func text(_ path: String) -> String {
        VisibleText.of(fixture.read(path)).replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: #"[ \t]+"#, with: " ", options: .regularExpression)
    }

    /// The visible lines of a page, trimmed, without empty ones.
    func lines(_ path: String) -> [String] {
        text(path).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
