import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Site

/// The shortcuts a rebuild takes to be fast (front matter from the cache, the manifest
/// decoded beside the scan of the inputs, missing outputs looked for beside the load) must
/// never serve a stale page: each test changes something a shortcut could miss, and compares
/// the rebuilt folder with a clean build.
@Suite("rebuild shortcuts")
struct RebuildShortcutTests {
    /// Builds from scratch into a new folder and expects the same files, byte for byte.
    func expectSameAsClean(_ site: FixtureSite, _ what: String) {
        let clean = site.root.appendingPathComponent("clean-\(UUID().uuidString)")
        let full = SiteBuilder.build(BuildOptions(root: site.root, output: clean, incremental: false))
        #expect(full.succeeded, "\(what): \(full.problemLines)")
        let rebuilt = FixtureSite.snapshot(of: site.output), scratch = FixtureSite.snapshot(of: clean)
        #expect(rebuilt.keys.sorted() == scratch.keys.sorted(), "\(what): same files")
        for (path, bytes) in scratch where rebuilt[path] != bytes { Issue.record("\(what): \(path) differs from a clean build") }
        try? FileManager.default.removeItem(at: clean)
    }

    /// A page's cached front matter is parsed only if it may hold `template`, `draft` or
    /// `slug` (or a backslash): the search must find them at the start, the end, anywhere.
    @Test func theFieldsThatChangeAPageAreFoundAnywhereInItsCachedFrontMatter() {
        let words: [StaticString] = ["template", "draft", "slug"]
        #expect(mentions(words, in: "template: list\ntitle: A\n", orBackslash: true), "at the start")
        #expect(mentions(words, in: "title: A\ndraft", orBackslash: true), "at the very end")
        #expect(mentions(words, in: "title: A\nslug: b\ndate: 2024-01-01\n", orBackslash: true), "in the middle")
        #expect(mentions(words, in: "title: \"tab\\there\"\n", orBackslash: true), "a backslash")
        #expect(mentions(words, in: "title: ¿Qué draft?\n", orBackslash: true), "after non-ASCII text")
        #expect(!mentions(words, in: "title: templat dra slu\nsummary: draf", orBackslash: true), "cut short at the end")
        #expect(!mentions(words, in: "title: A\ndate: 2024-01-01\n", orBackslash: true))
        #expect(!mentions(words, in: "", orBackslash: true))
    }

    /// Pages with a slug, a template or a draft flag, rebuilt from the cache after another
    /// page changed, keep their address, template and absence exactly as a clean build has them.
    @Test func pagesTakenFromTheCacheKeepTheirSlugTemplateAndDraftFlag() throws {
        let site = try FixtureSite("story")
        try site.write("content/moved.md", "---\ntitle: Moved\nslug: elsewhere\n---\n\nMoved page.\n")
        try site.write("content/listed.md", "---\ntitle: Listed\ntemplate: list\n---\n\nA page with the list template.\n")
        try site.write("content/hidden.md", "---\ntitle: Hidden\ndraft: true\n---\n\nNot yet.\n")
        try site.write("content/other.md", "---\ntitle: Other\n---\n\nFirst words.\n")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        try site.write("content/other.md", "---\ntitle: Other\n---\n\nSecond words.\n")
        let report = site.build(trustStampsAfter: 0)
        #expect(report.succeeded && report.pagesRendered == 1, "\(report.pagesRendered) \(report.problemLines)")
        #expect(site.read("elsewhere/index.html").contains("Moved page."))
        #expect(site.read("other/index.html").contains("Second words."))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("hidden/index.html").path))
        expectSameAsClean(site, "after editing another page")
    }

    /// An output deleted behind the cache's back is written again also when an input changed
    /// in the same build (the missing files are then looked for beside the load).
    @Test func aDeletedOutputIsWrittenAgainWhenAPageAlsoChanged() throws {
        let site = try FixtureSite("story")
        try site.write("content/first.md", "---\ntitle: First\n---\n\nOne.\n")
        try site.write("content/second.md", "---\ntitle: Second\n---\n\nTwo.\n")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("first/index.html"))
        try site.write("content/second.md", "---\ntitle: Second\n---\n\nTwo, edited.\n")
        let report = site.build(trustStampsAfter: 0)
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("first/index.html").contains("One."), "the deleted page is back")
        #expect(site.read("second/index.html").contains("Two, edited."))
        expectSameAsClean(site, "deleted output and an edit")
    }

    /// The data's model is rebuilt after a data edit even when nothing else changed and the
    /// stamps of every other file are trusted: the page citing the record shows the new value.
    @Test func aDataEditShowsOnTheCitingPage() throws {
        let site = try FixtureSite("story")
        try site.write("content/cites.md", "---\ntitle: Cites\n---\n\nThe deal: {{ deals.aws-openai.amount }}.\n")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        let before = site.read("cites/index.html")
        #expect(before.contains("$38 billion"), "\(before)")
        let deals = site.read("content/data/deals.yaml", in: site.root)
        try site.write("content/data/deals.yaml", deals.replacingOccurrences(of: "amount: $38B", with: "amount: $41B"))
        let report = site.build(trustStampsAfter: 0)
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("cites/index.html").contains("$41 billion"))
        expectSameAsClean(site, "after a data edit")
    }

    /// The records of the inputs are encoded beside the render and handed to the write:
    /// the manifest appended that way reads back as the one the build describes.
    @Test func inputRecordsEncodedAheadAppendTheSameManifest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capex-test-\(UUID().uuidString)")
        let output = folder.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(output: output)
        let first = BuildManifest(
            settings: "s", files: ["content/a.md": "1", "content/b.md": "2", "content/c.md": "3"],
            stamps: ["content/a.md": FileStamp(size: 10, modified: 5, changed: 6, inode: 7),
                     "content/c.md": FileStamp(size: 11, modified: 5, changed: 6, inode: 8)],
            frontMatter: ["content/a.md": CachedFrontMatter(yaml: "title: A\n", bodyFirstLine: 4),
                          "content/b.md": CachedFrontMatter(yaml: "title: B\n", bodyFirstLine: 4)],
            inputs: ["pagelist": "p1"],
            groups: ["page:/a/": BuildManifest.Group(files: ["a/index.html": "h1"], deps: ["file:content/a.md"], links: []),
                     "page:/b/": BuildManifest.Group(files: ["b/index.html": "h2"], deps: ["file:content/b.md"], links: [])]
        )
        let saved = try #require(cache.save(first))
        var second = saved
        second.files["content/a.md"] = "1b"                      // edited
        second.stamps["content/a.md"] = nil                       // too fresh to trust
        second.stamps["content/c.md"]?.changed = 9                // touched, same bytes
        second.files["content/b.md"] = nil                        // deleted
        second.frontMatter["content/b.md"] = nil
        second.frontMatter["content/a.md"] = CachedFrontMatter(yaml: "title: A, edited\n", bodyFirstLine: 4)
        second.groups["page:/a/"]?.files["a/index.html"] = "h1b"
        second.groups["page:/b/"] = nil
        let ahead = BuildCache.inputChanges(from: saved, files: second.files, stamps: second.stamps, frontMatter: second.frontMatter)
        #expect(cache.commit(cache.prepare(second, previous: saved, rendered: ["page:/a/"], inputChanges: ahead)) != nil)
        let text = try String(contentsOf: cache.manifestURL, encoding: .utf8)
        #expect(text.components(separatedBy: "\nend\n").count == 3, "appended as a second segment")
        let read = try #require(cache.load())
        #expect(read.files == ["content/a.md": "1b", "content/c.md": "3"])
        #expect(read.stamps == second.stamps)
        #expect(read.frontMatter == ["content/a.md": CachedFrontMatter(yaml: "title: A, edited\n", bodyFirstLine: 4)])
        #expect(read.groups == second.groups)
        #expect(read.inputs == ["pagelist": "p1"])
    }

    /// The input records compared over the changed paths only (`only:`) are the records a
    /// comparison of every entry finds: an edit, a touch, a deletion, a new file, and front
    /// matter parsed afresh for a file whose bytes did not change.
    @Test func inputRecordsOfTheChangedPathsAreTheRecordsOfAFullComparison() {
        let old = BuildManifest(
            settings: "s", files: ["a.md": "1", "b.md": "2", "c.md": "3", "e.md": "5", "f.md": "6"],
            stamps: ["a.md": FileStamp(size: 1, modified: 1, changed: 1, inode: 1),
                     "c.md": FileStamp(size: 3, modified: 3, changed: 3, inode: 3),
                     "f.md": FileStamp(size: 6, modified: 6, changed: 6, inode: 6)],
            frontMatter: ["a.md": CachedFrontMatter(yaml: "title: A\n", bodyFirstLine: 4),
                          "b.md": CachedFrontMatter(yaml: "title: B\n", bodyFirstLine: 4),
                          "f.md": CachedFrontMatter(yaml: "title: F\n", bodyFirstLine: 4)],
            inputs: [:], groups: [:]
        )
        var files = old.files, stamps = old.stamps, frontMatter = old.frontMatter
        files["a.md"] = "1b"; stamps["a.md"] = nil                                   // edited, too fresh to trust
        frontMatter["a.md"] = CachedFrontMatter(yaml: "title: A2\n", bodyFirstLine: 4)
        stamps["c.md"] = FileStamp(size: 3, modified: 3, changed: 9, inode: 3)       // touched, same bytes
        files["b.md"] = nil; frontMatter["b.md"] = nil                               // deleted
        files["d.md"] = "4"; stamps["d.md"] = FileStamp(size: 4, modified: 4, changed: 4, inode: 4) // new
        frontMatter["d.md"] = CachedFrontMatter(yaml: nil, bodyFirstLine: 1)
        frontMatter["e.md"] = CachedFrontMatter(yaml: "title: E\n", bodyFirstLine: 4) // parsed afresh, same bytes
        // Read this time: a, c, d; gone: b; parsed: a, d, e (a named twice). f is as it was.
        let only = ["a.md", "c.md", "d.md", "b.md", "a.md", "d.md", "e.md"]
        func lines(_ bytes: [UInt8]) -> [String] { String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).sorted() }
        let full = lines(ManifestFormat.encodeInputChanges(from: old, files: files, stamps: stamps, frontMatter: frontMatter))
        let some = lines(ManifestFormat.encodeInputChanges(from: old, files: files, stamps: stamps, frontMatter: frontMatter, only: only))
        #expect(some == full)
        #expect(full == [
            "-F\tb.md", "-Y\tb.md", "F\ta.md\t1b", "F\tc.md\t3\t3\t3\t9\t3", "F\td.md\t4\t4\t4\t4\t4",
            "Y\ta.md\t4\t\ttitle: A2\\n", "Y\td.md\t1\t", "Y\te.md\t4\t\ttitle: E\\n",
        ])
    }

    /// The scans kept with each cached front matter read back as written, each of the five
    /// ways (unknown, nothing found, the address fields, `lang`, both); any other letter
    /// makes the manifest unreadable, so that the build starts over rather than trust it.
    @Test func frontMatterScansReadBackAsWritten() throws {
        let kinds: [FrontMatterScans?] = [nil, .init(mayChangeAddress: false, mayHoldLang: false), .init(mayChangeAddress: true, mayHoldLang: false),
                                          .init(mayChangeAddress: false, mayHoldLang: true), .init(mayChangeAddress: true, mayHoldLang: true)]
        var manifest = BuildManifest(settings: "s", files: [:], inputs: [:], groups: [:])
        for (index, scans) in kinds.enumerated() {
            manifest.frontMatter["content/\(index).md"] = CachedFrontMatter(yaml: index == 2 ? nil : "title: \(index)\n", bodyFirstLine: 4, scans: scans)
        }
        let bytes = ManifestFormat.encode(manifest)
        #expect(try #require(ManifestFormat.decode(bytes)).frontMatter == manifest.frontMatter)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Y\tcontent/4.md\t4\t-al\ttitle: 4\\n\n"))
        #expect(text.contains("Y\tcontent/2.md\t4\t-a\n"))
        #expect(ManifestFormat.decode(Array(text.replacingOccurrences(of: "\t-al\t", with: "\t-x\t").utf8)) == nil)
        #expect(ManifestFormat.decode(Array(text.replacingOccurrences(of: "\t-al\t", with: "\tal\t").utf8)) == nil)
    }

    /// A page taken from the cache is checked as a parsed one: its `lang` is still found
    /// (here, one the site has no words for: a warning every build) and its slug still moves it.
    @Test func pagesTakenFromTheCacheAreCheckedAsParsedOnes() throws {
        let site = try FixtureSite("story")
        try site.write("content/foreign.md", "---\ntitle: Foreign\nlang: fr\n---\n\nBonjour.\n")
        try site.write("content/moved.md", "---\ntitle: Moved\nslug: elsewhere\n---\n\nMoved.\n")
        try site.write("content/other.md", "---\ntitle: Other\n---\n\nFirst.\n")
        let first = site.build(trustStampsAfter: 0)
        #expect(first.problemLines.contains { $0.hasPrefix("content/foreign.md:3:7: warning: lang 'fr' is neither one of the site's languages") }, "\(first.problemLines)")
        let cached = try #require(BuildCache(output: site.output).load())
        #expect(cached.frontMatter["content/foreign.md"]?.scans == FrontMatterScans(mayChangeAddress: false, mayHoldLang: true))
        #expect(cached.frontMatter["content/moved.md"]?.scans == FrontMatterScans(mayChangeAddress: true, mayHoldLang: false))
        try site.write("content/other.md", "---\ntitle: Other\n---\n\nSecond.\n")
        let second = site.build(trustStampsAfter: 0)
        #expect(second.succeeded && second.pagesRendered == 1, "\(second.pagesRendered) \(second.problemLines)")
        #expect(second.problemLines.contains { $0.hasPrefix("content/foreign.md:3:7: warning: lang 'fr' is neither one of the site's languages") }, "\(second.problemLines)")
        #expect(site.read("elsewhere/index.html").contains("Moved."))
        expectSameAsClean(site, "after editing another page")
    }

    /// The manifest's escapes (tab, newline, return, backslash) come back as they went in,
    /// wherever they stand in a field and however many follow each other: hand-picked texts
    /// and 2,000 generated ones, as front matter, paths and warnings.
    @Test func escapedFieldsReadBackAsWritten() throws {
        var texts = ["", "\\", "\\\\", "\t", "\n\n", "a\\", "\\a", "title: A\nsummary: \"x\\ty\"\n", "é\n\u{301}\r\n", "\\n", "\\\n"]
        let pieces = ["\t", "\n", "\r", "\\", "\\n", "a", "title: ", "é", "\u{301}", "--", " "]
        var random = SeededRandom(0x9E37_79B9_7F4A_7C15)
        for _ in 0..<2_000 { texts.append((0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined()) }
        var manifest = BuildManifest(settings: "s", files: [:], inputs: [:], groups: [:])
        for (index, text) in texts.enumerated() {
            manifest.files["content/\(index)\(text).md"] = "h\(index)"
            manifest.frontMatter["content/\(index).md"] = CachedFrontMatter(yaml: text, bodyFirstLine: index)
            manifest.warnings.append(BuildManifest.Warning(file: "f\(text)", line: index, column: 1, message: text))
        }
        let read = try #require(ManifestFormat.decode(ManifestFormat.encode(manifest)))
        #expect(read.files == manifest.files)
        #expect(read.warnings == manifest.warnings)
        for (index, text) in texts.enumerated() where read.frontMatter["content/\(index).md"]?.yaml != text {
            Issue.record("front matter \(index) read back as \(String(reflecting: read.frontMatter["content/\(index).md"]?.yaml)), written \(String(reflecting: text))")
        }
    }

    /// `InputFiles.changed` names the files read again and the files gone, nothing else; and
    /// a no-change build that trusts a stamp it could not trust before records it.
    @Test func theChangedPathsAreTheFilesReadAgainAndTheFilesGone() throws {
        let site = try FixtureSite("story")
        try site.write("content/one.md", "---\ntitle: One\n---\n\nOne.\n")
        try site.write("content/two.md", "---\ntitle: Two\n---\n\nTwo.\n")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        let cache = BuildCache(output: site.output)
        let before = try #require(cache.load())
        #expect(before.stamps["content/one.md"] != nil, "trusted at once")
        try site.write("content/one.md", "---\ntitle: One\n---\n\nOne, edited.\n")
        try site.remove("content/two.md")
        try site.write("content/three.md", "---\ntitle: Three\n---\n\nThree.\n")
        let files = InputFiles.read(root: site.root, output: site.output, previous: before, trustAfter: 0)
        #expect(files.changed.sorted() == ["content/one.md", "content/three.md", "content/two.md"])
        #expect(site.build(trustStampsAfter: 0).succeeded)
        let after = try #require(cache.load())
        #expect(after.files["content/two.md"] == nil && after.frontMatter["content/two.md"] == nil)
        #expect(after.frontMatter["content/three.md"] == CachedFrontMatter(
            yaml: "title: Three\n", bodyFirstLine: 4, scans: FrontMatterScans(mayChangeAddress: false, mayHoldLang: false)))
        #expect(after.stamps == InputFiles.read(root: site.root, output: site.output, previous: nil as BuildManifest?, trustAfter: 0).stamps)
        expectSameAsClean(site, "after an edit, a deletion and a new page")

        // Untrusted when built (a stamp younger than an hour), trusted by the next build.
        try site.write("content/one.md", "---\ntitle: One\n---\n\nOne, again.\n")
        #expect(site.build(trustStampsAfter: 3600).succeeded)
        #expect(try #require(cache.load()).stamps["content/one.md"] == nil)
        let upToDate = site.build(trustStampsAfter: 0)
        #expect(upToDate.upToDate)
        let refreshed = try #require(cache.load())
        #expect(refreshed.stamps["content/one.md"] != nil, "the stamp trusted now is recorded")
        #expect(refreshed.stamps == InputFiles.read(root: site.root, output: site.output, previous: nil as BuildManifest?, trustAfter: 0).stamps)
    }

    /// The byte scans every build runs over every page: `lang` anywhere in the front matter
    /// (then parsed), and a file name that looks like a translation into another language.
    @Test func theByteScansOverEveryPageFindWhatTheyLookFor() throws {
        #expect(LanguageTrees.mayHoldLang("lang: es\n"))
        #expect(LanguageTrees.mayHoldLang("title: A\nlang"), "at the very end")
        #expect(LanguageTrees.mayHoldLang("title: Ñandú\nlanguage: x\n"), "after non-ASCII text")
        #expect(!LanguageTrees.mayHoldLang("title: la ng lan\n"))
        #expect(!LanguageTrees.mayHoldLang("lan"))
        #expect(!LanguageTrees.mayHoldLang(""))
        #expect(!LanguageTrees.mayHoldLang("title: \"a\\tb\"\n"), "a backslash is not the word")

        let site = try FixtureSite("story")
        for name in ["notes", "notes.deu", "notes.v2", "notes.ES", "notes.e", "plan.fr"] {
            try site.write("content/\(name).md", "---\ntitle: \(name)\n---\n\nText.\n")
        }
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let stray = report.problemLines.filter { $0.contains("looks like a translation") }.map { $0.components(separatedBy: ":")[0] }
        // Only a 2–3 lowercase-letter code after a page that exists: not v2, ES, e, nor fr without plan.md.
        #expect(stray == ["content/notes.deu.md"], "\(stray)")
    }
}
