#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics
import Markdown

/// Front matter, data and `site.yaml` values that end up as link or image targets: those
/// named like URLs (`url`, `link`, `image`, `*_url`…) and those a template writes into an
/// `href`, `src`, `action`, `poster` or `srcset` attribute (`href="{{page.repo}}"` makes
/// `repo` one). With raw HTML off, a dangerous URL there (`javascript:`…, the rule of
/// cmark-gfm's safe mode, `DangerousURL`) is an error at the value: Markdown drops such a
/// target, and a template must not bring it back.
struct URLFields {
    /// Field names that hold URLs wherever they appear.
    static let conventional: Set<String> = ["url", "href", "link", "src", "image", "permalink", "canonical", "website", "homepage"]
    package static let suffixes = ["_url", "_href", "_link", "_src", "_image"]
    static let attributes = ["href", "src", "action", "formaction", "poster", "srcset", "cite", "data"]

    package var names: Set<String>

    package init(templates: [String]) {
        names = Self.conventional
        for text in templates { names.formUnion(Self.namesInURLAttributes(text)) }
    }

    func isURLField(_ key: String) -> Bool {
        names.contains(key) || Self.suffixes.contains { key.hasSuffix($0) }
    }

    /// One error per dangerous URL in a URL field anywhere below `node`.
    package func problems(in node: YAMLNode, skipping skipped: Set<String> = []) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func visit(_ node: YAMLNode, urlField: String?) {
            switch node.kind {
            case .mapping(let entries):
                for entry in entries where !skipped.contains(entry.key) {
                    visit(entry.value, urlField: isURLField(entry.key) ? entry.key : nil)
                }
            case .sequence(let elements):
                for element in elements { visit(element, urlField: urlField) }
            case .scalar(.string(let text), _):
                guard let field = urlField, DangerousURL.isDangerousAsAttribute(text) else { return }
                // As the browser reads it: references decoded, tabs and line breaks gone.
                let scheme = DangerousURL.decodingCharacterReferences(text[...]).unicodeScalars
                    .filter { $0.value > 0x20 }.map(Character.init).prefix { $0 != ":" }.map(String.init).joined().lowercased()
                problems.append(.error(at: node.location, "'\(field)' is a \(scheme): URL, which a reader's browser would run or open: "
                    + "give an http:// or https:// address (or a path on the site) instead; capex refuses javascript:, vbscript:, file: and data: (other than images) in links, a check that only markdown: { unsafe_html: true } in site.yaml turns off"))
            case .scalar:
                return
            }
        }
        visit(node, urlField: nil)
        return problems
    }

    /// Whether `text` might hold a dangerous URL (a cheap test before parsing front matter
    /// the cache kept unparsed): `script:`, `file:` or `data:` in any case, with tabs and
    /// line breaks ignored, or a backslash (a YAML escape could spell one) or an `&` (a
    /// character reference could, in a field a template writes unescaped).
    static func mightHoldDangerousURL(_ text: String) -> Bool {
        // `memchr` to the bytes that matter, then a look back from each colon (issue 16: a
        // look at every byte of every page's front matter, on every build, cost 0.13%).
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let origin = UnsafeRawPointer(base)
            if memchr(origin, 0x5C, bytes.count) != nil || memchr(origin, 0x26, bytes.count) != nil { return true }
            var start = 0
            while start < bytes.count, let found = memchr(origin + start, 0x3A, bytes.count - start) {
                let colon = UnsafeRawPointer(found) - origin
                if endsScheme(bytes, before: colon) { return true }
                start = colon + 1
            }
            return false
        }
    }

    /// Whether the six bytes before `colon`, tabs and line breaks skipped, lower-cased, end in
    /// `script`, `file` or `data`: packed into one word, the nearest byte lowest, missing ones 0.
    private static func endsScheme(_ bytes: UnsafeBufferPointer<UInt8>, before colon: Int) -> Bool {
        var recent: UInt64 = 0
        var taken = 0
        var index = colon
        while taken < 6, index > 0 {
            index -= 1
            let byte = bytes[index]
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            recent |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) << UInt64(8 * taken)
            taken += 1
        }
        return recent == script || recent & 0xFFFF_FFFF == file || recent & 0xFFFF_FFFF == data
    }

    private static func packed(_ word: StaticString) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<word.utf8CodeUnitCount { value = (value << 8) | UInt64(word.utf8Start[index]) }
        return value
    }
    private static let script = packed("script"), file = packed("file"), data = packed("data")

    /// `<a href="{{page.repo}}">` → `repo`: the last name of every tag inside a URL
    /// attribute's value, quoted or not, in any case, spaces around `=` allowed (HTML's
    /// attribute syntax). The implicit iterator `{{.}}` stands for the items of the
    /// section around it: `{{#page.tags}}<a href="{{.}}">` makes `tags` one.
    static func namesInURLAttributes(_ text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        var values: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard let attribute = attributes.first(where: { Self.word($0, at: index, in: bytes) }) else { index += 1; continue }
            var cursor = index + attribute.utf8.count
            while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x0A || bytes[cursor] == 0x0D { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { index = cursor; continue }
            cursor += 1
            while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x0A || bytes[cursor] == 0x0D { cursor += 1 }
            guard cursor < bytes.count else { break }
            let quote = bytes[cursor]
            var end = cursor
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                end = cursor + 1
                while end < bytes.count, bytes[end] != quote { end += 1 }
            } else {
                // Unquoted: up to a space or '>' outside a tag.
                while end < bytes.count, bytes[end] != 0x20, bytes[end] != UInt8(ascii: ">"), bytes[end] != 0x0A {
                    if bytes[end] == UInt8(ascii: "{"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "{") {
                        while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) { end += 1 }
                    }
                    end += 1
                }
            }
            values.append(cursor..<min(end + 1, bytes.count))
            index = end
        }
        var names = Set<String>()
        guard !values.isEmpty else { return names }
        var sections: [String] = []
        for tag in MustacheTag.tags(in: text, file: "") {
            switch tag.kind {
            case .section, .inverted: sections.append(tag.name)
            case .close: if !sections.isEmpty { sections.removeLast() }
            case .variable:
                guard values.contains(where: { $0.contains(tag.span.lowerBound) }) else { continue }
                let name = tag.lookedUpName == "." ? (sections.last ?? "") : tag.lookedUpName
                if let last = name.split(separator: ".").last { names.insert(String(last)) }
            default: continue
            }
        }
        return names
    }

    /// Whether `word` starts at `index` as an attribute name: any case, not inside a longer name.
    private static func word(_ word: String, at index: Int, in bytes: [UInt8]) -> Bool {
        let letters = Array(word.utf8)
        guard index + letters.count <= bytes.count else { return false }
        if index > 0, Self.isNameByte(bytes[index - 1]) { return false }
        for (offset, letter) in letters.enumerated() where bytes[index + offset] | 0x20 != letter { return false }
        return index + letters.count == bytes.count || !Self.isNameByte(bytes[index + letters.count])
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
