import Foundation
import Testing
@testable import Site

/// Every incremental result must be byte-identical to a clean build of the same input.
@Suite("incremental builds")
struct IncrementalTests {
    /// Builds incrementally into `output`, then from scratch into `clean`, and compares.
    func expectSameAsClean(_ site: FixtureSite, _ what: String, rendered: ClosedRange<Int>? = nil) -> BuildReport {
        let report = site.build()
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

    @Test func aDozenChangesEachMatchACleanBuild() throws {
        let site = try FixtureSite("story")
        try site.write("content/second.md", "---\ntitle: Second page\ndate: 2024-02-01\n---\n\nThe deal: {{ deals.aws-openai.per_year }}.\n")
        try site.write("content/third.md", "---\ntitle: Third page\n---\n\nNo figures here.\n")
        // A page whose only tie to the data is a chart (company names, colours, amounts).
        try site.write("content/flows.md", "---\ntitle: Flows\n---\n\n```chart\nid: flows\ntype: flow\ntitle: Flows\ndata: deals\n```\n")
        let first = site.build()
        #expect(first.succeeded && first.pagesRendered == first.pages, "\(first.problemLines)")

        let again = site.build()
        #expect(again.upToDate, "nothing changed")
        #expect(again.filesWritten == 0)

        // 1. Edit one page's body: only that page.
        try site.write("content/third.md", "---\ntitle: Third page\n---\n\nNo figures here, still.\n")
        _ = expectSameAsClean(site, "edit a body", rendered: 1...1)

        // 2. Edit a record that one page cites: that page, and the two drawing charts from the data.
        let deals = site.read("content/data/deals.yaml", in: site.root)
        try site.write("content/data/deals.yaml", deals.replacingOccurrences(of: "amount: $38B", with: "amount: $40B"))
        let afterRecord = expectSameAsClean(site, "edit a cited record", rendered: 3...3)
        #expect(site.read("second/index.html").contains("$5.71 billion per year"), "$40B ÷ 7 years")

        // 3. A template: every page that uses it.
        try site.write("templates/page.mustache", site.read("templates/page.mustache", in: site.root) + "<!-- v2 -->\n")
        _ = expectSameAsClean(site, "edit a template")

        // 4. A partial used by the layout: everything.
        try site.write("templates/partials/head.mustache", "<title>{{page.title}} · {{site.title}}</title><link rel=\"stylesheet\" href=\"{{assets.style_css}}\">\n")
        _ = expectSameAsClean(site, "edit a partial")

        // 5. An asset: its hashed name changes in every page.
        try site.write("templates/assets/style.css", "body { color: #333; }\n")
        _ = expectSameAsClean(site, "edit an asset")

        // 6. Add a page: it, and the lists, feed and sitemap.
        try site.write("content/fourth.md", "---\ntitle: Fourth\ndate: 2025-01-01\n---\n\nNew.\n")
        _ = expectSameAsClean(site, "add a page")

        // 7. Delete a page: its output disappears.
        try site.remove("content/third.md")
        _ = expectSameAsClean(site, "delete a page")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("third/index.html").path))

        // 8. Change a title: the lists that show it.
        try site.write("content/fourth.md", "---\ntitle: Fourth, renamed\ndate: 2025-01-01\n---\n\nNew.\n")
        _ = expectSameAsClean(site, "retitle a page")

        // 9. Add a record.
        try site.write("content/data/deals.yaml", site.read("content/data/deals.yaml", in: site.root)
            + "- id: meta-nvidia\n  from: meta\n  to: nvidia\n  kind: compute\n  amount: $12B\n  date: 2024-01-18\n  source: bi\n")
        _ = expectSameAsClean(site, "add a record")

        // 10. Delete a record nothing cites.
        let withoutOracle = site.read("content/data/deals.yaml", in: site.root)
            .replacingOccurrences(of: "- id: openai-oracle\n  from: openai\n  to: oracle\n  kind: compute\n  status: announced\n  date: 2025-09-10\n  source: xataka\n", with: "")
        try site.write("content/data/deals.yaml", withoutOracle)
        try site.write("content/data/claims.yaml", site.read("content/data/claims.yaml", in: site.root)
            .replacingOccurrences(of: "- id: oracle-yearly\n  says: $60B\n  figure: deals.openai-oracle.per_year\n  source: xataka\n", with: ""))
        _ = expectSameAsClean(site, "delete a record")

        // 11. Rename a company: every page that shows its name.
        try site.write("content/data/companies.yaml", site.read("content/data/companies.yaml", in: site.root)
            .replacingOccurrences(of: "name: Amazon\n", with: "name: Amazon.com\n"))
        _ = expectSameAsClean(site, "rename a company")
        #expect(site.read("companies/amazon/index.html").contains("Amazon.com"))
        #expect(site.read("charts/flows.svg").contains("Amazon.com"))

        // 12. A page's template field, and a static file.
        try site.write("content/fourth.md", "---\ntitle: Fourth, renamed\ndate: 2025-01-01\ntemplate: list\n---\n\nNew.\n")
        try site.write("content/notes.txt", "plain\n")
        _ = expectSameAsClean(site, "switch template, add a static file")

        // 13. site.yaml: everything, from scratch.
        try site.write("content/site.yaml", "title: Story fixture, retitled\nbase_url: https://example.org/\n")
        let retitled = expectSameAsClean(site, "edit site.yaml")
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
        let manifest = site.root.appendingPathComponent(".capex-cache/output.json")
        #expect(FileManager.default.fileExists(atPath: manifest.path))
        try Data("{ not json".utf8).write(to: manifest)
        let afterCorrupt = site.build()
        #expect(afterCorrupt.succeeded && afterCorrupt.pagesRendered == afterCorrupt.pages, "full build after a corrupt cache")

        // A manifest written for other settings (another base URL) is not trusted either.
        #expect(site.build(baseURL: "https://other.example/").pagesRendered == 1)
        #expect(site.read("sitemap.xml").contains("https://other.example/"))

        // Outputs deleted behind the cache's back are written again.
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("index.html"))
        _ = expectSameAsClean(site, "deleted output file")
    }
}
