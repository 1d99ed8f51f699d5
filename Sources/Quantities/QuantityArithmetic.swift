/// The outcome of comparing two quantities whose intervals or bounds may overlap.
public enum QuantityComparison: Sendable, Hashable {
    case less
    case equal
    case greater
    /// The intervals or open bounds overlap, so the order of the true values is not known.
    case unknown
}

/// Interval arithmetic with dimension checks and qualifier propagation (see
/// `Qualifier.propagate` for the table). `+`, `-` and `/` throw `QuantityError`; `*` cannot fail.
extension Quantity {
    public static func + (lhs: Quantity, rhs: Quantity) throws(QuantityError) -> Quantity {
        guard lhs.dimension == rhs.dimension else { throw .mismatch("add", lhs.dimension, rhs.dimension) }
        let qualifier = Qualifier.propagate([(lhs.qualifier, 1), (rhs.qualifier, 1)])
        return Quantity(interval: lhs.interval + rhs.interval, dimension: lhs.dimension,
                        qualifier: qualifier, hint: sumHint(lhs, rhs), noun: lhs.noun ?? rhs.noun)
    }

    /// The sum of several quantities of one dimension, its qualifier decided over all the
    /// terms at once: added pairwise, `up to $100B + > $13B` would turn approximate and then
    /// take the next term's bound, making the total depend on the order of the terms.
    /// Nil for no terms.
    public static func sum(_ terms: [Quantity]) throws(QuantityError) -> Quantity? {
        guard let first = terms.first else { return nil }
        var interval = first.interval
        var hint = first.hint
        for term in terms.dropFirst() {
            guard term.dimension == first.dimension else { throw .mismatch("add", first.dimension, term.dimension) }
            interval = interval + term.interval
            if term.hint != hint { hint = .none }
        }
        let qualifier = Qualifier.propagate(terms.map { ($0.qualifier, 1) })
        return Quantity(interval: interval, dimension: first.dimension, qualifier: qualifier, hint: hint,
                        noun: terms.lazy.compactMap(\.noun).first)
    }

    public static func - (lhs: Quantity, rhs: Quantity) throws(QuantityError) -> Quantity {
        guard lhs.dimension == rhs.dimension else { throw .mismatch("subtract", lhs.dimension, rhs.dimension) }
        let qualifier = Qualifier.propagate([(lhs.qualifier, 1), (rhs.qualifier, -1)])
        return Quantity(interval: lhs.interval - rhs.interval, dimension: lhs.dimension,
                        qualifier: qualifier, hint: sumHint(lhs, rhs), noun: lhs.noun ?? rhs.noun)
    }

    /// A bound's push on the product depends on the other factor's sign, hence the sensitivities.
    public static func * (lhs: Quantity, rhs: Quantity) -> Quantity {
        let qualifier = Qualifier.propagate([
            (lhs.qualifier, rhs.interval.sign), (rhs.qualifier, lhs.interval.sign),
        ])
        let dimension = lhs.dimension * rhs.dimension
        return Quantity(interval: lhs.interval * rhs.interval, dimension: dimension, qualifier: qualifier,
                        hint: productHint(lhs, rhs, dimension, dividing: false),
                        noun: lhs.noun ?? rhs.noun)
    }

    /// Throws when the divisor's interval contains or touches zero.
    public static func / (lhs: Quantity, rhs: Quantity) throws(QuantityError) -> Quantity {
        let interval = try lhs.interval.divided(by: rhs.interval)
        let qualifier = Qualifier.propagate([
            (lhs.qualifier, rhs.interval.sign), (rhs.qualifier, -lhs.interval.sign),
        ])
        let dimension = lhs.dimension / rhs.dimension
        return Quantity(interval: interval, dimension: dimension, qualifier: qualifier,
                        hint: productHint(lhs, rhs, dimension, dividing: true),
                        noun: lhs.noun ?? rhs.noun)
    }

    /// Orders two quantities of one dimension, treating a bound as open on its free side:
    /// `> $500B` is greater than `$100B` but of unknown order against `$600B`. Equal means both
    /// are single, unbounded values that are the same number.
    public func compare(to other: Quantity) throws(QuantityError) -> QuantityComparison {
        guard dimension == other.dimension else { throw .mismatch("compare", dimension, other.dimension) }
        let a = extent, b = other.extent
        if a.high < b.low || (a.high == b.low && (a.highOpen || b.lowOpen)) { return .less }
        if b.high < a.low || (b.high == a.low && (b.highOpen || a.lowOpen)) { return .greater }
        if !qualifier.isBound, !other.qualifier.isBound, interval.isPoint, interval == other.interval {
            return .equal
        }
        return .unknown
    }

    /// Where the true value may lie, with open ends for strict bounds.
    private var extent: (low: Double, lowOpen: Bool, high: Double, highOpen: Bool) {
        switch qualifier {
        case .exact, .approximate: (low, false, high, false)
        // Bounded on neither side: the true value may lie anywhere.
        case .faceValue: (-.infinity, true, .infinity, true)
        case .atLeast(let strict, _): (low, strict, .infinity, true)
        case .atMost(let strict, _): (-.infinity, true, high, strict)
        }
    }

    private static func sumHint(_ lhs: Quantity, _ rhs: Quantity) -> DisplayHint {
        lhs.hint != .none ? lhs.hint : rhs.hint
    }

    /// Like dimensions that cancel read as a ratio (150 MW ÷ 30 MW = 5×, $10B ÷ $500B = 2%);
    /// otherwise a percentage stays a percentage (27% × 2 = 54%) unless it divides one away.
    private static func productHint(_ lhs: Quantity, _ rhs: Quantity, _ result: Dimension,
                                    dividing: Bool) -> DisplayHint {
        guard result.isDimensionless else { return .none }
        if !lhs.dimension.isDimensionless || !rhs.dimension.isDimensionless { return .ratio }
        if dividing, rhs.hint == .percent, lhs.hint != .ratio { return .ratio }
        if lhs.hint == .percent || rhs.hint == .percent { return .percent }
        if lhs.hint == .ratio || rhs.hint == .ratio { return .ratio }
        return .none
    }
}
