import Foundation
import Testing
@testable import Incremental
@testable import Load

/// `TemplateCheck.topLevelKeys` finds line ends and colons with `memchr`; it must give the
/// keys the byte-at-a-time scan it replaced gave (kept here as the reference), on hand-made
/// front matter and on thousands of generated ones.
@Suite("front matter's top-level keys")
struct TopLevelKeysTests {
    /// The scan before memchr, as it was.
    static func reference(_ yaml: String) -> [String] {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var keys: [String] = []
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                let first = bytes[lineStart]
                if first != 0x20 && first != 0x09 && first != UInt8(ascii: "#") && first != UInt8(ascii: "-") && first != 0x0D,
                   let colon = (lineStart..<lineEnd).first(where: { bytes[$0] == UInt8(ascii: ":") }) {
                    var start = lineStart, end = colon
                    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
                    if end - start >= 2, bytes[start] == bytes[end - 1], bytes[start] == 0x22 || bytes[start] == 0x27 {
                        start += 1
                        end -= 1
                    }
                    if end > start { keys.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                }
                lineStart = lineEnd + 1
            }
            return keys
        }
    }

    @Test(arguments: [
        "title: A\ndate: 2024-01-01\n", "title: A", "\"quoted\": 1\n'single': 2\n", "tags:\n  - a\n  - b\nnext: x\n",
        "# comment: no\n- item: no\nkey : spaced\n", "\n\n:\n::\n", "a:b:c\n", "é: ñ\n\u{301}x: y\n", "\r\nk: v\r\n", "",
        "no colon here\nlast: one", "\"\": empty\n\"a: b\n",
    ])
    func handMade(yaml: String) {
        #expect(TemplateCheck.topLevelKeys(yaml) == Self.reference(yaml), "\(String(reflecting: yaml))")
        #expect(TemplateCheck.topLevelKeys("title: A\ndate: x\n  nested: no\n") == ["title", "date"])
    }

    @Test("generated front matter: 3,000 mixtures of keys, colons, quotes, indents and line ends")
    func generated() {
        let pieces = ["title", ":", ": ", "\n", "\n", "  ", "\t", "\"", "'", "#", "-", "é", "\r", "x", "key", " "]
        var random = SeededRandom(0x5851_F42D_4C95_7F2D)
        for _ in 0..<3_000 {
            let yaml = (0..<random.next(24)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(TemplateCheck.topLevelKeys(yaml) == Self.reference(yaml), "\(String(reflecting: yaml))")
        }
    }

    /// `Reuse.isClean` looks through a group's dependencies for a few changed keys without
    /// hashing them, and through a set for many: both give the answer of a plain set test.
    @Test func isCleanAnswersAlikeForFewAndManyChangedKeys() throws {
        let fixture = try FixtureSite("story")
        var options = LoadOptions()
        options.outputFolder = fixture.output
        let site = try #require(SiteLoader(root: fixture.root, options: options).load().0)
        let deps = ["file:content/a.md", "template:layout", "template:page", "pagelist", "figure:x.y"]
        let groups = Dictionary(uniqueKeysWithValues: (0..<deps.count).map { index in
            ("page:/\(index)/", BuildManifest.Group(files: ["\(index)/index.html": "h"], deps: Array(deps[..<(index + 1)]), links: []))
        })
        for changedCount in [0, 1, 2, 4, 5, 8] {
            let changedFiles = (0..<changedCount).map { $0 == 0 ? "content/a.md" : "content/other\($0).md" }
            let manifest = BuildManifest(settings: "s", files: Dictionary(uniqueKeysWithValues: changedFiles.map { ($0, "old") }),
                                         inputs: [:], groups: groups)
            let hashes = Dictionary(uniqueKeysWithValues: changedFiles.map { ($0, "new") })
            let reuse = Reuse(manifest: manifest, fingerprints: Fingerprints(site: site, fileHashes: hashes) { _ in "" },
                              fileHashes: hashes, incomplete: [], changedFiles: changedFiles)
            for (key, group) in groups {
                let expected = !group.deps.contains { dep in changedFiles.contains { "file:" + $0 == dep } }
                #expect(reuse.isClean(key, requiring: []) == expected, "\(changedCount) changed, \(key)")
            }
        }
    }
}
