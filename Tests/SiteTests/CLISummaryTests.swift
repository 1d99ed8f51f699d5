import Foundation
import Testing

/// The lines the command prints about a whole build or check: counts in good English,
/// `--strict` failures that name the warnings, paths the user can reach, one error for a
/// folder that is not a site.
extension CLITests {
    /// `content/notes.markdown` is copied, not made a page: one warning.
    static let aWarning = ("content/notes.markdown", "not a page\n")

    @Test func strictFailureNamesTheWarningsItTreatedAsErrors() throws {
        let site = try FixtureSite()
        try site.write(Self.aWarning.0, Self.aWarning.1)
        let build = try run(["build", "--root", site.root.path, "--strict"])
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/notes.markdown:1:1: warning: copied as it is, not made a page"))
        #expect(build.stderr.hasSuffix("build failed: 1 warning treated as an error under --strict; \(site.output.path)/ left as it was\n"))
        #expect(!build.stderr.contains("0 error"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))

        let check = try run(["check", "--root", site.root.path, "--strict"])
        #expect(check.status == 1)
        #expect(check.stdout.isEmpty)
        #expect(check.stderr.hasSuffix("check failed: 1 warning treated as an error under --strict\n"))

        try site.write("content/more.markdown", "not a page either\n")
        try site.write("content/bad.md", "---\ntitle: Bad\ndraft: nope\n---\n")
        let both = try run(["build", "--root", site.root.path, "--strict"])
        #expect(both.status == 1)
        #expect(both.stderr.contains("build failed: 1 error and 2 warnings treated as errors under --strict; "))
        let errorsOnly = try run(["check", "--root", site.root.path])
        #expect(errorsOnly.status == 1)
        #expect(errorsOnly.stderr.hasSuffix("check failed: 1 error\n"))
    }

    @Test func plainCheckCountsItsWarningsInsteadOfSayingNoProblems() throws {
        let site = try FixtureSite()
        let clean = try run(["check", "--root", site.root.path])
        #expect(clean.status == 0)
        #expect(clean.stdout.hasPrefix("No problems in 7 pages, 4 figures"))
        try site.write(Self.aWarning.0, Self.aWarning.1)
        let warned = try run(["check", "--root", site.root.path])
        #expect(warned.status == 0)
        #expect(warned.stdout.hasPrefix("No errors, 1 warning in 7 pages, 4 figures"))
        #expect(!warned.stdout.contains("No problems"))
        try site.write("content/more.markdown", "not a page either\n")
        let twice = try run(["check", "--root", site.root.path])
        #expect(twice.stdout.hasPrefix("No errors, 2 warnings in 7 pages, 4 figures"))
        let build = try run(["build", "--root", site.root.path])
        #expect(build.status == 0)
        #expect(build.stdout.contains(" (2 warnings) → "))
    }

    /// A site of one page, one figure, then one claim and one warning: every count is 1.
    @Test func oneOfAnythingIsSingular() throws {
        let site = try FixtureSite()
        let root = site.root
        try FileManager.default.removeItem(at: root.appendingPathComponent("content"))
        try site.write("content/site.yaml", "title: One\nbase_url: https://example.org/\n")
        try site.write("content/index.md", "---\ntitle: One\n---\n\nHello, {{ things.a.size }}.\n")
        try site.write("content/data/things.yaml", "- id: a\n  size: 5 MW\n")
        try site.write("templates/home.mustache", "<main>{{{page.content}}}</main>\n")
        try site.write("templates/page.mustache", "<article>{{{page.content}}}</article>\n")
        let first = try run(["build", "--root", root.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        #expect(first.stdout.hasPrefix("Built 1 page, 12 files written, 1 figure in "), "\(first.stdout)")
        let again = try run(["build", "--root", root.path])
        #expect(again.stdout.hasPrefix("Up to date: 1 page, nothing changed ("), "\(again.stdout)")
        let check = try run(["check", "--root", root.path])
        #expect(check.stdout.hasPrefix("No problems in 1 page, 1 figure.\n"), "\(check.stdout)")

        // A claim without a source: one claim checked, one warning.
        try site.write("content/data/claims.yaml", "- id: c\n  says: 5 MW\n  figure: things.a.size\n")
        let claimed = try run(["build", "--root", root.path])
        #expect(claimed.stderr.contains("claims record 'c' states facts but names no source"))
        #expect(claimed.stdout.contains(", 1 claim checked in "), "\(claimed.stdout)")
        #expect(claimed.stdout.contains(" (1 warning) → "), "\(claimed.stdout)")
        let unchanged = try run(["build", "--root", root.path])
        #expect(unchanged.stdout.contains(" s; 1 warning) → "), "\(unchanged.stdout)")
        let checked = try run(["check", "--root", root.path])
        #expect(checked.stdout.hasPrefix("No errors, 1 warning in 1 page, "), "\(checked.stdout)")
        #expect(checked.stdout.contains("; 1 claim checked (1 consistent, "), "\(checked.stdout)")
        let strict = try run(["check", "--root", root.path, "--strict"])
        #expect(strict.stderr.hasSuffix("check failed: 1 warning treated as an error under --strict\n"))
        let all = [first, again, check, claimed, unchanged, checked, strict].map { $0.stdout + $0.stderr }.joined()
        for plural in ["1 pages", "1 files", "1 figures", "1 claims", "1 errors", "1 warnings", "(s)"] {
            #expect(!all.contains(plural), "\(plural)")
        }
    }

    @Test func theOutputFolderIsPrintedAsReachableFromTheCurrentFolder() throws {
        let site = try FixtureSite()
        let parent = site.root.deletingLastPathComponent()
        let name = site.root.lastPathComponent
        let inside = try run(["build", "--root", name], in: parent)
        #expect(inside.status == 0)
        #expect(inside.stdout.hasSuffix(" → \(name)/output/\n"), "\(inside.stdout)")
        let fromSite = try run(["build", "--full"], in: site.root)
        #expect(fromSite.stdout.hasSuffix(" → output/\n"), "\(fromSite.stdout)")
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("capex-cwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let outside = try run(["build", "--full", "--root", site.root.path], in: elsewhere)
        #expect(outside.stdout.hasSuffix(" → \(site.root.path)/output/\n"), "\(outside.stdout)")
        let custom = try run(["build", "--full", "--root", name, "--output", "\(name)/public"], in: parent)
        #expect(custom.stdout.hasSuffix(" → \(name)/public/\n"), "\(custom.stdout)")
    }

    @Test func aFolderThatIsNotASiteGetsOneError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("capex-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let advice = "is not a capex site: it has no content/ or templates/ folder; run `capex new DIR` to start one, or pass --root DIR\n"
        for command in ["build", "check"] {
            let here = try run([command], in: empty)
            #expect(here.status == 1)
            #expect(here.stderr == "error: . " + advice)
            #expect(here.stdout.isEmpty)
            let named = try run([command, "--root", empty.path])
            #expect(named.status == 1)
            #expect(named.stderr == "error: \(empty.path) " + advice)
        }
        let explain = try run(["explain", "a.b.c", "--root", empty.path])
        #expect(explain.status == 1)
        #expect(explain.stderr == "error: \(empty.path) " + advice)
        #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("output").path))
        let missing = empty.appendingPathComponent("nowhere").path
        let gone = try run(["build", "--root", missing])
        #expect(gone.status == 1)
        #expect(gone.stderr == "error: \(missing) " + advice)
    }

    @Test func quietHasAShortFlag() throws {
        let site = try FixtureSite()
        let quiet = try run(["build", "--root", site.root.path, "-q"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        #expect(quiet.stderr.isEmpty)
        try site.write(Self.aWarning.0, Self.aWarning.1)
        let warned = try run(["build", "-q", "--root", site.root.path])
        #expect(warned.stdout.isEmpty)
        #expect(warned.stderr.contains("warning: copied as it is"))
    }
}

extension CLITests {
    /// The advice for a javascript: address in data leads with the safe fix, an http(s)
    /// address, and names unsafe_html only as what turns the check off.
    @Test func aDangerousURLSuggestsAnHTTPAddressFirst() throws {
        let site = try FixtureSite()
        try site.write("content/data/sources.yaml", "- id: news\n  publisher: Example News\n  title: A deal\n  url: \"javascript:alert(1)\"\n")
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        let line = result.stderr.split(separator: "\n").first { $0.hasPrefix("content/data/sources.yaml:4:8: error: 'url' is a javascript: URL") } ?? ""
        let advice = try #require(line.range(of: "URL, which a reader's browser would run or open: ")).upperBound
        #expect(line[advice...].hasPrefix("give an http:// or https:// address (or a path on the site) instead;"), "\(line)")
        #expect(!line.contains("unless site.yaml sets"))
        #expect(line.hasSuffix("a check that only markdown: { unsafe_html: true } in site.yaml turns off"), "\(line)")
        #expect(result.stderr.contains("build failed: 1 error; "))
    }
}
