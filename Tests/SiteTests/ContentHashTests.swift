import Foundation
import Testing
@testable import Load

/// Issue 16: the build cache hashes files eight bytes at a time. Expected values worked out
/// with a separate Python implementation of the rule in `Hash.contentValue`'s comment.
@Suite("Content hash: eight bytes at a time")
struct ContentHashTests {
    @Test("known values: empty, a partial word, one word, words and a tail", arguments: [
        ("", "af63bd4c8601b7df"), ("a", "089be307b544f397"), ("abcdefgh", "ff18c96f1a75f05c"),
        ("<p>Hello, world</p>\n", "1ec3e2973a6c828d"), ("<p>Hello, world</p>\r", "1ed4e0973a7af25a"),
    ])
    func knownValues(text: String, expected: String) {
        #expect(Hash.content(Array(text.utf8)) == expected)
        #expect(Hash.content(Data(text.utf8)) == expected)
    }

    @Test("one byte changed anywhere, or trailing zero bytes added, changes the hash")
    func everyByteCounts() {
        let base = Array("The quick brown fox jumps over the lazy dog, 0123456789.".utf8)
        var seen: Set<String> = [Hash.content(base)]
        for index in base.indices {
            var changed = base
            changed[index] ^= 0x01
            #expect(seen.insert(Hash.content(changed)).inserted, "byte \(index)")
        }
        for zeros in 1...9 { #expect(seen.insert(Hash.content(base + Array(repeating: 0, count: zeros))).inserted) }
    }

    @Test("16 hex digits, zeros in front, as String(_:radix:) padded writes them")
    func format() {
        #expect(Hash.format(0) == "0000000000000000")
        #expect(Hash.format(0xA) == "000000000000000a")
        #expect(Hash.format(0x0123_4567_89AB_CDEF) == "0123456789abcdef")
        #expect(Hash.format(UInt64.max) == "ffffffffffffffff")
        var value: UInt64 = 1
        for shift in 0..<2_000 {
            value = value &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let tested = shift < 64 ? UInt64(1) << UInt64(shift) : value >> UInt64(shift % 64)
            let written = String(tested, radix: 16)
            #expect(Hash.format(tested) == String(repeating: "0", count: 16 - written.count) + written)
        }
    }

    @Test("published names keep FNV-1a")
    func assetNamesKeepFNV() {
        #expect(Hash.hex("a") == "af63dc4c8601ec8c")
    }
}
