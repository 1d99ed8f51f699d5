import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// Issue 11, kind 8, beyond Markdown: URLs from data, front matter and site.yaml that land
/// in `href` or `src` are refused at their line and column when raw HTML is off.
@Suite("dangerous URLs in data, front matter and site.yaml")
struct UnsafeURLFieldTests {
    @Test func aSourceURLIsAnErrorAtItsValue() throws {
        let site = try FixtureSite("hostile")
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        try site.write("content/data/sources.yaml", """
        - id: news
          publisher: Example News
          title: A deal
          url: "  JavaScript:alert(document.cookie)"
        """)
        let report = site.build()
        // Line 4; the quoted value starts at column 8.
        #expect(report.problemLines == [
            "content/data/sources.yaml:4:8: error: 'url' is a javascript: URL, which a reader's browser would run or open: give an http:// or https:// address (or a path on the site) instead; capex refuses javascript:, vbscript:, file: and data: (other than images) in links, a check that only markdown: { unsafe_html: true } in site.yaml turns off",
        ])
        #expect(FixtureSite.snapshot(of: site.output) == before)
    }

    @Test func aFrontMatterFieldATemplatePutsInAnHrefIsChecked() throws {
        let site = try FixtureSite("hostile")
        try site.write("templates/page.mustache", "<article>{{#page.repo}}<a href=\"{{page.repo}}\">code</a>{{/page.repo}}{{{page.content}}}</article>\n")
        try site.write("content/tool.md", "---\ntitle: Tool\nrepo: vbscript:msgbox(1)\n---\n")
        try site.write("content/other.md", "---\ntitle: Other\nrepo: https://example.org/repo\n---\n")
        #expect(site.build().problemLines == [
            "content/tool.md:3:7: error: 'repo' is a vbscript: URL, which a reader's browser would run or open: give an http:// or https:// address (or a path on the site) instead; capex refuses javascript:, vbscript:, file: and data: (other than images) in links, a check that only markdown: { unsafe_html: true } in site.yaml turns off",
        ])
        // A field no template uses as a link may say anything.
        try site.write("content/tool.md", "---\ntitle: Tool\nnote: \"javascript: the language\"\n---\n")
        #expect(site.build().succeeded)
    }

    @Test func siteYAMLFieldsAndBaseURL() throws {
        let site = try FixtureSite("hostile")
        try site.write("content/site.yaml", "title: T\nbase_url: javascript:alert(1)//\nlogo_image: \"file:///etc/passwd\"\n")
        #expect(site.build().problemLines == [
            "content/site.yaml:2:11: error: base_url must start with http:// or https://, not 'javascript:alert(1)//'",
            "content/site.yaml:3:13: error: 'logo_image' is a file: URL, which a reader's browser would run or open: give an http:// or https:// address (or a path on the site) instead; capex refuses javascript:, vbscript:, file: and data: (other than images) in links, a check that only markdown: { unsafe_html: true } in site.yaml turns off",
        ])
    }

    @Test func rawHTMLOnAllowsThem() throws {
        let site = try FixtureSite("hostile")
        try site.write("content/site.yaml", "title: T\nbase_url: https://example.org/\nmarkdown: { unsafe_html: true }\n")
        try site.write("content/notes.md", "---\ntitle: Notes\nlink: javascript:void(0)\n---\n[x](javascript:void(0))\n")
        #expect(site.build().succeeded)
        #expect(site.read("notes/index.html").contains(#"<a href="javascript:void(0)">x</a>"#))
    }

    @Test func theBuiltPageDropsMarkdownTargets() throws {
        let site = try FixtureSite("hostile")
        try site.write("content/notes.md", "---\ntitle: Notes\n---\n[click](javascript:alert(1)) and ![x](data:text/html,hi)\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(site.read("notes/index.html").contains(#"<p><a href="">click</a> and <img src="" alt="x" /></p>"#))
        #expect(!site.read("notes/index.html").contains("javascript:"))
    }
}
