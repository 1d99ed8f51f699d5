import Foundation
import Testing
@testable import Quantities

/// A quantity (built by a closure so derived values can be included), a locale, options and
/// the exact text expected.
struct FormatCase: Sendable, CustomTestStringConvertible {
    let label: String
    let quantity: @Sendable () throws -> Quantity
    let locale: QuantityLocale
    let options: FormatOptions
    let expected: String

    var testDescription: String { "\(label) [\(locale)] → \(expected)" }
}

private func q(_ text: String) -> Quantity {
    do { return try Quantity.parse(text) } catch { fatalError("bad fixture '\(text)': \(error)") }
}

private let spend: @Sendable () throws -> Quantity = { Quantity(350_000) * q("$30k–40k") }
private let perYear: @Sendable () throws -> Quantity = { try q("$38B") / q("7 years") }
private let perGW: @Sendable () throws -> Quantity = { try q("$100B") / q("10 GW") }
private let perUnit: @Sendable () throws -> Quantity = { try q("150 MW") / q("100000 units") }
private let perUser: @Sendable () throws -> Quantity = { try q("$40B") / q("500M users") }
private let multiple: @Sendable () throws -> Quantity = { try q("150 MW") / q("30 MW") }
private let share: @Sendable () throws -> Quantity = { try q("$10B") / q("$500B") }
private let growthBase: @Sendable () throws -> Quantity = { try q("~$40B") / (1 + q("> 42%")) }

private func en(_ text: String, _ expected: String, _ options: FormatOptions = FormatOptions()) -> FormatCase {
    FormatCase(label: text, quantity: { q(text) }, locale: .en, options: options, expected: expected)
}

private func es(_ text: String, _ expected: String, _ options: FormatOptions = FormatOptions()) -> FormatCase {
    FormatCase(label: text, quantity: { q(text) }, locale: .es, options: options, expected: expected)
}

private func derived(_ label: String, _ quantity: @escaping @Sendable () throws -> Quantity,
                     _ locale: QuantityLocale, _ expected: String,
                     _ options: FormatOptions = FormatOptions()) -> FormatCase {
    FormatCase(label: label, quantity: quantity, locale: locale, options: options, expected: expected)
}

private let compact = FormatOptions(compact: true)
private let asPercent = FormatOptions(notation: .percent)
private let asNumber = FormatOptions(notation: .number)

let englishCases: [FormatCase] = [
    derived("350000 × $30k–40k", spend, .en, "$10.5–14 billion"),
    en("700M", "700 million"),
    en("150 MW", "150 MW"),
    en("1.5 kW", "1.5 kW"),
    en("27%", "27%"),
    en("5x", "5×"),
    derived("150 MW ÷ 30 MW", multiple, .en, "5×"),
    en("$18B", "$18 billion"),
    en("~$40B", "~$40 billion"),
    en("> $500B", ">\u{00A0}$500 billion"),
    en("up to $100B", "up\u{00A0}to\u{00A0}$100 billion"),
    en("≥ 10 GW", "≥\u{00A0}10 GW"),
    en("350000", "350,000"),
    en("7 years", "7 years"),
    derived("$38B ÷ 7 years", perYear, .en, "$5.43 billion per year"),
    derived("$100B ÷ 10 GW", perGW, .en, "$10 billion per GW"),
    derived("150 MW ÷ 100000 units", perUnit, .en, "1.5 kW per unit"),
    derived("$40B ÷ 500M users", perUser, .en, "$80 per user"),
    derived("$10B ÷ $500B", share, .en, "2%"),
    // ~$40B ÷ 1.42 = $28.169B; an upper bound from an approximate input: "< ~", rounded up.
    derived("growth", growthBase, .en, "<\u{00A0}~$28.2 billion"),
    en("$30k", "$30,000"),
    en("$40,000", "$40,000"),
    en("$13,999,999,999.99", "$14 billion"),
    en("$999.96M", "$1 billion"),
    en("$1.2T", "$1.2 trillion"),
    en("$1M", "$1 million"),
    en("$500M–$14B", "$0.5–14 billion"),
    en("$5", "$5"),
    en("−$5B", "−$5 billion"),
    en("-5%", "−5%"),
    en("20–30%", "20–30%"),
    en("< 3%", "<\u{00A0}3%"),
    en("≤ 5 GW", "up\u{00A0}to\u{00A0}5 GW"),
    en("at least 1 GW", "≥\u{00A0}1 GW"),
    en("700M users", "700 million users"),
    en("350000 units", "350,000 units"),
    en("350,123 units", "350,000 units"),
    en("350,123 units", "350,123 units", FormatOptions(precision: 6)),
    en("1 GPU", "1 GPU"),
    en("1.5 GPUs", "1.5 GPUs"),
    en("1 year", "1 year"),
    en("18 months", "1.5 years"),
    en("6 months", "6 months"),
    en("1 month", "1 month"),
    en("5 MWh", "5 MWh"),
    en("1500 kWh", "1.5 MWh"),
    en("0.5 W", "0.5 W"),
    en("100–150 MW", "100–150 MW"),
    en("500 MW–1.2 GW", "0.5–1.2 GW"),
    en("1.5 kW per GPU", "1.5 kW per GPU"),
    en("$50 per MWh", "$50 per MWh"),
    en("$1B per month", "$12 billion per year"),
    en("1.5", "1.5"),
    en("0.012345", "0.0123"),
]

let spanishCases: [FormatCase] = [
    derived("350000 × $30k–40k", spend, .es, "10.500–14.000 millones de dólares"),
    es("700M", "700 millones"),
    es("150 MW", "150\u{00A0}MW"),
    es("1.5 kW", "1,5\u{00A0}kW"),
    es("27%", "27\u{00A0}%"),
    es("5x", "5 veces"),
    derived("150 MW ÷ 30 MW", multiple, .es, "5 veces"),
    es("350000", "350.000"),
    es("> $500B", "más\u{00A0}de\u{00A0}500.000 millones de dólares"),
    es("up to $100B", "hasta\u{00A0}100.000 millones de dólares"),
    es("~$40B", "unos\u{00A0}40.000 millones de dólares"),
    es("$18B", "18.000 millones de dólares"),
    es("≥ 10 GW", "al\u{00A0}menos\u{00A0}10\u{00A0}GW"),
    es("< 3%", "menos\u{00A0}de\u{00A0}3\u{00A0}%"),
    es("7 years", "7 años"),
    es("1 year", "1 año"),
    es("6 months", "6 meses"),
    es("1 month", "1 mes"),
    derived("$38B ÷ 7 years", perYear, .es, "5430 millones de dólares al año"),
    derived("$100B ÷ 10 GW", perGW, .es, "10.000 millones de dólares por GW"),
    derived("150 MW ÷ 100000 units", perUnit, .es, "1,5\u{00A0}kW por unidad"),
    derived("$40B ÷ 500M users", perUser, .es, "80 dólares por usuario"),
    derived("$10B ÷ $500B", share, .es, "2\u{00A0}%"),
    es("$30k", "30.000 dólares"),
    es("$1", "1 dólar"),
    es("$1M", "1 millón de dólares"),
    es("$2.5M", "2,5 millones de dólares"),
    es("$1.2T", "1,2 billones de dólares"),
    es("$1T", "1 billón de dólares"),
    es("$1,500", "1500 dólares"),
    es("700M users", "700 millones de usuarios"),
    es("350000 units", "350.000 unidades"),
    es("1 GPU", "1 GPU"),
    es("~350000 units", "unas\u{00A0}350.000 unidades"),
    es("~700M users", "unos\u{00A0}700 millones de usuarios"),
    es("1500 kWh", "1,5\u{00A0}MWh"),
    es("-5%", "−5\u{00A0}%"),
]

let optionCases: [FormatCase] = [
    // compact
    derived("350000 × $30k–40k", spend, .en, "$10.5B–$14B", compact),
    en("700M", "700M", compact),
    en("350000", "350k", compact),
    en("$30k", "$30k", compact),
    en("~$40B", "~$40B", compact),
    en("> $500B", ">\u{00A0}$500B", compact),
    en("up to $100B", "up\u{00A0}to\u{00A0}$100B", compact),
    en("$1.2T", "$1.2T", compact),
    en("150 MW", "150 MW", compact),
    en("700M users", "700M users", compact),
    derived("$100B ÷ 10 GW", perGW, .en, "$10B/GW", compact),
    derived("$38B ÷ 7 years", perYear, .en, "$5.43B/yr", compact),
    derived("$40B ÷ 500M users", perUser, .en, "$80/user", compact),
    derived("150 MW ÷ 100000 units", perUnit, .en, "1.5 kW/unit", compact),
    derived("350000 × $30k–40k", spend, .es, "10.500–14.000\u{00A0}M$", compact),
    es("700M", "700\u{00A0}M", compact),
    es("~$40B", "~40.000\u{00A0}M$", compact),
    es("> $500B", ">\u{00A0}500.000\u{00A0}M$", compact),
    es("up to $100B", "hasta\u{00A0}100.000\u{00A0}M$", compact),
    es("$30k", "30.000\u{00A0}$", compact),
    es("$1.2T", "1.200.000\u{00A0}M$", compact),
    es("700M users", "700\u{00A0}M de usuarios", compact),
    derived("$100B ÷ 10 GW", perGW, .es, "10.000\u{00A0}M$/GW", compact),
    derived("$38B ÷ 7 years", perYear, .es, "5430\u{00A0}M$/año", compact),
    // precision
    derived("$38B ÷ 7 years", perYear, .en, "$5.4 billion per year", FormatOptions(precision: 2)),
    derived("growth", growthBase, .en, "<\u{00A0}~$28.17 billion", FormatOptions(precision: 4)),
    // $10.5–14B: a range rounds outward, so 10.5 at 2 digits is 10 (down), not 11.
    derived("350000 × $30k–40k", spend, .en, "$10–14 billion", FormatOptions(precision: 2)),
    derived("10 GW ÷ 1.5 kW/unit", { try q("10 GW") / perUnit() }, .en, "6.6667 million units",
            FormatOptions(precision: 5)),
    en("350,123", "400,000", FormatOptions(precision: 1)),
    en("1.23456 kW", "1.2346 kW", FormatOptions(precision: 5)),
    en("1.23456 kW", "1 kW", FormatOptions(precision: 1)),
    en("1.23456 kW", "1 kW", FormatOptions(precision: 0)),
    // percent
    derived("0.27", { Quantity(0.27) }, .en, "27%", asPercent),
    derived("0.27", { Quantity(0.27) }, .es, "27\u{00A0}%", asPercent),
    derived("150 MW ÷ 30 MW", multiple, .en, "500%", asPercent),
    en("$5", "$5", asPercent),
    // number
    en("$10.5B", "10,500,000,000", asNumber),
    es("$10.5B", "10.500.000.000", asNumber),
    en("~$40B", "~40,000,000,000", asNumber),
    es("> $500B", ">\u{00A0}500,000,000,000".replacingOccurrences(of: ",", with: "."), asNumber),
    en("150 MW", "150,000,000", asNumber),
    en("27%", "0.27", asNumber),
    es("27%", "0,27", asNumber),
    en("5x", "5", asNumber),
    en("700M users", "700,000,000", asNumber),
    en("$10.5B", "10.5B", FormatOptions(compact: true, notation: .number)),
    derived("$100B ÷ 10 GW", perGW, .en, "10", asNumber),
]

@Test(arguments: englishCases)
func formatsEnglish(_ c: FormatCase) throws {
    #expect(try c.quantity().formatted(c.locale, c.options) == c.expected)
}

@Test(arguments: spanishCases)
func formatsSpanish(_ c: FormatCase) throws {
    #expect(try c.quantity().formatted(c.locale, c.options) == c.expected)
}

@Test(arguments: optionCases)
func formatsWithOptions(_ c: FormatCase) throws {
    #expect(try c.quantity().formatted(c.locale, c.options) == c.expected)
}

@Test func unusualDimensionsFallBackToSymbols() {
    let q = Quantity(low: 2, high: 2, dimension: .money * .time)
    #expect(q.formatted(.en) == "2 USD*yr")
    let rate = Quantity(low: 0.5, high: 0.5, dimension: Dimension.time.inverse)
    #expect(rate.formatted(.en) == "0.5 per year")
}

/// The only no-break spaces are the ones that keep a qualifier on the line of its number
/// and, in Spanish, a symbol on the line of its number (`27 %`, `150 MW`, `14.000 M$`):
/// digits are ours, never ICU's (no U+202F, no space inside a number).
@Test func noBreakSpacesOnlyJoinAQualifierOrASymbolToItsNumber() throws {
    let qualifierWords = ["up", "to", "más", "de", "al", "menos", "unos", "unas", "hasta", ">", "<", "≥", "≤", "~"]
    let symbols = ["%", "$", "M$", "M", "W", "kW", "MW", "GW", "TW", "Wh", "kWh", "MWh", "GWh", "TWh"]
    for c in englishCases + spanishCases + optionCases + spanishTableCases {
        let text = try c.quantity().formatted(c.locale, c.options)
        #expect(!text.contains("\u{202F}"))
        let pieces = text.split(separator: "\u{00A0}", omittingEmptySubsequences: false)
        for (before, after) in zip(pieces, pieces.dropFirst()) {
            let word = before.split(separator: " ").last.map(String.init) ?? ""
            let next = after.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
            let bare: String = word.replacingOccurrences(of: "~", with: "")
            let joinsQualifier: Bool = qualifierWords.contains(bare.isEmpty ? "~" : word)
            let afterDigit: Bool = word.last?.isNumber ?? false
            let joinsSymbol: Bool = c.locale == QuantityLocale.es && afterDigit && symbols.contains(next)
            #expect(joinsQualifier || joinsSymbol, "no-break space between '\(word)' and '\(next)' in '\(text)'")
        }
    }
}

@Test func localeFromIdentifier() {
    #expect(QuantityLocale(identifier: "en") == .en)
    #expect(QuantityLocale(identifier: "en_001") == .en)
    #expect(QuantityLocale(identifier: "es-ES") == .es)
    #expect(QuantityLocale(identifier: "ES_mx") == .es)
    #expect(QuantityLocale(identifier: "fr") == nil)
}

// MARK: Machine-readable form

@Test func machineReadableValues() throws {
    #expect(q("$30k–40k").machineReadable == MachineQuantity(low: 30_000, high: 40_000, unit: "USD", qualifier: "exact"))
    #expect(q("~$40B").machineReadable == MachineQuantity(low: 40e9, high: 40e9, unit: "USD", qualifier: "approx"))
    #expect(q("> 42%").machineReadable == MachineQuantity(low: 0.42, high: 0.42, unit: "", qualifier: "gt"))
    #expect(q("≥ 10 GW").machineReadable.qualifier == "ge")
    #expect(q("< 3%").machineReadable.qualifier == "lt")
    #expect(q("up to $100B").machineReadable.qualifier == "le")
    #expect(try perGW().machineReadable == MachineQuantity(low: 10, high: 10, unit: "USD/W", qualifier: "exact"))
    #expect(try perUnit().machineReadable.unit == "W/unit")
    #expect(try perYear().machineReadable.unit == "USD/yr")
    #expect(try perUser().machineReadable.unit == "USD/unit")
    #expect(q("7 years").machineReadable.unit == "yr")
    #expect(q("5 MWh").machineReadable == MachineQuantity(low: 5e6, high: 5e6, unit: "Wh", qualifier: "exact"))
}

@Test func machineReadableEncodesAsJSON() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(q("$30k–40k").machineReadable)
    #expect(String(decoding: data, as: UTF8.self) == #"{"high":40000,"low":30000,"qualifier":"exact","unit":"USD"}"#)
}
