/// The physical kind of a quantity, as integer exponents of five base dimensions.
///
/// Exponents (rather than an enum of kinds) let arithmetic compose freely:
/// power ÷ count is `power: 1, count: -1`, money ÷ time is `money: 1, time: -1`.
///
/// Base units, which every `Quantity` stores its values in:
/// - money: US dollars (`USD`)
/// - power: watts (`W`)
/// - energy: watt-hours (`Wh`). Energy is its own base rather than power × time,
///   because time is stored in years and W·year is not a unit anyone writes.
/// - count: items (`unit`); the noun ("users", "GPUs") travels on the quantity.
/// - time: years (`yr`); a month is 1/12 year.
public struct Dimension: Sendable, Hashable, CustomStringConvertible {
    public var money: Int
    public var power: Int
    public var energy: Int
    public var count: Int
    public var time: Int

    public init(money: Int = 0, power: Int = 0, energy: Int = 0, count: Int = 0, time: Int = 0) {
        self.money = money
        self.power = power
        self.energy = energy
        self.count = count
        self.time = time
    }

    public static let dimensionless = Dimension()
    public static let money = Dimension(money: 1)
    public static let power = Dimension(power: 1)
    public static let energy = Dimension(energy: 1)
    public static let count = Dimension(count: 1)
    public static let time = Dimension(time: 1)

    /// True for plain numbers, ratios and percentages.
    public var isDimensionless: Bool { self == .dimensionless }

    public static func * (lhs: Dimension, rhs: Dimension) -> Dimension {
        Dimension(money: lhs.money + rhs.money, power: lhs.power + rhs.power,
                  energy: lhs.energy + rhs.energy, count: lhs.count + rhs.count,
                  time: lhs.time + rhs.time)
    }

    public static func / (lhs: Dimension, rhs: Dimension) -> Dimension {
        lhs * rhs.inverse
    }

    /// The reciprocal dimension (all exponents negated).
    public var inverse: Dimension {
        Dimension(money: -money, power: -power, energy: -energy, count: -count, time: -time)
    }

    /// Machine-readable unit of the base units, for CSV/JSON: `USD`, `W`, `USD/W`,
    /// `W/unit`, `USD/yr`, `USD*yr`, `W^2`; the empty string when dimensionless.
    public var symbol: String {
        let parts = exponents
        let numerator = parts.filter { $0.exponent > 0 }
            .map { Self.power(of: $0.base.machine, $0.exponent) }
        let denominator = parts.filter { $0.exponent < 0 }
            .map { Self.power(of: $0.base.machine, -$0.exponent) }
        if numerator.isEmpty && denominator.isEmpty { return "" }
        let top = numerator.isEmpty ? "1" : numerator.joined(separator: "*")
        if denominator.isEmpty { return top }
        let bottom = denominator.joined(separator: "*")
        return top + "/" + (denominator.count > 1 ? "(\(bottom))" : bottom)
    }

    /// Human-readable name used in error messages, e.g. `money ($)`, `power (W)`,
    /// `money per power ($/W)`, `dimensionless`.
    public var description: String {
        let parts = exponents
        if parts.isEmpty { return "dimensionless" }
        if parts.count == 1, parts[0].exponent == 1 {
            let base = parts[0].base
            return base.readableSymbol.isEmpty ? base.name : "\(base.name) (\(base.readableSymbol))"
        }
        func side(_ sign: Int) -> (names: String, symbols: String) {
            let chosen = parts.filter { $0.exponent * sign > 0 }
            let names = chosen.map { Self.power(of: $0.base.name, abs($0.exponent)) }
            let symbols = chosen.map { Self.power(of: $0.base.unitSymbol, abs($0.exponent)) }
            return (names.joined(separator: " × "), symbols.joined(separator: "·"))
        }
        let top = side(1), bottom = side(-1)
        if bottom.names.isEmpty { return "\(top.names) (\(top.symbols))" }
        let topNames = top.names.isEmpty ? "1" : top.names
        let topSymbols = top.symbols.isEmpty ? "1" : top.symbols
        return "\(topNames) per \(bottom.names) (\(topSymbols)/\(bottom.symbols))"
    }

    /// The non-zero exponents in a fixed order, so text built from them is deterministic.
    var exponents: [(base: BaseDimension, exponent: Int)] {
        let all: [(BaseDimension, Int)] = [
            (.money, money), (.power, power), (.energy, energy), (.count, count), (.time, time),
        ]
        return all.filter { $0.1 != 0 }.map { (base: $0.0, exponent: $0.1) }
    }

    /// The "X per Y" shape the formatter knows how to word: at most one base with exponent 1
    /// over at most one base with exponent -1; nil for anything more tangled.
    var simpleFraction: (numerator: BaseDimension?, denominator: BaseDimension?)? {
        let parts = exponents
        let positive = parts.filter { $0.exponent > 0 }
        let negative = parts.filter { $0.exponent < 0 }
        guard positive.count <= 1, negative.count <= 1 else { return nil }
        if let p = positive.first, p.exponent != 1 { return nil }
        if let n = negative.first, n.exponent != -1 { return nil }
        return (positive.first?.base, negative.first?.base)
    }

    private static func power(of symbol: String, _ exponent: Int) -> String {
        exponent == 1 ? symbol : "\(symbol)^\(exponent)"
    }
}

/// One of the five base dimensions; internal because callers work with `Dimension`.
enum BaseDimension: Sendable, Hashable, CaseIterable {
    case money, power, energy, count, time

    var name: String {
        switch self {
        case .money: "money"
        case .power: "power"
        case .energy: "energy"
        case .count: "count"
        case .time: "time"
        }
    }

    /// Symbol inside compound descriptions such as `$/W`.
    var unitSymbol: String {
        switch self {
        case .money: "$"
        case .power: "W"
        case .energy: "Wh"
        case .count: "unit"
        case .time: "year"
        }
    }

    /// Symbol after a lone dimension name; counts need none ("count" says it all).
    var readableSymbol: String {
        switch self {
        case .count: ""
        case .time: "years"
        default: unitSymbol
        }
    }

    var machine: String {
        switch self {
        case .money: "USD"
        case .power: "W"
        case .energy: "Wh"
        case .count: "unit"
        case .time: "yr"
        }
    }

    var dimension: Dimension {
        switch self {
        case .money: .money
        case .power: .power
        case .energy: .energy
        case .count: .count
        case .time: .time
        }
    }
}
