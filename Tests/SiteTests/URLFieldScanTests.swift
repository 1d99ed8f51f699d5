import Testing
@testable import Load

/// Issue 16: `URLFields.mightHoldDangerousURL` skips with `memchr` to backslashes,
/// ampersands and colons. It must answer as the first version did, which kept the last
/// seven bytes of every byte in a shift register: that version is the reference here.
@Suite("The dangerous-URL prefilter: the skipping scan answers as the byte-by-byte one")
struct URLFieldScanTests {
    /// The first `mightHoldDangerousURL` (commit 7ca883b).
    static func reference(_ text: String) -> Bool {
        func packed(_ word: String) -> UInt64 { word.utf8.reduce(0) { ($0 << 8) | UInt64($1) } }
        var recent: UInt64 = 0
        for byte in text.utf8 {
            if byte == 0x5C || byte == 0x26 { return true }
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            recent = (recent << 8) | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if byte == 0x3A, recent & 0xFF_FFFF_FFFF_FFFF == packed("script:") || recent & 0xFF_FFFF_FFFF == packed("file:")
                || recent & 0xFF_FFFF_FFFF == packed("data:") {
                return true
            }
        }
        return false
    }

    @Test("front matter that might and might not hold one", arguments: [
        ("title: A page\ndate: 2024-01-02\n", false), ("url: javascript:alert(1)\n", true), ("url: JAVA\tSCRIPT:x", true),
        ("link: \"java\\u0073cript:x\"", true), ("image: &#106;avascript:x", true), ("a: vbscript:x", true),
        ("src: FILE:///etc", true), ("img: data:image/png", true), ("url: https://example.com/data", false),
        ("note: metadata: yes", true), ("note: the file: kept", true), ("time: 10:30", false), ("", false),
        ("scrip:", false), ("d\na\rt\na:", true), ("dat a:", false), ("é: ü", false),
    ])
    func knownAnswers(text: String, expected: Bool) {
        #expect(URLFields.mightHoldDangerousURL(text) == expected)
        #expect(Self.reference(text) == expected)
    }

    @Test("generated front matter: 5,000 mixtures agree with the reference")
    func generated() {
        let pieces = ["a", " ", "\n", "\r", "\t", ":", "::", "\\", "&", "script", "SCRIPT", "scri", "pt", "file", "FILE", "fi", "le",
                      "data", "DaTa", "da", "ta", "java", "url: ", "é", "€", "日", "x", "s", "c", "r", "i", "p", "t"]
        var random = SeededRandom(0x1234_5678_9ABC_DEF1)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<5_000 {
            var text = ""
            // Backslashes and ampersands rarely, so that most texts are decided by their colons.
            for _ in 0..<next(30) {
                let piece = pieces[next(pieces.count)]
                text += (piece == "\\" || piece == "&") && next(8) != 0 ? "x" : piece
            }
            #expect(URLFields.mightHoldDangerousURL(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
