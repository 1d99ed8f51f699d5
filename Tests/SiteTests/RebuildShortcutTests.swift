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
