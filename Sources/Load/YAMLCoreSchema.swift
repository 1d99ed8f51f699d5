import Diagnostics

/// How a YAML scalar becomes a value: the YAML 1.2 core schema (YAML 1.2.2 §10.3.2), in
/// `SimpleYAML` and `YAMLComposer` alike, so that front matter reads the same on both paths.
///
/// Only `true`/`True`/`TRUE` and `false`/`False`/`FALSE` are booleans: `no`, `yes`, `on`,
/// `off`, `y`, `n` (YAML 1.1's booleans) are text, so `lang: no` is Norwegian and
/// `country: NO` is Norway. `0755` is the integer 755 (YAML 1.1 read it as octal), `0o755`
/// is octal, `0x1F` hex; `1:20` and `1_000` are text (1.1's sexagesimal and digit
/// separators are gone); `~`, `null` and nothing are null; `.inf`, `-.inf` and `.nan` are
/// floats. A quoted or block scalar is always text. Written without regular expressions:
/// resolving every scalar through ICU cost more than parsing the YAML.
enum YAMLCoreSchema {
    /// The value of a scalar as written: `plain` is false for quoted and block scalars;
    /// `tag` is an explicit tag (`!!str`, as libyaml expands it), if any.
    package static func resolve(_ text: String, plain: Bool, tag: String?) -> YAMLNode.Scalar {
        guard let tag else { return plain ? resolvePlain(text) : .string(text) }
        let resolved = resolvePlain(text)
        switch tag {
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool":
            if case .bool = resolved { return resolved }
        case "tag:yaml.org,2002:int":
            if case .int = resolved { return resolved }
        case "tag:yaml.org,2002:float":
            if case .int(let value) = resolved { return .double(Double(value)) }
            if case .double = resolved { return resolved }
        default:
            break
        }
        return .string(text)
    }

    /// A plain (unquoted) scalar.
    static func resolvePlain(_ text: String) -> YAMLNode.Scalar {
        // Most scalars are words: decide on the first byte before comparing with keywords.
        guard let lead = text.utf8.first else { return .null }
        switch lead {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            break
        default:
            return .string(text)
        }
        if text.utf8.count <= 6, let value = keyword(text) { return value }
        return number(text) ?? .string(text)
    }

    private static func keyword(_ text: String) -> YAMLNode.Scalar? {
        switch text {
        case "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: return nil
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`, or
    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`; nil for anything else.
    private static func number(_ text: String) -> YAMLNode.Scalar? {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
            let radix = bytes[1] == UInt8(ascii: "o") ? 8 : 16
            return Int(String(decoding: bytes[2...], as: UTF8.self), radix: radix).map(YAMLNode.Scalar.int)
        }
        var index = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
        let integerStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        if index == bytes.count {
            guard integerDigits > 0 else { return nil }
            // Too large for an Int: still a number, kept as a float.
            return Int(text).map(YAMLNode.Scalar.int) ?? Double(text).map(YAMLNode.Scalar.double)
        }
        var fractionDigits = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            fractionDigits = index - fractionStart
        } else if integerDigits == 0 {
            return nil
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return nil }
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            let exponentStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > exponentStart, index == bytes.count else { return nil }
        }
        // Swift's Double() does not take "1." or "+.5"-style text in every form: spell it out.
        var normalized = text
        if normalized.hasPrefix("+") { normalized.removeFirst() }
        return Double(normalized).map(YAMLNode.Scalar.double)
    }
}
