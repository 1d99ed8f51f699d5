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
        // Columns count Unicode scalars, as Yams does.
        let caretColumn = max(1, min(diagnostic.location.column, shown.unicodeScalars.count + 1))
        text += "\n" + shown + "\n" + String(repeating: " ", count: caretColumn - 1) + "^"
        return text
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    /// Line `number` of `source`, counting LF, CRLF and a lone CR as line ends (as capex
    /// reads every text input), without a leading byte-order mark.
    static func line(_ number: Int, of source: String) -> Substring? {
        guard number >= 1 else { return nil }
        // "\r\n" is one Character, so lines are found among the scalars.
        let scalars = source.unicodeScalars
        var start = scalars.startIndex
        if scalars.first == "\u{FEFF}" { start = scalars.index(after: start) }
        var current = 1
        while current < number {
            guard let end = scalars[start...].firstIndex(where: { $0 == "\n" || $0 == "\r" }) else { return nil }
            start = scalars.index(after: end)
            if scalars[end] == "\r", start < scalars.endIndex, scalars[start] == "\n" { start = scalars.index(after: start) }
            current += 1
        }
        let end = scalars[start...].firstIndex(where: { $0 == "\n" || $0 == "\r" }) ?? scalars.endIndex
        return Substring(scalars[start..<end])
    }
}

private extension Substring {
    func replacingTabs() -> String { String(self).replacingOccurrences(of: "\t", with: " ") }
}
