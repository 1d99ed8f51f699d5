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
