import Diagnostics

/// One `{{…}}` tag of a Mustache template, where it was written.
struct MustacheTag {
    package enum Kind {
        case variable, section, inverted, close, partial, parent, block, comment, delimiters
    }

    package var kind: Kind
    /// The name as written, without sigil or braces: `page.title`, `partials/head`.
    package var name: String
    /// The `{{` of the tag.
    package var location: SourceLocation
    /// Byte offsets of the whole tag, braces included, in the template's UTF-8.
    var span: Range<Int> = 0..<0

    /// The name a tag looks up: `uppercased(page.title)` → `page.title`, `first()` → "".
    var lookedUpName: String {
        guard let open = name.lastIndex(of: "("), let close = name[open...].firstIndex(of: ")") else { return name }
        return String(name[name.index(after: open)..<close].trimmingCharacters(in: " \t"))
    }

    /// Every tag of `text`, in order, with the set-delimiter tag (`{{=<% %>=}}`) honoured as
    /// swift-mustache honours it. Text without a closing delimiter ends the scan: the
    /// template parser has reported it.
    package static func tags(in text: String, file: String) -> [MustacheTag] {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var tags: [MustacheTag] = []
        var index = 0, line = 1, lineStart = 0
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
        }
        while index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard matches(open, at: index) else { index += 1; continue }
            let tagStart = index
            let location = SourceLocation(file: file, line: line, column: String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1)
            var start = index + open.count
            let triple = open == Array("{{".utf8) && start < bytes.count && bytes[start] == UInt8(ascii: "{")
            var end = start
            while end < bytes.count && !matches(close, at: end) { end += 1 }
            guard end < bytes.count else { break }
            var content = String(decoding: bytes[start..<end], as: UTF8.self)
            var next = end + close.count
            if triple, next < bytes.count, bytes[next] == UInt8(ascii: "}") { next += 1 }
            // Lines inside a tag (a long comment) still count.
            for byte in bytes[index..<next] where byte == 0x0A { line += 1 }
            if let lastNewline = bytes[index..<next].lastIndex(of: 0x0A) { lineStart = lastNewline + 1 }
            index = next
            content = String(content[...].trimmingCharacters(in: " \t\r\n"))
            let kind: Kind
            switch content.first {
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "<": kind = .parent
            case "$": kind = .block
            case "!": kind = .comment
            case "=": kind = .delimiters
            case "&", "{": kind = .variable
            default: kind = .variable
            }
            if kind != .variable || content.first == "&" || content.first == "{" { start = 1 } else { start = 0 }
            var name = String(content.dropFirst(start))
            if content.first == "{" && name.hasSuffix("}") { name.removeLast() }
            if kind == .delimiters {
                let parts = name.dropLast(name.hasSuffix("=") ? 1 : 0).split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                }
            }
            tags.append(MustacheTag(kind: kind, name: String(name[...].trimmingCharacters(in: " \t\r\n")), location: location,
                                    span: tagStart..<next))
        }
        return tags
    }
}
