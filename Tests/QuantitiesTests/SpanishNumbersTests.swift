import Testing
@testable import Quantities

// One group of cases per row of docs/spanish-numbers.md, each expected string worked out by
// hand from the row's rule (digits, grouping, words, spaces). `_` in an expected string is a
// no-break space (U+00A0); a plain space is a plain space.

private func q(_ text: String) -> Quantity {
    do { return try Quantity.parse(text) } catch { fatalError("bad fixture '\(text)': \(error)") }
}

private func row(_ number: Int, _ text: String, _ expected: String,
                 _ options: FormatOptions = FormatOptions()) -> FormatCase {
    FormatCase(label: "row \(number): \(text)", quantity: { q(text) }, locale: .es, options: options,
               expected: expected.replacingOccurrences(of: "_", with: "\u{00A0}"))
}

private func row(_ number: Int, _ label: String, _ quantity: @escaping @Sendable () throws -> Quantity,
                 _ expected: String, _ options: FormatOptions = FormatOptions()) -> FormatCase {
    FormatCase(label: "row \(number): \(label)", quantity: quantity, locale: .es, options: options,
               expected: expected.replacingOccurrences(of: "_", with: "\u{00A0}"))
}

private let compact = FormatOptions(compact: true)

let spanishTableCases: [FormatCase] = [
    // 1. Decimal comma; a point between groups of three from five digits up.
    row(1, "350000", "350.000"),
    row(1, "12345", "12.300"),                                   // 3 significant digits by default
    row(1, "12345", "12.345", FormatOptions(precision: 5)),
    row(1, "1234567", "1.234.567", FormatOptions(precision: 7, notation: .number)),
    row(1, "1234567", "1,23 millones"),
    row(1, "1.5", "1,5"),
    row(1, "0.012345", "0,0123"),
    // 2. Four-digit numbers are never grouped, alone or as one end of a range.
    row(2, "9500", "9500"),
    row(2, "1234.5", "1234,5", FormatOptions(precision: 5)),
    row(2, "$1,500", "1500 dólares"),
    row(2, "$9.5B", "9500 millones de dólares"),
    row(2, "$9.5B–$14B", "9500–14.000 millones de dólares"),
    row(2, "-1234", "−1234", FormatOptions(precision: 4)),
    row(2, "$9.5B", "9500_M$", compact),
    // 3. Years and other identifiers: a four-digit count reads like a year, ungrouped.
    row(3, "2024", "2024", FormatOptions(precision: 4)),
    row(3, "2024 units", "2024 unidades", FormatOptions(precision: 4)),
    // 4. 10⁹ is thousands of millions, never "billón" nor "mil millones" with digits.
    row(4, "$18B", "18.000 millones de dólares"),
    row(4, "$12B", "12.000 millones de dólares"),
    row(4, "$1B", "1000 millones de dólares"),
    row(4, "$999.96M", "1000 millones de dólares"),
    row(4, "$500B", "500.000 millones de dólares"),
    // 5. "Billón" is 10¹², as the RAE defines it.
    row(5, "$1T", "1 billón de dólares"),
    row(5, "$1.2T", "1,2 billones de dólares"),
    row(5, "$1.4T", "1,4 billones de dólares"),
    // 6. "De" after millón and billón, which are nouns.
    row(6, "$1M", "1 millón de dólares"),
    row(6, "700M users", "700 millones de usuarios"),
    row(6, "1.5M people", "1,5 millones de personas"),
    row(6, "$2.5M", "2,5 millones de dólares"),
    // 7. Compact forms: M (millones) at every size, the symbol after the number.
    row(7, "$10.5B–$14B", "10.500–14.000_M$", compact),
    row(7, "$1.2T", "1.200.000_M$", compact),
    row(7, "$1.4T", "1.400.000_M$", compact),
    row(7, "$30k", "30.000_$", compact),
    row(7, "700M", "700_M", compact),
    row(7, "700M users", "700_M de usuarios", compact),
    row(7, "3B users", "3000_M de usuarios", compact),
    // 8. A space, and no line break, between a number and its symbol.
    row(8, "27%", "27_%"),
    row(8, "27%", "27_%", compact),
    row(8, "150 MW", "150_MW"),
    row(8, "1.5 kW", "1,5_kW"),
    row(8, "1500 kWh", "1,5_MWh"),
    row(8, "-5%", "−5_%"),
    // 9. Ranges: the dash between two numbers, the unit once.
    row(9, "20–30%", "20–30_%"),
    row(9, "100–150 MW", "100–150_MW"),
    row(9, "$30k–40k", "30.000–40.000 dólares"),
    row(9, "~$10.5B–$14B", "unos_10.500–14.000 millones de dólares"),
    // 10. Qualifiers in words, joined to the number; a bound rounds away from what it bounds.
    row(10, "~$40B", "unos_40.000 millones de dólares"),
    row(10, "~350000 units", "unas_350.000 unidades"),
    row(10, "> $500B", "más_de_500.000 millones de dólares"),
    row(10, "≥ 10 GW", "al_menos_10_GW"),
    row(10, "up to $100B", "hasta_100.000 millones de dólares"),
    row(10, "< 3%", "menos_de_3_%"),
    // ≥ 66.666…%: rounded down at 3 digits, 66,6 (not 66,7).
    row(10, "≥ $2B ÷ $3B", { try q("≥ $2B") / q("$3B") }, "al_menos_66,6_%", FormatOptions(notation: .percent)),
    // ~$40B ÷ 1.42 = $28.169B, an upper bound: rounded up, 28.200 millones (not 28.100).
    row(10, "~$40B ÷ (1 + > 42%)", { try q("~$40B") / (1 + q("> 42%")) }, "menos_de_unos_28.200 millones de dólares"),
    // ≥ 1234.5 at 3 digits: down to 1230, ungrouped (four digits).
    row(10, "≥ 1234.5 units", "al_menos_1230 unidades"),
    // Compact keeps the signs, and "hasta" for a non-strict upper bound.
    row(10, "up to $100B", "hasta_100.000_M$", compact),
    row(10, "≥ 10 GW", "≥_10_GW", compact),
    // 11. Ratios: "veces" in prose ("vez" for one, feminine: "unas"), "×" in compact.
    row(11, "5x", "5 veces"),
    row(11, "1x", "1 vez"),
    row(11, "2.1x", "2,1 veces"),
    row(11, "~5x", "unas_5 veces"),
    row(11, "≥ 10 GW ÷ ~150 MW", { try q("≥ 10 GW") / q("~150 MW") }, "al_menos_unas_66,6 veces"),
    row(11, "5x", "5×", compact),
    row(11, "≥ 10 GW ÷ ~150 MW", { try q("≥ 10 GW") / q("~150 MW") }, "≥_~66,6×", compact),
    row(11, "0.5x", "50_%"),
    row(11, "5x", "5", FormatOptions(notation: .number)),
    row(11, "~5x", "~5", FormatOptions(notation: .number)),
    // 12. Time and per-unit words.
    row(12, "7 years", "7 años"),
    row(12, "1 year", "1 año"),
    row(12, "18 months", "1,5 años"),
    row(12, "6 months", "6 meses"),
    row(12, "$38B ÷ 7 years", { try q("$38B") / q("7 years") }, "5430 millones de dólares al año"),
    row(12, "$100B ÷ 10 GW", { try q("$100B") / q("10 GW") }, "10.000 millones de dólares por GW"),
    row(12, "$100B ÷ 10 GW", { try q("$100B") / q("10 GW") }, "10.000_M$/GW", compact),
    // 13. Count nouns: initialisms do not change ("GPU"), the rest take Spanish plurals.
    row(13, "1 GPU", "1 GPU"),
    row(13, "350000 GPUs", "350.000 GPU"),
    row(13, "~350000 GPUs", "unas_350.000 GPU"),
    row(13, "2 chips", "2 chips"),
    row(13, "3 servers", "3 servidores"),
    row(13, "1 person", "1 persona"),
    row(13, "~500 people", "unas_500 personas"),
    // 14. Money in prose is "dólares"; one dollar is "dólar".
    row(14, "$1", "1 dólar"),
    row(14, "$5", "5 dólares"),
]

@Test(arguments: spanishTableCases)
func spanishTableRow(_ c: FormatCase) throws {
    #expect(try c.quantity().formatted(c.locale, c.options) == c.expected)
}

/// "Billón" never stands for 10⁹, and no compact Spanish form has a `B` (which an English
/// reader takes for 10⁹ and a Spanish one for 10¹²): every value from 10⁶ to 10¹⁴, in every
/// format.
@Test func noBillonBelowTenToTheTwelveAndNoLetterB() {
    var value = 1e6
    while value < 1e14 {
        for options in [FormatOptions(), FormatOptions(compact: true), FormatOptions(precision: 1)] {
            let text = Quantity(low: value, high: value, dimension: .money).formatted(.es, options)
            #expect(!text.contains("B"), "\(value): \(text)")
            let billon = text.contains("billón") || text.contains("billones")
            #expect(billon == (!options.compact && NumberText.rounded(value, significant: options.precision) >= 1e12),
                    "\(value): \(text)")
            #expect(!text.contains(" mil "), "\(value): \(text)")
        }
        value *= 1.7
    }
}
