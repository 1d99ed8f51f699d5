import Foundation

/// JSON text for JSON-LD, the same bytes as Foundation's
/// `JSONSerialization.data(withJSONObject:options: [.sortedKeys, .withoutEscapingSlashes])`
/// with every `<` then written `\u003c`, made without it: on a 10,000-page site Foundation's
/// writer took a quarter of the build's CPU (bridging every dictionary to `NSDictionary` and
/// sorting its keys through ICU's collator on each page).
///
/// Values: `String`, `Bool`, `Int`, arrays and `[String: Any]` of them. Strings escape as
/// Foundation's writer escapes them (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other controls
/// as `\u00XX` in lower-case hex; `/` as it is). Keys are ordered by Foundation's own comparison
/// (`NSString.compare` with `.numeric`, `.caseInsensitive`, `.forcedOrdering` in the system
/// locale), done once for each set of keys and remembered: the objects of one site use a few
/// sets. Any other value: nil, and the caller asks Foundation.
enum JSONText {
    static func encode(_ value: Any) -> String? {
        var text = ""
        text.reserveCapacity(1024)
        return write(value, into: &text) ? text : nil
    }

    private static func write(_ value: Any, into text: inout String) -> Bool {
        switch value {
        case let string as String:
            writeString(string, into: &text)
        case let bool as Bool:
            text += bool ? "true" : "false"
        case let int as Int:
            text += String(int)
        case let object as [String: Any]:
            text += "{"
            for (position, key) in sortedKeys(object).enumerated() {
                if position > 0 { text += "," }
                writeString(key, into: &text)
                text += ":"
                guard write(object[key]!, into: &text) else { return false }
            }
            text += "}"
        case let array as [Any]:
            text += "["
            for (position, element) in array.enumerated() {
                if position > 0 { text += "," }
                guard write(element, into: &text) else { return false }
            }
            text += "]"
        default:
            return false
        }
        return true
    }

    private static func writeString(_ string: String, into text: inout String) {
        text += "\""
        var plainStart = string.unicodeScalars.startIndex
        let scalars = string.unicodeScalars
        var index = plainStart
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escaped: String?
            switch scalar {
            case "\"": escaped = "\\\""
            case "\\": escaped = "\\\\"
            case "<": escaped = "\\u003c"
            case "\u{8}": escaped = "\\b"
            case "\u{c}": escaped = "\\f"
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            case "\u{0}"..."\u{f}": escaped = "\\u000" + String(scalar.value, radix: 16)
            case "\u{10}"..."\u{1f}": escaped = "\\u00" + String(scalar.value, radix: 16)
            default: escaped = nil
            }
            if let escaped {
                text.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                text += escaped
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        text.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        text += "\""
    }

    /// Foundation's order for these keys, looked up by the set of keys.
    private static func sortedKeys(_ object: [String: Any]) -> [String] {
        let keys = object.keys.sorted()
        let signature = keys.joined(separator: "\u{0}")
        orderLock.lock()
        defer { orderLock.unlock() }
        if let known = orders[signature] { return known }
        let ordered = keys.sorted { a, b in
            a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex,
                      locale: NSLocale.system) == .orderedAscending
        }
        orders[signature] = ordered
        return ordered
    }

    private static let orderLock = NSLock()
    nonisolated(unsafe) private static var orders: [String: [String]] = [:]
}
