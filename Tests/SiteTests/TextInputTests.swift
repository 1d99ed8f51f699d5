import Diagnostics
import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// How the bytes of every text input become text: CRLF, lone CR and a byte-order mark
/// read as LF text; bytes that are not UTF-8, and NUL, are errors at their line and column.
/// Inputs are the byte-exact files of `Tests/Fixtures/text-inputs/`.
@Suite("text inputs: line endings, byte-order marks, UTF-8")
struct TextInputTests {
    static let inputs = FixtureSite.fixtures.appendingPathComponent("text-inputs")

    static func input(_ name: String) throws -> Data {
        try Data(contentsOf: inputs.appendingPathComponent(name))
    }

    static func place(_ name: String, at path: String, in site: FixtureSite) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try input(name).write(to: url)
    }

    /// `capex new`'s site (a page with figures and a chart, data, site.yaml, templates and
    /// partials) plus a folder with an `_index.md`, written with `lineEnd` and, where
    /// `bom`, a byte-order mark before every text file.
    static func starterSite(lineEnd: String, bom: Bool) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capex-text-\(UUID().uuidString)")
        _ = try Scaffold.create(at: folder)
        let extra = [
            "content/notes/_index.md": "---\ntitle: Notes\n---\n\nAll the notes.\n",
            "content/notes/one.md": "---\ntitle: One\ndate: 2025-01-12\ntags: [a, b]\n---\n\nSee {{ deals.acme-globex.amount }}.\n",
        ]
        for (path, text) in extra {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for path in FolderListing.list(folder.path, root: folder.path).files where !path.hasPrefix("templates/assets/") {
            let url = folder.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\n", with: lineEnd)
            try Data(((bom ? "\u{FEFF}" : "") + text).utf8).write(to: url)
        }
        return folder
    }

    @Test(arguments: [("\r\n", false), ("\r\n", true), ("\r", false), ("\n", true)])
    func everyTextInputReadsAsWithLF(lineEnd: String, bom: Bool) throws {
        let plain = try Self.starterSite(lineEnd: "\n", bom: false)
        let other = try Self.starterSite(lineEnd: lineEnd, bom: bom)
        let plainReport = SiteBuilder.build(BuildOptions(root: plain, strict: true))
        let otherReport = SiteBuilder.build(BuildOptions(root: other, strict: true))
        #expect(plainReport.succeeded && otherReport.succeeded, "\(otherReport.problemLines)")
        let home = try String(contentsOf: other.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(home.contains("<svg"), "the chart block was read")
        #expect(home.contains(">$3 billion per year</a>"), "the data and the figure reference were read")
        let notes = try String(contentsOf: other.appendingPathComponent("output/notes/index.html"), encoding: .utf8)
        #expect(notes.contains("All the notes."))
        let plainFiles = FixtureSite.snapshot(of: plain.appendingPathComponent("output"))
        let otherFiles = FixtureSite.snapshot(of: other.appendingPathComponent("output"))
        #expect(plainFiles.keys.sorted() == otherFiles.keys.sorted())
        for (path, bytes) in plainFiles where otherFiles[path] != bytes {
            Issue.record("\(path) differs from the LF build")
        }
    }

    @Test func theIssuesCRLFPageBuilds() throws {
        let site = try FixtureSite()
        try Self.place("crlf-page.md", at: "content/crlf-page.md", in: site)
        try Self.place("bom-page.md", at: "content/bom-page.md", in: site)
        try Self.place("cr-page.md", at: "content/cr-page.md", in: site)
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("crlf-page/index.html").contains("<h1>CRLF page</h1>"))
        #expect(site.read("crlf-page/index.html").contains("<p>Body.</p>"))
        #expect(site.read("bom-page/index.html").contains("<h1>BOM page</h1>"))
        #expect(site.read("cr-page/index.html").contains("<h1>Lone CR page</h1>"))
        #expect(site.read("cr-page/index.html").contains("<p>Body.</p>"))
    }

    /// The incremental path keeps a page's front matter in its cache and reads the body
    /// later, only if the page renders again: a CRLF page and a BOM page go through it.
    @Test func crlfPagesFromTheCacheMatchAFullBuild() throws {
        let site = try FixtureSite()
        try Self.place("crlf-page.md", at: "content/crlf-page.md", in: site)
        try Self.place("bom-page.md", at: "content/bom-page.md", in: site)
        try site.write("content/crlf-two.md", "---\r\ntitle: Two\r\ndate: 2024-02-29\r\n---\r\n\r\nSecond\r\nparagraph line.\r\n")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        #expect(BuildCache(output: site.output).load()?.frontMatter["content/crlf-page.md"]?.yaml == "title: CRLF page\n")
        // Every page renders again from its cached front matter and its body read now.
        try site.write("templates/page.mustache", site.read("templates/page.mustache", in: site.root) + "<!-- v2 -->\n")
        let report = site.build(trustStampsAfter: 0)
        #expect(report.succeeded, "\(report.problemLines)")
        let clean = site.root.appendingPathComponent("clean")
        #expect(SiteBuilder.build(BuildOptions(root: site.root, output: clean, incremental: false)).succeeded)
        #expect(FixtureSite.snapshot(of: site.output) == FixtureSite.snapshot(of: clean))
        #expect(site.read("crlf-two/index.html").contains("<p>Second\nparagraph line.</p>"))
        #expect(site.read("crlf-two/index.html").contains("February 29, 2024"))
    }

    @Test func errorsInCRLFFilesKeepTheirLineAndColumn() throws {
        let site = try FixtureSite()
        try Self.place("crlf-bad-field.md", at: "content/crlf-bad-field.md", in: site)
        try site.write("content/data/crlf.yaml", "- id: good\r\n  name: Good\r\n- id: Bad\r\n")
        try site.write("templates/page.mustache", "<article>\r\n<h1>{{page.title}}</h1>\r\n{{#page.date}}\r\n</article>\r\n")
        let lines = site.build().problemLines
        #expect(lines.contains("content/crlf-bad-field.md:4:8: error: 'draft' must be true or false, not the text 'nope'"))
        #expect(lines.contains("content/data/crlf.yaml:3:7: error: id 'Bad' must use lowercase letters, digits and hyphens"))
        #expect(lines.contains { $0.hasPrefix("templates/page.mustache:") && $0.contains("a section is opened but never closed") })
        // A chart block in a CRLF page: line 9 is `type: pie`, its value at column 7.
        try site.remove("content/crlf-bad-field.md")
        try site.remove("content/data/crlf.yaml")
        try site.remove("templates/page.mustache")
        try site.write("templates/page.mustache", "<article>{{{page.content}}}</article>\n")
        try site.write("content/chart.md", "---\r\ntitle: Chart\r\n---\r\n\r\nIntro.\r\n\r\n```chart\r\nid: x\r\ntype: pie\r\ntitle: T\r\n```\r\n")
        #expect(site.build().problemLines == [
            "content/chart.md:9:7: error: unknown chart type 'pie'; types are bar, stacked, line, timeline, flow, scale, tornado",
        ])
        // The shown line and caret come from the CRLF file itself.
        let raw = String(decoding: try Self.input("crlf-bad-field.md"), as: UTF8.self)
        let formatter = DiagnosticFormatter(sources: ["content/crlf-bad-field.md": raw])
        let shown = formatter.format(.error(at: SourceLocation(file: "content/crlf-bad-field.md", line: 4, column: 8), "x"))
        #expect(shown == "content/crlf-bad-field.md:4:8: error: x\ndraft: nope\n       ^")
    }

    @Test func invalidUTF8IsAnErrorAtItsByteAndTheLastOutputStays() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        try Self.place("invalid-utf8.md", at: "content/invalid-utf8.md", in: site)
        try Self.place("invalid-utf8.yaml", at: "content/data/latin1.yaml", in: site)
        try Self.place("nul.md", at: "content/nul.md", in: site)
        try Self.place("utf16.md", at: "content/utf16.md", in: site)
        var template = Data("<article>\n  <h1>{{page.title}} ".utf8)
        template.append(contentsOf: [0xC3, 0x28])
        template.append(contentsOf: Array("</h1>{{{page.content}}}</article>\n".utf8))
        try template.write(to: site.root.appendingPathComponent("templates/page.mustache"))
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0x80, 0x0A]).write(to: site.root.appendingPathComponent("content/site.yaml"))
        let report = site.build()
        #expect(!report.succeeded)
        let utf8 = "the file is not valid UTF-8: byte"
        let fix = "here cannot be read as text; save the file as UTF-8"
        #expect(report.problemLines == [
            // `Body ` is five characters: the bad byte is column 6 of line 5.
            "content/data/latin1.yaml:2:11: error: \(utf8) 0xE9 \(fix)",
            "content/invalid-utf8.md:5:6: error: \(utf8) 0xFF \(fix)",
            "content/nul.md:5:6: error: the file holds a NUL byte (U+0000): text files cannot; is it a text file saved as UTF-8?",
            "content/site.yaml:1:8: error: \(utf8) 0x80 \(fix)",
            "content/utf16.md:1:1: error: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
            "templates/page.mustache:2:22: error: \(utf8) 0xC3 \(fix)",
        ])
        #expect(FixtureSite.snapshot(of: site.output) == before)
    }

    @Test func decodingDropsOnlyALeadingByteOrderMark() throws {
        #expect(try SourceText.decode(Array("\u{FEFF}a\r\nb\rc\n".utf8), file: "f").get() == "a\nb\nc\n")
        #expect(try SourceText.decode(Array("a\u{FEFF}b".utf8), file: "f").get() == "a\u{FEFF}b")
        #expect(try SourceText.decode(Array("é\r\n\r\nñ".utf8), file: "f").get() == "é\n\nñ")
        // Line 3 after a CRLF and a lone CR; `añ` is two characters: column 3.
        guard case .failure(let problem) = SourceText.decode(Array("x\r\ny\rañ".utf8) + [0xFF], file: "f") else {
            Issue.record("invalid UTF-8 accepted")
            return
        }
        #expect(problem.location == SourceLocation(file: "f", line: 3, column: 3))
    }

    @Test func theCommandShowsTheBadLineAndExitsOne() throws {
        let site = try FixtureSite()
        try Self.place("invalid-utf8.md", at: "content/invalid-utf8.md", in: site)
        let result = try CLITests().run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/invalid-utf8.md:5:6: error: the file is not valid UTF-8: byte 0xFF here"))
        #expect(result.stderr.contains("build failed: 1 error; "))
    }
}
