/// A YAML value whose every node remembers where it was written, so that any later
/// check (a bad date, an unknown reference, a unit error) can point at its line and column.
public struct YAMLNode: Sendable {
    /// A scalar as YAML resolved it: `true` is a bool, `42` an int, `"42"` a string.
    public enum Scalar: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
    }

    /// One `key: value` pair of a mapping, in the order written.
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLNode

        public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public indirect enum Kind: Sendable {
        /// The resolved value and the text as written.
        case scalar(Scalar, text: String)
        case mapping([Entry])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public var entries: [Entry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    public var elements: [YAMLNode]? {
        if case .sequence(let elements) = kind { return elements }
        return nil
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar, _) = kind { return scalar }
        return nil
    }

    /// The scalar's text as written (`2024-01-18`, `$30k–40k`), nil for mappings and sequences.
    public var text: String? {
        if case .scalar(_, let text) = kind { return text }
        return nil
    }

    /// The value under `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }

    /// What the node is, in words for an error message: "a mapping", "the number 3".
    public var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(.null, _): return "nothing"
        case .scalar(.bool(let b), _): return "the boolean \(b)"
        case .scalar(.int, let text), .scalar(.double, let text): return "the number \(text)"
        case .scalar(.string(let s), _): return "the text '\(s)'"
        }
    }
}
