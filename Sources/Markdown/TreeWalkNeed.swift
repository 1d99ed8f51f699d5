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
        for (index, byte) in text.enumerated() {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"):
                return true
            case UInt8(ascii: ":") where !unsafeHTML:
                if Self.endsScheme(text, before: index) { return true }
            default:
                continue
            }
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
        guard let first = needle.first, text.count >= needle.count else { return needle.isEmpty }
        var index = 0
        let last = text.count - needle.count
        while index <= last {
            if text[index] == first {
                var matched = true
                for offset in 1..<needle.count where text[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
