import Quantities

/// One input a derived figure rests on, at the bottom of its provenance: a field as
/// written in the data (`chips.h100.unit_price`), or a quantity written inside a named
/// figure's formula (`'$10–11'` in `figures.x`), which has no reference of its own.
public struct RangeInput: Sendable, Hashable {
    /// The field's reference, or the reference of the named figure whose formula holds the literal.
    public let reference: String
    /// The literal as written in the formula (`$10–11`); nil for a field.
    public let literal: String?
    /// The value as written: a range, a bound or a single value.
    public let value: Quantity
    /// Where the literal starts in the formula (two equal literals are two inputs).
    let offset: Int?

    init(reference: String, literal: String? = nil, value: Quantity, offset: Int? = nil) {
        self.reference = reference
        self.literal = literal
        self.value = value
        self.offset = offset
    }

    /// What the input contributes to a spread (see `docs/sensitivity.md`).
    public enum Kind: Sendable, Hashable {
        /// `$30k–40k`, `~10–20`: two ends, a spread to share.
        case range
        /// `≥ 10 GW`, `up to $100B`: one number with an open side. The figure uses the
        /// number, so it is held there; it has no width to sweep.
        case bound
        /// Exact or only approximate (`350,000`, `~150 MW`): one number, no spread.
        case single
    }

    public var kind: Kind {
        if value.qualifier.isBound { return .bound }
        return value.low < value.high ? .range : .single
    }

    /// The key under which a literal's stand-in value is found while a formula is evaluated
    /// again: the named figure and the literal's offset in its formula.
    static func literalKey(_ figure: String, offset: Int) -> String { "\(figure)@\(offset)" }
}

/// How much of one ranged input's range shows in a figure's spread: the figure's value as
/// the input goes from its low end to its high end, every other ranged input held at its
/// midpoint (one-at-a-time sensitivity, as in a tornado diagram).
public struct RangeDriver: Sendable, Hashable {
    public let input: RangeInput
    /// The figure (the midpoint of its value, in base units) with this input at its low end…
    public let atLow: Double
    /// …and at its high end.
    public let atHigh: Double
    /// How far the figure moves as the input crosses its range: the largest minus the
    /// smallest of its values at the low end, the midpoint and the high end (base units).
    public let width: Double
    /// `width` over the sum of all the figure's inputs' widths, 0…1.
    public let share: Double
}

/// What drives a figure's range: its ranged inputs ranked by the part of the spread each
/// causes, and the inputs that cause none. See `docs/sensitivity.md` for the method.
public struct RangeDrivers: Sendable {
    /// What the figure's own value is, which decides whether there is a spread to share.
    public enum Spread: Sendable, Hashable {
        /// Two ends (`$10.5–14B`, including a value at face value with two ends).
        case range
        /// One number with an open side (`≥ 6.7M`): a bound already takes its inputs' far
        /// ends, so there is no spread, even when a ranged input fed it.
        case bound
        /// One number.
        case single
    }

    public let reference: String
    public let spread: Spread
    /// Ranged inputs ranked by width (largest first; ties in the order of the provenance).
    /// Empty unless `spread` is `.range`.
    public let drivers: [RangeDriver]
    /// Ranged inputs of a figure that is not a range (a bound took their far ends).
    public let unsharedRanges: [RangeInput]
    /// One-sided inputs: held at their stated number, no width.
    public let bounds: [RangeInput]
    /// Exact or approximate inputs: no spread, not ranked.
    public let singles: [RangeInput]
    /// The figure with every ranged input at its midpoint (base units); nil unless a range.
    public let atMidpoints: Double?

    /// The sum of the drivers' widths, the denominator of their shares.
    public var totalWidth: Double { drivers.reduce(0) { $0 + $1.width } }
}
