import Diagnostics
import Load

/// Internal links must land on a file the build writes: a typo in `[the power chapter](/powr/)`
/// is an error at the page, not a 404 for a reader.
struct LinkCheck {
    package let basePath: String
    /// Whether the site will hold a file at this output path.
    package let holds: (String) -> Bool

    package init(basePath: String, holds: @escaping (String) -> Bool) {
        self.basePath = basePath
        self.holds = holds
    }

    /// Each page with the root-relative links its HTML holds.
    /// `withBody` reads a page's Markdown if the load stage left it unread.
    func brokenLinks(in pages: [(Page, [String])], withBody: (Page) -> Page = { $0 }) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (page, targets) in pages {
            var reported = Set<String>()
            for target in targets where !exists(target) && reported.insert(target).inserted {
                problems.append(.error(at: location(of: target, in: withBody(page)), "link to \(target): no page or file of the site is there"))
            }
        }
        return problems
    }

    /// Root-relative `href` and `src` values: `/power/`, `/data/deals.csv#x`. Scans bytes:
    /// Foundation's substring search goes through ICU and cost more than the rendering.
    package static func targets(in html: String) -> [String] {
        var found: [String] = []
        var html = html
        html.withUTF8 { bytes in
            let count = bytes.count
            var i = 0
            while i + 6 < count {
                // `href="/` or `src="/`, not `//`.
                var start = -1
                if bytes[i] == UInt8(ascii: "h"), i + 6 < count, bytes[i + 1] == UInt8(ascii: "r"), bytes[i + 2] == UInt8(ascii: "e"),
                   bytes[i + 3] == UInt8(ascii: "f"), bytes[i + 4] == UInt8(ascii: "="), bytes[i + 5] == UInt8(ascii: "\"") {
                    start = i + 6
                } else if bytes[i] == UInt8(ascii: "s"), bytes[i + 1] == UInt8(ascii: "r"), bytes[i + 2] == UInt8(ascii: "c"),
                          bytes[i + 3] == UInt8(ascii: "="), bytes[i + 4] == UInt8(ascii: "\"") {
                    start = i + 5
                }
                guard start >= 0 else { i += 1; continue }
                var end = start
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                if end > start, bytes[start] == UInt8(ascii: "/"), !(end > start + 1 && bytes[start + 1] == UInt8(ascii: "/")) {
                    found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                i = end
            }
        }
        return found
    }

    func exists(_ target: String) -> Bool {
        var path = String(target.prefix { $0 != "#" && $0 != "?" })
        guard path.hasPrefix(basePath + "/") || path == basePath else { return false }
        path = String(path.dropFirst(basePath.count + 1))
        path = path.removingPercentEncodingIfPossible
        if path.isEmpty { return holds("index.html") }
        if path.hasSuffix("/") { return holds(path + "index.html") }
        return holds(path) || holds(path + "/index.html")
    }

    /// Where the author wrote the link: its line in the Markdown, else the top of the page
    /// (a link from a template or a generated list).
    package func location(of target: String, in page: Page) -> SourceLocation {
        let written = basePath.isEmpty ? target : String(target.dropFirst(basePath.count))
        var line = page.bodyFirstLine
        for text in page.body.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = text.range(of: "(" + written) {
                return SourceLocation(file: page.sourcePath, line: line, column: text.distance(from: text.startIndex, to: range.lowerBound) + 2)
            }
            line += 1
        }
        return page.location
    }
}

private extension String {
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
               let value = UInt8(String(self[utf8.index(after: index)..<end]), radix: 16) {
                bytes.append(value)
                index = end
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
