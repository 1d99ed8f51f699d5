import Diagnostics

/// Internal links must land on a file the build writes: a typo in `[the power chapter](/powr/)`
/// is an error at the page, not a 404 for a reader.
struct LinkCheck {
    let basePath: String
    let paths: Set<String>

    /// `paths`: every file the site will hold.
    init(basePath: String, paths: Set<String>) {
        self.basePath = basePath
        self.paths = paths
    }

    /// Each page with the root-relative links its HTML holds.
    func brokenLinks(in pages: [(Page, [String])]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (page, targets) in pages {
            var reported = Set<String>()
            for target in targets where !exists(target) && reported.insert(target).inserted {
                problems.append(.error(at: location(of: target, in: page), "link to \(target): no page or file of the site is there"))
            }
        }
        return problems
    }

    /// Root-relative `href` and `src` values: `/power/`, `/data/deals.csv#x`.
    static func targets(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let value = rest[..<end]
                if value.hasPrefix("/"), !value.hasPrefix("//") { found.append(String(value)) }
                rest = rest[end...]
            }
        }
        return found
    }

    func exists(_ target: String) -> Bool {
        var path = String(target.prefix { $0 != "#" && $0 != "?" })
        guard path.hasPrefix(basePath + "/") || path == basePath else { return false }
        path = String(path.dropFirst(basePath.count + 1))
        path = path.removingPercentEncodingIfPossible
        if path.isEmpty { return paths.contains("index.html") }
        if path.hasSuffix("/") { return paths.contains(path + "index.html") }
        return paths.contains(path) || paths.contains(path + "/index.html")
    }

    /// Where the author wrote the link: its line in the Markdown, else the top of the page
    /// (a link from a template or a generated list).
    func location(of target: String, in page: Page) -> SourceLocation {
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
