import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// Every incremental result must be byte-identical to a clean build of the same input.
@Suite("incremental builds")
struct IncrementalTests {
    /// Builds incrementally into `output`, then from scratch into `clean`, and compares.
    func expectSameAsClean(_ site: FixtureSite, _ what: String, rendered: ClosedRange<Int>? = nil, trust delay: Double? = nil,
                           session: BuildSession? = nil) -> BuildReport {
        let report = site.build(trustStampsAfter: delay, session: session)
        #expect(report.succeeded, "\(what): \(report.problemLines)")
        let clean = site.root.appendingPathComponent("clean-\(UUID().uuidString)")
        let full = SiteBuilder.build(BuildOptions(root: site.root, output: clean, incremental: false))
        #expect(full.succeeded, "\(what): \(full.problemLines)")
        let incremental = FixtureSite.snapshot(of: site.output), scratch = FixtureSite.snapshot(of: clean)
        #expect(incremental.keys.sorted() == scratch.keys.sorted(), "\(what): same files")
        for (path, bytes) in scratch where incremental[path] != bytes {
            Issue.record("\(what): \(path) differs from a clean build")
        }
        if let rendered { #expect(rendered.contains(report.pagesRendered), "\(what): rendered \(report.pagesRendered)") }
        try? FileManager.default.removeItem(at: clean)
        return report
    }

    /// Run three times: with stamps never trusted (every file read and hashed, as right after
    /// an edit); trusted at once (unchanged files not read, front matter from the cache,
    /// bodies read only for the pages rendered); and with a session kept between builds, as
    /// `capex serve` keeps one (manifest, parsed pages and model from memory).
    @Test(arguments: zip([2.0, 0.0, 0.0], [false, false, true]))
    func aDozenChangesEachMatchACleanBuild(trustStampsAfter delay: Double, withSession: Bool) throws {
        let session = withSession ? BuildSession() : nil
        let site = try FixtureSite("story")
        try site.write("content/second.md", "---\ntitle: Second page\ndate: 2024-02-01\n---\n\nThe deal: {{ deals.aws-openai.per_year }}.\n")
        try site.write("content/third.md", "---\ntitle: Third page\n---\n\nNo figures here.\n")
        // A page whose only tie to the data is a chart (company names, colours, amounts).
        try site.write("content/flows.md", "---\ntitle: Flows\n---\n\n```chart\nid: flows\ntype: flow\ntitle: Flows\ndata: deals\n```\n")
        let first = site.build(trustStampsAfter: delay, session: session)
        #expect(first.succeeded && first.pagesRendered == first.pages, "\(first.problemLines)")

        let again = site.build(trustStampsAfter: delay, session: session)
        #expect(again.upToDate, "nothing changed")
        #expect(again.filesWritten == 0)

        // 1. Edit one page's body: only that page.
        try site.write("content/third.md", "---\ntitle: Third page\n---\n\nNo figures here, still.\n")
        _ = expectSameAsClean(site, "edit a body", rendered: 1...1, trust: delay, session: session)

        // 2. Edit a record that one page cites: that page, and the two drawing charts from the data.
        let deals = site.read("content/data/deals.yaml", in: site.root)
        try site.write("content/data/deals.yaml", deals.replacingOccurrences(of: "amount: $38B", with: "amount: $40B"))
        let afterRecord = expectSameAsClean(site, "edit a cited record", rendered: 3...3, trust: delay, session: session)
        #expect(site.read("second/index.html").contains("$5.71 billion per year"), "$40B ÷ 7 years")

        // 3. A template: every page that uses it.
        try site.write("templates/page.mustache", site.read("templates/page.mustache", in: site.root) + "<!-- v2 -->\n")
        _ = expectSameAsClean(site, "edit a template", trust: delay, session: session)

        // 4. A partial used by the layout: everything.
        try site.write("templates/partials/head.mustache", "<title>{{page.title}} · {{site.title}}</title><link rel=\"stylesheet\" href=\"{{assets.style_css}}\">\n")
        _ = expectSameAsClean(site, "edit a partial", trust: delay, session: session)

        // 5. An asset: its hashed name changes in every page.
        try site.write("templates/assets/style.css", "body { color: #333; }\n")
        _ = expectSameAsClean(site, "edit an asset", trust: delay, session: session)

        // 6. Add a page: it, and the lists, feed and sitemap.
        try site.write("content/fourth.md", "---\ntitle: Fourth\ndate: 2025-01-01\n---\n\nNew.\n")
        _ = expectSameAsClean(site, "add a page", trust: delay, session: session)

        // 7. Delete a page: its output disappears.
        try site.remove("content/third.md")
        _ = expectSameAsClean(site, "delete a page", trust: delay, session: session)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("third/index.html").path))

        // 8. Change a title: the lists that show it.
        try site.write("content/fourth.md", "---\ntitle: Fourth, renamed\ndate: 2025-01-01\n---\n\nNew.\n")
        _ = expectSameAsClean(site, "retitle a page", trust: delay, session: session)

        // 9. Add a record.
        try site.write("content/data/deals.yaml", site.read("content/data/deals.yaml", in: site.root)
            + "- id: meta-nvidia\n  from: meta\n  to: nvidia\n  kind: compute\n  amount: $12B\n  date: 2024-01-18\n  source: bi\n")
        _ = expectSameAsClean(site, "add a record", trust: delay, session: session)

        // 10. Delete a record nothing cites.
        let withoutOracle = site.read("content/data/deals.yaml", in: site.root)
            .replacingOccurrences(of: "- id: openai-oracle\n  from: openai\n  to: oracle\n  kind: compute\n  status: announced\n  date: 2025-09-10\n  source: xataka\n", with: "")
        try site.write("content/data/deals.yaml", withoutOracle)
        try site.write("content/data/claims.yaml", site.read("content/data/claims.yaml", in: site.root)
            .replacingOccurrences(of: "- id: oracle-yearly\n  says: $60B\n  figure: deals.openai-oracle.per_year\n  source: xataka\n", with: ""))
        _ = expectSameAsClean(site, "delete a record", trust: delay, session: session)

        // 11. Rename a company: every page that shows its name.
        try site.write("content/data/companies.yaml", site.read("content/data/companies.yaml", in: site.root)
            .replacingOccurrences(of: "name: Amazon\n", with: "name: Amazon.com\n"))
        _ = expectSameAsClean(site, "rename a company", trust: delay, session: session)
        #expect(site.read("companies/amazon/index.html").contains("Amazon.com"))
        #expect(site.read("charts/flows.svg").contains("Amazon.com"))

        // 12. A page's template field, and a static file.
        try site.write("content/fourth.md", "---\ntitle: Fourth, renamed\ndate: 2025-01-01\ntemplate: list\n---\n\nNew.\n")
        try site.write("content/notes.txt", "plain\n")
        _ = expectSameAsClean(site, "switch template, add a static file", trust: delay, session: session)

        // 13. site.yaml: everything, from scratch.
        try site.write("content/site.yaml", "title: Story fixture, retitled\nbase_url: https://example.org/\n")
        let retitled = expectSameAsClean(site, "edit site.yaml", trust: delay, session: session)
        #expect(retitled.pagesRendered == retitled.pages)
        _ = afterRecord
    }

    @Test func aFailingIncrementalBuildWritesNothing() throws {
        let site = try FixtureSite("story")
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        try site.write("content/index.md", "---\ntitle: Broken\n---\n\n{{ deals.nope.amount }}\n")
        #expect(!site.build().succeeded)
        #expect(FixtureSite.snapshot(of: site.output) == before)
    }

    @Test func aCorruptOrForeignCacheIsIgnored() throws {
        let site = try FixtureSite("story")
        #expect(site.build().succeeded)
        let manifest = site.root.appendingPathComponent(".capex-cache/output.manifest")
        let written = try Data(contentsOf: manifest)
        try Data("{ not a manifest".utf8).write(to: manifest)
        let afterCorrupt = site.build()
        #expect(afterCorrupt.succeeded && afterCorrupt.pagesRendered == afterCorrupt.pages, "full build after a corrupt cache")

        // Cut short (a build killed while appending): not trusted either.
        try written.dropLast(5).write(to: manifest)
        let afterTruncated = site.build()
        #expect(afterTruncated.succeeded && afterTruncated.pagesRendered == afterTruncated.pages, "full build after a cut manifest")

        // A manifest written for other settings (another base URL) is not trusted either.
        #expect(site.build(baseURL: "https://other.example/").pagesRendered == 1)
        #expect(site.read("sitemap.xml").contains("https://other.example/"))

        // Outputs deleted behind the cache's back are written again.
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("index.html"))
        _ = expectSameAsClean(site, "deleted output file")
    }

    /// With stamps trusted at once, an unchanged file is not read again: the next build
    /// takes its hash from the manifest, its front matter from the cache, and reads its body
    /// only if the page is rendered again. The results must still match clean builds.
    @Test func unchangedFilesAreNotReadAgain() throws {
        let site = try FixtureSite("story")
        try site.write("content/linking.md", "---\ntitle: Linking\n---\n\nSee [the third page](/third/).\n")
        try site.write("content/third.md", "---\ntitle: Third page\n---\n\nNo figures here.\n")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        let cache = BuildCache(output: site.output)
        let untouched = InputFiles.read(root: site.root, previous: cache.load(), trustAfter: 0)
        #expect(untouched.contents.isEmpty, "nothing read: \(untouched.contents.keys.sorted())")
        #expect(untouched.hashes == InputFiles.read(root: site.root).hashes, "the hashes kept are the files' hashes")
        #expect(untouched.frontMatter["content/third.md"]?.yaml == "title: Third page\n")

        // Edit one body: only that file is read; the other pages come from the cache.
        try site.write("content/third.md", "---\ntitle: Third page\n---\n\nNo figures here, not one.\n")
        let edited = InputFiles.read(root: site.root, previous: cache.load(), trustAfter: 0)
        #expect(edited.contents.keys.sorted() == ["content/third.md"])
        #expect(edited.frontMatter["content/third.md"] == nil, "its cached front matter is dropped")
        let report = site.build(trustStampsAfter: 0)
        #expect(report.succeeded && report.pagesRendered == 1, "\(report.problemLines)")
        #expect(site.read("third/index.html").contains("No figures here, not one."))

        // A template change re-renders the two pages using it, whose bodies were not read: they are now.
        try site.write("templates/page.mustache", site.read("templates/page.mustache", in: site.root) + "<!-- v2 -->\n")
        let all = site.build(trustStampsAfter: 0)
        #expect(all.succeeded && all.pagesRendered == 2, "\(all.pagesRendered) \(all.problemLines)")
        let clean = site.root.appendingPathComponent("clean")
        #expect(SiteBuilder.build(BuildOptions(root: site.root, output: clean, incremental: false)).succeeded)
        #expect(FixtureSite.snapshot(of: site.output) == FixtureSite.snapshot(of: clean))

        // A link that breaks in a page kept from the last build is still reported where it is written.
        try site.remove("content/third.md")
        let broken = site.build(trustStampsAfter: 0)
        #expect(!broken.succeeded)
        #expect(broken.problemLines.contains { $0.hasPrefix("content/linking.md:5:22: error: link to /third/") }, "\(broken.problemLines)")
    }

    @Test func stampsTrustedLaterAreRecordedByABuildThatFindsNothingChanged() throws {
        // A command-line build (no session) that finds nothing changed still records the
        // stamps it can trust now, so that the next build does not read every file again.
        let site = try FixtureSite("story")
        #expect(site.build(trustStampsAfter: 1000).succeeded)
        #expect(try #require(BuildCache(output: site.output).load()).stamps.isEmpty, "too fresh to trust")
        #expect(site.build(trustStampsAfter: 0).upToDate)
        let manifest = try #require(BuildCache(output: site.output).load())
        #expect(manifest.stamps.count == manifest.files.count)
        #expect(InputFiles.read(root: site.root, previous: manifest, trustAfter: 0).contents.isEmpty, "nothing read again")
    }

    @Test func freshStampsAreNotTrusted() throws {
        let site = try FixtureSite("story")
        #expect(site.build().succeeded)
        // Every file was written moments ago (touched again now, since a build that draws
        // PNGs on a loaded machine can take longer than the 2 s): a write in the same clock
        // tick could leave its stamp as it was, so none is trusted yet, and every file is read again.
        for path in FixtureSite.files(in: site.root) where path.hasPrefix("content/") || path.hasPrefix("templates/") {
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: site.root.appendingPathComponent(path).path)
        }
        let inputs = InputFiles.read(root: site.root, previous: BuildCache(output: site.output).load(), trustAfter: 2)
        #expect(inputs.stamps.isEmpty)
        #expect(inputs.contents.count == inputs.hashes.count)
    }

    @Test func manifestChangesAreAppendedAndReadBack() throws {
        var first = BuildManifest(
            settings: "s", files: ["content/a.md": "1", "content/b.md": "2"],
            stamps: ["content/a.md": FileStamp(size: 10, modified: 5, changed: 6, inode: 7)],
            frontMatter: ["content/a.md": CachedFrontMatter(yaml: "title: A\twith a tab\nsummary: \"back\\slash\"\n", bodyFirstLine: 4),
                          "content/b.md": CachedFrontMatter(yaml: nil, bodyFirstLine: 1)],
            inputs: ["pagelist": "p1"],
            groups: ["page:/a/": BuildManifest.Group(files: ["a/index.html": "h1"], deps: ["file:content/a.md"], links: ["/b/"]),
                     "page:/b/": BuildManifest.Group(files: ["b/index.html": "h2"], deps: ["file:content/b.md"], links: [])],
            warnings: [BuildManifest.Warning(file: "content/a.md", line: 2, column: 3, message: "odd\nvalue")]
        )
        var bytes = ManifestFormat.encode(first)
        var decoded = try #require(ManifestFormat.decode(bytes))
        first.fullSize = bytes.count
        first.totalSize = bytes.count
        #expect(decoded == first)

        var second = first
        second.files["content/a.md"] = "1b"
        second.stamps["content/a.md"] = nil
        second.files["content/b.md"] = nil
        second.frontMatter["content/b.md"] = nil
        second.inputs["pagelist"] = "p2"
        second.groups["page:/a/"]?.files["a/index.html"] = "h1b"
        second.groups["page:/b/"] = nil
        second.warnings = []
        bytes += ManifestFormat.encodeChanges(from: first, to: second, rendered: ["page:/a/"])
        decoded = try #require(ManifestFormat.decode(bytes))
        second.totalSize = bytes.count
        #expect(decoded == second)
        #expect(ManifestFormat.encodeChanges(from: second, to: second, rendered: []).isEmpty)

        #expect(ManifestFormat.decode(Array(bytes.dropLast(4))) == nil, "cut short")
        // Another binary's manifest is read, with its binary, for the caller to distrust.
        var other = second
        other.binary = "another capex"
        let otherBytes = ManifestFormat.encode(other)
        let read = try #require(ManifestFormat.decode(otherBytes))
        #expect(read.binary == "another capex")
        #expect(!read.isTrusted)
        #expect(decoded.isTrusted)
    }
}
