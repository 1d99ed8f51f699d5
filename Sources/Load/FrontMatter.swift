#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics
import Model

/// Splits a Markdown file into its YAML front matter and body, and reads the fields.
package enum FrontMatter {
    package struct Parsed {
        package var meta: PageMeta
        package var body: String
        package var bodyFirstLine: Int
        /// Nil when the file has none.
        package var yaml: String?
        /// Where `slug`, `template` and the other fields were written, for later errors.
        package var node: YAMLNode?
        /// The body is still in the file (front matter from the cache).
        var bodyPending = false
        /// The front matter could not be read at all (not closed, bad YAML, not a mapping):
        /// reported once; the page is left out so that nothing downstream reports it again.
        var rejected = false
    }

    /// `requireTitle` is false for `_index.md`, whose list page can take the folder's name.
    package static func parse(_ text: String, file: String, requireTitle: Bool, defaultTitle: @autoclosure () -> String) -> (Parsed, [Diagnostic]) {
        let (yaml, body, bodyLine) = split(text)
        var (parsed, diagnostics) = parse(yaml: yaml, file: file, requireTitle: requireTitle, defaultTitle: defaultTitle())
        if yaml == nil, text.hasPrefix("---") {
            // The title is not missing: the front matter that holds it is never closed.
            diagnostics = [.error(at: .start(of: file), "front matter opened with '---' is never closed by a '---' line")]
            parsed.rejected = true
        }
        parsed.body = body
        parsed.bodyFirstLine = bodyLine
        return (parsed, diagnostics)
    }

    /// The fields of front matter already split off its file (by this build or the last);
    /// the body is left empty.
    package static func parse(yaml: String?, file: String, requireTitle: Bool, defaultTitle: @autoclosure () -> String) -> (Parsed, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var node: YAMLNode?
        var rejected = false
        if let yaml {
            if let simple = SimpleYAML.parse(yaml, file: file, firstLine: 2) {
                node = simple
            } else {
                do {
                    node = try YAMLLoader.parse(yaml, file: file, firstLine: 2)
                } catch {
                    diagnostics.append(error)
                    rejected = true
                }
            }
            if let parsed = node, parsed.entries == nil {
                diagnostics.append(.error(at: parsed.location, "front matter must be a mapping of fields, not \(parsed.kindDescription)"))
                node = nil
                rejected = true
            }
        }
        var reader = FieldReader(node)
        var meta = PageMeta(title: reader.string("title") ?? "")
        if meta.title.isEmpty {
            let at = reader.location(of: "title") ?? .start(of: file)
            // Front matter that could not be read, or a title of the wrong kind (`title: [a, b]`),
            // has its own error already: one fault, one error.
            if requireTitle && !rejected && !reader.diagnostics.contains(where: { $0.location == at }) {
                let message = yaml == nil
                    ? "page has no front matter; it needs at least a 'title' between '---' lines"
                    : "page needs a 'title' in its front matter"
                diagnostics.append(.error(at: at, message))
            }
            meta.title = defaultTitle()
        }
        meta.description = reader.string("description")
        meta.date = reader.date("date")
        meta.updated = reader.date("updated")
        meta.draft = reader.bool("draft") ?? false
        // Read by the navigation from the node; checked here so that `nav: no` (text in YAML 1.2) is an error, not ignored.
        _ = reader.bool("nav")
        meta.slug = reader.string("slug")
        meta.order = reader.int("order")
        meta.template = reader.string("template")
        meta.lang = reader.string("lang")
        meta.tags = reader.strings("tags") ?? []
        meta.node = node
        diagnostics += reader.diagnostics
        // Any other field written like a date must be one too (`date` and `updated` were read above).
        for entry in node?.entries ?? [] where entry.key != "date" && entry.key != "updated" {
            diagnostics += CalendarDate.problems(in: entry.value, field: entry.key)
        }
        return (Parsed(meta: meta, body: "", bodyFirstLine: 1, yaml: yaml, node: node, rejected: rejected), diagnostics)
    }

    /// Returns the YAML between the opening `---` and the closing `---` (or `...`), the
    /// body, and the 1-based line the body starts on. A file without an opening `---`
    /// is all body.
    ///
    /// On the text's UTF-8 (issue 16: going through `Character`s cost 2.2% of a 10,000-page
    /// build), with `Character`s' answers: a line ends at a `\n` that is not part of a
    /// `\r\n` (which is one `Character`, not `"\n"`), and a line is a delimiter when it
    /// is `---` (or `...`) once spaces, tabs and `\r` are trimmed. A combining mark or other
    /// non-ASCII byte left in a line makes it no delimiter either way.
    package static func split(_ text: String) -> (yaml: String?, body: String, bodyFirstLine: Int) {
        var copy = text
        return copy.withUTF8 { bytes in
            let count = bytes.count
            /// The next line end at or after `from`: a `\n` not after a `\r`.
            func lineEnd(from: Int) -> Int? {
                var index = from
                while index < count, let base = bytes.baseAddress,
                      let found = memchr(base + index, Int32(UInt8(ascii: "\n")), count - index) {
                    let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                    if at == 0 || bytes[at - 1] != UInt8(ascii: "\r") { return at }
                    index = at + 1
                }
                return nil
            }
            /// Whether the bytes in `range`, trimmed of spaces, tabs and `\r`, are `word`.
            func isLine(_ range: Range<Int>, _ word: UInt8) -> Bool {
                var lower = range.lowerBound, upper = range.upperBound
                func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
                while lower < upper, isBlank(bytes[lower]) { lower += 1 }
                while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
                return upper - lower == 3 && bytes[lower] == word && bytes[lower + 1] == word && bytes[lower + 2] == word
            }
            func slice(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            // A byte-order mark (a `Character` of its own) is skipped.
            let start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            guard count - start >= 3, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: "-"), bytes[start + 2] == UInt8(ascii: "-"),
                  let firstNewline = lineEnd(from: start), isLine(start..<firstNewline, UInt8(ascii: "-"))
            else { return (nil, text, 1) }
            var line = 2
            var lineStart = firstNewline + 1
            let yamlStart = lineStart
            while lineStart < count {
                let end = lineEnd(from: lineStart) ?? count
                if isLine(lineStart..<end, UInt8(ascii: "-")) || isLine(lineStart..<end, UInt8(ascii: ".")) {
                    let bodyStart = end < count ? end + 1 : count
                    return (slice(yamlStart..<lineStart), slice(bodyStart..<count), line + 1)
                }
                line += 1
                lineStart = end < count ? end + 1 : count
            }
            // No closing line: treat the whole file as body rather than swallow it.
            return (nil, text, 1)
        }
    }
}

extension Substring {
    package func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return s
    }
}
