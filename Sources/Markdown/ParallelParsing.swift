@preconcurrency import CCmarkGFM
import CmarkSpecialCharacters
import Foundation

/// Whether cmark-gfm parses may run at once in this process, found by a self-check at first use.
///
/// cmark-gfm 0.29.0.gfm.6 switches the extensions' special characters (`~`, `:`, `w`) on in a
/// process-wide table before each parse's inlines and off after them, so parses at once lose
/// each other's strikethroughs and autolinks (upstream github/cmark-gfm#176, #221). The
/// `CmarkSpecialCharacters` target interposes the switch on ELF and keeps the table pinned to
/// `MarkdownRenderer`'s extensions. The self-check proves, in this process with this build of
/// the library, that:
/// 1. both of the library's calls of the switch (on, then off) reach our definition, for the
///    very parser being finished. A library that does not call it through its PLT (linked
///    statically, bound with `-Bsymbolic`, macOS's two-level names) never reaches it: the
///    check fails;
/// 2. a probe renders exactly as stock cmark-gfm renders it, before and after pinning:
///    strikethrough, both kinds of autolink, and `_foo_~bar_`, whose emphasis depends on
///    strikethrough's `~` being in the table of characters skipped around delimiters.
/// Anything else — the check failing at any step — leaves `isAvailable` false, and every parse
/// takes `MarkdownRenderer`'s lock, as before.
enum ParallelParsing {
    static let probe = "~~gone~~ see https://example.com/x and www.example.org; _foo_~bar_\n"
    /// What stock cmark-gfm 0.29.0.gfm.6 gives for `probe` with the renderer's extensions,
    /// checked by hand against the GFM spec: `~~` strikes, a URL and a `www.` name link, and the
    /// middle `_` — with `~` skipped, a letter on each side — neither opens nor closes.
    static let probeHTML = #"<p><del>gone</del> see <a href="https://example.com/x">https://example.com/x</a> and "#
        + #"<a href="http://www.example.org">www.example.org</a>; <em>foo_~bar</em></p>"# + "\n"

    /// True once the self-check has passed: parses need no lock.
    static let isAvailable: Bool = selfCheck()

    /// The result of each step, for the tests and `isAvailable`.
    struct Check: Equatable {
        var reachedBeforePinning = false
        var stockBeforePinning = false
        var pinned = false
        var reachedWhenPinned = false
        var stockWhenPinned = false
        var passed: Bool { reachedBeforePinning && stockBeforePinning && pinned && reachedWhenPinned && stockWhenPinned }
    }

    /// What the self-check found; runs it once.
    static let check: Check = {
        var check = Check()
        // Serially, through the lock: any other parse waits, and the table is stock.
        let before = probeOnce(finish: MarkdownRenderer.finishSerially)
        check.reachedBeforePinning = before.reached
        check.stockBeforePinning = before.html == probeHTML
        guard check.reachedBeforePinning, check.stockBeforePinning else { return check }
        // A parser kept for the life of the process: the set of extensions the table holds.
        guard let pinnedParser = MarkdownRenderer.makeParser() else { return check }
        check.pinned = capex_cmark_pin_special_characters(pinnedParser) == 1
        guard check.pinned else { return check }
        let after = probeOnce(finish: cmark_parser_finish)
        check.reachedWhenPinned = after.reached
        check.stockWhenPinned = after.html == probeHTML
        return check
    }()

    private static func selfCheck() -> Bool { check.passed }

    /// Renders `probe` with a fresh parser, and says whether the switch reached our definition.
    private static func probeOnce(finish: (OpaquePointer) -> OpaquePointer?) -> (html: String?, reached: Bool) {
        guard let parser = MarkdownRenderer.makeParser() else { return (nil, false) }
        defer { cmark_parser_free(parser) }
        capex_cmark_special_characters_forget()
        cmark_parser_feed(parser, probe, probe.utf8.count)
        guard let document = finish(parser) else { return (nil, false) }
        defer { cmark_node_free(document) }
        let reached = capex_cmark_special_characters_reached(parser) == 1
        guard let cString = cmark_render_html(document, MarkdownRenderer.parseOptions, cmark_parser_get_syntax_extensions(parser))
        else { return (nil, reached) }
        defer { free(cString) }
        return (String(cString: cString), reached)
    }
}
