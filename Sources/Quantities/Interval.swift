/// A closed range of real numbers `[low, high]`, the value part of every quantity.
///
/// An exact value is the degenerate interval `low == high`. Arithmetic follows the usual
/// interval rules so that a range written as `$30k–40k` carries its spread through a calculation.
public struct Interval: Sendable, Hashable, CustomStringConvertible {
    public let low: Double
    public let high: Double

    /// Builds `[min(a, b), max(a, b)]`; the ends are ordered here so no caller can build an
    /// inverted interval and every later min/max computation can trust `low <= high`.
    public init(low: Double, high: Double) {
        self.low = Swift.min(low, high)
        self.high = Swift.max(low, high)
    }

    /// The degenerate interval holding one value.
    public init(_ value: Double) {
        self.init(low: value, high: value)
    }

    /// True when both ends are the same number.
    public var isPoint: Bool { low == high }

    /// The midpoint, handy for charts that need one number.
    public var midpoint: Double { low + (high - low) / 2 }

    /// True when zero lies within the interval, ends included.
    public var containsZero: Bool { low <= 0 && high >= 0 }

    /// -1 when entirely negative, +1 when entirely positive, 0 when it touches or spans zero.
    var sign: Int {
        if low > 0 { return 1 }
        if high < 0 { return -1 }
        return 0
    }

    public var description: String { isPoint ? "\(low)" : "[\(low), \(high)]" }

    public static func + (lhs: Interval, rhs: Interval) -> Interval {
        Interval(low: lhs.low + rhs.low, high: lhs.high + rhs.high)
    }

    public static func - (lhs: Interval, rhs: Interval) -> Interval {
        Interval(low: lhs.low - rhs.high, high: lhs.high - rhs.low)
    }

    /// The hull of the four end products, since signs decide which pair is extreme.
    public static func * (lhs: Interval, rhs: Interval) -> Interval {
        let products = [lhs.low * rhs.low, lhs.low * rhs.high, lhs.high * rhs.low, lhs.high * rhs.high]
        return Interval(low: products.min()!, high: products.max()!)
    }

    /// Division; throws when the divisor contains or touches zero, where the quotient is unbounded.
    public func divided(by divisor: Interval) throws(QuantityError) -> Interval {
        guard !divisor.containsZero else { throw QuantityError.divisionByZero(divisor) }
        let quotients = [low / divisor.low, low / divisor.high, high / divisor.low, high / divisor.high]
        return Interval(low: quotients.min()!, high: quotients.max()!)
    }

    /// Scales both ends by a positive or negative factor (used for unit conversion).
    func scaled(by factor: Double) -> Interval {
        Interval(low: low * factor, high: high * factor)
    }
}
