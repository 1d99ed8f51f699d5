import Foundation

/// A magnitude word: `million` / `millones` / `M`. Spanish counts in millions up to a
/// billón (10¹²), so it has no word for 10⁹ (never "billón", never "mil millones" mixed with
/// digits) and none for thousands. Its compact form is `M` at every size: `14.000 M$`,
/// `1.200.000 M$`; no `B`, which an English reader takes for 10⁹ and a Spanish one for 10¹².
struct ScaleWord: Sendable {
    let factor: Double
    let english: String?
    let spanishSingular: String?
    let spanishPlural: String?
    let englishCompact: String
    let spanishCompact: String?

    static let large: [ScaleWord] = [
        ScaleWord(factor: 1e12, english: "trillion", spanishSingular: "billón", spanishPlural: "billones",
                  englishCompact: "T", spanishCompact: nil),
        ScaleWord(factor: 1e9, english: "billion", spanishSingular: nil, spanishPlural: nil,
                  englishCompact: "B", spanishCompact: nil),
        ScaleWord(factor: 1e6, english: "million", spanishSingular: "millón", spanishPlural: "millones",
                  englishCompact: "M", spanishCompact: "M"),
        ScaleWord(factor: 1e3, english: nil, spanishSingular: nil, spanishPlural: nil,
                  englishCompact: "k", spanishCompact: nil),
    ]

    /// SI prefixes for watts and watt-hours.
    static let metric: [(prefix: String, factor: Double)] = [
        ("T", 1e12), ("G", 1e9), ("M", 1e6), ("k", 1e3), ("", 1),
    ]

    /// The word for the larger end of a range, so both ends share it (`$10.5–14 billion`).
    /// Picked after rounding, so 999.96 million reads `1 billion`, not `1,000 million`.
    static func choose(largest: Double, significant: Int, locale: QuantityLocale,
                       compact: Bool, rounding: Rounding = .nearest) -> ScaleWord? {
        let rounded = NumberText.rounded(largest, significant: significant, rounding: rounding)
        return large.first { scale in
            let available = switch (locale, compact) {
            case (.en, false): scale.english != nil
            case (.en, true): true
            case (.es, false): scale.spanishPlural != nil
            case (.es, true): scale.spanishCompact != nil
            }
            return available && rounded >= scale.factor
        }
    }

    static func metricPrefix(largest: Double, significant: Int,
                             rounding: Rounding = .nearest) -> (prefix: String, factor: Double) {
        let rounded = NumberText.rounded(largest, significant: significant, rounding: rounding)
        return metric.first { rounded >= $0.factor } ?? ("", 1)
    }
}

/// Which way a number may be rounded to its shown digits.
///
/// The rule (issue 10, "a bound is never rounded past what it bounds"): a lower bound rounds
/// down, an upper bound rounds up, the ends of a range round outward (low down, high up), and
/// a single exact or approximate value rounds to the nearest. Down and up are towards −∞ and
/// +∞, so "≥ −66.67" shows as "≥ −66.7" and never as the stronger "≥ −66.6".
public enum Rounding: Sendable, Hashable {
    case nearest
    /// Towards −∞: never above the true number.
    case down
    /// Towards +∞: never below the true number.
    case up

    /// The rounding of each end of a quantity's interval, by the rule above.
    public static func ends(of qualifier: Qualifier, isRange: Bool) -> (low: Rounding, high: Rounding) {
        switch qualifier {
        case .atLeast: (.down, .down)
        case .atMost: (.up, .up)
        case .exact, .approximate, .faceValue: isRange ? (.down, .up) : (.nearest, .nearest)
        }
    }

    /// The rounding of the magnitude `|value|`, which is what the digit code rounds.
    fileprivate func ofMagnitude(negative: Bool) -> Rounding {
        switch (self, negative) {
        case (.nearest, _): .nearest
        case (.down, false), (.up, true): .down
        case (.up, false), (.down, true): .up
        }
    }
}

/// Digit formatting done by hand rather than with NumberFormatter, so output is the same on
/// every platform and ICU version (no U+00A0 or U+202F inside a number).
///
/// Grouping (docs/spanish-numbers.md): English groups every integer part of four digits or
/// more (`1,500`); Spanish groups only from five digits (`1500`, `10.500`), as the RAE's
/// *Ortografía* (2010) says of four-digit numbers and as CLDR's `es` data does
/// (minimumGroupingDigits 2; Foundation's `es_ES` writes `1234`).
enum NumberText {
    /// Rounds to `significant` digits, integer digits included (350,123 → 350,000 at 3), so
    /// a number reads the same whatever scale word it ends up under: `$5.43 billion` and
    /// `5.430 millones de dólares`. Digits are built from an integer, so no `0.1 + 0.2` noise.
    ///
    /// `rounding` other than `.nearest` first forgives binary noise of a few parts in 10¹⁰
    /// (0.29 × 100 is 28.999999999999996, which must still read `29`, not `28.9`).
    static func parts(_ value: Double, significant: Int,
                      rounding: Rounding = .nearest) -> (negative: Bool, integer: String, fraction: String) {
        let magnitude = abs(value)
        guard magnitude.isFinite else { return (value < 0, "∞", "") }
        guard magnitude > 0 else { return (false, "0", "") }
        let exponent = Int(log10(magnitude).rounded(.down))
        let fractionDigits = min(15, max(1, significant) - 1 - exponent)
        let unrounded = fractionDigits >= 0
            ? magnitude * pow(10, Double(fractionDigits))
            : magnitude / pow(10, Double(-fractionDigits))
        let nearest = unrounded.rounded()
        let scaled: Double
        switch rounding.ofMagnitude(negative: value < 0) {
        case .nearest: scaled = nearest
        case _ where abs(unrounded - nearest) <= 1e-9 * max(1, unrounded): scaled = nearest
        case .down: scaled = unrounded.rounded(.down)
        case .up: scaled = unrounded.rounded(.up)
        }
        var digits = scaled < 9e18 ? String(Int64(scaled)) : String(format: "%.0f", scaled)
        if fractionDigits < 0 {
            return (value < 0, digits + String(repeating: "0", count: -fractionDigits), "")
        }
        if digits.count <= fractionDigits {
            digits = String(repeating: "0", count: fractionDigits + 1 - digits.count) + digits
        }
        let integer = String(digits.dropLast(fractionDigits))
        var fraction = String(digits.suffix(fractionDigits))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let isZero = integer.allSatisfy { $0 == "0" } && fraction.isEmpty
        return (value < 0 && !isZero, integer, fraction)
    }

    static func rounded(_ value: Double, significant: Int, rounding: Rounding = .nearest) -> Double {
        let p = parts(value, significant: significant, rounding: rounding)
        let magnitude = Double(p.integer + (p.fraction.isEmpty ? "" : "." + p.fraction)) ?? abs(value)
        return p.negative ? -magnitude : magnitude
    }

    /// `-1234.5` → `−1,234.5` (en) or `−1234,5` (es), `-12345.5` → `−12.345,5` (es); a
    /// typographic minus sign.
    static func format(_ value: Double, significant: Int, locale: QuantityLocale,
                       rounding: Rounding = .nearest) -> String {
        let p = parts(value, significant: significant, rounding: rounding)
        let (group, decimal) = locale == .en ? (",", ".") : (".", ",")
        let groupsFrom = locale == .en ? 4 : 5
        var integer = ""
        for (i, digit) in p.integer.enumerated() {
            if i > 0, (p.integer.count - i) % 3 == 0, p.integer.count >= groupsFrom { integer += group }
            integer.append(digit)
        }
        return (p.negative ? "−" : "") + integer + (p.fraction.isEmpty ? "" : decimal + p.fraction)
    }
}
