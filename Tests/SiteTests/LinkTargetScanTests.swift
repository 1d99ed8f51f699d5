import Foundation
import Testing
@testable import Render

/// Issue 16: `LinkCheck.targets(in:)` skips with `memchr` from one `=` to the next. It must
/// find what the first version found, which looked at every byte: that version is kept here
/// as the reference, and both run over edge cases and many generated pages. `exists` works
/// on bytes for ASCII targets: it must look up the same files as the `Character` version.
@Suite("Link targets: the skipping scan finds what a look at every byte finds")
struct LinkTargetScanTests {
    /// The first `targets(in:)`, byte by byte (commit 7ca883b).
    static func reference(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        let count = bytes.count
        var found: [String] = []
        var i = 0
        while i + 6 < count {
            var start = -1
            if bytes[i...].starts(with: Array("href=\"".utf8)) {
                start = i + 6
            } else if bytes[i...].starts(with: Array("src=\"".utf8)) {
                start = i + 5
            }
            guard start >= 0 else { i += 1; continue }
            var end = start
            while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            if end > start, bytes[start] == UInt8(ascii: "/"), !(end > start + 1 && bytes[start + 1] == UInt8(ascii: "/")) {
                found.append(String(decoding: bytes[start..<end], as: UTF8.self))
            }
            i = end
        }
        return found
    }

    @Test("what a page's links look like", arguments: [
        ("<a href=\"/power/\">p</a> <img src=\"/i.png\" alt=\"\">", ["/power/", "/i.png"]),
        ("<a href=\"//cdn.example.com/x\"><a href=\"https://x.org/\"><a href=\"#top\"><a href=\"\">", []),
        ("<a HREF=\"/upper/\"><a href='/single/'><a href = \"/spaced/\"><img SRC=\"/u.png\">", []),
        ("<a href=\"/\">home</a><a href=\"/a?b=1&amp;c=2#x\">", ["/", "/a?b=1&amp;c=2#x"]),
        ("<a href=\"/unclosed", ["/unclosed"]),
        ("<a data-href=\"/x/\"><img data-src=\"/y.png\">", ["/x/", "/y.png"]),
        ("<a title=\"href=&quot;/inside\" href=\"/after/\">", ["/after/"]),
        ("<a href=\"/a src=\"/b\">", ["/a src="]),
        ("<p>é € 日本 <a href=\"/café/\">x</a></p>", ["/café/"]),
    ])
    func knownPages(html: String, targets: [String]) {
        #expect(LinkCheck.targets(in: html) == targets)
        #expect(Self.reference(html) == targets)
    }

    @Test("edge cases agree with the reference: empty, short, an attribute cut at the end", arguments: [
        "", "<", "=", "\"", "href=\"", "href=\"/", "href=\"/\"", "src=\"/", "src=\"/\"", "src=\"/x", "x src=\"/x",
        "xhref=\"/", "xhref=\"/a", "href=\"/a", "=\"/a\"", "ref=\"/a\"", "rc=\"/a\"", "<a href=\"/a\"><", "<a href=\"/a\">=",
        "href=href=\"/a\"", "src=src=\"/a\"", "href=\"\"/a\"", "src=\"//\"", "href=\"/\"/\"", "====\"\"\"\"", "é=\"/é\"",
        "href=\"/a\nb\"", "<img\nsrc=\"/n.png\"\n>", "<img\tsrc=\"/t.png\">",
    ])
    func edgeCases(html: String) {
        #expect(LinkCheck.targets(in: html) == Self.reference(html), "\(html.debugDescription)")
    }

    @Test("generated pages: 5,000 mixtures of attributes, quotes and text agree with the reference")
    func generated() {
        let pieces = ["href=\"", "src=\"", "HREF=\"", "href='", "href =\"", "=", "\"", "'", "/", "//", "h", "r", "e", "f", "s",
                      "c", "<a ", "<img ", ">", "</a>", " ", "\n", "\t", "é", "€", "#x", "?q=1", "&amp;", "data-", "x", "<"]
        var random = SeededRandom(0x2545_F491_4F6C_DD1D)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<5_000 {
            var html = ""
            for _ in 0..<next(60) { html += pieces[next(pieces.count)] }
            #expect(LinkCheck.targets(in: html) == Self.reference(html), "\(html.debugDescription)")
        }
    }

    /// The first `exists` (commit 7ca883b): the files it asks `holds` for, in order, and its answer.
    static func referenceLookups(_ target: String, basePath: String, files: Set<String>) -> (asked: [String], found: Bool) {
        var asked: [String] = []
        func holds(_ path: String) -> Bool { asked.append(path); return files.contains(path) }
        func decoded(_ text: String) -> String {
            guard text.contains("%") else { return text }
            var bytes: [UInt8] = []
            var index = text.utf8.startIndex
            while index < text.utf8.endIndex {
                let byte = text.utf8[index]
                if byte == UInt8(ascii: "%"), let end = text.utf8.index(index, offsetBy: 3, limitedBy: text.utf8.endIndex),
                   let value = UInt8(String(text[text.utf8.index(after: index)..<end]), radix: 16) {
                    bytes.append(value)
                    index = end
                } else {
                    bytes.append(byte)
                    index = text.utf8.index(after: index)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var path = String(target.prefix { $0 != "#" && $0 != "?" })
        guard path.hasPrefix(basePath + "/") || path == basePath else { return (asked, false) }
        path = decoded(String(path.dropFirst(basePath.count + 1)))
        let found: Bool
        if path.isEmpty { found = holds("index.html") }
        else if path.hasSuffix("/") { found = holds(path + "index.html") }
        else { found = holds(path) || holds(path + "/index.html") }
        return (asked, found)
    }

    final class Asked: @unchecked Sendable { var paths: [String] = [] }

    static func checkExists(_ target: String, basePath: String) {
        let files: Set<String> = ["index.html", "power/index.html", "data/deals.csv", "a b/index.html", "café/index.html", "A/index.html"]
        let asked = Asked()
        let check = LinkCheck(basePath: basePath) { asked.paths.append($0); return files.contains($0) }
        let found = check.exists(target)
        let expected = referenceLookups(target, basePath: basePath, files: files)
        #expect(found == expected.found && asked.paths == expected.asked, "\(target.debugDescription) base \(basePath)")
    }

    @Test("a link's file is looked up as before: base path, query, fragment, percent escapes", arguments: [
        "/", "", "/power/", "/power", "/power/#x", "/power/?a=1#b", "/data/deals.csv#row", "/a%20b/", "/caf%C3%A9/", "/café/",
        "/%41/", "/%+A/", "/%-0/", "/%zz/", "/%", "/%4", "#top", "?q", "/capex", "/capex/", "/capex/power/", "/capexpower/",
        "/capex#x", "/capex?x", "/café", "/café/power/", "/#\u{301}x", "/power/#\u{301}", "/e\u{301}/", "/\r\n/", "//x",
    ])
    func existsAsBefore(target: String) {
        for basePath in ["", "/capex", "/café", "/caf\u{E9}x"] { Self.checkExists(target, basePath: basePath) }
    }

    @Test("generated links: 3,000 targets look up the same files as before")
    func existsGenerated() {
        let pieces = ["/", "capex", "café", "power", "#", "?", "%41", "%2F", "%+F", "%-0", "%zz", "%", "index.html", "é", "a", " ",
                      "\u{301}", "A", "data", "deals.csv", ".", "%C3%A9"]
        var random = SeededRandom(0x0DDB_1A5E_5BAD_5EED)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<3_000 {
            var target = next(4) == 0 ? "" : "/"
            for _ in 0..<next(8) { target += pieces[next(pieces.count)] }
            Self.checkExists(target, basePath: ["", "/capex", "/café"][next(3)])
        }
    }
}
