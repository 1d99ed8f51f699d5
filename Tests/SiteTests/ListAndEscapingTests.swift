import Foundation
@testable import Load
import Mustache
import Testing

/// What templates show of pages, as lists and as escaped text: the same whichever way the
/// build makes it (summaries made once, lists sorted by keys read once, escaping by bytes).
@Suite struct ListAndEscapingTests {
    /// `lists`: dated, undated, pinned (`order`) and same-day pages, a subfolder's list and a
    /// subfolder's `index.md`. Orders worked out by hand from the rules: a list shows `order`
    /// first, then newest first, then undated by title; the home's `site.pages`, every
    /// regular page but the home, newest first then undated by title.
    @Test func folderListsAndTheHomeListInTheirOrder() throws {
        let site = try FixtureSite("lists")
        let report = site.build()
        #expect(report.problemLines.isEmpty)
        #expect(site.read("posts/index.html") == "<ol><li>E pinned</li><li>B newer</li><li>F same day</li><li>A older</li>"
            + "<li>Alpha undated</li><li>Deep index</li><li>Sub</li><li>Zeta undated</li></ol>\n\n")
        #expect(site.read("posts/sub/index.html") == "<ol><li>Sub page</li></ol>\n\n")
        #expect(site.read("index.html") == "<ol><li>Sub page (January 1, 2025)</li><li>B newer (March 1, 2024)</li>"
            + "<li>F same day (March 1, 2024)</li><li>A older (January 1, 2024)</li><li>E pinned (January 1, 2020)</li>"
            + "<li>Alpha undated ()</li><li>Deep index ()</li><li>Zeta undated ()</li></ol>\n\n")
    }

    /// A page's title changed after a first build: its own page, its folder's list and the
    /// home list all show the new one (each reads the page's one summary).
    @Test func aChangedTitleReachesThePageAndBothLists() throws {
        let site = try FixtureSite("lists")
        site.build()
        try site.write("content/posts/a.md", "---\ntitle: A renamed\ndate: 2024-01-01\n---\n")
        #expect(site.build().problemLines.isEmpty)
        #expect(site.read("posts/a/index.html") == "<h1>A renamed</h1>\n\n")
        #expect(site.read("posts/index.html").contains("<li>F same day</li><li>A renamed</li><li>Alpha undated</li>"))
        #expect(site.read("index.html").contains("<li>A renamed (January 1, 2024)</li>"))
    }

    /// `{{value}}` escapes as swift-mustache's own HTML content type does, Character by
    /// Character: `<` followed by a combining mark (U+0338, `≮`) is one Character, not `<`.
    @Test func escapingMatchesTheLibrarysOwnHTMLEscaping() throws {
        let texts = ["plain words", "", "Fish & \"Chips\" <b>'s", "Café <i>crème</i> & más", "a <\u{0338} b & c",
                     "tab\tand\r\nlines & <", "emoji 📈 > 2×", "&amp; stays escaped again", "'''", "é\u{0301}<"]
        let library = try MustacheTemplate(string: "{{x}}")
        for text in texts {
            #expect(TemplateEscaping().escapeText(text) == library.render(["x": text]), "\(text.debugDescription)")
        }
        #expect(TemplateEscaping().escapeText("a <\u{0338} b & c") == "a <\u{0338} b &amp; c")
        #expect(TemplateEscaping().escapeText("Fish & \"Chips\" <b>'s") == "Fish &amp; &quot;Chips&quot; &lt;b&gt;&#39;s")
    }

    /// Issue 16: the check for the five is one pass over the bytes with no branch per byte;
    /// every byte value must still count (a neighbour of one of the five, such as `=` or `;`,
    /// must not), at any place in short and long texts alike: the library's escaping is the
    /// reference.
    @Test func escapingAgreesWithTheLibraryOnGeneratedTexts() throws {
        let library = try MustacheTemplate(string: "{{x}}")
        for value in 0..<128 {
            let text = "ab" + String(UnicodeScalar(UInt8(value))) + "cd"
            #expect(TemplateEscaping().escapeText(text) == library.render(["x": text]), "\(text.debugDescription)")
        }
        let pieces = ["a", " ", "&", "<", ">", "\"", "'", "=", ";", "%", "?", "@", "[", "`", "é", "\u{0338}", "\r\n", "📈", "&amp;",
                      String(repeating: "x", count: 40), "~", "\u{7F}", "\u{0}"]
        var random = SeededRandom(0x5851_F42D_4C95_7F2D)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<next(24) { text += next(3) == 0 ? pieces[next(pieces.count)] : "plain" }
            #expect(TemplateEscaping().escapeText(text) == library.render(["x": text]), "\(text.debugDescription)")
        }
    }

    /// Through a build: a title with all five special characters, and one beyond ASCII.
    @Test func titlesAreEscapedInPagesAndLists() throws {
        let site = try FixtureSite("lists")
        try site.write("content/posts/a.md", "---\ntitle: \"Fish & 'Chips' <b> \\\"now\\\"\"\ndate: 2024-01-01\n---\n")
        try site.write("content/posts/b.md", "---\ntitle: \"Café ≥ <i>\"\ndate: 2024-03-01\n---\n")
        #expect(site.build().problemLines.isEmpty)
        #expect(site.read("posts/a/index.html") == "<h1>Fish &amp; &#39;Chips&#39; &lt;b&gt; &quot;now&quot;</h1>\n\n")
        #expect(site.read("posts/b/index.html") == "<h1>Café ≥ &lt;i&gt;</h1>\n\n")
        #expect(site.read("posts/index.html").contains("<li>Café ≥ &lt;i&gt;</li><li>F same day</li><li>Fish &amp; &#39;Chips&#39; &lt;b&gt; &quot;now&quot;</li>"))
    }

    /// A template's syntax error is reported on its own line and column (the escaping
    /// pragma put before each template's text is not counted).
    @Test func templateSyntaxErrorsKeepTheirLine() throws {
        let site = try FixtureSite("lists")
        try site.write("templates/page.mustache", "<article>\n<h1>{{page.title}}</h1>\n<p>{{#page.tags}}</p>\n{{/page.title}}\n")
        // Line 4, column 5: the `/` of the tag that closes `page.title` where `page.tags` is open.
        #expect(site.build().problemLines.contains(
            "templates/page.mustache:4:5: error: template syntax: a section is closed with a different name than it was opened with"))
        // On the first line too, at the column where swift-mustache gives up on the tag.
        try site.write("templates/page.mustache", "<p>{{page.title</p>\n")
        #expect(site.build().problemLines.contains("templates/page.mustache:1:17: error: template syntax: a tag is not finished: '{{' without '}}'"))
    }
}
