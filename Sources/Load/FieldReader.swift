import Diagnostics
import Model

/// Reads typed fields out of a YAML mapping, collecting one diagnostic per field of the
/// wrong type instead of stopping at the first.
struct FieldReader {
    package let node: YAMLNode?
    package var diagnostics: [Diagnostic] = []

    package init(_ node: YAMLNode?) {
        self.node = node
    }

    package func location(of key: String) -> SourceLocation? {
        node?[key]?.location
    }

    package mutating func string(_ key: String) -> String? {
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

    package mutating func bool(_ key: String) -> Bool? {
        guard let value = node?[key] else { return nil }
        switch value.scalar {
        case .null: return nil
        case .bool(let b): return b
        default:
            // YAML 1.1's booleans are text in YAML 1.2 (`YAMLCoreSchema`): say so.
            let oldBoolean = ["yes", "no", "on", "off", "y", "n"].contains(value.text?.lowercased() ?? "")
            let hint = oldBoolean ? " (YAML 1.2 reads yes, no, on and off as text)" : ""
            diagnostics.append(.error(at: value.location, "'\(key)' must be true or false, not \(value.kindDescription)\(hint)"))
            return nil
        }
    }

    package mutating func int(_ key: String) -> Int? {
        guard let value = node?[key] else { return nil }
        switch value.scalar {
        case .null: return nil
        case .int(let i): return i
        default:
            diagnostics.append(.error(at: value.location, "'\(key)' must be a whole number, not \(value.kindDescription)"))
            return nil
        }
    }

    /// A real calendar date as `YYYY-MM-DD` or an RFC 3339 date-time (`CalendarDate`); kept
    /// as the text written. `2023-02-29` is an error at the day.
    package mutating func date(_ key: String) -> SiteDate? {
        guard let value = node?[key], value.scalar != .null else { return nil }
        guard let text = value.text else {
            diagnostics.append(.error(at: value.location, "'\(key)' must be \(CalendarDate.forms), not \(value.kindDescription)"))
            return nil
        }
        if let date = SiteDate(text) { return date }
        diagnostics.append(CalendarDate.problem(with: text.trimmingWhitespace(), field: key, at: value.location, written: value.kindDescription)
            ?? .error(at: value.location, "'\(key)' must be \(CalendarDate.forms), not '\(text)'"))
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
            // A null item (`tags: [a, ~]`) is nothing, not a tag named '~'.
            if element.scalar == .null { return nil }
            if let text = element.text { return text }
            diagnostics.append(.error(at: element.location, "'\(key)' must hold text, not \(element.kindDescription)"))
            return nil
        }
    }
}
