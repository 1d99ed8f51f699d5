import Testing
import Foundation
@testable import Quantities

// Issue 10, "a bound is never rounded past what it bounds": qualifier × qualifier × operation,
// each worked by hand. The rule: a lower bound rounds down, an upper bound up, the ends of a
// range outward, a single exact or approximate value to the nearest; a bound computed from an
// approximate input keeps both marks ("≥ ~"). `_` below stands for U+00A0, the no-break space
// that keeps a qualifier on the line of its number.

private func q(_ text: String) -> Quantity {
    do { return try Quantity.parse(text) } catch { fatalError("bad fixture '\(text)': \(error)") }
}

struct BoundCase: Sendable, CustomTestStringConvertible {
    let expression: String
    let result: @Sendable () throws -> Quantity
    let qualifier: Qualifier
    let locale: QuantityLocale
    let options: FormatOptions
    /// Expected text, with `_` for the no-break space.
    let expected: String
    var testDescription: String { "\(expression) → \(expected)" }

    init(_ expression: String, _ result: @escaping @Sendable () throws -> Quantity, _ qualifier: Qualifier,
         _ expected: String, _ options: FormatOptions = FormatOptions(), _ locale: QuantityLocale = .en) {
        self.expression = expression
        self.result = result
        self.qualifier = qualifier
        self.locale = locale
        self.options = options
        self.expected = expected
    }
}

private let ge = Qualifier.atLeast(strict: false), gt = Qualifier.atLeast(strict: true)
private let le = Qualifier.atMost(strict: false), lt = Qualifier.atMost(strict: true)
private let geApprox = Qualifier.atLeast(strict: false, approximate: true)
private let leApprox = Qualifier.atMost(strict: false, approximate: true)
private let two = FormatOptions(precision: 2)
private let percent = FormatOptions(notation: .percent)

let boundCases: [BoundCase] = [
    // ≥ ÷ ~: 10e9 W / 150e6 W = 66.666…; ≥ with an approximate input → ≥ ~; down at 2 digits → 66.
    .init("≥ 10 GW ÷ ~150 MW", { try q("≥ 10 GW") / q("~150 MW") }, geApprox, "≥_~66×", two),
    // the same at 3 digits: 66.666… down → 66.6 (nearest would say 66.7).
    .init("≥ 10 GW ÷ ~150 MW, 3 digits", { try q("≥ 10 GW") / q("~150 MW") }, geApprox, "≥_~66.6×"),
    // the same, compact: symbols, same rounding.
    .init("≥ 10 GW ÷ ~150 MW, compact", { try q("≥ 10 GW") / q("~150 MW") }, geApprox, "≥_~66×",
          FormatOptions(compact: true, precision: 2)),
    // Spanish words: "al menos unas … veces" (vez is feminine); 66.6 with a decimal comma.
    .init("≥ 10 GW ÷ ~150 MW, es", { try q("≥ 10 GW") / q("~150 MW") }, geApprox, "al_menos_unas_66,6 veces",
          FormatOptions(), .es),
    // ≥ ÷ exact: 10e9 / 1.5e3 = 6,666,666.67 GPUs; ≥ stays ≥; down at 2 digits → 6.6 million.
    .init("≥ 10 GW ÷ 1.5 kW per GPU", { try q("≥ 10 GW") / q("1.5 kW per GPU") }, ge, "≥_6.6 million GPUs", two),
    .init("≥ 10 GW ÷ 1.5 kW per GPU, compact", { try q("≥ 10 GW") / q("1.5 kW per GPU") }, ge, "≥_6.6M GPUs",
          FormatOptions(compact: true, precision: 2)),
    // ≥ ÷ exact as a percent: $2B / $3B = 0.666… → 66.666…% down → 66.6% (not 66.7%).
    .init("≥ $2B ÷ $3B, percent", { try q("≥ $2B") / q("$3B") }, ge, "≥_66.6%", percent),
    .init("≥ $2B ÷ $3B, percent, es", { try q("≥ $2B") / q("$3B") }, ge, "al_menos_66,6_%", percent, .es),
    // the ratio hint alone picks a percentage below 1×: same number.
    .init("≥ $2B ÷ $3B", { try q("≥ $2B") / q("$3B") }, ge, "≥_66.6%"),
    // < ÷ exact, percent: 1/3 = 33.333…% up → 33.4%.
    .init("< 1 ÷ 3, percent", { try q("< 1") / q("3") }, lt, "<_33.4%", percent),
    // up to ÷ exact: $100B / 3 = $33.333…B, an upper bound, up → $33.4B.
    .init("up to $100B ÷ 3", { try q("up to $100B") / q("3") }, le, "up_to_$33.4 billion"),
    .init("up to $100B ÷ 3, compact", { try q("up to $100B") / q("3") }, le, "up_to_$33.4B", FormatOptions(compact: true)),
    // ≤ ÷ ~: 10 / 3 = 3.333…, upper bound from an approximate input → "up to ~", up → 3.34.
    .init("≤ 10 ÷ ~3", { try q("≤ 10") / q("~3") }, leApprox, "up_to_~3.34"),
    // ≥ ÷ ≤: x ≥ 20, y ≤ 3 (positive) → x/y ≥ 20/3 = 6.666…; down → 6.66.
    .init("≥ 20 ÷ ≤ 3", { try q("≥ 20") / q("≤ 3") }, ge, "≥_6.66"),
    // > ÷ exact: > 6.666… → strict stays strict; down → 6.66.
    .init("> 20 ÷ 3", { try q("> 20") / q("3") }, gt, ">_6.66"),
    // exact ÷ ≥: the direction flips: 20 / (≥ 3) ≤ 20/3 = 6.666…; up → 6.67.
    .init("20 ÷ ≥ 3", { try q("20") / q("≥ 3") }, le, "up_to_6.67"),
    // exact ÷ >: 20 / (> 3) < 6.666…; up → 6.67.
    .init("20 ÷ > 3", { try q("20") / q("> 3") }, lt, "<_6.67"),
    // ≥ ÷ ≥: both bounds push opposite ways, no bound survives: 20/3 holds only at face value
    // (the true value may be far above or below it); a single value → nearest 6.67.
    .init("≥ 20 ÷ ≥ 3", { try q("≥ 20") / q("≥ 3") }, .faceValue, "6.67_at_face_value"),
    // ≥ × ~: 7 × 0.9525 = 6.6675 → ≥ ~, down → 6.66 (nearest would give 6.67).
    .init("≥ 7 × ~0.9525", { q("≥ 7") * q("~0.9525") }, geApprox, "≥_~6.66"),
    // > × ≥ (both positive): 2 × 3.3334 = 6.6668 → > (strict wins), down → 6.66.
    .init("> 2 × ≥ 3.3334", { q("> 2") * q("≥ 3.3334") }, gt, ">_6.66"),
    // ≥ + ≥: 3.3333 + 3.3334 = 6.6667 → ≥, down → 6.66.
    .init("≥ 3.3333 + ≥ 3.3334", { try q("≥ 3.3333") + q("≥ 3.3334") }, ge, "≥_6.66"),
    // ≥ − ≤: 10 − 3.3333 = 6.6667, lower bound (subtracting a smaller-or-equal) → down → 6.66.
    .init("≥ 10 − ≤ 3.3333", { try q("≥ 10") - q("≤ 3.3333") }, ge, "≥_6.66"),
    // ≥ − ≥: opposite pushes → at face value, nearest: 6.6667 → 6.67.
    .init("≥ 10 − ≥ 3.3333", { try q("≥ 10") - q("≥ 3.3333") }, .faceValue, "6.67_at_face_value"),
    // exact range ÷ exact: 20/3–30/3 = 6.666…–10, ends outward → 6.66–10.
    .init("20–30 ÷ 3", { try q("20–30") / q("3") }, .exact, "6.66–10"),
    // range × exact at 2 digits: $10.5–14B → outward: 10 (down), 14 → $10–14 billion.
    .init("350000 × $30k–40k, 2 digits", { q("350000") * q("$30k–40k") }, .exact, "$10–14 billion", two),
    // range ÷ exact, upper end rounds up: 10/3–20/3 = 3.333…–6.666… → 3.33–6.67.
    .init("10–20 ÷ 3", { try q("10–20") / q("3") }, .exact, "3.33–6.67"),
    // negative lower bound: ≥ −20/3 = ≥ −6.666…; down is towards −∞ → −6.67.
    .init("≥ −20 ÷ 3", { try q("≥ -20") / q("3") }, ge, "≥_−6.67"),
    // negative upper bound: < −6.666…; up is towards +∞ → −6.66.
    .init("< −20 ÷ 3", { try q("< -20") / q("3") }, lt, "<_−6.66"),
    // ≥ ÷ negative exact flips to an upper bound: ≥ 20 / −3 → ≤ −6.666…, up → −6.66.
    .init("≥ 20 ÷ −3", { try q("≥ 20") / q("-3") }, le, "up_to_−6.66"),
    // the scale word follows the rounded number: ≥ $999.96M down at 3 digits is $999M, not "$1 billion".
    .init("≥ $999.96M", { q("≥ $999.96M") }, ge, "≥_$999 million"),
    // an upper bound may climb to the next scale word: up to $999.6M up → $1,000M → $1 billion.
    .init("up to $999.6M", { q("up to $999.6M") }, le, "up_to_$1 billion"),
    // binary noise is forgiven: 0.29 × 100 = 28.999999999999996 must read 29, not 28.9.
    .init("≥ 29%", { q("≥ 29%") }, ge, "≥_29%"),
    // number notation keeps the rule: ≥ 20/3 → ≥ 6.66.
    .init("> 20 ÷ 3, number", { try q("> 20") / q("3") }, gt, ">_6.66", FormatOptions(notation: .number)),
    // an approximate single value rounds to the nearest: ~20/3 = ~6.666… → ~6.67.
    .init("~20 ÷ 3", { try q("~20") / q("3") }, .approximate, "~6.67"),
]

@Test(arguments: boundCases)
func boundsRoundTheSafeWay(_ c: BoundCase) throws {
    let result = try c.result()
    #expect(result.qualifier == c.qualifier)
    let expected = c.expected.replacingOccurrences(of: "_", with: "\u{00A0}")
    #expect(result.formatted(c.locale, c.options) == expected)
}

/// The notation reads back: a reporter (or a copy of our own output) may write an approximate bound.
@Test func approximateBoundsParse() throws {
    #expect(try Quantity.parse("≥ ~66×").qualifier == geApprox)
    #expect(try Quantity.parse("≥\u{00A0}~66×").low == 66)
    #expect(try Quantity.parse("at least about 10 GW").qualifier == geApprox)
    #expect(try Quantity.parse("up to ~$100B").qualifier == leApprox)
    #expect(try Quantity.parse("< ~$28.2B").qualifier == .atMost(strict: true, approximate: true))
    // Round trip: what the formatter writes, the parser reads as the same qualifier.
    let ratio = try q("≥ 10 GW") / q("~150 MW")
    #expect(try Quantity.parse(ratio.formatted(.en, FormatOptions(compact: true))).qualifier == ratio.qualifier)
}

/// The machine code of an approximate bound says both things.
@Test func approximateBoundCodes() throws {
    #expect(try (q("≥ 10 GW") / q("~150 MW")).qualifier.code == "ge_approx")
    #expect(try (q("~40") / q("> 2")).qualifier.code == "lt_approx")
    #expect(q("≥ 10 GW").qualifier.code == "ge")
}

/// Every format, read back, lies on the safe side of the true value: a lower bound at or
/// below it, an upper bound at or above it, a range's ends outside it. 600 values from a
/// fixed-seed generator (magnitudes 10⁻³…10¹², both signs) × 4 qualifiers × 6 formats.
@Test func everyFormatReadsBackOnTheSafeSide() throws {
    var seed: UInt64 = 0x2545F4914F6CDD1D
    func next() -> Double {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Double(seed >> 11) / Double(1 << 53)
    }
    let formats: [(String, FormatOptions)] = [
        ("default", FormatOptions()), ("precision 1", FormatOptions(precision: 1)),
        ("precision 2", FormatOptions(precision: 2)), ("compact", FormatOptions(compact: true)),
        ("number", FormatOptions(notation: .number)), ("percent", FormatOptions(notation: .percent)),
    ]
    for _ in 0..<600 {
        let magnitude = pow(10, -3 + 15 * next()) * (next() < 0.2 ? -1 : 1)
        let other = magnitude * (1 + next())
        let cases: [Quantity] = [
            Quantity(low: magnitude, high: magnitude, qualifier: .atLeast(strict: false)),
            Quantity(low: magnitude, high: magnitude, qualifier: .atMost(strict: true, approximate: true)),
            Quantity(low: min(magnitude, other), high: max(magnitude, other)),
            Quantity(low: magnitude, high: magnitude, dimension: .money, qualifier: .atLeast(strict: true)),
        ]
        for q in cases {
            for (name, options) in formats {
                let text = q.formatted(.en, options)
                let shown = try Quantity.parse(text)
                // The parser reads "66.6%" back as 0.666 and "$10.5 billion" as 10.5e9: base units.
                let low = shown.low, high = shown.high
                switch q.qualifier {
                case .atLeast: #expect(low <= q.low * (1 + 1e-12) + 1e-12 * abs(q.low), "\(name): \(q.low) shown as \(text)")
                case .atMost: #expect(high >= q.high * (1 - 1e-12) - 1e-12 * abs(q.high), "\(name): \(q.high) shown as \(text)")
                default:
                    #expect(low <= q.low + 1e-9 * abs(q.low), "\(name): \(q.low) shown as \(text)")
                    #expect(high >= q.high - 1e-9 * abs(q.high), "\(name): \(q.high) shown as \(text)")
                }
            }
        }
    }
}
