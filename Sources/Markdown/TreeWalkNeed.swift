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
            if rewriter.trigger.isEmpty || Self.contains(text, Array(rewriter.trigger.utf8)) { return true }
            if let infos = rewriter.codeBlockInfos {
                if infos.contains(where: { $0.isEmpty || Self.contains(text, Array($0.utf8)) }) { return true }
            } else if Self.contains(text, Array("```".utf8)) || Self.contains(text, Array("~~~".utf8)) {
                return true
            }
        }
        // One look at each byte; the rare ones that matter are checked further.
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\\") { return true }
            if byte == UInt8(ascii: ":"), !unsafeHTML, Self.endsScheme(text, before: index) { return true }
            index += 1
        }
        return false
    }

    /// `javascript`, `vbscript`, `file` or `data`, in any case, just before `colon`.
    private static func endsScheme(_ text: UnsafeBufferPointer<UInt8>, before colon: Int) -> Bool {
        func ends(with word: String) -> Bool {
            let word = Array(word.utf8)
            guard colon >= word.count else { return false }
            for (offset, letter) in word.enumerated() {
                let byte = text[colon - word.count + offset]
                if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != letter { return false }
            }
            return true
        }
        return ends(with: "script") || ends(with: "file") || ends(with: "data")
    }

    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard let base = text.baseAddress, text.count >= needle.count else { return false }
        // memchr to each place the first byte is, memcmp there (Glibc's module has no memmem).
        return needle.withUnsafeBytes { needleBytes in
            var start = UnsafeRawPointer(base)
            let end = UnsafeRawPointer(base) + text.count
            while end - start >= needle.count, let found = memchr(start, Int32(needle[0]), end - start) {
                let at = UnsafeRawPointer(found)
                if end - at < needle.count { return false }
                if memcmp(at, needleBytes.baseAddress!, needle.count) == 0 { return true }
                start = at + 1
            }
            return false
        }
    }
}
