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
                guard let field = urlField, DangerousURL.isDangerous(text) else { return }
                let scheme = text.drop { $0.isWhitespace }.prefix { $0 != ":" }.lowercased()
                problems.append(.error(at: node.location, "'\(field)' is a \(scheme): URL, which a reader's browser would run or open: "
                    + "capex refuses javascript:, vbscript:, file: and data: (other than images) in links unless site.yaml sets markdown: { unsafe_html: true }"))
            case .scalar:
                return
            }
        }
        visit(node, urlField: nil)
        return problems
    }

    /// Whether `text` might hold a dangerous URL (a cheap test before parsing front matter
    /// the cache kept unparsed): `script:`, `file:` or `data:` in any case, with tabs and
    /// line breaks ignored, or a backslash (a YAML escape could spell one).
    static func mightHoldDangerousURL(_ text: String) -> Bool {
        // The last seven bytes, lower-cased, in a shift register: no allocation per byte
        // (this runs over every page's front matter on every build).
        var text = text
        return text.withUTF8 { bytes in
            var recent: UInt64 = 0
            for byte in bytes {
                if byte == 0x5C { return true }
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                recent = (recent << 8) | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                if byte == 0x3A, recent & 0xFF_FFFF_FFFF_FFFF == script || recent & 0xFF_FFFF_FFFF == file || recent & 0xFF_FFFF_FFFF == data {
                    return true
                }
            }
            return false
        }
    }

    private static func packed(_ word: StaticString) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<word.utf8CodeUnitCount { value = (value << 8) | UInt64(word.utf8Start[index]) }
        return value
    }
    private static let script = packed("script:"), file = packed("file:"), data = packed("data:")

    /// `<a href="{{page.repo}}">` → `repo`: the last name of every tag inside a URL attribute.
    static func namesInURLAttributes(_ text: String) -> Set<String> {
        var names = Set<String>()
        for attribute in attributes {
            for quote in ["\"", "'"] {
                var rest = text[...]
                while let found = rest.range(of: attribute + "=" + quote) {
                    rest = rest[found.upperBound...]
                    let value = rest.prefix { String($0) != quote }
                    var inside = value
                    while let open = inside.range(of: "{{") {
                        inside = inside[open.upperBound...]
                        guard let close = inside.range(of: "}}") else { break }
                        let tag = inside[..<close.lowerBound].trimmingCharacters(in: "{&# \t}")
                        if let last = tag.split(separator: ".").last { names.insert(String(last)) }
                        inside = inside[close.upperBound...]
                    }
                }
            }
        }
        return names
    }
}
