import Markdown
import Testing

/// Issue 11, kind 8: with raw HTML off, link and image targets that would run code or open
/// local files are dropped as cmark-gfm's safe mode drops them (`href=""`), however written.
@Suite("dangerous URLs in Markdown")
struct DangerousURLTests {
    let renderer = MarkdownRenderer()

    @Test func inlineReferenceAndAutolinkTargetsAreDropped() {
        let html = renderer.render("""
        [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox) [d](file:///etc/passwd)
        [e](data:text/html;base64,PHNjcmlwdD4=) [f][ref] <javascript:alert(2)>

        [ref]: javascript:alert(3)
        """)
        #expect(html == """
        <p><a href="">a</a> <a href="">b</a> <a href="">c</a> <a href="">d</a>
        <a href="">e</a> <a href="">f</a> <a href="">javascript:alert(2)</a></p>

        """)
    }

    @Test func entitiesEscapesSpacesAndTabsDoNotHideTheScheme() {
        // cmark decodes `&#106;` (j) and `&#x3A;` (:) before the check; a browser ignores
        // leading spaces and tabs inside the scheme, so the check does too.
        let html = renderer.render("[a](&#106;avascript:alert(1)) [b](javascript&#x3A;alert(1)) [c](< javascript:x>) [d](<java\tscript:x>)\n")
        #expect(html == "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a> <a href=\"\">d</a></p>\n")
    }

    @Test func imagesKeepOnlyImageDataURLs() {
        let html = renderer.render("![png](data:image/png;base64,AAAA) ![svg](data:image/svg+xml;base64,PHN2Zz4=) ![js](javascript:x) ![web](https://example.org/a.png)\n")
        #expect(html == """
        <p><img src="data:image/png;base64,AAAA" alt="png" /> <img src="" alt="svg" /> <img src="" alt="js" /> <img src="https://example.org/a.png" alt="web" /></p>

        """)
    }

    @Test func ordinaryLinksAreUntouched() {
        let html = renderer.render("[a](https://example.org/?q=javascript:1) [b](/notes/) [c](#top) [d](mailto:desk@example.org) [e](javascripts/app.js)\n")
        #expect(html == """
        <p><a href="https://example.org/?q=javascript:1">a</a> <a href="/notes/">b</a> <a href="#top">c</a> <a href="mailto:desk@example.org">d</a> <a href="javascripts/app.js">e</a></p>

        """)
    }

    @Test func rawHTMLOnKeepsTheAuthorsTargets() {
        let html = MarkdownRenderer(unsafeHTML: true).render("[a](javascript:alert(1))\n")
        #expect(html == "<p><a href=\"javascript:alert(1)\">a</a></p>\n")
    }

    @Test func theRuleOnItsOwn() {
        for url in ["javascript:x", " \u{1}javascript:x", "JAVASCRIPT:x", "java\nscript:x", "vbscript:x", "file:x", "data:text/html,x", "DATA:image/svg+xml,x"] {
            #expect(DangerousURL.isDangerous(url), "\(url)")
        }
        for url in ["https://x", "/a/", "data:image/png;base64,A", "DATA:IMAGE/JPEG;base64,A", "data:image/webp,A", "data:image/gif,A", "mailto:a@b", "javascript", "files/a.pdf"] {
            #expect(!DangerousURL.isDangerous(url), "\(url)")
        }
    }
}
