import Diagnostics

/// One record of a data collection, its fields kept as located YAML.
public struct Record: Sendable {
    public let collection: String
    public let id: String
    public let location: SourceLocation
    public let node: YAMLNode
    /// The translations its text fields carry (`label: {en: …, es: …}`), field → language →
    /// text. `node` holds the default language's text, so code that reads `text(field)` shows
    /// that; `text(_:language:)` picks a translation (see `DataText`).
    public let translations: [String: [String: String]]

    public init(collection: String, id: String, location: SourceLocation, node: YAMLNode,
                translations: [String: [String: String]] = [:]) {
        self.collection = collection
        self.id = id
        self.location = location
        self.node = node
        self.translations = translations
    }

    public subscript(field: String) -> YAMLNode? { node[field] }

    /// A text field (`name`, `kind`, `buyer`…), nil when absent or empty.
    public func text(_ field: String) -> String? {
        guard let value = node[field], value.scalar != .null else { return nil }
        return value.text
    }

    /// A text field in `language`: its translation when the data gives one, else the
    /// default language's text (decision 3 of the Spanish edition: a missing translation
    /// falls back, and `capex check` lists it).
    public func text(_ field: String, language: String) -> String? {
        translations[field]?[language] ?? text(field)
    }

    /// The source ids the record names in `source` (one id or a list).
    public var sourceIDs: [String] {
        guard let value = node["source"] else { return [] }
        if let text = value.text, value.scalar != .null { return [text] }
        return value.elements?.compactMap(\.text) ?? []
    }

    /// `meta-h100-2024` → the record's `name`, `title`, `model` or `product`, else its id.
    public var displayName: String {
        displayName(language: nil)
    }

    /// `displayName` in `language` (nil: the default language's).
    public func displayName(language: String?) -> String {
        for field in ["name", "title", "model", "product", "label"] {
            if let text = language.map({ self.text(field, language: $0) }) ?? text(field) { return text }
        }
        return id
    }
}

/// The input of the model: one collection a data file held, in file order.
public struct RecordCollection: Sendable {
    public let name: String
    public let path: String
    public let records: [Record]
    /// Ids of records the file holds but that were refused with an error (a bad id):
    /// a link to one is not reported a second time as unknown.
    public let refusedIDs: Set<String>

    public init(name: String, path: String, records: [Record], refusedIDs: Set<String> = []) {
        self.name = name
        self.path = path
        self.records = records
        self.refusedIDs = refusedIDs
    }
}
