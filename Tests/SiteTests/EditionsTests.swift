import Foundation
import Testing
@testable import Editions
@testable import Site

/// A site in a git repository of its own with two editions: `edition-2025-11-01` (the
/// fixture `editions`), then `edition-2025-12-15`, where one amount changed ($12B → $15B,
/// which flips the claim that says $12B) and one deal was added.
struct EditionRepository {
    let site: FixtureSite
    var root: URL { site.root }

    init(language: String? = nil) throws {
        site = try FixtureSite("editions")
        if let language { try site.write("content/site.yaml", "title: Editions fixture\nbase_url: https://example.org/\nlanguage: \(language)\n") }
        try site.write(".gitignore", "output/\n.capex-cache/\n")
        try git("init", "-q")
        try commit("First", date: "2025-11-01T10:00:00+00:00")
        try git("tag", "-a", "edition-2025-11-01", "-m", "First edition", date: "2025-11-01T10:00:00+00:00")
        try amend("content/data/deals.yaml") {
            $0.replacingOccurrences(of: "amount: $12B", with: "amount: $15B") + """
            - id: acme-globex-gpus
              from: acme
              to: globex
              kind: compute
              amount: $3B
              status: signed
              date: 2025-11-20
              source: filing

            """
        }
        try commit("Second", date: "2025-12-15T09:00:00+00:00")
        try git("tag", "-a", "edition-2025-12-15", "-m", "The Globex deal, revised to $15B", date: "2025-12-15T09:00:00+00:00")
    }

    func amend(_ path: String, _ change: (String) -> String) throws {
        try site.write(path, change(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)))
    }

    func commit(_ message: String, date: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message, date: date)
    }

    /// Runs git in the repository with a fixed identity and dates, whatever the machine's config.
    @discardableResult
    func git(_ arguments: String..., date: String = "2025-01-01T00:00:00+00:00") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "-c", "user.name=Editor", "-c", "user.email=editor@example.org",
                             "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }
}

/// The visible text of a page, one trimmed non-empty line per block.
func visibleLines(_ html: String) -> String {
    VisibleText.of(html).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
}

@Suite("editions: what changed between two editions, on /changes/, in chapters, in the feed")
struct EditionsTests {
    @Test func changesPageListsEachEditionNewestFirstWithWhatMoved() throws {
        let repository = try EditionRepository()
        let report = repository.site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let text = visibleLines(repository.site.read("changes/index.html"))
        let newer = try #require(text.range(of: "edition-2025-12-15\nDecember 15, 2025\nThe Globex deal, revised to $15B\n"))
        let older = try #require(text.range(of: "edition-2025-11-01\nNovember 1, 2025\nFirst edition\n"))
        #expect(newer.lowerBound < older.lowerBound)
        // The amount, old → new, with the source of the fact that moved.
        #expect(text.contains("deals.acme-globex.amount — Acme Labs → Globex Cloud: amount: $12 billion → $15 billion (Source: The Wire, January 15, 2025)."))
        // A figure computed from it names the input that moved it.
        #expect(text.contains("deals.acme-globex.per_year — Acme Labs → Globex Cloud: amount per year: $3 billion per year → $3.75 billion per year. Because deals.acme-globex.amount changed: $12 billion → $15 billion (Source: The Wire, January 15, 2025)."))
        #expect(text.contains("""
        Figures added
        companies.acme.given_compute_signed — Acme Labs: compute given, paid or signed: $3 billion
        companies.globex.received_compute_signed — Globex Cloud: compute received, paid or signed: $3 billion
        deals.acme-globex-gpus.amount — Acme Labs → Globex Cloud: amount: $3 billion

        """))
        #expect(text.contains("Claims whose verdict changed\nwire-deal (“$12B”, deals.acme-globex.amount): consistent → inconsistent\n"))
        #expect(text.contains("Records added\ndeals.acme-globex-gpus\nRecords edited\ndeals.acme-globex\n"))
        #expect(!text.contains("Records removed"))
        // The first edition has nothing before it.
        #expect(text.contains("The first edition: 12 figures, 1 claim checked, 7 records."))
        #expect(text.contains("deals.globex-acme.amount") == false)
    }

    @Test func aChapterCitingAMovedFigureSaysItWasUpdatedAndMarksTheFigure() throws {
        let repository = try EditionRepository()
        repository.site.build()
        let html = repository.site.read("index.html")
        let text = visibleLines(html)
        #expect(text.contains("The deal\nUpdated December 15, 2025: figures in this chapter changed since the previous edition. See what changed.\n"))
        #expect(html.contains("<a href=\"/changes/#edition-2025-12-15\">See what changed</a>"))
        // The moved figure is marked; its title gives the old value. The others are not.
        #expect(html.contains("<mark class=\"figure-moved\"><a class=\"figure moved\" href=\"/figures/#deals.acme-globex.amount\""))
        #expect(VisibleText.attributes(html).contains { $0.hasPrefix("Changed in the edition of December 15, 2025; was $12 billion. ") })
        #expect(html.components(separatedBy: "figure-moved").count == 2)
        // A chapter citing only figures that did not move has no note.
        let other = visibleLines(repository.site.read("other/index.html"))
        #expect(!other.contains("Updated"))
    }

    @Test func figuresPageShowsAFiguresHistory() throws {
        let repository = try EditionRepository()
        repository.site.build()
        let text = visibleLines(repository.site.read("figures/index.html"))
        #expect(text.contains("$15 billion — Acme Labs → Globex Cloud: amount\nHistory: edition of November 1, 2025: $12 billion → edition of December 15, 2025: $15 billion\n"))
        // A figure that never moved has no history line.
        #expect(text.contains("up\u{A0}to\u{A0}$2 billion — Globex Cloud → Acme Labs: amount\nAs written in content/data/deals.yaml, line 14.\n"))
    }

    @Test func theFeedHasAnEntryPerEditionAndPerCorrection() throws {
        let repository = try EditionRepository()
        try repository.site.write("content/data/corrections.yaml", """
        - id: globex-amount
          corrects: deals.acme-globex.amount
          wrong: We said the deal was worth $12 billion
          right: It is worth $15 billion, as Globex's filing says.
          date: 2025-12-16
          source: filing

        """)
        let report = repository.site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let feed = repository.site.read("feed.xml")
        #expect(feed.contains("""
            <title>Edition of December 15, 2025</title>
            <link rel="alternate" type="text/html" href="https://example.org/changes/#edition-2025-12-15"/>
            <id>https://example.org/changes/#edition-2025-12-15</id>
            <updated>2025-12-15T09:00:00Z</updated>
            <summary>The Globex deal, revised to $15B — 4 figures moved, 3 figures added, 1 claim&#39;s verdict changed, 1 record added, 1 record edited.</summary>
        """))
        #expect(feed.contains("<title>Edition of November 1, 2025</title>"))
        #expect(feed.contains("""
            <title>Correction: deals.acme-globex.amount</title>
            <link rel="alternate" type="text/html" href="https://example.org/changes/#correction-globex-amount"/>
        """))
        #expect(feed.contains("<updated>2025-12-16T00:00:00Z</updated>\n    <summary>What was wrong: We said the deal was worth $12 billion. What is right: It is worth $15 billion, as Globex&#39;s filing says.</summary>"))
        #expect(feed.contains("  <updated>2025-12-16T00:00:00Z</updated>\n  <author>"))
    }

    @Test func aCorrectionShowsAtTheFootOfEachPageCitingWhatItCorrects() throws {
        let repository = try EditionRepository()
        try repository.site.write("content/data/corrections.yaml", """
        - id: invest
          corrects: deals.globex-acme
          wrong: We said Globex had invested $2 billion.
          right: Globex may invest up to $2 billion.
          date: 2025-12-20
          source: filing

        """)
        #expect(repository.site.build().succeeded)
        for page in ["index.html", "other/index.html"] {
            #expect(visibleLines(repository.site.read(page)).contains(
                "Corrections\nDecember 20, 2025 — What was wrong: We said Globex had invested $2 billion. What is right: Globex may invest up to $2 billion. Source: Globex filing, December 1, 2025.\n"
            ))
        }
        let changes = visibleLines(repository.site.read("changes/index.html"))
        #expect(changes.contains("Corrections\nCorrects deals.globex-acme: December 20, 2025 — What was wrong:"))
    }

    @Test func aCorrectionOfNothingIsAnErrorAtItsLine() throws {
        let repository = try EditionRepository()
        #expect(repository.site.build().succeeded)
        let before = FixtureSite.snapshot(of: repository.site.output)
        try repository.site.write("content/data/corrections.yaml", """
        - id: typo
          corrects: deals.acme-globx.amount
          wrong: a
          right: b
          date: 2025-12-20
          source: filing
        - id: unsaid
          corrects: deals.acme-globex

        """)
        let report = repository.site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines == [
            "content/data/corrections.yaml:2:13: error: 'corrects' names nothing the data holds: no record 'acme-globx' in deals (did you mean 'acme-globex'?)",
            "content/data/corrections.yaml:7:3: error: correction 'unsaid' needs 'wrong', 'right', 'date': a correction says what it corrects (a figure or a record), what was wrong, what is right, and when",
        ])
        #expect(FixtureSite.snapshot(of: repository.site.output) == before)
    }

    @Test func workingTreeChangesSinceTheLatestEditionAreAnEntryOfTheirOwn() throws {
        let repository = try EditionRepository()
        repository.site.build()
        try repository.amend("content/data/deals.yaml") { $0.replacingOccurrences(of: "amount: up to $2B", with: "amount: up to $2.5B") }
        #expect(repository.site.build().succeeded)
        let changes = visibleLines(repository.site.read("changes/index.html"))
        #expect(changes.contains("Since the edition of December 15, 2025 (not yet published as an edition)\nFigures that moved\n"))
        #expect(changes.contains("deals.globex-acme.amount — Globex Cloud → Acme Labs: amount: up\u{A0}to\u{A0}$2 billion → up\u{A0}to\u{A0}$2.5 billion (Source: The Wire, January 15, 2025).\nRecords edited\ndeals.globex-acme\nedition-2025-12-15\n"))
        // Both chapters cite it now; the one whose amount moved in the tagged edition no longer
        // says so, because the edition being built is the working tree.
        let other = visibleLines(repository.site.read("other/index.html"))
        #expect(other.contains("Updated: figures in this chapter changed since the edition of December 15, 2025. See what changed."))
        let html = repository.site.read("index.html")
        #expect(!html.contains("was $12 billion"))
        #expect(VisibleText.attributes(html).contains { $0.hasPrefix("Changed since the edition of December 15, 2025; was up\u{A0}to\u{A0}$2 billion. ") })
        // The incremental build wrote what a full one writes.
        let incremental = FixtureSite.snapshot(of: repository.site.output)
        var options = BuildOptions(root: repository.root, incremental: false)
        options.showProgress = false
        #expect(SiteBuilder.build(options).succeeded)
        #expect(FixtureSite.snapshot(of: repository.site.output) == incremental)
    }

    @Test func eachEditionIsComputedOnceAndThenReadFromTheCache() throws {
        let repository = try EditionRepository()
        repository.site.build()
        let commit = try repository.git("rev-parse", "edition-2025-11-01^{commit}").trimmingCharacters(in: .whitespacesAndNewlines)
        let cached = repository.root.appendingPathComponent(".capex-cache/editions/\(commit).json")
        let text = try String(contentsOf: cached, encoding: .utf8)
        #expect(text.contains("\"$12 billion\""))
        // What the next build shows of that edition comes from the cache, not from git again.
        try Data(text.replacingOccurrences(of: "\"$12 billion\"", with: "\"$11 billion (cached)\"").utf8).write(to: cached)
        // A change to the data: the generated pages are made again, from the cached edition.
        try repository.amend("content/data/companies.yaml") { $0 + "- id: initech\n  name: Initech\n  kind: lab\n" }
        #expect(repository.site.build().succeeded)
        #expect(visibleLines(repository.site.read("changes/index.html")).contains("$11 billion (cached) → $15 billion"))
    }

    @Test func aNewTagRebuildsWhatItChanges() throws {
        let repository = try EditionRepository()
        repository.site.build()
        #expect(repository.site.build().upToDate)
        try repository.git("tag", "-d", "edition-2025-12-15")
        let report = repository.site.build()
        #expect(!report.upToDate)
        #expect(!visibleLines(repository.site.read("changes/index.html")).contains("edition-2025-12-15"))
        #expect(visibleLines(repository.site.read("index.html")).contains("Updated: figures in this chapter changed since the edition of November 1, 2025."))
    }

    @Test func aSpanishSiteWritesItsChangesInSpanish() throws {
        let repository = try EditionRepository(language: "es")
        #expect(repository.site.build().succeeded)
        let text = visibleLines(repository.site.read("changes/index.html"))
        #expect(text.contains("Cambios\n"))
        #expect(text.contains("Cifras que cambiaron\n"))
        #expect(text.contains("Afirmaciones cuyo veredicto cambió\nwire-deal («$12B», deals.acme-globex.amount): coherente → incoherente\n"))
        #expect(text.contains("15 de diciembre de 2025"))
        let page = visibleLines(repository.site.read("index.html"))
        #expect(page.contains("Actualizado el 15 de diciembre de 2025: algunas cifras de este capítulo cambiaron desde la edición anterior. Ver qué cambió."))
        // The figures on /changes/ are named in Spanish too ("importe", not "amount"), and no
        // English interface word shows on it, on the chapter or in the feed; a claim's `says`
        // ("$12B") is the source's words, a tag's message the editors' (this fixture's are English).
        #expect(text.contains("deals.acme-globex.amount — Acme Labs → Globex Cloud: importe: 12.000 millones de dólares → 15.000 millones de dólares"), "\(text)")
        var found: [String] = []
        for path in ["changes/index.html", "index.html", "figures/index.html"] {
            found += InterfaceWordsTests.englishWords(in: repository.site.read(path), page: path, pieces: InterfaceWordsTests.englishPieces,
                                                      quoted: ["First edition", "The Globex deal, revised to $15B"])
        }
        let feed = repository.site.read("feed.xml")
        #expect(feed.contains("Edición del 15 de diciembre de 2025"), "\(feed)")
        #expect(found.isEmpty, "English interface words on Spanish pages:\n\(found.joined(separator: "\n"))")
    }

    @Test func aSiteOutsideGitOrWithoutEditionTagsBuildsAsBefore() throws {
        // Outside git: no /changes/, no git process.
        let plain = try FixtureSite("editions")
        #expect(GitHistory(root: plain.root) == nil)
        #expect(plain.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: plain.output.appendingPathComponent("changes").path))
        #expect(!plain.read("feed.xml").contains("Edition of"))
        #expect(!plain.read("index.html").contains("Updated"))
        // In git without an edition tag (only another tag): byte for byte the same site.
        let repository = try EditionRepository()
        try repository.git("tag", "-d", "edition-2025-11-01")
        try repository.git("tag", "-d", "edition-2025-12-15")
        try repository.git("tag", "v1")
        #expect(repository.site.build().succeeded)
        try FileManager.default.removeItem(at: plain.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: repository.root.appendingPathComponent("content"), to: plain.root.appendingPathComponent("content"))
        #expect(plain.build().succeeded)
        #expect(FixtureSite.snapshot(of: plain.output) == FixtureSite.snapshot(of: repository.site.output))
    }
}

@Suite("capex changes: the comparison in the terminal, as JSON and as GitHub annotations")
struct ChangesCommandTests {
    let cli = CLITests()

    @Test func textNamesWhatMovedAndWhy() throws {
        let repository = try EditionRepository()
        let result = try cli.run(["changes", "--root", repository.root.path, "--since", "edition-2025-11-01"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("Changes since edition-2025-11-01 (November 1, 2025: First edition):\n4 figures moved:\n"))
        #expect(result.stdout.contains("""
          deals.acme-globex.amount: $12 billion → $15 billion  (content/data/deals.yaml:5)
            sources: wire
          deals.acme-globex.per_year: $3 billion per year → $3.75 billion per year  (content/data/deals.yaml:1)
            because deals.acme-globex.amount changed: $12 billion → $15 billion  (content/data/deals.yaml:5)  sources: wire

        """))
        #expect(result.stdout.contains("1 claim's verdict changed:\n  wire-deal: consistent → inconsistent  (content/data/claims.yaml:1)\n"))
        #expect(result.stdout.hasSuffix("1 record added:\n  deals.acme-globex-gpus\n1 record edited:\n  deals.acme-globex\n"))
        // By default, against the latest edition: the working tree is that edition.
        let latest = try cli.run(["changes", "--root", repository.root.path])
        #expect(latest.status == 0)
        #expect(latest.stdout == "Changes since edition-2025-12-15 (December 15, 2025: The Globex deal, revised to $15B): no figure, claim or record changed.\n")
    }

    @Test func jsonHoldsTheSameComparison() throws {
        let repository = try EditionRepository()
        let result = try cli.run(["changes", "--root", repository.root.path, "--since", "edition-2025-11-01", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["since"] as? String == "edition-2025-11-01")
        #expect((object["edition"] as? [String: Any])?["message"] as? String == "First edition")
        let moved = try #require(object["moved"] as? [[String: Any]])
        let amount = try #require(moved.first { $0["reference"] as? String == "deals.acme-globex.amount" })
        #expect(amount["old"] as? String == "$12 billion")
        #expect(amount["new"] as? String == "$15 billion")
        #expect(amount["file"] as? String == "content/data/deals.yaml")
        #expect(amount["line"] as? Int == 5)
        let claims = try #require(object["claims"] as? [[String: Any]])
        #expect(claims.count == 1)
        #expect(claims.first?["old"] as? String == "consistent")
        #expect(claims.first?["new"] as? String == "inconsistent")
        let records = try #require(object["records"] as? [String: [String]])
        #expect(records["added"] == ["deals.acme-globex-gpus"])
        #expect(records["edited"] == ["deals.acme-globex"])
        #expect(records["removed"] == [])
    }

    @Test func githubAnnotatesTheDataLinesThatMovedAPublishedFigure() throws {
        let repository = try EditionRepository()
        let result = try cli.run(["changes", "--root", repository.root.path, "--since", "edition-2025-11-01", "--format", "github"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            // The new deal adds figures but moves none: it is not annotated.
            "::notice file=content/data/deals.yaml,line=5,title=Moves a published figure::deals.acme-globex.amount changed: $12 billion → $15 billion since edition-2025-11-01; it moves companies.acme.given_cloud_signed, companies.globex.received_cloud_signed, deals.acme-globex.per_year",
            "::notice file=content/data/claims.yaml,line=1,title=Claim verdict changed::claim wire-deal (deals.acme-globex.amount) is now inconsistent, was consistent at edition-2025-11-01",
        ])
    }

    @Test func failuresExitOneWithTheReason() throws {
        let repository = try EditionRepository()
        let unknown = try cli.run(["changes", "--root", repository.root.path, "--since", "edition-1999"])
        #expect(unknown.status == 1)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr == "error: git rev-parse failed: 'edition-1999' names no commit\n")
        let plain = try FixtureSite("editions")
        let outside = try cli.run(["changes", "--root", plain.root.path])
        #expect(outside.status == 1)
        #expect(outside.stderr == "error: \(plain.root.path) is not in a git repository: editions are git tags named edition-*\n")
        try repository.git("tag", "-d", "edition-2025-11-01")
        try repository.git("tag", "-d", "edition-2025-12-15")
        let untagged = try cli.run(["changes", "--root", repository.root.path])
        #expect(untagged.status == 1)
        #expect(untagged.stderr == "error: no edition to compare with: tag one (git tag -a edition-YYYY-MM-DD -m MESSAGE) or pass --since REV\n")
        try repository.site.write("content/data/deals.yaml", "- id: broken\n  amount: $5 MW + 3\n")
        let broken = try cli.run(["changes", "--root", repository.root.path, "--since", "HEAD"])
        #expect(broken.status == 1)
        #expect(broken.stderr.hasSuffix("changes failed: the working tree's site has errors\n"))
    }
}

/// The README's `$ capex changes` transcripts, run on the editions fixture they were taken from.
@Suite("the README's capex changes examples")
struct EditionsReadme {
    /// Each `$ capex changes …` line of a code block, with the lines it prints (as written, indented).
    static func transcripts(_ readme: String) -> [(command: String, expected: [String])] {
        var found: [(command: String, expected: [String])] = []
        var inBlock = false, current: Int?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                inBlock.toggle()
                current = nil
            } else if inBlock, line.hasPrefix("$ capex changes") {
                found.append((String(line.dropFirst(2)), []))
                current = found.count - 1
            } else if inBlock, line.hasPrefix("$ ") {
                current = nil
            } else if inBlock, let index = current {
                found[index].expected.append(line)
            }
        }
        return found
    }

    @Test func theReadmeShowsWhatCapexChangesPrints() throws {
        let examples = Self.transcripts(ReadmeTests.readme)
        #expect(examples.count == 3)
        let repository = try EditionRepository()
        for example in examples {
            let arguments = example.command.split(separator: " ").dropFirst().map(String.init)
            let result = try ReadmeTests.run(arguments, in: repository.root)
            #expect(result.status == 0, "\(example.command)")
            #expect(result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) == example.expected,
                    "\(example.command)")
        }
    }
}
