@preconcurrency import CCmarkGFM
import Foundation
@testable import Markdown
import Testing

/// Runs `work(i)` for `i` in `0..<count` on `threads` threads of their own (not the
/// cooperative pool, so that the scheduler interleaves parses anywhere), and returns the
/// results in order.
private func onThreads(_ threads: Int, count: Int, _ work: @escaping @Sendable (Int) -> String) -> [String] {
    final class Results: @unchecked Sendable {
        let lock = NSLock()
        var values: [String?]
        init(_ count: Int) { values = Array(repeating: nil, count: count) }
    }
    let results = Results(count)
    let group = DispatchGroup()
    for thread in 0..<threads {
        group.enter()
        Thread {
            for i in stride(from: thread, to: count, by: threads) {
                let value = work(i)
                results.lock.lock()
                results.values[i] = value
                results.lock.unlock()
            }
            group.leave()
        }.start()
    }
    group.wait()
    return results.values.map { $0 ?? "" }
}

/// Parses `markdown` with a parser that has only `extensions` (none: plain CommonMark),
/// straight through cmark-gfm, as code other than `MarkdownRenderer` would.
private func renderWithOwnParser(_ markdown: String, extensions: [String]) -> String {
    _ = MarkdownRenderer().render("")  // registers the core extensions, once
    guard let parser = cmark_parser_new(CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE) else { return "" }
    defer { cmark_parser_free(parser) }
    for name in extensions { cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name)) }
    cmark_parser_feed(parser, markdown, markdown.utf8.count)
    guard let document = cmark_parser_finish(parser) else { return "" }
    defer { cmark_node_free(document) }
    guard let html = cmark_render_html(document, 0, cmark_parser_get_syntax_extensions(parser)) else { return "" }
    defer { free(html) }
    return String(cString: html)
}

/// One paragraph per line: a strikethrough, a URL and a `www.` autolink, and `_foo_~bar_`,
/// whose emphasis depends on strikethrough's `~` being skipped around the middle `_`.
private func paragraphs(_ count: Int) -> (markdown: String, html: String) {
    var markdown = "", html = ""
    for n in 1...count {
        markdown += "Line \(n): ~~gone \(n)~~ see https://example.com/\(n) and www.example.org/\(n); _foo_~bar_\n\n"
        html += #"<p>Line \#(n): <del>gone \#(n)</del> see <a href="https://example.com/\#(n)">https://example.com/\#(n)</a> "#
            + #"and <a href="http://www.example.org/\#(n)">www.example.org/\#(n)</a>; <em>foo_~bar</em></p>"# + "\n"
    }
    return (markdown, html)
}

@Suite("cmark-gfm parses at once")
struct ParallelParsingTests {
    /// Wherever the interposition is reached, every later step of the self-check must pass;
    /// where it is not, the probe still renders as stock cmark-gfm does, under the lock.
    @Test func selfCheckIsAllOrNothing() {
        let check = ParallelParsing.check
        #expect(check.stockBeforePinning)
        #expect(ParallelParsing.isAvailable == check.passed)
        if check.reachedBeforePinning { #expect(check.passed) }
    }

    #if os(Linux)
    /// Debian's libcmark-gfm 0.29.0.gfm.6 calls the switch through its PLT (checked with
    /// `objdump -d`: both calls go to `cmark_manage_extensions_special_characters@plt`), so the
    /// lock must be gone with it. If this fails, parses have silently gone back to the lock.
    @Test(.enabled(if: String(cString: cmark_version_string()) == "0.29.0.gfm.6"))
    func debiansLibraryParsesWithoutTheLock() {
        #expect(ParallelParsing.check == .init(
            reachedBeforePinning: true, stockBeforePinning: true, pinned: true,
            reachedWhenPinned: true, stockWhenPinned: true))
        #expect(ParallelParsing.isAvailable)
    }
    #endif

    @Test func probeRendersAsTheRendererDoes() {
        #expect(MarkdownRenderer().render(ParallelParsing.probe) == ParallelParsing.probeHTML)
    }

    /// Eight threads, 3,000 renders of 40 paragraphs: every strikethrough, autolink and emphasis kept.
    /// With cmark-gfm's own switch and no lock, 3–16% of renders here lost some (6 runs of 6).
    @Test func eightThreadsKeepEveryExtensionInEveryParagraph() {
        let (markdown, expected) = paragraphs(40)
        #expect(MarkdownRenderer().render(markdown) == expected)
        let results = onThreads(8, count: 3000) { _ in MarkdownRenderer().render(markdown) }
        let differing = results.filter { $0 != expected }.count
        #expect(differing == 0, "\(differing) of \(results.count) renders differ from the serial one")
    }

    /// A parser with other extensions (or none) sees the table as stock cmark-gfm leaves it,
    /// even with the renderer's set pinned and renderer parses running beside it.
    @Test func parsersWithOtherExtensionsSeeTheStockTable() {
        let text = ParallelParsing.probe
        let plain = "<p>~~gone~~ see https://example.com/x and www.example.org; <em>foo</em>~bar_</p>\n"
        let struck = "<p><del>gone</del> see https://example.com/x and www.example.org; <em>foo_~bar</em></p>\n"
        #expect(renderWithOwnParser(text, extensions: []) == plain)
        #expect(renderWithOwnParser(text, extensions: ["strikethrough"]) == struck)
        let results = onThreads(6, count: 600) { i in
            switch i % 3 {
            case 0: renderWithOwnParser(text, extensions: [])
            case 1: renderWithOwnParser(text, extensions: ["strikethrough"])
            default: MarkdownRenderer().render(text)
            }
        }
        let expected = (0..<600).map { [plain, struck, ParallelParsing.probeHTML][$0 % 3] }
        let differing = zip(results, expected).filter { $0 != $1 }.count
        #expect(differing == 0, "\(differing) of \(results.count) renders differ")
    }

    /// A parser made like the renderer's but on its own is recognised as the pinned set.
    @Test func ownParserWithTheRenderersExtensionsRendersTheSame() {
        let (markdown, expected) = paragraphs(5)
        let results = onThreads(4, count: 200) { _ in
            renderWithOwnParser(markdown, extensions: MarkdownRenderer.extensionNames)
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
