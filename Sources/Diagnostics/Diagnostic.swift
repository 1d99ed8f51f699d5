/// One problem found in the input: where, how bad, and what to do about it.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// Errors fail a build; warnings fail it only under `--strict`.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `path:line:column: error: message`, the first line of what the user sees.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// The problems of one build, collected from every stage and reported together.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }
    public mutating func error(at location: SourceLocation, _ message: String) {
        all.append(.error(at: location, message))
    }
    public mutating func warning(at location: SourceLocation, _ message: String) {
        all.append(.warning(at: location, message))
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file, line and column, duplicates removed: the order a reader fixes them in.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
            .filter { seen.insert($0).inserted }
    }
}
