import Diagnostics

extension Schema {
    /// The error for a declared field that the model reads as one value but that is written
    /// as a list or a mapping (`status: [signed]`, `to: [globex]`, `kind: {a: 1}`), or nil.
    ///
    /// The model reads these fields as one word, one date or one record's id (`Record.text`);
    /// a list or a mapping there would otherwise be read as no value at all: the deal's status
    /// "not given", its date and its recipient gone, a company named by its id, with no word
    /// said. Prose fields (`note`, `label`, `statement`…) may be lists, shown as text items,
    /// and translatable fields have had their `{en: …, es: …}` mapping replaced by the default
    /// language's text before the model reads them (`DataTranslations`).
    static func shapeProblem(_ node: YAMLNode, field: String, in collection: String) -> Diagnostic? {
        guard let declared = collections[collection]?[field] else { return nil }
        switch node.kind {
        case .sequence, .mapping: break
        case .scalar: return nil
        }
        let expected: String
        switch declared {
        case .quantity: return nil
        case .date: expected = "one date, such as 2024-01-18"
        case .link(let target): expected = "the id of one record of '\(target)'"
        case .text:
            if DataText.kind(of: field, in: collection) == .prose { return nil }
            expected = "one text value"
        }
        return .error(at: node.location, "'\(field)' must be \(expected), not \(node.kindDescription)")
    }
}
