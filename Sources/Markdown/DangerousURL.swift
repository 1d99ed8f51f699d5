/// The rule cmark-gfm's safe mode applies to link and image destinations
/// (`_scan_dangerous_url` in cmark-gfm's `scanners.re`): `javascript:`, `vbscript:`,
/// `file:` and `data:` URLs are dropped, except `data:image/png`, `gif`, `jpeg` and
/// `webp`. Schemes are compared without case.
///
/// cmark has already decoded entities and backslash escapes (`&#106;avascript:`) when a
/// destination reaches us. On top of cmark's rule, what a browser ignores is ignored
/// here too: leading spaces and control characters, and tabs and line breaks anywhere
/// (the WHATWG URL parser strips them, so `java\tscript:` runs as `javascript:`).
public enum DangerousURL {
    public static func isDangerous(_ url: String) -> Bool {
        var scheme: [UInt8] = []
        var started = false
        for byte in url.utf8 {
            if !started && byte <= 0x20 { continue }
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            started = true
            scheme.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if scheme.count >= 20 { break }
        }
        let text = String(decoding: scheme, as: UTF8.self)
        if text.hasPrefix("javascript:") || text.hasPrefix("vbscript:") || text.hasPrefix("file:") { return true }
        guard text.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { text.hasPrefix($0) }
    }
}

extension DangerousURL {
    /// Whether `value`, written into an HTML attribute without escaping (`{{{page.image}}}`),
    /// is a dangerous URL once the browser decodes its character references:
    /// `&#106;avascript:`, `&#x6A;avascript:`, `java&Tab;script:`, `javascript&colon;`.
    /// Numeric references may lack their `;`, as browsers allow; the named ones that can
    /// spell a scheme's ASCII are `&colon;`, `&Tab;` and `&NewLine;` (no named reference
    /// stands for an ASCII letter).
    public static func isDangerousAsAttribute(_ value: String) -> Bool {
        if isDangerous(value) { return true }
        guard value.contains("&") else { return false }
        return isDangerous(decodingCharacterReferences(value.prefix(400)))
    }

    public static func decodingCharacterReferences(_ text: Substring) -> String {
        let named: [String: String] = ["colon": ":", "Tab": "\t", "NewLine": "\n", "amp": "&"]
        var result = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            var after = rest[rest.index(after: amp)...]
            if after.first == "#" {
                after = after.dropFirst()
                let hex = after.first == "x" || after.first == "X"
                if hex { after = after.dropFirst() }
                let digits = after.prefix { hex ? $0.isHexDigit : $0.isASCII && $0.isNumber }.prefix(8)
                if !digits.isEmpty, let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                    after = after.dropFirst(digits.count)
                    if after.first == ";" { after = after.dropFirst() }
                    rest = after
                    continue
                }
            } else {
                let name = after.prefix { $0.isASCII && $0.isLetter }
                if let value = named[String(name)], after.dropFirst(name.count).first == ";" {
                    result += value
                    rest = after.dropFirst(name.count + 1)
                    continue
                }
            }
            result += "&"
            rest = rest[rest.index(after: amp)...]
        }
        return result + rest
    }
}
