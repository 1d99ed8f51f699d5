import Testing
@testable import Load

/// `URLRules.url` takes a plain folder and name straight to a URL (`plainURL`); it must give
/// what the split-check-join it skips gives (kept here as the reference), on hand-made and
/// generated folders and names.
@Suite("URLs of plain paths")
struct PlainURLTests {
    static func reference(folder: String, name: String) -> String? {
        var segments = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        if name != "index" { segments.append(name) }
        for segment in segments where !URLRules.isSafeSegment(segment) { return nil }
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    static func check(folder: String, name: String) {
        let fast = URLRules.plainURL(folder: folder, name: name)
        let url = URLRules.url(folder: folder, name: name, slug: nil).value
        #expect(url == reference(folder: folder, name: name), "\(String(reflecting: folder)) \(String(reflecting: name))")
        if let fast { #expect(fast == url, "\(String(reflecting: folder)) \(String(reflecting: name))") }
    }

    @Test func handMade() {
        for (folder, name) in [("", "index"), ("", "power"), ("posts", "page-00042"), ("a/b", "index"), ("a/b", "c.d"),
                               ("a//b", "c"), ("a/", "c"), ("/a", "c"), (".hidden", "x"), ("a", ".x"), ("a", ""), ("é", "x"),
                               ("a", "ü"), ("a b", "c"), ("a", "c/d"), ("a/.b", "c"), ("a..b", "c")] {
            Self.check(folder: folder, name: name)
        }
        #expect(URLRules.plainURL(folder: "posts", name: "page-1") == "/posts/page-1/")
        #expect(URLRules.plainURL(folder: "é", name: "x") == nil, "left to the general rules")
    }

    @Test("generated: 4,000 folders and names of letters, digits, dots, slashes, spaces and accents")
    func generated() {
        let pieces = ["a", "Z", "0", "-", "_", ".", "/", "//", " ", "é", "index", "x.y"]
        var random = SeededRandom(0x2F6B_9E1D_0C3A_5B77)
        for _ in 0..<4_000 {
            let folder = (0..<random.next(5)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let name = (0..<random.next(4)).map { _ in pieces[random.next(pieces.count)] }.joined()
            Self.check(folder: folder, name: name)
        }
    }
}
