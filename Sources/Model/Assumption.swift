import Diagnostics
import Quantities

/// A choice a derivation makes that the data does not state as a fact: the all-in power of
/// one H100 taken from one cluster, a deal's GPUs counted as H100s when it names no chip,
/// an implied stake priced at the valuation on or before the deal. Each has an id, a
/// sentence, the value used and where that comes from (sources, or none: the editor's own
/// choice); the figures that rest on it follow from their provenance
/// (`StoryModel.figures(restingOn:)`).
///
/// An author declares one as a record of `content/data/assumptions.yaml` (`statement`,
/// `value` or `expr`, `source`); a formula uses its value as `assumptions.<id>.value`. The
/// built-in choices (`BuiltInAssumption`) are assumptions of the same kind: a record with
/// the built-in id gives its sentence, sources and, for a value, the value itself.
public struct Assumption: Sendable {
    public let id: String
    /// The built-in choice this is, if it is one; nil for an author's own.
    public let builtIn: BuiltInAssumption?
    /// The sentence as the data writes it, by language (`statement: {en: …, es: …}`); empty
    /// when the data declares none and the built-in words are used.
    let declaredStatements: [String: String]
    /// The value used: a quantity (`~1.5 kW per unit`), a chip id (`h100`), or, for a rule,
    /// nil (its words are `valueWords`).
    public let value: FigureValue?
    /// The sources the choice rests on, sorted; empty for the editor's own assumption.
    public let sources: [String]
    /// The record that declares it, nil for a built-in choice the data does not declare.
    public let location: SourceLocation?
    /// Words that fill the built-in sentence: `chip` (the chip's name), `cluster`.
    let words: [String: String]

    /// The reference of its value, for formulas and `--assume`: `assumptions.power-per-h100.value`.
    public var reference: String { "assumptions.\(id).value" }

    /// Whether no source gives it: the editor's own choice.
    public var isEditors: Bool { sources.isEmpty }

    /// Whether `--assume ID=VALUE` may change it: a value or a chip, not a rule.
    public var takesValue: Bool { builtIn?.isRule != true }

    /// The sentence a reader sees, in `wording`'s language: the data's own if it gives one in
    /// that language (its translation, else a plain `statement` for English), else the built-in
    /// words (`assumption_<id>` in `templates/i18n/<lang>.yaml`).
    public func statement(in wording: ClaimWording) -> String {
        if let own = declaredStatements[wording.locale.rawValue] { return own }
        if let builtIn {
            let key = builtIn.wordsKey == "power-per-unit" && words["cluster"] == nil ? "power-per-unit.nocluster" : builtIn.wordsKey
            return wording(Self.key(key), words)
        }
        return declaredStatements["en"] ?? declaredStatements.values.sorted().first ?? id
    }

    /// The value used, for a reader, in `wording`'s words and number format: a quantity
    /// formatted, a chip by its name, a rule in words (`assumption_<id>_value`).
    public func valueText(in wording: ClaimWording) -> String {
        if let builtIn, builtIn.isRule { return wording(Self.key(builtIn.wordsKey + ".value"), words) }
        if builtIn == .defaultChip, let chip = words["chip"] { return chip }
        return value?.formatted(wording.locale) ?? ""
    }

    /// `power-per-unit.nocluster` → `assumption_power_per_unit_nocluster`.
    static func key(_ wordsKey: String) -> String {
        "assumption_" + String(wordsKey.map { $0 == "-" || $0 == "." ? "_" : $0 })
    }

    /// `assumptions.power-per-h100.value` → `power-per-h100`; nil for any other reference.
    static func id(inValueReference reference: String) -> String? {
        guard reference.hasPrefix("assumptions."), reference.hasSuffix(".value") else { return nil }
        let id = reference.dropFirst("assumptions.".count).dropLast(".value".count)
        return id.isEmpty || id.contains(".") ? nil : String(id)
    }
}

/// The choices the story's derivations make (SPEC §2, `Derivations.swift`), by id. Two are
/// values a what-if may change (`power-per-<chip>`, `default-chip`); the others are rules,
/// listed so that a reader sees them and the figures that follow them.
public enum BuiltInAssumption: Sendable, Hashable {
    /// `power-per-<chip>`: every unit of the chip draws, all in, what one of the first
    /// cluster of that chip with both power and units draws (150 MW ÷ 100,000 H100s).
    case powerPerUnit(chip: String)
    /// `default-chip`: the chip a deal's power is turned into GPUs with when it names none.
    case defaultChip
    /// `equivalents`: a fleet counted in a chip's equivalents draws as that many of the chip.
    case equivalents
    /// `list-price`: a purchase costs its units at the chip's unit price, no discount.
    case listPrice
    /// `purchase-amount`: a deal that stands for a purchase is worth the purchase's spend.
    case purchaseAmount
    /// `even-spread`: a contract's amount is spread evenly over its term.
    case evenSpread
    /// `valuation-at-deal`: an implied stake divides by the valuation on or before the deal.
    case valuationAtDeal
    /// `latest-valuation`: a stake is valued at the latest valuation, settled before talks.
    case latestValuation
    /// `capex-year`: capex per user takes the capex of the year the users were counted in.
    case capexYear
    /// `one-commitment`: an investment tied to gigawatts and their purchase count once.
    case oneCommitment

    static let rules: [BuiltInAssumption] = [
        .defaultChip, .equivalents, .listPrice, .purchaseAmount, .evenSpread, .valuationAtDeal,
        .latestValuation, .capexYear, .oneCommitment,
    ]

    public var id: String {
        switch self {
        case .powerPerUnit(let chip): return "power-per-\(chip)"
        case .defaultChip: return "default-chip"
        case .equivalents: return "equivalents"
        case .listPrice: return "list-price"
        case .purchaseAmount: return "purchase-amount"
        case .evenSpread: return "even-spread"
        case .valuationAtDeal: return "valuation-at-deal"
        case .latestValuation: return "latest-valuation"
        case .capexYear: return "capex-year"
        case .oneCommitment: return "one-commitment"
        }
    }

    /// The built-in choice an id names, given the chips the data has.
    init?(id: String, chips: some Collection<String>) {
        if let rule = Self.rules.first(where: { $0.id == id }) { self = rule; return }
        let prefix = "power-per-"
        guard id.hasPrefix(prefix), chips.contains(String(id.dropFirst(prefix.count))) else { return nil }
        self = .powerPerUnit(chip: String(id.dropFirst(prefix.count)))
    }

    /// A rule of a derivation, with no value a what-if could change.
    public var isRule: Bool {
        switch self {
        case .powerPerUnit, .defaultChip: return false
        default: return true
        }
    }

    var wordsKey: String {
        if case .powerPerUnit = self { return "power-per-unit" }
        return id
    }
}
