import Markdown
import Testing

/// Issue 16: the walk over cmark's tree is skipped for a text that gives it nothing to do.
/// Each kind of text that needs it must still get it, however the thing is spelled.
@Suite("The tree walk: skipped only when it changes nothing")
struct TreeWalkTests {
    /// A rewriter like the site's: figures after `{{`, only `chart` blocks replaced.
    static func render(_ markdown: String, basePath: String = "", unsafeHTML: Bool = false) -> (html: String, texts: [String], blocks: [String]) {
        var texts: [String] = [], blocks: [String] = []
        let rewriter = MarkdownRewriter(codeBlockInfos: ["chart"], rewriteText: { text in
            texts.append(text.literal)
            return [.html("<b>figure</b>")]
        }, rewriteCodeBlock: { block in
            blocks.append(block.info)
            return block.info == "chart" ? "<figure>chart</figure>" : nil
        })
        let html = MarkdownRenderer(unsafeHTML: unsafeHTML, basePath: basePath).render(markdown, rewriter: rewriter)
        return (html, texts, blocks)
    }

    @Test("dangerous link targets are dropped however they are written", arguments: [
        "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](vbscript:msgbox)", "[x](FILE:///etc/passwd)",
        "[x](data:text/html,hi)", "[x](&#106;avascript:alert(1))", "[x](javascript&#58;alert(1))",
        "[x](javascript\\:alert(1))", "[x](<java\tscript:alert(1)>)", "[x][r]\n\n[r]: javascript:alert(1)",
        "![x](data:text/html;base64,AA)",
    ])
    func dangerousTargets(markdown: String) {
        let html = Self.render(markdown).html
        #expect(html.contains("href=\"\"") || html.contains("src=\"\""), "\(html)")
        #expect(!html.lowercased().contains("script:") && !html.contains("data:text"), "\(html)")
    }

    @Test("safe targets and plain text are untouched")
    func safeTargets() {
        let markdown = "Data: a [cache](https://example.com/x) `code` **b**.\n\n```\nlet a = 1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let result = Self.render(markdown)
        #expect(result.html.contains("<a href=\"https://example.com/x\">cache</a>"))
        #expect(result.html.contains("<pre><code>let a = 1\n</code></pre>"))
        #expect(result.texts.isEmpty)
    }

    @Test("raw HTML is still omitted, and still kept when unsafe HTML is on")
    func rawHTML() {
        #expect(Self.render("a <span>b</span>\n\n<div>c</div>\n").html == "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n<!-- raw HTML omitted -->\n")
        #expect(Self.render("a <span>b</span>\n", unsafeHTML: true).html == "<p>a <span>b</span></p>\n")
    }

    @Test("figures, chart blocks and the base path still reach the walk")
    func rewrites() {
        let figure = Self.render("Spend {{ x }} now.\n")
        #expect(figure.texts == ["Spend {{ x }} now."])
        #expect(figure.html.contains("<b>figure</b>"))
        let chart = Self.render("Text\n\n```chart\nid: a\n```\n\n~~~swift\nlet a = 1\n~~~\n")
        #expect(chart.blocks == ["chart", "swift"])
        #expect(chart.html.contains("<figure>chart</figure>") && chart.html.contains("let a = 1"))
        #expect(Self.render("[a](/power/) ![i](/i.png)\n", basePath: "/capex").html == "<p><a href=\"/capex/power/\">a</a> <img src=\"/capex/i.png\" alt=\"i\" /></p>\n")
    }
}
