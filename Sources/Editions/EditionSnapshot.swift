import Diagnostics
import Foundation
import Model
import Quantities

/// What a comparison of two editions needs from one edition's model, small enough to keep
/// on disk by commit: every figure's value (as a key that compares exactly, and as a reader
/// reads it in each language), every claim's verdict, and a hash of every record.
public struct EditionSnapshot: Codable, Sendable, Equatable {
    /// One figure: its value and where it comes from.
    public struct FigureState: Codable, Sendable, Equatable {
        public var label: String
        /// Compares exactly: the interval's ends in base units, unit, qualifier and hint.
        public var value: String
        /// The value as a reader reads it, by language code (`en`, `es`).
        public var text: [String: String]
        /// The references it is computed from; empty for a field as written.
        public var inputs: [String]
        /// The ids of the sources it rests on.
        public var sources: [String]
        public var derived: Bool
        /// Where the fact or the formula is written, at that edition.
        public var file: String
        public var line: Int
    }

    /// One claim: its verdict on the figure it checks.
    public struct ClaimState: Codable, Sendable, Equatable {
        /// `consistent`, `inconsistent`, `unverifiable` or `ambiguous`.
        public var status: String
        public var says: String
        public var figure: String
        public var file: String
        public var line: Int
    }

    /// One record, by `collection.id`: a hash of its fields as written, and its line.
    public struct RecordState: Codable, Sendable, Equatable {
        public var hash: String
        public var file: String
        public var line: Int
    }

    /// The figures listed on `/figures/` (numbers, and numbers that cannot be computed), by reference.
    public var figures: [String: FigureState]
    /// By claim id.
    public var claims: [String: ClaimState]
    /// By `collection.id`.
    public var records: [String: RecordState]

    public init(figures: [String: FigureState] = [:], claims: [String: ClaimState] = [:], records: [String: RecordState] = [:]) {
        self.figures = figures
        self.claims = claims
        self.records = records
    }

    /// The languages each figure's text is kept in: the ones the generated pages can be written in.
    public static let languages = QuantityLocale.allCases

    /// The snapshot of `model`, its figures written by `format` (the render stage's, so that
    /// an old value reads exactly as it did on its page).
    public init(model: StoryModel, format: (Figure, QuantityLocale) -> String) {
        var figures: [String: FigureState] = [:]
        for (reference, figure) in model.figures where figure.isQuantityLike {
            var text: [String: String] = [:]
            for locale in Self.languages { text[locale.rawValue] = format(figure, locale) }
            figures[reference] = FigureState(
                label: figure.label, value: Self.key(figure.value), text: text, inputs: figure.inputs,
                sources: figure.sources, derived: figure.isDerived, file: figure.location.file, line: figure.location.line
            )
        }
        var claims: [String: ClaimState] = [:]
        for claim in model.claims {
            claims[claim.id] = ClaimState(status: claim.status.rawValue, says: claim.says, figure: claim.figure,
                                          file: claim.location.file, line: claim.location.line)
        }
        var records: [String: RecordState] = [:]
        // The editors' corrections are the story's own record of its errors, listed on
        // `/changes/` as such, not among the data's records.
        for (name, collection) in model.collections where name != Correction.collection {
            for record in collection.records {
                var hasher = RecordHasher()
                hasher.add(record.node)
                records[name + "." + record.id] = RecordState(hash: hasher.hex, file: record.location.file, line: record.location.line)
            }
        }
        self.init(figures: figures, claims: claims, records: records)
    }

    /// A figure's value as a key: equal keys, equal values (the ends' shortest exact decimals).
    static func key(_ value: FigureValue) -> String {
        switch value {
        case .quantity(let q):
            return "q:\(q.low)|\(q.high)|\(q.dimension.symbol)|\(q.qualifier.code)|\(q.hint)|\(q.noun ?? "")"
        case .text(let text):
            return "t:" + text
        case .unverifiable(let reason):
            return "u:" + reason
        }
    }
}

/// A record's fields as written, in order, into one hash (FNV-1a over a framing that keeps
/// `a: bc` apart from `ab: c`); where the record sits in its file does not count.
struct RecordHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
        add(byte: 0)
    }

    private mutating func add(byte: UInt8) {
        state ^= UInt64(byte)
        state = state &* 0x100_0000_01b3
    }

    mutating func add(_ node: YAMLNode) {
        switch node.kind {
        case .scalar(_, let text):
            add(byte: 1); add(text)
        case .mapping(let entries):
            add(byte: 2)
            for entry in entries { add(entry.key); add(entry.value) }
            add(byte: 3)
        case .sequence(let elements):
            add(byte: 4)
            for element in elements { add(element) }
            add(byte: 5)
        }
    }

    var hex: String { String(state, radix: 16) }
}
