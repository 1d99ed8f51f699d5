import Foundation

/// What a person sees of an HTML page: the text with tags removed and entities decoded
/// once, as a browser does. Markup that shows up in it (`<a `, `&lt;`, `{{`) was escaped
/// twice or never rendered.
enum VisibleText {
    /// The page's text (scripts, styles and comments removed), block ends as new lines.
    static func of(_ html: String) -> String {
        var text = html
        for pattern in [#"(?is)<(script|style)\b.*?</\1\s*>"#, #"(?s)<!--.*?-->"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        text = text.replacingOccurrences(of: #"(?i)</(p|li|tr|td|th|h[1-6]|dt|dd|div|section|caption|figcaption|summary|title)>"#,
                                         with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(?s)<[^>]*>"#, with: "", options: .regularExpression)
        return decode(text)
    }

    /// Tooltips a person reads too: every `title`, `alt` and `aria-label` value, decoded once.
    static func attributes(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\s(?:title|alt|aria-label)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { decode(String(html[$0])) }
        }
    }

    /// Decodes character references once: named (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`,
    /// `&nbsp;`) and numeric (`&#39;`, `&#x27;`). An unknown reference is left as written.
    static func decode(_ text: String) -> String {
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                var decoded: String?
                if let value = named[name] {
                    decoded = value
                } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16) {
                    decoded = Unicode.Scalar(code).map { String(Character($0)) }
                } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) {
                    decoded = Unicode.Scalar(code).map { String(Character($0)) }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    /// What a page's visible text must never hold, each with a name for the failure message:
    /// markup shown as text, character references decoded once and still there, template
    /// braces that were never filled.
    static let artifacts: [(name: String, pattern: String)] = [
        // The elements the generator and its templates write; data may hold other
        // angle-bracket words ("AT&T <Labs>"), which must show as written.
        ("a tag shown as text",
         #"</?(a|abbr|br|code|dd|details|div|dl|dt|em|figcaption|figure|g|h[1-6]|li|nav|ol|p|path|rect|section|span|strong|summary|svg|table|tbody|td|text|th|thead|time|tr|tspan|ul)[\s>/]"#),
        ("a character reference left after decoding", #"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,7});"#),
        ("template braces", #"\{\{|\}\}"#),
    ]

    /// Each artifact found in `text`, with a little context.
    static func problems(in text: String) -> [String] {
        var found: [String] = []
        for (name, pattern) in artifacts {
            guard let range = text.range(of: pattern, options: .regularExpression) else { continue }
            let start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
            let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
            found.append("\(name): …\(text[start..<end])…")
        }
        return found
    }
}
