import Diagnostics

/// One record of a data collection, its fields kept as located YAML.
public struct Record: Sendable {
    public let collection: String
    public let id: String
    public let location: SourceLocation
    public let node: YAMLNode

    public init(collection: String, id: String, location: SourceLocation, node: YAMLNode) {
        self.collection = collection
        self.id = id
        self.location = location
        self.node = node
    }

    public subscript(field: String) -> YAMLNode? { node[field] }

    /// A text field (`name`, `kind`, `buyer`…), nil when absent or empty.
    public func text(_ field: String) -> String? {
        guard let value = node[field], value.scalar != .null else { return nil }
        return value.text
    }

    /// The source ids the record names in `source` (one id or a list).
    public var sourceIDs: [String] {
        guard let value = node["source"] else { return [] }
        if let text = value.text, value.scalar != .null { return [text] }
        return value.elements?.compactMap(\.text) ?? []
    }

    /// `meta-h100-2024` → the record's `name`, `title`, `model` or `product`, else its id.
    public var displayName: String {
        text("name") ?? text("title") ?? text("model") ?? text("product") ?? text("label") ?? id
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
