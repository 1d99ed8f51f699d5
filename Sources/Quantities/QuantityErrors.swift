/// A problem in quantity text, with the position the caller turns into file:line:col.
///
/// `offset` counts Characters (grapheme clusters, what an editor shows as columns) from the
/// start of the parsed text, 0-based; `utf8Offset` is the same position in UTF-8 bytes. They
/// differ once the text holds `–`, `≥`, `≈` or `×`.
public struct QuantityParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, without position, e.g. `unknown unit 'MWW' (did you mean 'MW'?)`.
    public let message: String
    /// 0-based Character offset into the text where the problem starts.
    public let offset: Int
    /// 0-based UTF-8 byte offset of the same position.
    public let utf8Offset: Int

    public init(message: String, offset: Int, utf8Offset: Int) {
        self.message = message
        self.offset = offset
        self.utf8Offset = utf8Offset
    }

    public var description: String { "\(message) (at offset \(offset))" }
}

/// A failed calculation: mixed dimensions or division by an interval containing zero.
///
/// It carries no position: the caller knows which data file and formula it came from.
public struct QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad reason, for callers that react differently to each.
    public enum Kind: Sendable, Hashable {
        case dimensionMismatch
        case divisionByZero
    }

    public let kind: Kind
    /// E.g. `cannot add money ($) and power (W)`.
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func mismatch(_ verb: String, _ lhs: Dimension, _ rhs: Dimension) -> QuantityError {
        let text = verb == "subtract" ? "cannot subtract \(rhs) from \(lhs)"
                                      : "cannot \(verb) \(lhs) and \(rhs)"
        return QuantityError(kind: .dimensionMismatch, message: text)
    }

    static func divisionByZero(_ divisor: Interval) -> QuantityError {
        let text = divisor.isPoint ? "cannot divide by zero"
            : "cannot divide by a range that includes zero (\(plain(divisor.low)) to \(plain(divisor.high)))"
        return QuantityError(kind: .divisionByZero, message: text)
    }

    /// Shortest exact text for a base-unit number in a message: `0`, `-5`, `2.5`.
    private static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
