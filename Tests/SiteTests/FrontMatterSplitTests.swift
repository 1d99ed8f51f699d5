import Testing
@testable import Load

/// Issue 16: `FrontMatter.split` finds the front matter's lines on bytes. It must split as
/// the first version did, through `Character`s (where `\r\n` is one `Character` and no
/// `"\n"`): that version is the reference here, run over edge cases and generated files.
@Suite("Front matter split on bytes, as through Characters")
struct FrontMatterSplitTests {
    /// The first `split` (commit 7ca883b).
    static func reference(_ text: String) -> (yaml: String?, body: String, bodyFirstLine: Int) {
        func trimmed(_ s: Substring) -> Substring {
            var s = s
            while let first = s.first, " \t\r".contains(first) { s = s.dropFirst() }
            while let last = s.last, " \t\r".contains(last) { s = s.dropLast() }
            return s
        }
        var rest = text[...]
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        guard rest.hasPrefix("---"), let firstNewline = rest.firstIndex(of: "\n"), trimmed(rest[rest.startIndex..<firstNewline]) == "---"
        else { return (nil, text, 1) }
        var line = 2
        var lineStart = rest.index(after: firstNewline)
        let yamlStart = lineStart
        while lineStart < rest.endIndex {
            let lineEnd = rest[lineStart...].firstIndex(of: "\n") ?? rest.endIndex
            let content = trimmed(rest[lineStart..<lineEnd])
            if content == "---" || content == "..." {
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
                return (String(rest[yamlStart..<lineStart]), String(rest[bodyStart...]), line + 1)
            }
            line += 1
            lineStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
        }
        return (nil, text, 1)
    }

    static func check(_ text: String) {
        let split = FrontMatter.split(text)
        let expected = reference(text)
        #expect(split.yaml == expected.yaml && split.body == expected.body && split.bodyFirstLine == expected.bodyFirstLine,
                "\(text.debugDescription)")
    }

    @Test("what authors write", arguments: [
        ("---\ntitle: A\n---\nBody\n", "title: A\n", "Body\n", 4),
        ("\u{FEFF}---\ntitle: A\n...\n\nBody", "title: A\n", "\nBody", 4),
        ("---  \ntitle: A\n  ---\t\n", "title: A\n", "", 4),
        ("---\n---\n", "", "", 3),
        ("---\ntitle: café\n---", "title: café\n", "", 4),
    ])
    func authored(text: String, yaml: String, body: String, line: Int) {
        let split = FrontMatter.split(text)
        #expect(split.yaml == yaml && split.body == body && split.bodyFirstLine == line)
        Self.check(text)
    }

    @Test("edge cases: no front matter, unclosed, CR LF, combining marks, a mark before the dashes", arguments: [
        "", "-", "--", "---", "---\n", "---\ntitle: A\n", "Body only\n---\n", "----\nx\n---\n", "---x\n---\n",
        "---\r\ntitle: A\r\n---\r\nBody\r\n", "---\ntitle: A\r\n---\r\nBody", "---\ntitle: A\n---\r\nBody\n", "---\r",
        "---\u{301}\nx\n---\n", "---\nx\n---\u{301}\nB", "---\nx\n-\u{301}--\nB", "---\nx\n \u{301}---\nB", "\u{FEFF}\u{301}---\nx\n---\n",
        "\u{FEFF}", "\u{FEFF}---", " ---\nx\n---\n", "---\nx\n---", "---\nx\n---\r", "---\nx\n\t...\t\nB", "---\nx\n. . .\nB",
        "---\n\n\n---\n\n", "---\ré\n---\n", "\n---\nx\n---\n",
    ])
    func edgeCases(text: String) {
        Self.check(text)
    }

    @Test("generated files: 4,000 mixtures of dashes, dots, line ends and text agree with the reference")
    func generated() {
        let pieces = ["---", "...", "-", ".", "--", "\n", "\n", "\r\n", "\r", " ", "\t", "title: x", "é", "\u{301}", "\u{FEFF}", "x", "---\n"]
        var random = SeededRandom(0xA076_1D64_78BD_642F)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<4_000 {
            var text = next(2) == 0 ? "---\n" : ""
            for _ in 0..<next(20) { text += pieces[next(pieces.count)] }
            Self.check(text)
        }
    }
}
