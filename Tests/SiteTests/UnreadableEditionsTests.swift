import Foundation
import Testing
@testable import Editions
@testable import Site

/// An edition whose data cannot be read is never compared as if it were empty: it is left
/// out with a warning naming its tag and the problem (at the old file's `tag:path:line:col`),
/// and `/changes/` compares the next edition with the last readable one (issue 13).
@Suite("editions that cannot be read: left out with a warning, never read as empty")
struct UnreadableEditionsTests {
    /// The editions repository with `edition-2026-01-01` on a commit whose deals.yaml has a
    /// YAML error on line 5 (`amount: [$16B`, an unclosed list: the parser stops at line 6,
    /// column 7, the `:` of `term: 4 years`), fixed in the next commit ($16B), not tagged.
    static func repositoryWithABrokenEdition() throws -> EditionRepository {
        let repository = try EditionRepository()
        try repository.amend("content/data/deals.yaml") { $0.replacingOccurrences(of: "amount: $15B", with: "amount: [$16B") }
        try repository.commit("Broken", date: "2026-01-01T09:00:00+00:00")
        try repository.git("tag", "-a", "edition-2026-01-01", "-m", "Broken", date: "2026-01-01T09:00:00+00:00")
        try repository.amend("content/data/deals.yaml") { $0.replacingOccurrences(of: "amount: [$16B", with: "amount: $16B") }
        try repository.commit("Fixed", date: "2026-01-02T09:00:00+00:00")
        return repository
    }

    static let brokenWarning = "edition-2026-01-01:content/data/deals.yaml:6:7: warning: edition edition-2026-01-01 is left out of the comparison of editions: its data has an error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"

    @Test func anEditionWithAYAMLErrorIsLeftOutWithAWarningAtTheOldFile() throws {
        let repository = try Self.repositoryWithABrokenEdition()
        let report = repository.site.build()
        #expect(report.succeeded)
        #expect(report.problemLines == [Self.brokenWarning])
        // The README shows this warning as it is.
        #expect(ReadmeTests.readme.contains("\n" + Self.brokenWarning + "\n"))
        let text = visibleLines(repository.site.read("changes/index.html"))
        #expect(!text.contains("edition-2026-01-01"))
        // The working tree is compared with the last readable edition: the amount moved,
        // nothing was added.
        #expect(text.contains("Since the edition of December 15, 2025 (not yet published as an edition)\nFigures that moved\n"))
        #expect(text.contains("deals.acme-globex.amount — Acme Labs → Globex Cloud: amount: $15 billion → $16 billion"))
        let latest = try #require(text.range(of: "Since the edition of December 15, 2025"))
        let next = try #require(text.range(of: "edition-2025-12-15\nDecember 15, 2025\n"))
        #expect(!text[latest.lowerBound..<next.lowerBound].contains("added"))
        // A build after an edit to a page reads the kept comparison, and warns again.
        try repository.amend("content/other.md") { $0 + "\nOne more line.\n" }
        let again = repository.site.build()
        #expect(again.problemLines == [Self.brokenWarning])
        // A build with nothing changed too.
        let unchanged = repository.site.build()
        #expect(unchanged.upToDate)
        #expect(unchanged.problemLines == [Self.brokenWarning])
    }

    @Test func aTagOnACommitWithoutDataIsLeftOutAndTheNextReadableEditionIsTheFirst() throws {
        let repository = try EditionRepository()
        // A commit of an empty tree, before the first edition.
        let tree = try repository.git("hash-object", "-t", "tree", "-w", "/dev/null").trimmingCharacters(in: .whitespacesAndNewlines)
        let empty = try repository.git("commit-tree", tree, "-m", "Nothing", date: "2025-10-01T09:00:00+00:00").trimmingCharacters(in: .whitespacesAndNewlines)
        try repository.git("tag", "-a", "edition-2025-10-01", "-m", "Empty", empty, date: "2025-10-01T09:00:00+00:00")
        let report = repository.site.build()
        #expect(report.succeeded)
        #expect(report.problemLines == [
            "content:1:1: warning: edition edition-2025-10-01 is left out of the comparison of editions: its commit holds no data file (content/data/*.yaml): is the tag on the commit of the edition?",
        ])
        let text = visibleLines(repository.site.read("changes/index.html"))
        #expect(!text.contains("edition-2025-10-01"))
        // The first readable edition has nothing before it: nothing of it is "added".
        #expect(text.contains("edition-2025-11-01\nNovember 1, 2025\nFirst edition\nThe first edition: 12 figures, 1 claim checked, 7 records.\n"))
        #expect(!text.contains("Figures added\ncompanies.acme.given_cloud_signed"))
    }

    @Test func theEditionsShownAreNumberedWithinTheirDayWithoutTheOneLeftOut() throws {
        let repository = try EditionRepository()
        let tree = try repository.git("hash-object", "-t", "tree", "-w", "/dev/null").trimmingCharacters(in: .whitespacesAndNewlines)
        let empty = try repository.git("commit-tree", tree, "-m", "Nothing").trimmingCharacters(in: .whitespacesAndNewlines)
        try repository.git("tag", "-a", "edition-2025-12-15-early", "-m", "Early", empty, date: "2025-12-15T08:00:00+00:00")
        #expect(repository.site.build().succeeded)
        // The only edition shown of December 15 is named by its date alone, not "second edition".
        let text = visibleLines(repository.site.read("changes/index.html"))
        #expect(text.contains("edition-2025-12-15\nDecember 15, 2025\nThe Globex deal, revised to $15B\n"), "\(text)")
        #expect(visibleLines(repository.site.read("index.html")).contains("Updated December 15, 2025: figures in this chapter changed since the previous edition."))
    }

    @Test func errorsOfTheOldModelLeaveTheEditionOut() throws {
        let repository = try EditionRepository()
        // A record without an id (an error of the file) and an amount that is no quantity
        // (an error of the model): the first is named, the others counted.
        try repository.amend("content/data/deals.yaml") { "- from: acme\n  amount: $1B\n- id: odd\n  amount: $5 MW + 3\n" + $0 }
        try repository.commit("Errors", date: "2026-01-01T09:00:00+00:00")
        try repository.git("tag", "-a", "edition-2026-01-01", "-m", "Errors", date: "2026-01-01T09:00:00+00:00")
        // Fixed in the working tree.
        try repository.git("checkout", "edition-2025-12-15", "--", "content/data/deals.yaml")
        let report = repository.site.build()
        #expect(report.succeeded)
        #expect(report.problemLines.contains(
            "edition-2026-01-01:content/data/deals.yaml:1:3: warning: edition edition-2026-01-01 is left out of the comparison of editions: its data has an error: record has no 'id' (and 1 more error in its data)"
        ), "\(report.problemLines)")
        #expect(!visibleLines(repository.site.read("changes/index.html")).contains("edition-2026-01-01"))
    }

    @Test func anOldFileThatIsNotUTF8IsAnErrorAtItsByteNotReplacedInSilence() throws {
        let repository = try EditionRepository()
        // Latin-1 "é" (0xE9) in a deal's status on line 7: was read as U+FFFD and compared.
        let path = repository.root.appendingPathComponent("content/data/deals.yaml")
        var bytes = [UInt8](try Data(contentsOf: path))
        let text = String(decoding: bytes, as: UTF8.self)
        let at = try #require(text.range(of: "status: signed")).upperBound
        bytes.insert(0xE9, at: text.utf8.distance(from: text.utf8.startIndex, to: at))
        try Data(bytes).write(to: path)
        try repository.commit("Latin-1", date: "2026-01-01T09:00:00+00:00")
        try repository.git("tag", "-a", "edition-2026-01-01", "-m", "Latin-1", date: "2026-01-01T09:00:00+00:00")
        try repository.git("checkout", "edition-2025-12-15", "--", "content/data/deals.yaml")
        let report = repository.site.build()
        #expect(report.succeeded)
        #expect(report.problemLines.count == 1)
        #expect(report.problemLines.first?.hasPrefix("edition-2026-01-01:content/data/deals.yaml:7:17: warning: edition edition-2026-01-01 is left out of the comparison of editions: its data has an error: ") == true, "\(report.problemLines)")
        #expect(!visibleLines(repository.site.read("changes/index.html")).contains("edition-2026-01-01"))
    }

    @Test func aTagOfABlobIsWarnedAbout() throws {
        let repository = try EditionRepository()
        let blob = try repository.git("rev-parse", "edition-2025-11-01:content/data/deals.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        try repository.git("tag", "edition-2026-02-01", blob)
        let report = repository.site.build()
        #expect(report.succeeded)
        #expect(report.problemLines == [
            "content:1:1: warning: tag edition-2026-02-01 names a blob, not a commit: it is no edition, and is left out of the comparison of editions (tag the commit of the edition: git tag -a edition-2026-02-01 COMMIT)",
        ])
    }

    @Test func aMissingObjectIsAFailureOfGitNotAPartialEdition() throws {
        let repository = try Self.repositoryWithABrokenEdition()
        // The first edition's deals.yaml, and only it, loses its object.
        let blob = try repository.git("rev-parse", "edition-2025-11-01:content/data/deals.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: repository.root.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"))
        let report = repository.site.build()
        #expect(report.succeeded)
        #expect(report.problemLines.contains(
            "content:1:1: warning: edition edition-2025-11-01 is left out of the comparison of editions: its data cannot be read: git cat-file failed: content/data/deals.yaml at \(try repository.git("rev-parse", "edition-2025-11-01^{commit}").prefix(12)): \(blob) missing"
        ), "\(report.problemLines)")
        let text = visibleLines(repository.site.read("changes/index.html"))
        #expect(text.contains("edition-2025-12-15\nDecember 15, 2025\nThe Globex deal, revised to $15B\nThe first edition: 15 figures, 1 claim checked, 8 records.\n"), "\(text)")
    }
}

@Suite("capex changes with editions that cannot be read")
struct UnreadableEditionsCommandTests {
    let cli = CLITests()

    @Test func theLatestReadableEditionIsComparedWithAWarningOnStandardError() throws {
        let repository = try UnreadableEditionsTests.repositoryWithABrokenEdition()
        let result = try cli.run(["changes", "--root", repository.root.path])
        #expect(result.status == 0)
        #expect(result.stderr == UnreadableEditionsTests.brokenWarning + "\n")
        #expect(result.stdout.hasPrefix("Changes since edition-2025-12-15 (December 15, 2025: The Globex deal, revised to $15B):\n4 figures moved:\n"))
        #expect(!result.stdout.contains("added"))
    }

    @Test func anUnreadableRevisionCannotBeComparedWith() throws {
        let repository = try UnreadableEditionsTests.repositoryWithABrokenEdition()
        let result = try cli.run(["changes", "--root", repository.root.path, "--since", "edition-2026-01-01"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: cannot compare with edition-2026-01-01: its data has an error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence (edition-2026-01-01:content/data/deals.yaml:6:7)\n")
    }

    @Test func noReadableEditionIsAFailureThatNamesEachTag() throws {
        let repository = try EditionRepository()
        try repository.git("tag", "-d", "edition-2025-11-01")
        try repository.git("tag", "-d", "edition-2025-12-15")
        let tree = try repository.git("hash-object", "-t", "tree", "-w", "/dev/null").trimmingCharacters(in: .whitespacesAndNewlines)
        let empty = try repository.git("commit-tree", tree, "-m", "Nothing").trimmingCharacters(in: .whitespacesAndNewlines)
        try repository.git("tag", "edition-2025-10-01", empty)
        let result = try cli.run(["changes", "--root", repository.root.path])
        #expect(result.status == 1)
        #expect(result.stderr == """
        content:1:1: warning: edition edition-2025-10-01 is left out of the comparison of editions: its commit holds no data file (content/data/*.yaml): is the tag on the commit of the edition?
        error: no edition to compare with: the data of every edition tag is unreadable; fix a tag or pass --since REV

        """)
    }
}

/// An edition's day is the date in its tag's name, the editors' statement of when it was
/// published, whenever the tag was made; a tag without one is dated by the tag.
@Suite("an edition's date: the one in its tag's name")
struct EditionDateTests {
    @Test func theDateInTheNameIsTheEditionsDay() {
        #expect(Edition.namedDay("edition-2025-11-01") == "2025-11-01")
        #expect(Edition.namedDay("edition-2025-11-01-evening") == "2025-11-01")
        #expect(Edition.namedDay("edition-2025-11-01+noon") == "2025-11-01")
        #expect(Edition.namedDay("edition-2025-11-012") == nil)
        #expect(Edition.namedDay("edition-2025-02-30") == nil)
        #expect(Edition.namedDay("edition-budget") == nil)
        #expect(Edition.namedDay("edition-2025-11") == nil)
        let late = Edition(tag: "edition-2025-11-01", commit: "1", date: "2026-12-01T10:00:00+00:00", message: "")
        #expect(late.day == "2025-11-01")
        #expect(late.published == "2025-11-01T00:00:00Z")
        let plain = Edition(tag: "edition-budget", commit: "2", date: "2025-12-15T10:00:00+01:00", message: "")
        #expect(plain.day == "2025-12-15")
        #expect(plain.published == "2025-12-15T09:00:00Z")
    }

    @Test func editionsAreOrderedByTheirDayThenTheMomentOfTheirTag() {
        let editions = Edition.distinguished([
            // Tagged today for the edition of November 20, 2025.
            Edition(tag: "edition-2025-11-20", commit: "1", date: "2026-12-01T10:00:00+00:00", message: ""),
            Edition(tag: "edition-2025-12-15", commit: "2", date: "2025-12-15T09:00:00+00:00", message: ""),
            Edition(tag: "edition-2025-11-20-evening", commit: "3", date: "2026-12-01T11:00:00+00:00", message: ""),
            Edition(tag: "edition-2025-11-01", commit: "4", date: "2025-11-01T09:00:00+00:00", message: ""),
        ])
        #expect(editions.map(\.tag) == ["edition-2025-11-01", "edition-2025-11-20", "edition-2025-11-20-evening", "edition-2025-12-15"])
        #expect(editions.map(\.numberInDay) == [1, 1, 2, 1])
        #expect(editions.map(\.editionsInDay) == [1, 2, 2, 1])
    }

    @Test func anEditionTaggedLaterIsShownAtTheDateOfItsName() throws {
        let repository = try EditionRepository()
        // Tagged on December 1, 2026, for the edition of November 20, 2025, on the first commit.
        try repository.git("tag", "-a", "edition-2025-11-20", "-m", "Late tag", "edition-2025-11-01^{commit}", date: "2026-12-01T10:00:00+00:00")
        let report = repository.site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let text = visibleLines(repository.site.read("changes/index.html"))
        let newest = try #require(text.range(of: "edition-2025-12-15\nDecember 15, 2025\n"))
        let late = try #require(text.range(of: "edition-2025-11-20\nNovember 20, 2025\nLate tag\nNo figure, claim or record changed.\n"))
        let first = try #require(text.range(of: "edition-2025-11-01\nNovember 1, 2025\n"))
        #expect(newest.lowerBound < late.lowerBound && late.lowerBound < first.lowerBound)
        #expect(!text.contains("December 1, 2026"))
        let feed = repository.site.read("feed.xml")
        #expect(feed.contains("<title>Edition of November 20, 2025</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/changes/#edition-2025-11-20\"/>\n    <id>https://example.org/changes/#edition-2025-11-20</id>\n    <updated>2025-11-20T00:00:00Z</updated>"), "\(feed)")
        let changes = try CLITests().run(["changes", "--root", repository.root.path, "--since", "edition-2025-11-20"])
        #expect(changes.stdout.hasPrefix("Changes since edition-2025-11-20 (November 20, 2025: Late tag):\n"))
    }

    @Test func aNameDatedWithNoDayIsWarnedAboutAndDatedByItsTag() throws {
        let repository = try EditionRepository()
        try repository.git("tag", "-a", "edition-2025-02-30", "-m", "No such day", date: "2026-01-05T10:00:00+00:00")
        let report = repository.site.build()
        #expect(report.problemLines == [
            "content:1:1: warning: tag edition-2025-02-30 is named with 2025-02-30, which is no day of the calendar: the edition is dated by its tag, 2026-01-05",
        ])
        #expect(visibleLines(repository.site.read("changes/index.html")).contains("edition-2025-02-30\nJanuary 5, 2026\nNo such day\n"))
    }
}
