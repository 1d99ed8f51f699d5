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
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .null: return .null
        case .bool: return node.bool.map(YAMLNode.Scalar.bool) ?? .string(scalar.string)
        case .int: return node.int.map(YAMLNode.Scalar.int) ?? .string(scalar.string)
        case .float: return node.float.map(YAMLNode.Scalar.double) ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
    }
}
