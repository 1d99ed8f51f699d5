import Diagnostics
import Quantities

/// A value the story can cite: a quantity with units and range, a piece of text, or a
/// figure the data cannot support, with the reason (an implied stake with no valuation from
/// the time of the deal). An unverifiable figure is still a figure: it has an entry on
/// `/figures/` and prose may cite it, but it has no number to show.
public enum FigureValue: Sendable, Hashable {
    case quantity(Quantity)
    case text(String)
    /// Why the figure cannot be computed, as a sentence fragment: "the deal has no date…".
    case unverifiable(reason: String)

    /// The word a reader sees in place of a number the data cannot support.
    public static let unverifiableText = "unverifiable"

    public var unverifiableReason: String? {
        if case .unverifiable(let reason) = self { return reason }
        return nil
    }

    public var quantity: Quantity? {
        if case .quantity(let q) = self { return q }
        return nil
    }

    /// Text for a reader; quantities in `locale` with `options`.
    public func formatted(_ locale: QuantityLocale, _ options: FormatOptions = FormatOptions()) -> String {
        switch self {
        case .quantity(let q): return q.formatted(locale, options)
        case .text(let t): return t
        case .unverifiable: return Self.unverifiableText
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
    /// The ids of the assumptions (`Assumption`) this figure's own derivation makes: a rule
    /// it follows (`valuation-at-deal`) or an assumed value among its inputs
    /// (`assumptions.power-per-h100.value` → `power-per-h100`). Those its inputs rest on are
    /// not repeated here: `StoryModel.assumptions(restedOnBy:)` follows the inputs.
    public let assumptions: [String]
    /// `label` in other languages than the default, by language code (a named figure's
    /// `label: {en: …, es: …}` in `figures.yaml`).
    public var labelTranslations: [String: String] = [:]
    /// For a text figure (a record's `note` cited as `{{ deals.x.note }}`): its text in other
    /// languages, by language code.
    public var textTranslations: [String: String] = [:]

    /// `label`, `formula` and the unverifiable reason as words to say in any language
    /// (`DerivationWords`): nil where the text is data (a named figure's `label`) or English only.
    public var labelText: ClaimText?
    public var formulaText: ClaimText?
    public var reasonText: ClaimText?

    /// `label` in `language`, else in the default language.
    public func label(in language: String) -> String {
        labelTranslations[language] ?? label
    }

    /// `label` in `wording`'s words and language, record names in their translation.
    public func label(in wording: ClaimWording) -> String {
        labelText?.text(in: wording) ?? label(in: wording.locale.rawValue)
    }

    /// `formula` in `wording`'s words; a formula that is the figure's label is said as the label.
    public func formula(in wording: ClaimWording) -> String? {
        guard let formula else { return nil }
        if let formulaText { return formulaText.text(in: wording) }
        return formula == label ? label(in: wording) : formula
    }

    /// Why the figure cannot be computed, in `wording`'s words; nil for a figure that can.
    public func unverifiableReason(in wording: ClaimWording) -> String? {
        guard let reason = value.unverifiableReason else { return nil }
        return reasonText?.text(in: wording) ?? reason
    }

    /// `value` in `language`: a text figure's translation where the data gives one;
    /// quantities are the same in every language (only their formatting differs).
    public func value(in language: String) -> FigureValue {
        if case .text = value, let translated = textTranslations[language] { return .text(translated) }
        return value
    }

    public var isDerived: Bool { formula != nil }

    /// A number (or a number that cannot be computed), as opposed to a text field such as a
    /// name, a date or a note: only these are listed on `/figures/`.
    public var isQuantityLike: Bool {
        switch value {
        case .quantity, .unverifiable: return true
        case .text: return false
        }
    }

    public init(reference: String, label: String, value: FigureValue, formula: String? = nil,
                expression: String? = nil, inputs: [String] = [], sources: [String], location: SourceLocation,
                modality: Modality? = nil, assumptions: [String] = []) {
        self.reference = reference
        self.label = label
        self.value = value
        self.formula = formula
        self.expression = expression
        self.inputs = inputs
        self.sources = sources
        self.location = location
        self.modality = modality
        // An assumed value among the inputs is an assumption of the derivation.
        let assumed = inputs.compactMap(Assumption.id(inValueReference:))
        self.assumptions = (assumptions + assumed).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The anchor of this figure's entry on the figures page: references are already
    /// lowercase letters, digits, hyphens, underscores and dots, all valid in an id.
    public var anchor: String { reference }
}
