#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// Root-relative `href` and `src` values: `/power/`, `/data/deals.csv#x`: each
    /// `href="` or `src="` (lower case, as our templates and cmark write them) whose value
    /// starts with one `/`, outside the value of an earlier match. Skips with `memchr` from
    /// one `=` to the next and checks the name before it (issue 16: a look at every byte cost
    /// 2.4% of a 10,000-page build; Foundation's substring search, through ICU, cost more
    /// than the rendering).
    package static func targets(in html: String) -> [String] {
        var found: [String] = []
        var html = html
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            let origin = UnsafeRawPointer(base)
            // A match may begin no earlier than the end of the last value taken.
            var earliest = 0
            var search = 0
            while search < count, let hit = memchr(origin + search, Int32(UInt8(ascii: "=")), count - search) {
                let equals = UnsafeRawPointer(hit) - origin
                search = equals + 1
                // `href="` begins 4 bytes before the `=`, `src="` 3; either needs two bytes
                // after its name's start + 6 (the value's first and one more).
                guard equals + 1 < count, bytes[equals + 1] == UInt8(ascii: "\"") else { continue }
                let isHref = equals >= earliest + 4 && equals + 2 < count
                    && bytes[equals - 4] == UInt8(ascii: "h") && bytes[equals - 3] == UInt8(ascii: "r")
                    && bytes[equals - 2] == UInt8(ascii: "e") && bytes[equals - 1] == UInt8(ascii: "f")
                let isSrc = !isHref && equals >= earliest + 3 && equals + 3 < count
                    && bytes[equals - 3] == UInt8(ascii: "s") && bytes[equals - 2] == UInt8(ascii: "r")
                    && bytes[equals - 1] == UInt8(ascii: "c")
                guard isHref || isSrc else { continue }
                let start = equals + 2
                let end = memchr(origin + start, Int32(UInt8(ascii: "\"")), count - start).map { UnsafeRawPointer($0) - origin } ?? count
                if end > start, bytes[start] == UInt8(ascii: "/"), !(end > start + 1 && bytes[start + 1] == UInt8(ascii: "/")) {
                    found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                earliest = end
                search = max(search, end)
            }
        }
        return found
    }

    func exists(_ target: String) -> Bool {
        guard var path = pathInSite(target) else { return false }
        path = path.removingPercentEncodingIfPossible
        if path.isEmpty { return holds("index.html") }
        if path.hasSuffix("/") { return holds(path + "index.html") }
        return holds(path) || holds(path + "/index.html")
    }

    /// `target` without its query or fragment and without the base path and the `/` after
    /// it (`/capex/power/#x` → `power/`); nil for a target outside the base path. On bytes
    /// when both are ASCII, where a byte is a `Character` (issue 16: the `Character` path
    /// cost 0.5% of a 10,000-page build); else through `Character`s, as before.
    private func pathInSite(_ target: String) -> String? {
        var target = target
        let ascii = basePath.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } && target.utf8.allSatisfy { $0 < 0x80 }
        guard ascii else {
            let path = String(target.prefix { $0 != "#" && $0 != "?" })
            guard path.hasPrefix(basePath + "/") || path == basePath else { return nil }
            return String(path.dropFirst(basePath.count + 1))
        }
        var base = basePath
        return base.withUTF8 { base in
            target.withUTF8 { bytes -> String? in
                let end = bytes.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? bytes.count
                if end == base.count, bytes[..<end].elementsEqual(base) { return "" }
                guard end > base.count, bytes[base.count] == UInt8(ascii: "/"), bytes[..<base.count].elementsEqual(base) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[(base.count + 1)..<end]), as: UTF8.self)
            }
        }
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
        // A byte search: Foundation's `contains` goes through ICU.
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
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
