import Diagnostics
import Quantities

/// The story's data as the prose, charts and generated pages see it: every record, every
/// field as written, every derived figure with its provenance, and every claim checked.
public struct StoryModel: Sendable {
    public let collections: [String: RecordCollection]
    /// Every figure by reference.
    public let figures: [String: Figure]
    public let claims: [ClaimCheck]
    /// The fields each record has figures for, sorted: `purchases.meta-h100-2024` → `[power, spend, units…]`.
    public let fieldsByRecord: [String: [String]]
    /// The choices the figures rest on that the data does not state as facts: those the
    /// data declares, then the built-in ones some figure uses (see `Assumption`).
    public let assumptions: [Assumption]
    /// The ids of the assumptions each figure rests on, through its inputs, in the order
    /// of `assumptions`; a figure that rests on none is absent.
    let assumptionsByFigure: [String: [String]]

    init(collections: [String: RecordCollection], figures: [String: Figure], claims: [ClaimCheck], assumptions: [Assumption] = []) {
        self.collections = collections
        self.figures = figures
        self.claims = claims
        self.assumptions = assumptions
        self.assumptionsByFigure = Self.restingOn(figures, order: assumptions.map(\.id))
        var index: [String: [String]] = [:]
        for reference in figures.keys {
            let parts = reference.split(separator: ".", maxSplits: 2)
            guard parts.count == 3 else { continue }
            index["\(parts[0]).\(parts[1])", default: []].append(String(parts[2]))
        }
        fieldsByRecord = index.mapValues { $0.sorted() }
    }

    /// The fields of one record that are figures.
    public func fields(of collection: String, _ id: String) -> [String] {
        fieldsByRecord["\(collection).\(id)"] ?? []
    }

    /// Builds the model; problems in the data come back as diagnostics, and the model
    /// holds whatever could still be computed.
    /// `refusedCollections` names data files that were refused with an error (bad YAML):
    /// what refers to them is not reported again.
    public static func build(_ collections: [RecordCollection], refusedCollections: Set<String> = []) -> (StoryModel, [Diagnostic]) {
        var builder = ModelBuilder(collections: collections)
        builder.refusedCollections = refusedCollections
        builder.run()
        let model = StoryModel(
            collections: Dictionary(uniqueKeysWithValues: collections.map { ($0.name, $0) }),
            figures: builder.figures,
            claims: builder.claims,
            assumptions: builder.assumptionList()
        )
        return (model, builder.diagnostics)
    }

    public func record(_ collection: String, _ id: String) -> Record? {
        collections[collection]?.records.first { $0.id == id }
    }

    public func records(_ collection: String) -> [Record] {
        collections[collection]?.records ?? []
    }

    /// Every figure, sorted by reference.
    public var allFigures: [Figure] {
        figures.keys.sorted().map { figures[$0]! }
    }

    /// Looks a reference up; an unknown collection, id or field is an error at `location`
    /// with a suggestion for a near miss.
    public func resolve(_ reference: String, at location: SourceLocation) -> Result<Figure, Diagnostic> {
        if let figure = figures[reference] { return .success(figure) }
        return .failure(.error(at: location, unknownReferenceMessage(reference)))
    }

    func unknownReferenceMessage(_ reference: String) -> String {
        let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
        guard let collectionName = parts.first, let collection = collections[collectionName] else {
            let hint = NearMiss.hint(for: parts.first ?? reference, among: collections.keys)
            return "unknown collection '\(parts.first ?? reference)' in '\(reference)'\(hint)"
        }
        guard parts.count >= 2 else {
            return "'\(reference)' names a collection; add a record id and a field, as in '\(collectionName).ID.FIELD'"
        }
        let ids = collection.records.map(\.id)
        guard ids.contains(parts[1]) else {
            return "no record '\(parts[1])' in \(collectionName)\(NearMiss.hint(for: parts[1], among: ids))"
        }
        let fields = self.fields(of: collectionName, parts[1])
        guard parts.count == 3 else {
            if collectionName == "figures" { return "figure '\(parts[1])' could not be computed" }
            let known = fields.sorted().joined(separator: ", ")
            return "'\(reference)' needs a field: one of \(known)"
        }
        // A total asked for without its standing (`received` for `received_signed`…): name them all.
        let refined = fields.filter { $0.hasPrefix(parts[2] + "_") }.sorted()
        if !refined.isEmpty, NearMiss.hint(for: parts[2], among: fields).isEmpty {
            return "\(collectionName).\(parts[1]) has no field '\(parts[2])'; it has "
                + refined.map { "'\($0)'" }.joined(separator: ", ") + (collectionName == "companies" ? " (totals are kept apart by standing)" : "")
        }
        return "\(collectionName).\(parts[1]) has no field '\(parts[2])'\(NearMiss.hint(for: parts[2], among: fields))"
    }

    /// The date a reference names, at the precision its record gives it (`deals.x.date` with
    /// `date_precision: year` → "2025"); nil when the reference is not a date field.
    public func date(at reference: String) -> RecordDate? {
        let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, case .date? = Schema.field(parts[2], in: parts[0]),
              let record = record(parts[0], parts[1]) else { return nil }
        return RecordDate(record, parts[2])
    }

    /// The figures that rest on a source, by reference.
    public func figures(citing source: String) -> [Figure] {
        allFigures.filter { $0.sources.contains(source) }
    }
}
