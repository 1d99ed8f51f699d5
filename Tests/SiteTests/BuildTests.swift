import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

@Suite("capex build on the basic fixture")
struct BuildTests {
    @Test func writesEveryPageListAndSiteFile() throws {
        let site = try FixtureSite()
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let files = FixtureSite.files(in: site.output)
        let css = try #require(files.first { $0.hasPrefix("assets/style.") })
        // firms.yaml makes the figures and data pages and their downloads.
        #expect(files == [
            "404.html", "about/index.html", css, "data/all-figures.csv", "data/all-figures.json",
            "data/firms.csv", "data/firms.json", "data/index.html", "feed.xml", "figures/index.html",
            "images/pixel.svg", "index.html", "notes/index.html", "notes/one/index.html", "posts/first/index.html",
            "posts/index.html", "posts/renamed/index.html", "robots.txt", "sitemap.xml",
        ])
        // 7 pages: index, about, notes list, notes/one, posts list, first, renamed (second is a draft).
        #expect(report.pages == 7)
        #expect(report.filesWritten == files.count)
    }

    @Test func assetNamesCarryAHashOfTheirBytesAndTemplatesUseThem() throws {
        let site = try FixtureSite()
        site.build()
        // FNV-1a 64 of "body { color: #222; }\n", first 10 hex digits, worked out with Python.
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/style.495b8139f3.css").path))
        #expect(site.read("index.html").contains(#"href="/story/assets/style.495b8139f3.css""#))
        try site.write("templates/assets/style.css", "body { color: red; }\n")
        site.build()
        #expect(!site.read("index.html").contains("style.495b8139f3.css"))
    }

    @Test func rendersGitHubFlavouredMarkdownAndOmitsRawHTML() throws {
        let site = try FixtureSite()
        site.build()
        let about = site.read("about/index.html")
        // Alignment as CSS: HTML made `align` obsolete (an error for the Nu Html Checker).
        #expect(about.contains(#"<th style="text-align: right">Units</th>"#))
        #expect(!about.contains("align=\""))
        #expect(about.contains("<del>old</del>"))
        #expect(about.contains(#"<a href="https://example.com/x">https://example.com/x</a>"#))
        #expect(about.contains(#"<input type="checkbox" checked="" disabled="" /> done"#))
        #expect(about.contains(#"<li id="fn-1">"#))
        #expect(about.contains("<!-- raw HTML omitted -->"))
        #expect(!about.contains(#"<div class="raw">"#))
        #expect(!about.contains("<span>"))
        #expect(about.contains("<code>{{ code }}</code>"))
    }

    @Test func rawHTMLPassesWhenSiteOptsInButTheTagFilterStillApplies() throws {
        let site = try FixtureSite()
        try site.write("content/site.yaml", "title: T\nbase_url: https://example.org/\nmarkdown:\n  unsafe_html: true\n")
        try site.write("content/raw.md", "---\ntitle: Raw\n---\n\n<div class=\"raw\">kept</div>\n\n<script>alert(1)</script>\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let raw = site.read("raw/index.html")
        #expect(raw.contains(#"<div class="raw">kept</div>"#))
        #expect(raw.contains("&lt;script>alert(1)&lt;/script>"))
    }

    @Test func escapesFrontMatterAndSiteFieldsInTemplates() throws {
        let site = try FixtureSite()
        site.build()
        let about = site.read("about/index.html")
        #expect(about.contains("<title>About &lt;this&gt; site | Fixture &amp; Co</title>"))
        #expect(about.contains(#"data-colour="teal""#), "any other front matter field reaches templates")
        #expect(about.contains(#"<time datetime="2024-01-18T00:00:00Z">January 18, 2024</time>"#))
    }

    @Test func urlsFollowPathsSlugsAndIndexFiles() throws {
        let site = try FixtureSite()
        site.build()
        let home = site.read("index.html")
        #expect(home.contains("<h1>Front page</h1>"), "content/index.md is the home page")
        #expect(home.contains(#"<a href="/story/posts/renamed/">Third post</a>"#), "slug replaces the last segment")
        #expect(home.contains("<td>Meta Platforms</td><td>40</td>"), "data files reach templates")
        #expect(!home.contains(#"<a href="/story/">"#), "the home page does not list itself")
    }

    @Test func folderListPagesTakeTheirIntroFromUnderscoreIndex() throws {
        let site = try FixtureSite()
        site.build()
        let posts = site.read("posts/index.html")
        #expect(posts.contains("<h1>All the posts</h1>"))
        #expect(posts.contains("<p>An introduction to the posts.</p>"))
        // Newest first; the draft is left out.
        #expect(posts.contains(#"<li><a href="/story/posts/renamed/">Third post</a></li><li><a href="/story/posts/first/">First post</a></li>"#))
        #expect(!posts.contains("Second post"))
        let notes = site.read("notes/index.html")
        #expect(notes.contains("<h1>Notes</h1>"), "a folder without _index.md is titled by its name")
        #expect(notes.contains(#"<a href="/story/notes/one/">Note one</a>"#))
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let site = try FixtureSite()
        site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("posts/second/index.html").path))
        let report = site.build(drafts: true)
        #expect(report.pages == 8)
        #expect(site.read("posts/second/index.html").contains("Second body, a draft."))
    }

    @Test func folderWithIndexMarkdownGetsNoGeneratedList() throws {
        let site = try FixtureSite()
        try site.write("content/notes/index.md", "---\ntitle: Notes, written by hand\n---\n\nHand-made.\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("notes/index.html").contains("Notes, written by hand"))
    }

    @Test func theRepositorysOwnSiteBuilds() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("capex-repo-\(UUID().uuidString)")
        let report = SiteBuilder.build(BuildOptions(root: FixtureSite.repository, output: output))
        #expect(report.succeeded, "\(report.problemLines)")
        let home = (try? String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)) ?? ""
        #expect(home.contains("<html lang=\"en\">"))
        #expect(home.contains("<main id=\"main\">"))
        try? FileManager.default.removeItem(at: output)
    }
}
