import Mustache

/// How templates escape `{{value}}` for HTML: the rule of swift-mustache's own HTML content
/// type (`&`, `<`, `>`, `"`, `'` as `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, compared per
/// Character), without its cost. The library escapes every value Character by Character
/// through a dictionary, about 5% of a 10,000-page build; most values hold none of the five,
/// and those come back as they are, unread but for one pass over their bytes.
///
/// The library starts every render with its own HTML type and offers only the
/// `{{% CONTENT_TYPE: name}}` pragma to change it, so `TemplateSet` registers this one as
/// `HTML` and starts each template with that pragma on a line of its own (a standalone tag:
/// the line renders as nothing). A template's own pragma still wins from where it stands.
struct TemplateEscaping: MustacheContentType {
    /// The line put before each template's text; parse errors are one line lower for it.
    static let pragmaLine = "{{% CONTENT_TYPE: HTML}}\n"

    /// Registers the type once per process, before the first template is parsed.
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: "HTML")

    func escapeText(_ text: String) -> String {
        var bytes = text
        let (special, isASCII) = bytes.withUTF8(Self.classify)
        guard special else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        if isASCII {
            // One byte, one Character ("\r\n" is one Character, but neither is special).
            var start = text.utf8.startIndex
            var index = start
            let utf8 = text.utf8
            while index != utf8.endIndex {
                let replacement: String? = switch utf8[index] {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\""): "&quot;"
                case UInt8(ascii: "'"): "&#39;"
                default: nil
                }
                if let replacement {
                    escaped += text[start..<index]
                    escaped += replacement
                    start = utf8.index(after: index)
                }
                index = utf8.index(after: index)
            }
            escaped += text[start...]
            return escaped
        }
        // Beyond ASCII a special character may start a longer Character (`<` + U+0338 is
        // `≮`), which the library leaves whole: compare Characters, as it does.
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `&`, `"`, `'`, `<` and `>` as bits of one word (all are below 64).
    private static let specials: UInt64 = 1 << 0x26 | 1 << 0x22 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// Whether `bytes` hold any of the five, and whether they are all ASCII: one pass over
    /// the buffer with no branch per byte (issue 16: the same pass through `String.UTF8View`'s
    /// indices cost 0.5% of a 10,000-page build).
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> (special: Bool, ascii: Bool) {
        let specials = Self.specials
        var found: UInt64 = 0
        var high: UInt8 = 0
        for byte in bytes {
            high |= byte
            found |= (specials >> UInt64(byte & 0x3F)) & (byte < 0x40 ? 1 : 0)
        }
        return (found != 0, high < 0x80)
    }
}
