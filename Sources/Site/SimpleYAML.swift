import Foundation
import Diagnostics

/// A fast path for the front matter most pages have — `key: value` lines, quoted strings,
/// `[a, b]` and `- item` lists — giving exactly the nodes Yams would, with the same
/// positions. Anything else (nested mappings, block scalars, anchors, escapes, comments
/// after values, duplicate keys) returns nil, and Yams parses it. Yams costs about 40 µs a
/// page; at 10,000 pages that was most of the load stage.
enum SimpleYAML {
    static func parse(_ text: String, file: String, firstLine: Int) -> YAMLNode? {
        var entries: [YAMLNode.Entry] = []
        var seen = Set<String>()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var index = 0
        var mappingLocation: SourceLocation?
        while index < lines.count {
            let line = lines[index]
            let lineNumber = firstLine + index
            index += 1
            if isBlankOrComment(line) { continue }
            guard let first = line.first, first.isLetter || first == "_",
                  let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
                  seen.insert(String(key)).inserted else { return nil }
            let keyLocation = SourceLocation(file: file, line: lineNumber, column: 1)
            if mappingLocation == nil { mappingLocation = keyLocation }
            let afterColon = line[line.index(after: colon)...]
            guard afterColon.isEmpty || afterColon.first == " " else { return nil }
            let valueText = afterColon.drop { $0 == " " }
            let valueColumn = line.distance(from: line.startIndex, to: valueText.startIndex) + 1
            let value: YAMLNode
            if valueText.isEmpty {
                // Either nothing (null) or a block list on the following lines.
                var items: [YAMLNode] = []
                var listLocation: SourceLocation?
                while index < lines.count {
                    let itemLine = lines[index]
                    if isBlankOrComment(itemLine) { index += 1; continue }
                    let indent = itemLine.prefix { $0 == " " }
                    guard itemLine.dropFirst(indent.count).hasPrefix("- ") || itemLine.dropFirst(indent.count) == "-" else { break }
                    let dash = indent.count + 1
                    let itemText = itemLine.dropFirst(indent.count + 1).drop { $0 == " " }
                    let column = itemLine.distance(from: itemLine.startIndex, to: itemText.startIndex) + 1
                    let location = SourceLocation(file: file, line: firstLine + index, column: column)
                    if listLocation == nil { listLocation = SourceLocation(file: file, line: firstLine + index, column: dash) }
                    guard !itemText.isEmpty, let item = scalar(itemText, at: location) else { return nil }
                    items.append(item)
                    index += 1
                }
                if let listLocation {
                    value = YAMLNode(.sequence(items), at: listLocation)
                } else {
                    // Yams puts an empty value's mark where the next token starts; only its kind matters here.
                    value = YAMLNode(.scalar(.null, text: ""), at: SourceLocation(file: file, line: lineNumber, column: valueColumn))
                }
            } else if valueText.first == "[" {
                guard let list = flowList(valueText, line: lineNumber, column: valueColumn, file: file) else { return nil }
                value = list
            } else {
                guard let node = scalar(valueText, at: SourceLocation(file: file, line: lineNumber, column: valueColumn)) else { return nil }
                value = node
            }
            entries.append(YAMLNode.Entry(key: String(key), keyLocation: keyLocation, value: value))
        }
        guard let mappingLocation else { return nil }
        return YAMLNode(.mapping(entries), at: mappingLocation)
    }

    static func isBlankOrComment(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.first == "#"
    }

    /// A plain or simply quoted scalar on one line; nil for anything Yams should judge.
    static func scalar(_ text: Substring, at location: SourceLocation) -> YAMLNode? {
        var text = text
        while text.last == " " { text = text.dropLast() }
        guard let first = text.first else { return nil }
        switch first {
        case "\"":
            guard text.count >= 2, text.last == "\"" else { return nil }
            let inner = text.dropFirst().dropLast()
            guard !inner.contains("\\"), !inner.contains("\"") else { return nil }
            return YAMLNode(.scalar(.string(String(inner)), text: String(inner)), at: location)
        case "'":
            guard text.count >= 2, text.last == "'" else { return nil }
            let inner = String(text.dropFirst().dropLast())
            // A lone quote inside would end the scalar early; only doubled ones are escapes.
            guard !inner.replacingOccurrences(of: "''", with: "").contains("'") else { return nil }
            let unquoted = inner.replacingOccurrences(of: "''", with: "'")
            return YAMLNode(.scalar(.string(unquoted), text: unquoted), at: location)
        case "{", "[", "|", ">", "&", "*", "!", "%", "@", "`", "#", "-", "?", ":", ",", "]", "}":
            // `-` could start a number, but also a nested list: leave all of these to Yams.
            if first == "-", text.count > 1, text.dropFirst().first?.isNumber == true, isPlainSafe(text) { break }
            return nil
        default:
            break
        }
        guard isPlainSafe(text) else { return nil }
        let string = String(text)
        return YAMLNode(.scalar(YAMLLoader.resolvePlain(string), text: string), at: location)
    }

    /// No `: `, ` #` or trailing `:` that would make YAML read more into it; no tab.
    static func isPlainSafe(_ text: Substring) -> Bool {
        !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":") && !text.contains("\t")
    }

    /// `[a, b, "c d"]` with plain or simply quoted items, no nesting.
    static func flowList(_ text: Substring, line: Int, column: Int, file: String) -> YAMLNode? {
        var text = text
        while text.last == " " { text = text.dropLast() }
        guard text.last == "]" else { return nil }
        let inner = text.dropFirst().dropLast()
        guard !inner.contains("["), !inner.contains("]"), !inner.contains("{"), !inner.contains("'") else { return nil }
        var items: [YAMLNode] = []
        if !inner.allSatisfy({ $0 == " " }) {
            var start = inner.startIndex
            var parts: [Substring] = []
            var quoted = false
            for index in inner.indices {
                if inner[index] == "\"" { quoted.toggle() }
                if inner[index] == ",", !quoted {
                    parts.append(inner[start..<index])
                    start = inner.index(after: index)
                }
            }
            parts.append(inner[start...])
            for part in parts {
                let item = part.drop { $0 == " " }
                guard !item.isEmpty else { return nil }
                let itemColumn = column + text.distance(from: text.startIndex, to: item.startIndex)
                guard !item.hasPrefix("-") || item.dropFirst().first?.isNumber == true,
                      let node = scalar(item, at: SourceLocation(file: file, line: line, column: itemColumn)) else { return nil }
                items.append(node)
            }
        }
        return YAMLNode(.sequence(items), at: SourceLocation(file: file, line: line, column: column))
    }
}
