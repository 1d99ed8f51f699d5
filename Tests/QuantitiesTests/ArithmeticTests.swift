import Testing
@testable import Quantities

private func q(_ text: String) -> Quantity {
    do { return try Quantity.parse(text) } catch { fatalError("bad fixture '\(text)': \(error)") }
}

private func isClose(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * max(abs(a), abs(b))
}

// MARK: Intervals

@Test func intervalArithmetic() throws {
    let a = Interval(low: 1, high: 2)
    let b = Interval(low: -3, high: 4)
    #expect(a + b == Interval(low: -2, high: 6))
    #expect(a - Interval(low: 3, high: 5) == Interval(low: -4, high: -1))
    #expect(a * b == Interval(low: -6, high: 8))
    #expect(Interval(low: -2, high: -1) * Interval(low: -3, high: 4) == Interval(low: -8, high: 6))
    #expect(try Interval(low: 2, high: 4).divided(by: Interval(low: 1, high: 2)) == Interval(low: 1, high: 4))
    #expect(try Interval(low: -2, high: 4).divided(by: Interval(low: -2, high: -1)) == Interval(low: -4, high: 2))
}

@Test func divisionByIntervalTouchingZeroThrows() {
    #expect(throws: QuantityError.self) { try Interval(5).divided(by: Interval(low: 0, high: 1)) }
    #expect(throws: QuantityError.self) { try Interval(5).divided(by: Interval(low: -1, high: 0)) }
    #expect(throws: QuantityError.self) { try Interval(5).divided(by: Interval(low: -1, high: 1)) }
}

// MARK: Worked examples from the brief

@Test func unitsTimesUnitPrice() {
    let spend = Quantity(350_000) * q("$30k–40k")
    #expect(spend.interval == Interval(low: 10.5e9, high: 14e9))
    #expect(spend.dimension == .money)
    #expect(spend.formatted(.en) == "$10.5–14 billion")
}

@Test func unitsTimesPricePerUnitIsMoney() {
    let spend = q("350000 units") * q("$30k–40k per unit")
    #expect(spend.dimension == .money)
    #expect(spend.noun == nil)
    #expect(spend.formatted(.en) == "$10.5–14 billion")
}

@Test func powerPerUnit() throws {
    let perUnit = try q("150 MW") / q("100000 units")
    #expect(perUnit.interval == Interval(1_500))
    #expect(perUnit.dimension == Dimension(power: 1, count: -1))
    #expect(perUnit.formatted(.en) == "1.5 kW per unit")
}

@Test func unitsAPowerBudgetSupports() throws {
    let perUnit = try q("150 MW") / q("100000 units")
    let units = try q("10 GW") / perUnit
    #expect(units.dimension == .count)
    #expect(isClose(units.low, 6_666_666.666_666_7))
    #expect(units.formatted(.en) == "6.67 million units")
    #expect(try (q("10 GW") / q("1.5 kW")).formatted(.en) == "6,670,000×")
}

@Test func moneyPerGigawatt() throws {
    let cost = try q("$100B") / q("10 GW")
    #expect(cost.interval == Interval(10))
    #expect(cost.dimension == Dimension(money: 1, power: -1))
    #expect(cost.formatted(.en) == "$10 billion per GW")
}

@Test func moneyPerYear() throws {
    let rate = try q("$38B") / q("7 years")
    #expect(isClose(rate.low, 38e9 / 7))
    #expect(rate.dimension == Dimension(money: 1, time: -1))
    #expect(rate.formatted(.en) == "$5.43 billion per year")
}

@Test func shareOfMoney() {
    let part = q("27%") * q("$500B")
    #expect(isClose(part.low, 135e9))
    #expect(part.dimension == .money)
    #expect(part.formatted(.en) == "$135 billion")
}

@Test func ratioOfMoneyIsAShare() throws {
    let share = try q("$10B") / q("$500B")
    #expect(share.interval == Interval(0.02))
    #expect(share.dimension == .dimensionless)
    #expect(share.hint == .ratio)
    #expect(share.formatted(.en) == "2%")
}

@Test func ratioOfPowerIsAMultiple() throws {
    let ratio = try q("150 MW") / q("30 MW")
    #expect(ratio.interval == Interval(5))
    #expect(ratio.formatted(.en) == "5×")
}

@Test func moneyPerUser() throws {
    let perUser = try q("$40B") / q("500M users")
    #expect(perUser.interval == Interval(80))
    #expect(perUser.dimension == Dimension(money: 1, count: -1))
    #expect(perUser.noun == "user")
    #expect(perUser.formatted(.en) == "$80 per user")
}

@Test func growthExampleBecomesAnUpperBound() throws {
    let before = try q("~$40B") / (1 + q("> 42%"))
    // Under a value that is itself only about $28.169B (the ~$40B): "< ~", rounded up.
    #expect(before.qualifier == .atMost(strict: true, approximate: true))
    #expect(isClose(before.high, 40e9 / 1.42))
    #expect(before.dimension == .money)
    #expect(before.formatted(.en) == "<\u{00A0}~$28.2 billion")
    #expect(before.formatted(.es) == "menos\u{00A0}de\u{00A0}unos\u{00A0}28.200 millones de dólares")
}

// MARK: Qualifier propagation

struct PropagationCase: Sendable, CustomTestStringConvertible {
    let expression: String
    let result: @Sendable () throws -> Quantity
    let expected: Qualifier
    var testDescription: String { expression }
}

let propagationCases: [PropagationCase] = [
    .init(expression: "exact × exact", result: { q("2") * q("3") }, expected: .exact),
    .init(expression: "~ × exact", result: { q("~2") * q("3") }, expected: .approximate),
    .init(expression: "~ + ~", result: { try q("~2") + q("~3") }, expected: .approximate),
    .init(expression: "> + >", result: { try q("> 2") + q("> 3") }, expected: .atLeast(strict: true)),
    .init(expression: "≥ + ≥", result: { try q("≥ 2") + q("≥ 3") }, expected: .atLeast(strict: false)),
    .init(expression: "≥ + >", result: { try q("≥ 2") + q("> 3") }, expected: .atLeast(strict: true)),
    .init(expression: "> − >", result: { try q("> 5") - q("> 3") }, expected: .faceValue),
    .init(expression: "> − <", result: { try q("> 5") - q("< 3") }, expected: .atLeast(strict: true)),
    .init(expression: "> + <", result: { try q("> 5") + q("< 3") }, expected: .faceValue),
    .init(expression: "exact − ≥", result: { try q("5") - q("≥ 3") }, expected: .atMost(strict: false)),
    .init(expression: "> × positive exact", result: { q("> 5") * q("3") }, expected: .atLeast(strict: true)),
    .init(expression: "> × negative exact", result: { q("> 5") * q("-3") }, expected: .atMost(strict: true)),
    .init(expression: "> × range spanning zero", result: { q("> 5") * q("-1–1") }, expected: .faceValue),
    .init(expression: "up to × positive", result: { q("up to $100B") * q("2") }, expected: .atMost(strict: false)),
    .init(expression: "> ÷ positive exact", result: { try q("> 5") / q("2") }, expected: .atLeast(strict: true)),
    .init(expression: "exact ÷ >", result: { try q("40") / q("> 2") }, expected: .atMost(strict: true)),
    .init(expression: "exact ÷ <", result: { try q("40") / q("< 2") }, expected: .atLeast(strict: true)),
    .init(expression: "~ ÷ >", result: { try q("~40") / q("> 2") }, expected: .atMost(strict: true, approximate: true)),
    .init(expression: "> ÷ <", result: { try q("> 40") / q("< 2") }, expected: .atLeast(strict: true)),
    .init(expression: "> ÷ >", result: { try q("> 40") / q("> 2") }, expected: .faceValue),
    .init(expression: "> × <", result: { q("> 40") * q("< 2") }, expected: .faceValue),
]

@Test(arguments: propagationCases)
func propagatesQualifiers(_ c: PropagationCase) throws {
    #expect(try c.result().qualifier == c.expected)
}

@Test func boundResultsKeepTheirBoundingEnd() throws {
    let lower = q("> 10") * q("2–3")
    #expect(lower.qualifier == .atLeast(strict: true))
    #expect(lower.interval == Interval(20))
    let upper = try q("30–60") / q("> 3")
    #expect(upper.qualifier == .atMost(strict: true))
    #expect(upper.interval == Interval(20))
}

// MARK: Dimensions

@Test func dimensionMismatchMessages() {
    #expect(throws: QuantityError(kind: .dimensionMismatch, message: "cannot add money ($) and power (W)")) {
        try q("$1B") + q("150 MW")
    }
    #expect(throws: QuantityError(kind: .dimensionMismatch,
                                  message: "cannot subtract money ($) from power (W)")) {
        try q("150 MW") - q("$1B")
    }
    #expect(throws: QuantityError(kind: .dimensionMismatch,
                                  message: "cannot compare money ($) and energy (Wh)")) {
        try q("$1B").compare(to: q("5 MWh"))
    }
    #expect(throws: QuantityError(kind: .dimensionMismatch,
                                  message: "cannot add money per power ($/W) and money ($)")) {
        try q("$10B/GW") + q("$5B")
    }
    #expect(throws: QuantityError(kind: .dimensionMismatch,
                                  message: "cannot add count and dimensionless")) {
        try q("5 users") + q("5")
    }
    #expect(throws: QuantityError(kind: .dimensionMismatch,
                                  message: "cannot subtract dimensionless from time (years)")) {
        try q("7 years") - q("1")
    }
}

@Test func divisionByZeroMessages() {
    #expect(throws: QuantityError(kind: .divisionByZero, message: "cannot divide by zero")) {
        try q("$1B") / q("0 GW")
    }
    #expect(throws: QuantityError(kind: .divisionByZero,
                                  message: "cannot divide by a range that includes zero (-1 to 1)")) {
        try q("$1B") / q("-1–1")
    }
    #expect(throws: QuantityError(kind: .divisionByZero,
                                  message: "cannot divide by a range that includes zero (0 to 0.05)")) {
        try q("$1B") / q("0–5%")
    }
}

@Test func dimensionsCompose() {
    #expect(Dimension.power / .count == Dimension(power: 1, count: -1))
    #expect(Dimension.count * (Dimension.money / .count) == .money)
    #expect((Dimension.money / .power).description == "money per power ($/W)")
    #expect((Dimension.power / .count).description == "power per count (W/unit)")
    #expect((Dimension.money / .time).description == "money per time ($/year)")
    #expect((Dimension.power * .power).description == "power^2 (W^2)")
    #expect(Dimension.time.inverse.description == "1 per time (1/year)")
    #expect((Dimension.money / .power).symbol == "USD/W")
    #expect((Dimension.power / .count).symbol == "W/unit")
    #expect((Dimension.money * .time).symbol == "USD*yr")
    #expect((Dimension.money / (Dimension.power * .time)).symbol == "USD/(W*yr)")
    #expect(Dimension.time.inverse.symbol == "1/yr")
    #expect(Dimension.dimensionless.symbol == "")
}

@Test func percentHintsFollowTheArithmetic() throws {
    #expect((q("27%") * 2).hint == .percent)
    #expect((q("27%") * 2).formatted(.en) == "54%")
    #expect(try (1 + q("42%")).formatted(.en) == "142%")
    #expect(try (q("50%") / q("25%")).formatted(.en) == "2×")
    #expect((q("5x") * 2).formatted(.en) == "10×")
}

// MARK: Comparison

@Test func comparisonRespectsIntervalsAndBounds() throws {
    #expect(try q("> $500B").compare(to: q("$100B")) == .greater)
    #expect(try q("> $500B").compare(to: q("$600B")) == .unknown)
    #expect(try q("$100B").compare(to: q("> $500B")) == .less)
    #expect(try q("$1B").compare(to: q("$1,000M")) == .equal)
    #expect(try q("$30k–40k").compare(to: q("$50k")) == .less)
    #expect(try q("$30k–40k").compare(to: q("$35k")) == .unknown)
    #expect(try q("< 5%").compare(to: q("5%")) == .less)
    #expect(try q("up to 5%").compare(to: q("5%")) == .unknown)
    #expect(try q("≥ 5%").compare(to: q("5%")) == .unknown)
    #expect(try q("> 5%").compare(to: q("5%")) == .greater)
}
