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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        return write(value, into: &bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    }

    private static func write(_ value: Any, into bytes: inout [UInt8]) -> Bool {
        switch value {
        case let string as String:
            writeString(string, into: &bytes)
        case let bool as Bool:
            bytes += (bool ? "true" : "false").utf8
        case let int as Int:
            bytes += String(int).utf8
        case let object as [String: Any]:
            bytes.append(UInt8(ascii: "{"))
            for (position, key) in sortedKeys(object).enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                guard write(object[key]!, into: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        case let array as [Any]:
            bytes.append(UInt8(ascii: "["))
            for (position, element) in array.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(element, into: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        default:
            return false
        }
        return true
    }

    /// Every byte that needs escaping is ASCII, so the UTF-8 between them is copied as it is.
    private static func writeString(_ string: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var plainStart = 0
            for (index, byte) in utf8.enumerated() {
                let escaped: String
                switch byte {
                case UInt8(ascii: "\""): escaped = "\\\""
                case UInt8(ascii: "\\"): escaped = "\\\\"
                case UInt8(ascii: "<"): escaped = "\\u003c"
                case 0x08: escaped = "\\b"
                case 0x0C: escaped = "\\f"
                case 0x0A: escaped = "\\n"
                case 0x0D: escaped = "\\r"
                case 0x09: escaped = "\\t"
                case 0x00...0x0F: escaped = "\\u000" + String(byte, radix: 16)
                case 0x10...0x1F: escaped = "\\u00" + String(byte, radix: 16)
                default: continue
                }
                bytes += UnsafeBufferPointer(rebasing: utf8[plainStart..<index])
                bytes += escaped.utf8
                plainStart = index + 1
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count])
        }
        bytes.append(UInt8(ascii: "\""))
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
