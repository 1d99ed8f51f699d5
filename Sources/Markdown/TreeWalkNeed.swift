#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether `MarkdownRenderer`'s walk over the parsed tree can change anything, decided from
/// the Markdown's bytes before parsing: most pages of a large site hold no figure, no raw
/// HTML and no dangerous link, and the walk visits every node of every page (issue 16).
///
/// The walk changes the tree only for: raw HTML (needs `<`); a link or image whose target
/// is dangerous (`javascript:`, `vbscript:`, `file:`, `data:`; spelled out in the text
/// unless written with `&` entities, `\` escapes or `<…>`) or gets the base path; a text
/// node holding the rewriter's trigger (`{{`, or made by an entity or escape); a fenced
/// code block the rewriter may replace (its info string, or any fence when it did not say
/// which). When in doubt, it walks.
struct TreeWalkNeed {
    let basePath: String
    let unsafeHTML: Bool
    let rewriter: MarkdownRewriter?

    func walks(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard basePath.isEmpty else { return true }
        if let rewriter {
            if rewriter.trigger.isEmpty || Self.contains(text, rewriter.trigger) { return true }
            if let infos = rewriter.codeBlockInfos {
                if infos.contains(where: { $0.isEmpty || Self.contains(text, $0) }) { return true }
            } else if Self.contains(text, "```") || Self.contains(text, "~~~") {
                return true
            }
        }
        // `memchr` to the few bytes that matter (issue 16: a look at each byte cost 1.9% of a
        // 10,000-page build); the order of the looks does not change the answer.
        guard let base = text.baseAddress else { return false }
        let origin = UnsafeRawPointer(base)
        for byte in [UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\")] where memchr(origin, Int32(byte), text.count) != nil {
            return true
        }
        guard !unsafeHTML else { return false }
        var start = 0
        while start < text.count, let found = memchr(origin + start, Int32(UInt8(ascii: ":")), text.count - start) {
            let colon = UnsafeRawPointer(found) - origin
            if Self.endsScheme(text, before: colon) { return true }
            start = colon + 1
        }
        return false
    }

    private static let schemeEnds: [[UInt8]] = [Array("script".utf8), Array("file".utf8), Array("data".utf8)]

    /// `javascript`, `vbscript`, `file` or `data`, in any case, just before `colon`.
    private static func endsScheme(_ text: UnsafeBufferPointer<UInt8>, before colon: Int) -> Bool {
        schemeEnds.contains { word in
            guard colon >= word.count else { return false }
            for (offset, letter) in word.enumerated() {
                let byte = text[colon - word.count + offset]
                if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != letter { return false }
            }
            return true
        }
    }

    /// Whether `needle`'s UTF-8 occurs in `text` (always for an empty needle).
    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { needle in
            guard let first = needle.first, let needleBase = needle.baseAddress else { return true }
            guard let base = text.baseAddress, text.count >= needle.count else { return false }
            // memchr to each place the first byte is, memcmp there (Glibc's module has no memmem).
            var start = UnsafeRawPointer(base)
            let end = UnsafeRawPointer(base) + text.count
            while end - start >= needle.count, let found = memchr(start, Int32(first), end - start) {
                let at = UnsafeRawPointer(found)
                if end - at < needle.count { return false }
                if memcmp(at, needleBase, needle.count) == 0 { return true }
                start = at + 1
            }
            return false
        }
    }
}
