import Foundation

/// A magnitude word: `million` / `millones` / `M`. Spanish counts in millions up to a
/// billón (10¹²), so it has no word for 10⁹ and none for thousands.
struct ScaleWord: Sendable {
    let factor: Double
    let english: String?
    let spanishSingular: String?
    let spanishPlural: String?
    let englishCompact: String
    let spanishCompact: String?

    static let large: [ScaleWord] = [
        ScaleWord(factor: 1e12, english: "trillion", spanishSingular: "billón", spanishPlural: "billones",
                  englishCompact: "T", spanishCompact: "B"),
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
                       compact: Bool) -> ScaleWord? {
        let rounded = NumberText.rounded(largest, significant: significant)
        return large.first { scale in
            let available = switch (locale, compact) {
            case (.en, false): scale.english != nil
            case (.en, true): true
            case (.es, _): scale.spanishPlural != nil
            }
            return available && rounded >= scale.factor
        }
    }

    static func metricPrefix(largest: Double, significant: Int) -> (prefix: String, factor: Double) {
        let rounded = NumberText.rounded(largest, significant: significant)
        return metric.first { rounded >= $0.factor } ?? ("", 1)
    }
}

/// Digit formatting done by hand rather than with NumberFormatter, so output is the same on
/// every platform and ICU version (no U+00A0, and Spanish groups 4-digit numbers too).
enum NumberText {
    /// Rounds to `significant` digits, integer digits included (350,123 → 350,000 at 3), so
    /// a number reads the same whatever scale word it ends up under: `$5.43 billion` and
    /// `5.430 millones de dólares`. Digits are built from an integer, so no `0.1 + 0.2` noise.
    static func parts(_ value: Double, significant: Int) -> (negative: Bool, integer: String, fraction: String) {
        let magnitude = abs(value)
        guard magnitude.isFinite else { return (value < 0, "∞", "") }
        guard magnitude > 0 else { return (false, "0", "") }
        let exponent = Int(log10(magnitude).rounded(.down))
        let fractionDigits = min(15, max(1, significant) - 1 - exponent)
        let scaled = fractionDigits >= 0
            ? (magnitude * pow(10, Double(fractionDigits))).rounded()
            : (magnitude / pow(10, Double(-fractionDigits))).rounded()
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

    static func rounded(_ value: Double, significant: Int) -> Double {
        let p = parts(value, significant: significant)
        let magnitude = Double(p.integer + (p.fraction.isEmpty ? "" : "." + p.fraction)) ?? abs(value)
        return p.negative ? -magnitude : magnitude
    }

    /// `-1234.5` → `−1,234.5` (en) or `−1.234,5` (es); a typographic minus sign.
    static func format(_ value: Double, significant: Int, locale: QuantityLocale) -> String {
        let p = parts(value, significant: significant)
        let (group, decimal) = locale == .en ? (",", ".") : (".", ",")
        var integer = ""
        for (i, digit) in p.integer.enumerated() {
            if i > 0, (p.integer.count - i) % 3 == 0, p.integer.count >= 4 { integer += group }
            integer.append(digit)
        }
        return (p.negative ? "−" : "") + integer + (p.fraction.isEmpty ? "" : decimal + p.fraction)
    }
}
