import Diagnostics

/// A fast path for the front matter most pages have — `key: value` lines, quoted strings,
/// `[a, b]` and `- item` lists — giving exactly the nodes Yams would, with the same
/// positions. Anything else (nested mappings, block scalars, anchors, escapes, comments
/// after values, duplicate keys, keys beyond ASCII) returns nil, and Yams parses it.
///
/// It reads UTF-8 bytes, never `Character`s: Yams costs about 40 µs a page, and the same
/// code written over `Substring` still cost 25 µs, most of it in grapheme breaking and in
/// Foundation's ICU-backed substring search. Columns count Unicode scalars, as Yams does.
package enum SimpleYAML {
    package static func parse(_ text: String, file: String, firstLine: Int) -> YAMLNode? {
        var text = text
        return text.withUTF8 { Parser(bytes: $0, file: file, firstLine: firstLine).parse() }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        let firstLine: Int

        /// One line without its newline (and carriage return): `start..<end` in `bytes`.
        typealias Line = Range<Int>

        func parse() -> YAMLNode? {
            var lines: [Line] = []
            lines.reserveCapacity(16)
            var start = 0
            for index in 0..<bytes.count where bytes[index] < 0x20 || bytes[index] >= 0x7F {
                guard Self.isOrdinary(at: index, in: bytes) else { return nil }
            }
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 10 {
                var end = index
                if end > start, bytes[end - 1] == 13 { end -= 1 }
                if index < bytes.count || start < bytes.count { lines.append(start..<end) }
                start = index + 1
            }
            var entries: [YAMLNode.Entry] = []
            entries.reserveCapacity(lines.count)
            var index = 0
            var mappingLocation: SourceLocation?
            while index < lines.count {
                let line = lines[index]
                let lineNumber = firstLine + index
                index += 1
                if isBlankOrComment(line) { continue }
                guard Self.isKeyStart(bytes[line.lowerBound]),
                      let colon = line.first(where: { bytes[$0] == UInt8(ascii: ":") }) else { return nil }
                guard (line.lowerBound..<colon).allSatisfy({ Self.isKeyByte(bytes[$0]) }) else { return nil }
                let key = string(line.lowerBound..<colon)
                // A handful of keys: a linear search beats hashing each one.
                guard !entries.contains(where: { $0.key == key }) else { return nil }
                let keyLocation = SourceLocation(file: file, line: lineNumber, column: 1)
                if mappingLocation == nil { mappingLocation = keyLocation }
                let afterColon = colon + 1
                guard afterColon == line.upperBound || bytes[afterColon] == UInt8(ascii: " ") else { return nil }
                var valueStart = afterColon
                while valueStart < line.upperBound, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
                // Everything before the value is ASCII (the key, the colon, spaces).
                let valueColumn = valueStart - line.lowerBound + 1
                let value: YAMLNode
                if valueStart == line.upperBound {
                    // Either nothing (null) or a block list on the following lines.
                    var items: [YAMLNode] = []
                    var listLocation: SourceLocation?
                    while index < lines.count {
                        let itemLine = lines[index]
                        if isBlankOrComment(itemLine) { index += 1; continue }
                        var dash = itemLine.lowerBound
                        while dash < itemLine.upperBound, bytes[dash] == UInt8(ascii: " ") { dash += 1 }
                        guard dash < itemLine.upperBound, bytes[dash] == UInt8(ascii: "-"),
                              dash + 1 == itemLine.upperBound || bytes[dash + 1] == UInt8(ascii: " ") else { break }
                        // Every item of one list starts at the same column; Yams rejects the others.
                        if let listLocation, dash - itemLine.lowerBound + 1 != listLocation.column { return nil }
                        var itemStart = dash + 1
                        while itemStart < itemLine.upperBound, bytes[itemStart] == UInt8(ascii: " ") { itemStart += 1 }
                        let lineOfItem = firstLine + index
                        let location = SourceLocation(file: file, line: lineOfItem, column: itemStart - itemLine.lowerBound + 1)
                        if listLocation == nil {
                            listLocation = SourceLocation(file: file, line: lineOfItem, column: dash - itemLine.lowerBound + 1)
                        }
                        guard itemStart < itemLine.upperBound,
                              let item = scalar(itemStart..<itemLine.upperBound, at: location) else { return nil }
                        items.append(item)
                        index += 1
                    }
                    if let listLocation {
                        value = YAMLNode(.sequence(items), at: listLocation)
                    } else {
                        // libyaml marks an empty value just after the colon, spaces or not.
                        value = YAMLNode(.scalar(.null, text: ""), at: SourceLocation(file: file, line: lineNumber, column: afterColon - line.lowerBound + 1))
                    }
                } else if bytes[valueStart] == UInt8(ascii: "[") {
                    guard let list = flowList(valueStart..<line.upperBound, line: lineNumber, column: valueColumn) else { return nil }
                    value = list
                } else {
                    let location = SourceLocation(file: file, line: lineNumber, column: valueColumn)
                    guard let node = scalar(valueStart..<line.upperBound, at: location) else { return nil }
                    value = node
                }
                entries.append(YAMLNode.Entry(key: key, keyLocation: keyLocation, value: value))
            }
            guard let mappingLocation else { return nil }
            return YAMLNode(.mapping(entries), at: mappingLocation)
        }

        /// Whether the byte at `index` (a control byte or one of a non-ASCII character) is one
        /// libyaml reads as ordinary text. It is not for control characters, DEL, C1 controls,
        /// U+FEFF, U+FFFE/U+FFFF (refused as unprintable) and NEL, U+2028, U+2029 (YAML 1.1
        /// line breaks): those are left to `YAMLLoader`, which reports them.
        static func isOrdinary(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let byte = bytes[index]
            switch byte {
            case 9, 10: return true
            // A lone CR is a line break to libyaml; the build turns it into LF before parsing
            // (`SourceText`), and the fast path leaves any other caller's to the full parser.
            case 13: return index + 1 < bytes.count && bytes[index + 1] == 10
            case ..<0x20, 0x7F: return false
            case 0xC2: return index + 1 < bytes.count && bytes[index + 1] >= 0xA0
            case 0xE2: return !(index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9))
            case 0xEF:
                guard index + 2 < bytes.count else { return true }
                return !(bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) && !(bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)
            default: return true
            }
        }

        static func isKeyStart(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
        }

        static func isKeyByte(_ byte: UInt8) -> Bool {
            isKeyStart(byte) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-")
        }

        func isBlankOrComment(_ line: Line) -> Bool {
            var index = line.lowerBound
            // Only spaces: a tab before the content is an error to Yams, so such lines are its to judge.
            while index < line.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
            return index == line.upperBound || bytes[index] == UInt8(ascii: "#")
        }

        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        func contains(_ range: Range<Int>, _ byte: UInt8) -> Bool {
            range.contains { bytes[$0] == byte }
        }

        /// A plain or simply quoted scalar on one line; nil for anything Yams should judge.
        func scalar(_ range: Range<Int>, at location: SourceLocation) -> YAMLNode? {
            var end = range.upperBound
            while end > range.lowerBound, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            let text = range.lowerBound..<end
            guard !text.isEmpty else { return nil }
            let first = bytes[text.lowerBound]
            switch first {
            case UInt8(ascii: "\""):
                guard text.count >= 2, bytes[end - 1] == UInt8(ascii: "\"") else { return nil }
                let inner = (text.lowerBound + 1)..<(end - 1)
                guard !contains(inner, UInt8(ascii: "\\")), !contains(inner, UInt8(ascii: "\"")) else { return nil }
                let value = string(inner)
                return YAMLNode(.scalar(.string(value), text: value), at: location)
            case UInt8(ascii: "'"):
                guard text.count >= 2, bytes[end - 1] == UInt8(ascii: "'") else { return nil }
                // A lone quote inside would end the scalar early; only doubled ones are escapes.
                var unquoted: [UInt8] = []
                var index = text.lowerBound + 1
                while index < end - 1 {
                    if bytes[index] == UInt8(ascii: "'") {
                        guard index + 1 < end - 1, bytes[index + 1] == UInt8(ascii: "'") else { return nil }
                        index += 1
                    }
                    unquoted.append(bytes[index])
                    index += 1
                }
                let value = String(decoding: unquoted, as: UTF8.self)
                return YAMLNode(.scalar(.string(value), text: value), at: location)
            case UInt8(ascii: "-"):
                // A number, or a nested list: leave the list to Yams.
                guard text.count > 1, bytes[text.lowerBound + 1] >= 48, bytes[text.lowerBound + 1] <= 57 else { return nil }
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                 UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "#"), UInt8(ascii: "?"),
                 UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
                return nil
            default:
                break
            }
            guard isPlainSafe(text) else { return nil }
            let value = string(text)
            return YAMLNode(.scalar(YAMLCoreSchema.resolvePlain(value), text: value), at: location)
        }

        /// No `: `, ` #` or trailing `:` that would make YAML read more into it; no tab.
        func isPlainSafe(_ text: Range<Int>) -> Bool {
            guard bytes[text.upperBound - 1] != UInt8(ascii: ":") else { return false }
            for index in text {
                switch bytes[index] {
                case 9: return false
                case UInt8(ascii: ":") where index + 1 < text.upperBound && bytes[index + 1] == UInt8(ascii: " "): return false
                case UInt8(ascii: " ") where index + 1 < text.upperBound && bytes[index + 1] == UInt8(ascii: "#"): return false
                default: continue
                }
            }
            return true
        }

        /// `[a, b, "c d"]` with plain or simply quoted items, no nesting.
        func flowList(_ range: Range<Int>, line: Int, column: Int) -> YAMLNode? {
            var end = range.upperBound
            while end > range.lowerBound, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            guard end - range.lowerBound >= 2, bytes[end - 1] == UInt8(ascii: "]") else { return nil }
            let inner = (range.lowerBound + 1)..<(end - 1)
            for byte in [UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "'")] where contains(inner, byte) {
                return nil
            }
            var items: [YAMLNode] = []
            if !inner.allSatisfy({ bytes[$0] == UInt8(ascii: " ") }) {
                var parts: [Range<Int>] = []
                var start = inner.lowerBound
                // A quote opens a quoted item only as the item's first character; inside a
                // plain item it is text to Yams (`[a"b]`), so the fast path declines those.
                var quoted = false, atItemStart = true, closed = false
                for index in inner {
                    let byte = bytes[index]
                    if quoted {
                        if byte == UInt8(ascii: "\"") { quoted = false; closed = true }
                        continue
                    }
                    if byte == UInt8(ascii: ",") {
                        parts.append(start..<index)
                        start = index + 1
                        atItemStart = true
                        closed = false
                        continue
                    }
                    if byte == UInt8(ascii: " ") { continue }
                    guard !closed, byte != UInt8(ascii: "\"") || atItemStart else { return nil }
                    if byte == UInt8(ascii: "\"") { quoted = true }
                    atItemStart = false
                }
                guard !quoted else { return nil }
                parts.append(start..<inner.upperBound)
                for part in parts {
                    var itemStart = part.lowerBound
                    while itemStart < part.upperBound, bytes[itemStart] == UInt8(ascii: " ") { itemStart += 1 }
                    guard itemStart < part.upperBound else { return nil }
                    // Columns count Unicode scalars: skip UTF-8 continuation bytes.
                    let scalarsBefore = (range.lowerBound..<itemStart).count { bytes[$0] & 0xC0 != 0x80 }
                    let location = SourceLocation(file: file, line: line, column: column + scalarsBefore)
                    guard let node = scalar(itemStart..<part.upperBound, at: location) else { return nil }
                    items.append(node)
                }
            }
            return YAMLNode(.sequence(items), at: SourceLocation(file: file, line: line, column: column))
        }
    }
}
