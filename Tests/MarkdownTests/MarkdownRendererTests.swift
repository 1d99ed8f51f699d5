import Markdown
import Testing

@Suite("cmark-gfm wrapper")
struct MarkdownRendererTests {
    @Test func rewritesFiguresInTextButNotInCode() {
        var seen: [MarkdownText] = []
        let rewriter = MarkdownRewriter(rewriteText: { text in
            seen.append(text)
            return [.text("Spend: "), .html(#"<a class="figure" href="/figures/#x">$10.5–14 billion</a>"#), .text(".")]
        })
        let html = MarkdownRenderer().render("Intro.\n\nSpend: {{ x }}.\n\nCode `{{ x }}`.\n\n```\n{{ x }}\n```\n", rewriter: rewriter)
        #expect(html == """
        <p>Intro.</p>
        <p>Spend: <a class="figure" href="/figures/#x">$10.5–14 billion</a>.</p>
        <p>Code <code>{{ x }}</code>.</p>
        <pre><code>{{ x }}
        </code></pre>

        """)
        #expect(seen.count == 1)
        #expect(seen.first?.line == 3)
        #expect(seen.first?.literal == "Spend: {{ x }}.")
    }

    @Test func replacesFencedBlocksByInfoStringAndKeepsStyleTags() {
        let rewriter = MarkdownRewriter(rewriteCodeBlock: { block in
            block.info == "chart" ? "<figure><svg><style>.a{}</style></svg><!--\(block.line)--></figure>" : nil
        })
        let html = MarkdownRenderer().render("Text\n\n```chart\nid: x\n```\n\n```swift\nlet a = 1\n```\n", rewriter: rewriter)
        #expect(html.contains("<figure><svg><style>.a{}</style></svg><!--3--></figure>"), "the tag filter must not touch inserted HTML")
        #expect(html.contains(#"<pre><code class="language-swift">let a = 1"#))
    }

    @Test func tagFilterStillAppliesToAuthorHTMLWhenUnsafeIsOn() {
        let html = MarkdownRenderer(unsafeHTML: true).render("<iframe src=x></iframe>\n\n<b>bold</b>\n")
        #expect(html.contains("&lt;iframe src=x>"))
        #expect(html.contains("<b>bold</b>"))
    }

    /// A single tilde is "about" in prose: two of them in one paragraph strike nothing out.
    @Test func singleTildesStayTextAndDoubleTildesStrike() {
        let html = MarkdownRenderer().render("\"≥ ~\" reads at least about, \"< ~\" less than about; never \"~\". ~~old~~\n")
        #expect(html == "<p>&quot;≥ ~&quot; reads at least about, &quot;&lt; ~&quot; less than about; never &quot;~&quot;. <del>old</del></p>\n")
        #expect(MarkdownRenderer().render("~150 MW and ~1.5 kW~\n") == "<p>~150 MW and ~1.5 kW~</p>\n")
    }

    @Test func rawHTMLOmittedByDefault() {
        #expect(MarkdownRenderer().render("a <b>b</b>\n") == "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n")
    }
}

@Suite("cmark-gfm from many threads")
struct ConcurrentMarkdownTests {
    /// Before parses were serialised, about one run in ten lost an autolink here.
    @Test func parallelParsesKeepEveryExtension() async {
        let text = "~~gone~~ see https://example.com/x and www.example.org now\n"
        let expected = MarkdownRenderer().render(text)
        #expect(expected.contains("<del>gone</del>") && expected.contains(#"<a href="https://example.com/x">"#))
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<400 { group.addTask { MarkdownRenderer().render(text) } }
            var all: [String] = []
            for await html in group { all.append(html) }
            return all
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
