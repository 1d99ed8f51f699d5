@preconcurrency import CCmarkGFM
import Foundation

/// What replaces a piece of a text node: plain text (escaped by cmark) or ready HTML.
public enum MarkdownSegment: Sendable, Equatable {
    case text(String)
    case html(String)
}

/// A text node as the rewriter sees it: its literal and where it starts in the Markdown.
public struct MarkdownText: Sendable {
    public let literal: String
    /// 1-based line in the Markdown given to `render`.
    public let line: Int
    /// 1-based column (in UTF-8 bytes, as cmark counts) of the node's first character, 0 if cmark gave none.
    public let column: Int
}

/// A fenced code block as the rewriter sees it.
public struct MarkdownCodeBlock: Sendable {
    /// The info string (`chart`, `swift`…), trimmed.
    public let info: String
    public let code: String
    /// 1-based line of the opening fence in the Markdown given to `render`.
    public let line: Int
}

/// Hooks that let the caller replace figures in text and whole code blocks while rendering.
public struct MarkdownRewriter {
    /// Called for text nodes that contain `trigger`; nil keeps the node as it is.
    public var trigger: String
    public var rewriteText: (MarkdownText) -> [MarkdownSegment]?
    /// Called for every fenced code block; nil keeps the block as it is.
    public var rewriteCodeBlock: (MarkdownCodeBlock) -> String?
    /// The info strings `rewriteCodeBlock` can replace (`chart`), when it keeps every other
    /// block: a text without them skips the walk. Nil: every fenced block may be replaced.
    public var codeBlockInfos: [String]?

    public init(
        trigger: String = "{{",
        codeBlockInfos: [String]? = nil,
        rewriteText: @escaping (MarkdownText) -> [MarkdownSegment]? = { _ in nil },
        rewriteCodeBlock: @escaping (MarkdownCodeBlock) -> String? = { _ in nil }
    ) {
        self.trigger = trigger
        self.codeBlockInfos = codeBlockInfos
        self.rewriteText = rewriteText
        self.rewriteCodeBlock = rewriteCodeBlock
    }
}

/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm.
///
/// Tables, strikethrough, autolinks, task lists, the tag filter and footnotes are on.
/// Strikethrough takes two tildes (`~~gone~~`): in this story a single `~` means "about"
/// ("~150 MW", "\"< ~\" reads less than about"), and GFM's one-tilde form would strike
/// out the text between two of them and drop both tildes.
/// Raw HTML is omitted unless `unsafeHTML` is set, and so are the targets of links and
/// images with a dangerous URL (`javascript:`…, see `DangerousURL`). The renderer always
/// runs cmark in unsafe mode and applies those two rules of cmark's safe mode itself, so
/// that the HTML the rewriter inserts (figure links, charts) passes through.
public struct MarkdownRenderer: Sendable {
    public var unsafeHTML: Bool
    /// Put before root-relative link and image targets (`/power/` → `/capex/power/`), so a
    /// site published under a path keeps its links; empty for a site at the root of its host.
    public var basePath: String

    public init(unsafeHTML: Bool = false, basePath: String = "") {
        self.unsafeHTML = unsafeHTML
        self.basePath = basePath
    }

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    // A column's alignment as `style="text-align: …"`: cmark-gfm's default, the `align`
    // attribute, is obsolete in HTML and an error for the Nu Html Checker.
    static let parseOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    /// Serialises parses when they cannot run at once (`ParallelParsing.isAvailable` is
    /// false): cmark-gfm's inline parser switches the extensions' special characters on in a
    /// global table at the start of every parse and off at its end, so two parses at once
    /// can drop each other's autolinks and strikethroughs.
    private static let parseLock = NSLock()

    /// Registers the core extensions once: the C function is not thread-safe.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// A parser with the renderer's options and extensions; nil if cmark cannot allocate one.
    /// The caller frees it (`cmark_parser_free`).
    static func makeParser() -> OpaquePointer? {
        _ = registered
        guard let parser = cmark_parser_new(parseOptions) else { return nil }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        return parser
    }

    /// Finishes a parse made by `makeParser`: at once with others where the self-check
    /// allowed it, else under the lock.
    static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        ParallelParsing.isAvailable ? cmark_parser_finish(parser) : finishSerially(parser)
    }

    /// Finishes a parse under the lock: one at a time.
    static func finishSerially(_ parser: OpaquePointer) -> OpaquePointer? {
        parseLock.lock()
        defer { parseLock.unlock() }
        return cmark_parser_finish(parser)
    }

    public func render(_ markdown: String, rewriter: MarkdownRewriter? = nil) -> String {
        let parseOptions = Self.parseOptions
        guard let parser = Self.makeParser() else { return "" }
        defer { cmark_parser_free(parser) }
        // The string's own UTF-8, not a copy (`withUTF8` makes the string native and contiguous first).
        var markdown = markdown
        var walks = true
        markdown.withUTF8 { buffer in
            walks = TreeWalkNeed(basePath: basePath, unsafeHTML: unsafeHTML, rewriter: rewriter).walks(buffer)
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = Self.finish(parser) else { return "" }
        defer { cmark_node_free(document) }

        var placeholders: [String] = []
        if walks { rewrite(document, rewriter: rewriter, placeholders: &placeholders) }

        guard let cString = cmark_render_html(document, parseOptions, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(cString) }
        let html = String(cString: cString)
        return placeholders.isEmpty ? html : Self.fillPlaceholders(html, placeholders)
    }

    /// Walks the tree once, collecting what to change, then changes it: cmark's iterator
    /// must not see nodes inserted or removed under it.
    private func rewrite(_ document: OpaquePointer, rewriter: MarkdownRewriter?, placeholders: inout [String]) {
        var rawHTML: [OpaquePointer] = []
        var texts: [OpaquePointer] = []
        var codeBlocks: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !unsafeHTML { rawHTML.append(node) }
            case CMARK_NODE_TEXT:
                if rewriter != nil { texts.append(node) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if !unsafeHTML, let url = cmark_node_get_url(node), DangerousURL.isDangerous(String(cString: url)) {
                    // As cmark's safe mode does: the link or image stays, its target goes.
                    cmark_node_set_url(node, "")
                } else if !basePath.isEmpty, let url = cmark_node_get_url(node), url.pointee == 47, url.advanced(by: 1).pointee != 47 {
                    cmark_node_set_url(node, basePath + String(cString: url))
                }
            case CMARK_NODE_CODE_BLOCK:
                // cmark writes through all three out-parameters without checking them.
                var length: Int32 = 0, offset: Int32 = 0
                var character: CChar = 0
                if rewriter != nil, cmark_node_get_fenced(node, &length, &offset, &character) != 0 { codeBlocks.append(node) }
            default:
                break
            }
        }
        for node in rawHTML {
            let block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            cmark_node_set_literal(node, block ? "<!-- raw HTML omitted -->\n" : "<!-- raw HTML omitted -->")
        }
        guard let rewriter else { return }
        for node in texts {
            // Most text nodes hold no figure: look in the C string before making a Swift one.
            guard let raw = cmark_node_get_literal(node), strstr(raw, rewriter.trigger) != nil else { continue }
            let literal = String(cString: raw)
            let text = MarkdownText(
                literal: literal,
                line: Int(cmark_node_get_start_line(node)),
                column: Int(cmark_node_get_start_column(node))
            )
            guard let segments = rewriter.rewriteText(text) else { continue }
            for segment in segments {
                let replacement: OpaquePointer?
                switch segment {
                case .text(let string):
                    replacement = cmark_node_new(CMARK_NODE_TEXT)
                    cmark_node_set_literal(replacement, string)
                case .html(let html):
                    replacement = cmark_node_new(CMARK_NODE_HTML_INLINE)
                    cmark_node_set_literal(replacement, Self.placeholder(placeholders.count))
                    placeholders.append(html)
                }
                cmark_node_insert_before(node, replacement)
            }
            cmark_node_free(node)
        }
        for node in codeBlocks {
            let info = String(cString: cmark_node_get_fence_info(node)).trimmingCharacters(in: .whitespaces)
            let block = MarkdownCodeBlock(
                info: info,
                code: String(cString: cmark_node_get_literal(node)),
                line: Int(cmark_node_get_start_line(node))
            )
            guard let html = rewriter.rewriteCodeBlock(block) else { continue }
            let replacement = cmark_node_new(CMARK_NODE_HTML_BLOCK)
            cmark_node_set_literal(replacement, Self.placeholder(placeholders.count) + "\n")
            placeholders.append(html)
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
    }

    // The tag filter would mangle `<style>` in an inline SVG, so inserted HTML goes in
    // after rendering, in place of a comment no author writes.
    private static func placeholder(_ index: Int) -> String { "<!--\u{1F}capex:\(index)\u{1F}-->" }

    private static func fillPlaceholders(_ html: String, _ placeholders: [String]) -> String {
        let open = "<!--\u{1F}capex:"
        var result = ""
        result.reserveCapacity(html.utf8.count + placeholders.reduce(0) { $0 + $1.utf8.count })
        var rest = html[...]
        while let start = rest.range(of: open) {
            result += rest[..<start.lowerBound]
            let afterOpen = rest[start.upperBound...]
            guard let close = afterOpen.range(of: "\u{1F}-->"),
                  let index = Int(afterOpen[..<close.lowerBound]), placeholders.indices.contains(index)
            else {
                result += rest[start]
                rest = afterOpen
                continue
            }
            result += placeholders[index]
            rest = afterOpen[close.upperBound...]
        }
        result += rest
        return result
    }
}
