import Testing
@testable import Quantities

/// One well-formed input and what it must parse to (values in base units).
struct ParseCase: Sendable, CustomTestStringConvertible {
    let text: String
    let low: Double
    let high: Double
    let dimension: Dimension
    var qualifier: Qualifier = .exact
    var hint: DisplayHint = .none
    var noun: String? = nil

    var testDescription: String { text }
}

private let money = Dimension.money
private let power = Dimension.power
private let energy = Dimension.energy
private let count = Dimension.count
private let time = Dimension.time
private let none = Dimension.dimensionless

private func point(_ text: String, _ value: Double, _ dimension: Dimension,
                   _ qualifier: Qualifier = .exact, hint: DisplayHint = .none, noun: String? = nil) -> ParseCase {
    ParseCase(text: text, low: value, high: value, dimension: dimension, qualifier: qualifier, hint: hint, noun: noun)
}

private func range(_ text: String, _ low: Double, _ high: Double, _ dimension: Dimension,
                   _ qualifier: Qualifier = .exact, hint: DisplayHint = .none, noun: String? = nil) -> ParseCase {
    ParseCase(text: text, low: low, high: high, dimension: dimension, qualifier: qualifier, hint: hint, noun: noun)
}

let parseCases: [ParseCase] = [
    // Plain numbers are dimensionless.
    point("350000", 350_000, none),
    point("350,000", 350_000, none),
    point("1,000,000.5", 1_000_000.5, none),
    point("1.5", 1.5, none),
    point("  42  ", 42, none),
    // Magnitude suffixes.
    point("700M", 700e6, none),
    point("30k", 30e3, none),
    point("2T", 2e12, none),
    point("10 bn", 10e9, none),
    point("2.5 million", 2.5e6, none),
    // Money.
    point("$10.5B", 10.5e9, money),
    point("$30k", 30e3, money),
    point("$30,000", 30e3, money),
    point("$1.2T", 1.2e12, money),
    point("$10.5 billion", 10.5e9, money),
    point("40000 USD", 40e3, money),
    point("$30 USD", 30, money),
    point("5 dollars", 5, money),
    // Power and energy.
    point("150 MW", 150e6, power),
    point("150MW", 150e6, power),
    point("1.5 kW", 1.5e3, power),
    point("10 GW", 10e9, power),
    point("500 W", 500, power),
    point("5 MWh", 5e6, energy),
    point("2 GWh", 2e9, energy),
    point("300 kWh", 300e3, energy),
    // Counts with nouns.
    point("350000 units", 350_000, count, noun: "unit"),
    point("1 unit", 1, count, noun: "unit"),
    point("72 GPUs", 72, count, noun: "GPU"),
    point("1 GPU", 1, count, noun: "GPU"),
    point("700M users", 700e6, count, noun: "user"),
    // Percent, ratio, time.
    point("27%", 0.27, none, hint: .percent),
    point("27 %", 0.27, none, hint: .percent),
    point("5 percent", 0.05, none, hint: .percent),
    point("5×", 5, none, hint: .ratio),
    point("5x", 5, none, hint: .ratio),
    point("7 years", 7, time),
    point("1 year", 1, time),
    point("18 months", 1.5, time),
    point("6 month", 0.5, time),
    // Signs.
    point("-5%", -0.05, none, hint: .percent),
    point("+42%", 0.42, none, hint: .percent),
    point("−$5B", -5e9, money),
    point("$-5B", -5e9, money),
    // Ranges.
    range("$30k–40k", 30e3, 40e3, money),
    range("$30k-40k", 30e3, 40e3, money),
    range("$30–40k", 30e3, 40e3, money),
    range("$30,000–$40,000", 30e3, 40e3, money),
    range("$500–$2k", 500, 2e3, money),
    // A reporter's `$3–$4B`: the low end takes the high end's suffix, as in `$3–4B` (issue 10).
    range("$3–$4B", 3e9, 4e9, money),
    range("$3-$4B", 3e9, 4e9, money),
    range("~$3–$4B", 3e9, 4e9, money, .approximate),
    range("$30–$40k", 30e3, 40e3, money),
    range("$1.5–$2T", 1.5e12, 2e12, money),
    range("$900–$1k", 900, 1e3, money),  // within a factor of 1,000 as written: $900 to $1,000
    range("3–4 GW", 3e9, 4e9, power),
    range("3–4GW", 3e9, 4e9, power),
    range("30000..40000 USD", 30e3, 40e3, money),
    range("10–20k", 10e3, 20e3, none),
    range("100–150 MW", 100e6, 150e6, power),
    range("500 MW–1 GW", 500e6, 1e9, power),
    range("10 to 20 GW", 10e9, 20e9, power),
    range("20–30%", 0.2, 0.3, none, hint: .percent),
    range("$10.5B – $14B", 10.5e9, 14e9, money),
    range("5—7 years", 5, 7, time),
    range("-10..-5", -10, -5, none),
    range("~$30–40k", 30e3, 40e3, money, .approximate),
    // Qualifiers.
    point("~$40B", 40e9, money, .approximate),
    point("≈ 5 GW", 5e9, power, .approximate),
    point("about 700M", 700e6, none, .approximate),
    point("around 5 years", 5, time, .approximate),
    point("roughly $1T", 1e12, money, .approximate),
    point("> $500B", 500e9, money, .atLeast(strict: true)),
    point("more than $1T", 1e12, money, .atLeast(strict: true)),
    point("over 100,000 GPUs", 100e3, count, .atLeast(strict: true), noun: "GPU"),
    point("> 42%", 0.42, none, .atLeast(strict: true), hint: .percent),
    point("≥ 10 GW", 10e9, power, .atLeast(strict: false)),
    point(">= 10 GW", 10e9, power, .atLeast(strict: false)),
    point("at least 1 GW", 1e9, power, .atLeast(strict: false)),
    point("At Least 1 GW", 1e9, power, .atLeast(strict: false)),
    point("< 3%", 0.03, none, .atMost(strict: true), hint: .percent),
    point("less than 10%", 0.1, none, .atMost(strict: true), hint: .percent),
    point("under $1B", 1e9, money, .atMost(strict: true)),
    point("≤ 5 GW", 5e9, power, .atMost(strict: false)),
    point("<= 5 GW", 5e9, power, .atMost(strict: false)),
    point("up to $100B", 100e9, money, .atMost(strict: false)),
    point("at most 3", 3, none, .atMost(strict: false)),
    // Compound units.
    point("1.5 kW per GPU", 1.5e3, Dimension(power: 1, count: -1), noun: "GPU"),
    point("$30k/unit", 30e3, Dimension(money: 1, count: -1), noun: "unit"),
    point("$10B/GW", 10, Dimension(money: 1, power: -1)),
    point("$5.4B per year", 5.4e9, Dimension(money: 1, time: -1)),
    point("$5.4B a year", 5.4e9, Dimension(money: 1, time: -1)),
    point("$5.4B/yr", 5.4e9, Dimension(money: 1, time: -1)),
    point("$1B per month", 12e9, Dimension(money: 1, time: -1)),
    point("$50 per MWh", 50e-6, Dimension(money: 1, energy: -1)),
    range("$30k–40k per GPU", 30e3, 40e3, Dimension(money: 1, count: -1), noun: "GPU"),
]

@Test(arguments: parseCases)
func parsesEveryForm(_ c: ParseCase) throws {
    let q = try Quantity.parse(c.text)
    #expect(q.low == c.low)
    #expect(q.high == c.high)
    #expect(q.dimension == c.dimension)
    #expect(q.qualifier == c.qualifier)
    #expect(q.hint == c.hint)
    #expect(q.noun == c.noun)
}

@Test func throwingInitialiserMatchesParse() throws {
    #expect(try Quantity(parsing: "$30k–40k") == Quantity.parse("$30k–40k"))
}

@Test func plainNumbersFromYAMLAreDimensionless() {
    let fromDouble = Quantity(350_000)
    #expect(fromDouble.interval == Interval(350_000))
    #expect(fromDouble.dimension == .dimensionless)
    #expect(fromDouble.qualifier == .exact)
    #expect(fromDouble == (try? Quantity.parse("350000")))
    let literal: Quantity = 1.5
    #expect(literal == Quantity(1.5))
}

@Test func boundsKeepOnlyTheirBoundingEnd() {
    let lower = Quantity(low: 1, high: 5, qualifier: .atLeast(strict: true))
    #expect(lower.interval == Interval(1))
    let upper = Quantity(low: 1, high: 5, qualifier: .atMost(strict: false))
    #expect(upper.interval == Interval(5))
}

@Test func normalisationDropsMeaninglessHintsAndNouns() {
    let q = Quantity(low: 1, high: 1, dimension: .money, hint: .percent, noun: "user")
    #expect(q.hint == .none)
    #expect(q.noun == nil)
}

@Test func intervalOrdersItsEnds() {
    let i = Interval(low: 5, high: 1)
    #expect(i.low == 1 && i.high == 5)
}
