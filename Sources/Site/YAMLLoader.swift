import Diagnostics
import Foundation
import Yams

/// Parses YAML text into located `YAMLNode`s, turning Yams' errors into diagnostics.
enum YAMLLoader {
    /// Parses `text`, reported as `file`, whose first line is line `firstLine` of that file
    /// (front matter starts on line 2). Empty text gives nil.
    static func parse(_ text: String, file: String, firstLine: Int = 1) throws(Diagnostic) -> YAMLNode? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file, firstLine: firstLine)
        } catch {
            throw .error(at: SourceLocation(file: file, line: firstLine, column: 1), "invalid YAML: \(error)")
        }
        guard let node else { return nil }
        return convert(node, file: file, lineOffset: firstLine - 1)
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + firstLine - 1, column: max(1, mark.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = context.map { "\(problem) \($0.text)" } ?? problem
            return .error(at: at(mark), "invalid YAML: \(what)")
        case .reader(let problem, _, _, _):
            return .error(at: SourceLocation(file: file, line: firstLine, column: 1), "invalid YAML: \(problem)")
        default:
            return .error(at: SourceLocation(file: file, line: firstLine, column: 1), "invalid YAML: \(error)")
        }
    }

    private static func convert(_ node: Node, file: String, lineOffset: Int) -> YAMLNode {
        let location = node.mark.map {
            SourceLocation(file: file, line: $0.line + lineOffset, column: max(1, $0.column))
        } ?? SourceLocation(file: file, line: lineOffset + 1, column: 1)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(resolve(node, scalar), text: scalar.string), at: location)
        case .mapping(let mapping):
            let entries = mapping.map { pair in
                let key = convert(pair.key, file: file, lineOffset: lineOffset)
                return YAMLNode.Entry(
                    key: pair.key.string ?? key.text ?? "",
                    keyLocation: key.location,
                    value: convert(pair.value, file: file, lineOffset: lineOffset)
                )
            }
            return YAMLNode(.mapping(entries), at: location)
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map { convert($0, file: file, lineOffset: lineOffset) }), at: location)
        case .alias:
            return YAMLNode(.scalar(.null, text: ""), at: location)
        }
    }

    private static func resolve(_ node: Node, _ scalar: Node.Scalar) -> YAMLNode.Scalar {
        // Quoted scalars are always text: `"42"` stays the string 42.
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        // An explicit tag (`!!str 42`) is rare: let Yams resolve it.
        if scalar.tag.rawValue != Tag.Name.implicit.rawValue {
            // Yams reads `1:30` as base 60 and traps on overflow (`1111111111111111111111:11`,
            // found by the front-matter fuzz harness): YAML 1.2 has no sexagesimal numbers.
            if scalar.string.contains(":") { return .string(scalar.string) }
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(YAMLNode.Scalar.bool) ?? .string(scalar.string)
            case .int: return node.int.map(YAMLNode.Scalar.int) ?? .string(scalar.string)
            case .float: return node.float.map(YAMLNode.Scalar.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        }
        return resolvePlain(scalar.string)
    }

    /// YAML 1.1's core schema for plain scalars, as Yams resolves them, without its regular
    /// expressions: resolving every scalar through ICU cost more than parsing the YAML.
    static func resolvePlain(_ text: String) -> YAMLNode.Scalar {
        // Most scalars are words: text at the first byte, before comparing with 30 keywords.
        guard let lead = text.utf8.first else { return .null }
        switch lead {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "y"),
             UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."),
             UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            break
        default:
            return .string(text)
        }
        if text.utf8.count <= 6 { return keyword(text) ?? number(text) }
        return number(text)
    }

    private static func keyword(_ text: String) -> YAMLNode.Scalar? {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: return nil
        }
    }

    private static func number(_ text: String) -> YAMLNode.Scalar {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (first >= 48 && first <= 57) else { return .string(text) }
        let digits = bytes.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        if !digits.isEmpty, digits.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") }),
           let value = Int(digits.contains(UInt8(ascii: "_")) ? text.filter { $0 != "_" } : text) {
            return .int(value)
        }
        // A float: digits with one '.', an optional exponent; nothing else (dates, versions stay text).
        var seenDot = false, seenExponent = false, seenDigit = false
        var index = digits.startIndex
        while index < digits.endIndex {
            let byte = digits[index]
            if isDigit(byte) || byte == UInt8(ascii: "_") {
                seenDigit = true
            } else if byte == UInt8(ascii: "."), !seenDot, !seenExponent {
                seenDot = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E"), seenDigit, !seenExponent {
                seenExponent = true
                let next = digits.index(after: index)
                if next < digits.endIndex, digits[next] == UInt8(ascii: "-") || digits[next] == UInt8(ascii: "+") { index = next }
            } else {
                return .string(text)
            }
            index = digits.index(after: index)
        }
        if seenDigit, seenDot || seenExponent, let value = Double(digits.contains(UInt8(ascii: "_")) ? text.filter { $0 != "_" } : text) {
            return .double(value)
        }
        return .string(text)
    }
}
