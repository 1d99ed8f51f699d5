import Foundation

/// Renders diagnostics the way the Swift compiler does: the location line, then the
/// offending source line and a caret under the column.
public struct DiagnosticFormatter: Sendable {
    /// The text of the file a diagnostic points into, by the path it is reported under.
    public var source: @Sendable (String) -> String?

    public init(source: @escaping @Sendable (String) -> String?) {
        self.source = source
    }

    public init(sources: [String: String]) {
        self.source = { sources[$0] }
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.description
        guard let source = source(diagnostic.location.file),
              let line = Self.line(diagnostic.location.line, of: source)
        else { return text }
        let shown = line.replacingTabs()
        let caretColumn = max(1, min(diagnostic.location.column, shown.count + 1))
        text += "\n" + shown + "\n" + String(repeating: " ", count: caretColumn - 1) + "^"
        return text
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    static func line(_ number: Int, of source: String) -> Substring? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = source.startIndex
        while current < number {
            guard let newline = source[start...].firstIndex(of: "\n") else { return nil }
            start = source.index(after: newline)
            current += 1
        }
        let end = source[start...].firstIndex(of: "\n") ?? source.endIndex
        var line = source[start..<end]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return line
    }
}

private extension Substring {
    func replacingTabs() -> String { String(self).replacingOccurrences(of: "\t", with: " ") }
}
