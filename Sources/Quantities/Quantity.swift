/// A number as a reporter writes it: an interval in base units, a dimension, a qualifier,
/// and the display hints (percent, ratio, count noun) needed to write it back out.
///
/// Values are stored in base units (see `Dimension`): dollars, watts, watt-hours, counts,
/// years. `Quantity.parse("150 MW").interval.low == 150_000_000`.
public struct Quantity: Sendable, Hashable {
    /// Low and high ends in base units; equal for a single value. For a bound, both ends hold
    /// the bound (see `Qualifier`).
    public let interval: Interval
    public let dimension: Dimension
    public let qualifier: Qualifier
    /// How a dimensionless value should read; always `.none` for dimensioned quantities.
    public let hint: DisplayHint
    /// Singular noun of the count dimension ("user", "GPU", "unit"), shown as "700 million
    /// users" or "$80 per user"; nil when the count exponent is 0 or no noun was written.
    public let noun: String?

    /// Builds a quantity, normalising so that equal meanings compare equal: a bound keeps only
    /// its bounding end, hints are dropped from dimensioned values and nouns from count-free ones.
    public init(interval: Interval, dimension: Dimension = .dimensionless,
                qualifier: Qualifier = .exact, hint: DisplayHint = .none, noun: String? = nil) {
        switch qualifier {
        case .atLeast: self.interval = Interval(interval.low)
        case .atMost: self.interval = Interval(interval.high)
        case .exact, .approximate, .faceValue: self.interval = interval
        }
        self.dimension = dimension
        self.qualifier = qualifier
        self.hint = dimension.isDimensionless ? hint : .none
        self.noun = dimension.count == 0 ? nil : noun
    }

    /// A quantity `low…high` in base units of `dimension`.
    public init(low: Double, high: Double, dimension: Dimension = .dimensionless,
                qualifier: Qualifier = .exact, hint: DisplayHint = .none, noun: String? = nil) {
        self.init(interval: Interval(low: low, high: high), dimension: dimension,
                  qualifier: qualifier, hint: hint, noun: noun)
    }

    /// The largest number a data file may write, after its magnitude suffix and before its
    /// unit: 10¹⁵ (`$1000T`, `1,000,000,000,000,000 GPUs`). Larger numbers are typos or
    /// hostile (`$9300000T`); below it every whole number is exact in a `Double` (2⁵³ ≈ 9×10¹⁵),
    /// and sums and products of such values stay finite.
    public static let largestWritten = 1e15

    /// A number a data file holds as a YAML int or float, checked against `largestWritten`:
    /// `.nan`, `.inf` and `1e20` are errors, not values.
    public static func checkedNumber(_ value: Double) throws(QuantityParseError) -> Quantity {
        guard value.isFinite else {
            throw QuantityParseError(message: "'\(value)' is not a number a figure can hold", offset: 0, utf8Offset: 0)
        }
        guard abs(value) <= largestWritten else {
            throw QuantityParseError(message: "number too large: more than 10^15 (a thousand trillion)", offset: 0, utf8Offset: 0)
        }
        return Quantity(value)
    }

    /// Both ends are finite numbers: false after an overflow (`1e300 × 1e300`) or a division
    /// by a number near zero, which callers report instead of showing.
    public var isFinite: Bool { interval.low.isFinite && interval.high.isFinite }

    /// A plain exact number, as a YAML `Int`/`Double` gives it: dimensionless, no hint, so it
    /// formats as `350,000` or `700 million` and multiplies into any dimension.
    public init(_ value: Double) {
        self.init(interval: Interval(value))
    }

    /// Parses text such as `~$40B`, `$30k–40k`, `≥ 10 GW`, `27%`, `1.5 kW per GPU`.
    public init(parsing text: String) throws(QuantityParseError) {
        self = try QuantityParser.parse(text)
    }

    /// Parses text such as `~$40B`, `$30k–40k`, `≥ 10 GW`, `27%`, `1.5 kW per GPU`.
    public static func parse(_ text: String) throws(QuantityParseError) -> Quantity {
        try QuantityParser.parse(text)
    }

    public var low: Double { interval.low }
    public var high: Double { interval.high }

    /// Same value and dimension with another qualifier.
    public func with(qualifier: Qualifier) -> Quantity {
        Quantity(interval: interval, dimension: dimension, qualifier: qualifier, hint: hint, noun: noun)
    }

    /// Same quantity with another display hint (meaningful for dimensionless values only).
    public func with(hint: DisplayHint) -> Quantity {
        Quantity(interval: interval, dimension: dimension, qualifier: qualifier, hint: hint, noun: noun)
    }

    /// The values for CSV/JSON: base-unit ends, machine unit symbol, qualifier code.
    public var machineReadable: MachineQuantity {
        MachineQuantity(low: low, high: high, unit: dimension.symbol, qualifier: qualifier.code)
    }
}

/// How to word a dimensionless value: plain number, percentage, or multiple.
public enum DisplayHint: Sendable, Hashable {
    /// A plain number: `350,000`, `700 million`.
    case none
    /// Written with `%`: 0.27 shows as `27%`.
    case percent
    /// A ratio of like quantities: `5×` when at least 1, otherwise a percentage (`2%`),
    /// because "a multiple" reads well above one and "a share" below it.
    case ratio
}

/// A quantity flattened for CSV/JSON output.
///
/// `unit` is `Dimension.symbol` (`USD`, `W`, `USD/W`, `W/unit`, empty for dimensionless;
/// percentages are fractions, 27% is 0.27). `qualifier` is `Qualifier.code`.
public struct MachineQuantity: Sendable, Hashable, Codable {
    public let low: Double
    public let high: Double
    public let unit: String
    public let qualifier: String

    public init(low: Double, high: Double, unit: String, qualifier: String) {
        self.low = low
        self.high = high
        self.unit = unit
        self.qualifier = qualifier
    }
}

extension Quantity: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// Lets formulas read naturally: `try capex / (1 + growth)`.
    public init(integerLiteral value: Int) { self.init(Double(value)) }
    public init(floatLiteral value: Double) { self.init(value) }
}

extension Quantity: CustomStringConvertible {
    /// English default formatting, so quantities read well in logs and test failures.
    public var description: String { formatted(.en) }
}
