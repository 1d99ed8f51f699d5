import Diagnostics
import Quantities

/// A value the story can cite: a quantity with units and range, or a piece of text.
public enum FigureValue: Sendable, Hashable {
    case quantity(Quantity)
    case text(String)

    public var quantity: Quantity? {
        if case .quantity(let q) = self { return q }
        return nil
    }

    /// Text for a reader; quantities in `locale` with `options`.
    public func formatted(_ locale: QuantityLocale, _ options: FormatOptions = FormatOptions()) -> String {
        switch self {
        case .quantity(let q): return q.formatted(locale, options)
        case .text(let t): return t
        }
    }
}

/// Everything the story can refer to with `{{ reference }}`: a record's field as written,
/// or a figure the model derived, with its derivation and the sources it rests on.
public struct Figure: Sendable {
    /// `purchases.meta-h100-2024.spend`, `figures.llama4-vs-elcapitan`.
    public let reference: String
    /// A reader's name for it: "Meta's H100 purchase — spend".
    public let label: String
    public let value: FigureValue
    /// The derivation in words ("units × the chip's unit price"); nil for a field as written.
    public let formula: String?
    /// The derivation in symbols, over references ("purchases.meta-h100-2024.units × chips.h100.unit_price").
    public let expression: String?
    /// The references this figure was computed from, in the order of the expression.
    public let inputs: [String]
    /// The ids of every source this figure rests on, transitively, sorted.
    public let sources: [String]
    /// Where the fact or the formula is written.
    public let location: SourceLocation
    /// How firmly the source states it (`planned`, `expected`…); nil for a reported fact. A
    /// derived figure carries the weakest of its inputs' (see `Modality.derived`).
    public let modality: Modality?

    public var isDerived: Bool { formula != nil }

    public init(reference: String, label: String, value: FigureValue, formula: String? = nil,
                expression: String? = nil, inputs: [String] = [], sources: [String], location: SourceLocation,
                modality: Modality? = nil) {
        self.reference = reference
        self.label = label
        self.value = value
        self.formula = formula
        self.expression = expression
        self.inputs = inputs
        self.sources = sources
        self.location = location
        self.modality = modality
    }

    /// The anchor of this figure's entry on the figures page: references are already
    /// lowercase letters, digits, hyphens, underscores and dots, all valid in an id.
    public var anchor: String { reference }
}
