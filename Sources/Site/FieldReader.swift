import Diagnostics

/// Reads typed fields out of a YAML mapping, collecting one diagnostic per field of the
/// wrong type instead of stopping at the first.
struct FieldReader {
    let node: YAMLNode?
    var diagnostics: [Diagnostic] = []

    init(_ node: YAMLNode?) {
        self.node = node
    }

    func location(of key: String) -> SourceLocation? {
        node?[key]?.location
    }

    mutating func string(_ key: String) -> String? {
        guard let value = node?[key] else { return nil }
        switch value.scalar {
        case .null: return nil
        case .string(let s): return s
        case .int, .double, .bool: return value.text
        case nil:
            diagnostics.append(.error(at: value.location, "'\(key)' must be text, not \(value.kindDescription)"))
            return nil
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = node?[key] else { return nil }
        switch value.scalar {
        case .null: return nil
        case .bool(let b): return b
        default:
            diagnostics.append(.error(at: value.location, "'\(key)' must be true or false, not \(value.kindDescription)"))
            return nil
        }
    }

    mutating func int(_ key: String) -> Int? {
        guard let value = node?[key] else { return nil }
        switch value.scalar {
        case .null: return nil
        case .int(let i): return i
        default:
            diagnostics.append(.error(at: value.location, "'\(key)' must be a whole number, not \(value.kindDescription)"))
            return nil
        }
    }

    /// A date as `YYYY-MM-DD` or an ISO 8601 date-time; kept as the text written.
    mutating func date(_ key: String) -> SiteDate? {
        guard let value = node?[key], value.scalar != .null else { return nil }
        if let text = value.text, let date = SiteDate(text) { return date }
        diagnostics.append(.error(
            at: value.location,
            "'\(key)' must be a date such as 2024-01-18 or 2024-01-18T09:30:00Z, not \(value.kindDescription)"
        ))
        return nil
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let value = node?[key] else { return nil }
        if value.scalar == .null { return nil }
        if let text = value.text { return [text] }
        guard let elements = value.elements else {
            diagnostics.append(.error(at: value.location, "'\(key)' must be a list of text, not \(value.kindDescription)"))
            return nil
        }
        return elements.compactMap { element in
            if let text = element.text { return text }
            diagnostics.append(.error(at: element.location, "'\(key)' must hold text, not \(element.kindDescription)"))
            return nil
        }
    }
}
