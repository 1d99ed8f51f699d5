@testable import Markdown
import Testing

/// Issue 16: `TreeWalkNeed.walks` skips with `memchr` to the bytes that matter. It must
/// decide as the first version did, which looked at every byte: that version is kept here
/// as the reference and both are run over edge cases and many generated texts.
@Suite("The tree walk's byte scan decides as a look at every byte does")
struct TreeWalkScanTests {
    /// The first `walks`, byte by byte (commit 7ca883b).
    static func reference(_ text: [UInt8], basePath: String, unsafeHTML: Bool, rewriter: MarkdownRewriter?) -> Bool {
        func contains(_ needle: [UInt8]) -> Bool {
            guard !needle.isEmpty else { return true }
            guard text.count >= needle.count else { return false }
            return (0...(text.count - needle.count)).contains { Array(text[$0..<$0 + needle.count]) == needle }
        }
        func endsScheme(before colon: Int) -> Bool {
            ["script", "file", "data"].contains { word in
                let word = Array(word.utf8)
                guard colon >= word.count else { return false }
                return text[(colon - word.count)..<colon].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } == word
            }
        }
        guard basePath.isEmpty else { return true }
        if let rewriter {
            if rewriter.trigger.isEmpty || contains(Array(rewriter.trigger.utf8)) { return true }
            if let infos = rewriter.codeBlockInfos {
                if infos.contains(where: { $0.isEmpty || contains(Array($0.utf8)) }) { return true }
            } else if contains(Array("```".utf8)) || contains(Array("~~~".utf8)) {
                return true
            }
        }
        for (index, byte) in text.enumerated() {
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\\") { return true }
            if byte == UInt8(ascii: ":"), !unsafeHTML, endsScheme(before: index) { return true }
        }
        return false
    }

    static var rewriters: [MarkdownRewriter?] { [
        nil, MarkdownRewriter(codeBlockInfos: ["chart"]), MarkdownRewriter(), MarkdownRewriter(trigger: ""),
        MarkdownRewriter(trigger: "[[", codeBlockInfos: ["", "x"]), MarkdownRewriter(trigger: "é€", codeBlockInfos: []),
    ] }

    static func check(_ text: [UInt8]) {
        for basePath in ["", "/capex"] {
            for unsafeHTML in [false, true] {
                for (number, rewriter) in rewriters.enumerated() {
                    let scanned = text.withUnsafeBufferPointer {
                        TreeWalkNeed(basePath: basePath, unsafeHTML: unsafeHTML, rewriter: rewriter).walks($0)
                    }
                    let expected = reference(text, basePath: basePath, unsafeHTML: unsafeHTML, rewriter: rewriter)
                    #expect(scanned == expected, "\(String(decoding: text, as: UTF8.self).debugDescription) base \(basePath) unsafe \(unsafeHTML) rewriter \(number)")
                }
            }
        }
    }

    @Test("edge cases: empty text, each trigger at either end, schemes in any case, non-ASCII", arguments: [
        "", "<", "&", "\\", ":", "a", "plain prose, with a colon: and more.", "text ending in <", "<starts",
        "javascript:", "JAVASCRIPT:", "VbScRiPt:x", "file:", "FILE:", "data:", "DATA:", "ata:", "ile:", "cript:",
        "script :", "scrip:", "java script:", "da\nta:", "xdata:", "https://example.com/x", "Note: data :",
        "{{ x }}", "{", "{{", "}}", "``", "```", "~~~", "~~", "```chart", "chart", "char", "[[", "é€", "é",
        "日本語: データ", "café & crème", "é<", "€\\", "\u{0}:", "data:\u{0}", "a&amp;b", "x\t<y>",
    ])
    func edgeCases(text: String) {
        Self.check(Array(text.utf8))
    }

    @Test("generated texts: 4,000 mixtures of the bytes that matter and those that do not")
    func generated() {
        let pieces = ["a", " ", "\n", "\t", ":", "<", "&", "\\", "script", "SCRIPT", "file", "FiLe", "data", "DATA", "java",
                      "{", "{{", "}", "`", "```", "~", "~~~", "chart", "[[", "é", "€", "日", "http://x", "d", "t", "\u{0}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<4_000 {
            // Mostly quiet pieces, so that many texts need no walk and the scan runs to the end.
            var text: [UInt8] = []
            for _ in 0..<next(40) {
                text += Array((next(4) == 0 ? pieces[next(pieces.count)] : ["a", " ", "b", "\n", "é", "d", "t"][next(7)]).utf8)
            }
            Self.check(text)
        }
    }
}
