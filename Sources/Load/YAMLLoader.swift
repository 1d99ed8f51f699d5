@preconcurrency import CYaml
import Diagnostics

/// Parses YAML text into located `YAMLNode`s with libyaml (the parser Yams wraps) and
/// `YAMLComposer`, turning libyaml's errors into diagnostics.
package enum YAMLLoader {
    /// Parses `text`, reported as `file`, whose first line is line `firstLine` of that file
    /// (front matter starts on line 2). Empty text gives nil.
    package static func parse(_ text: String, file: String, firstLine: Int = 1) throws(Diagnostic) -> YAMLNode? {
        if let (offset, name) = yaml11LineBreak(in: text) {
            throw .error(at: location(ofByte: offset, in: text, file: file, lineOffset: firstLine - 1),
                         "\(name) in YAML: YAML 1.1 parsers end a line there and YAML 1.2 ones do not; remove it, or write it as an escape inside double quotes")
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw .error(at: SourceLocation(file: file, line: firstLine, column: 1), "invalid YAML: out of memory")
        }
        defer { yaml_parser_delete(&parser) }
        var bytes = text
        let composer = YAMLComposer(file: file, lineOffset: firstLine - 1)
        let result = bytes.withUTF8 { bytes -> Result<YAMLNode?, Diagnostic> in
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return Result { () throws(Diagnostic) in try composer.compose(&parser, text: text) }
        }
        return try result.get()
    }

    /// The line and column (in Unicode scalars) of byte `offset` of `text`, whose lines end in LF.
    private static func location(ofByte offset: Int, in text: String, file: String, lineOffset: Int) -> SourceLocation {
        let before = text.utf8.prefix(min(max(0, offset), text.utf8.count))
        let line = before.count { $0 == 10 } + 1
        let lineStart = before.lastIndex(of: 10).map { before.index(after: $0) } ?? before.startIndex
        let column = before[lineStart...].count { $0 & 0xC0 != 0x80 } + 1
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    /// NEL, U+2028 and U+2029 end a line for libyaml (YAML 1.1) but not in YAML 1.2 nor for
    /// capex's own line numbers: the byte offset and name of the first, if any.
    private static func yaml11LineBreak(in text: String) -> (Int, String)? {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for (offset, byte) in text.utf8.enumerated() {
            defer { (beforePrevious, previous) = (previous, byte) }
            if previous == 0xC2, byte == 0x85 { return (offset - 1, "U+0085 (next line)") }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 {
                return (offset - 2, byte == 0xA8 ? "U+2028 (line separator)" : "U+2029 (paragraph separator)")
            }
        }
        return nil
    }

    /// libyaml's error, at the place it names, worded as Yams words it.
    package static func diagnostic(for parser: yaml_parser_t, text: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + 1 + lineOffset, column: mark.column + 1)
        }
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case _ where problem.hasPrefix("Maximum nesting level"):
            // libyaml's own limit (1,000 levels), reached while it scans ahead.
            return .error(at: at(parser.problem_mark), YAMLComposer.tooDeep)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let what = parser.context.map { "\(problem) \(String(cString: $0))" } ?? problem
            return .error(at: at(parser.problem_mark), "invalid YAML: \(what)")
        case YAML_READER_ERROR:
            // The offset is in bytes; text reaches here already checked as UTF-8 (`SourceText`),
            // so this is a character YAML does not allow, such as a control character.
            let hex = String(parser.problem_value, radix: 16, uppercase: true)
            let value = parser.problem_value >= 0 ? " (U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ")" : ""
            return .error(at: location(ofByte: parser.problem_offset, in: text, file: file, lineOffset: lineOffset),
                          "invalid YAML: \(problem)\(value)")
        default:
            return .error(at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "invalid YAML: \(problem)")
        }
    }
}
