import Testing
@testable import Quantities

/// A malformed input with the exact message and 0-based Character offset it must report.
struct BadInput: Sendable, CustomTestStringConvertible {
    let text: String
    let message: String
    let offset: Int

    init(_ text: String, _ message: String, at offset: Int) {
        self.text = text
        self.message = message
        self.offset = offset
    }

    var testDescription: String { "'\(text)'" }
}

let badInputs: [BadInput] = [
    BadInput("", "empty value", at: 0),
    BadInput("   ", "empty value", at: 0),
    BadInput("–", "empty range", at: 0),
    BadInput("..", "empty range", at: 0),
    BadInput("-", "empty range", at: 0),
    BadInput("–40", "range is missing its low end", at: 0),
    BadInput("150 MWW", "unknown unit 'MWW' (did you mean 'MW'?)", at: 4),
    BadInput("5 gw", "unknown unit 'gw' (did you mean 'GW'?)", at: 2),
    BadInput("12 yeers", "unknown unit 'yeers' (did you mean 'years'?)", at: 3),
    BadInput("3 parsecs", "unknown unit 'parsecs'", at: 2),
    BadInput("1e9", "exponent notation ('1e…') is not read: write the number out or with a scale word, as in 100 billion or $1.5 trillion", at: 1),
    BadInput("$", "expected a number after '$'", at: 1),
    BadInput("$abc", "expected a number after '$'", at: 1),
    BadInput("≥ $", "expected a number after '$'", at: 3),
    BadInput("~", "expected a number after '~'", at: 1),
    BadInput("up to", "expected a number after 'up to'", at: 5),
    BadInput("10–", "expected a number after '–'", at: 3),
    BadInput("10..", "expected a number after '..'", at: 4),
    BadInput("- 5", "expected a number after '-'", at: 1),
    BadInput("abc", "expected a number, found 'abc'", at: 0),
    BadInput("40–30", "range low end 40 is above high end 30", at: 0),
    BadInput("$40k–30k", "range low end $40k is above high end $30k", at: 0),
    // Both ends as read, the borrowed suffix shown on the low end.
    BadInput("$4–$3B", "range low end $4B is above high end $3B", at: 0),
    BadInput("$4–3B", "range low end $4B is above high end $3B", at: 0),
    BadInput("~$400–$300B", "range low end $400B is above high end $300B", at: 1),
    BadInput("2 GW–500 MW", "range low end 2 GW is above high end 500 MW", at: 0),
    BadInput("1,50", "malformed number '1,50' (use '.' for decimals)", at: 0),
    BadInput("1,5000", "malformed number '1,5000' (thousands groups need 3 digits)", at: 0),
    BadInput("$1.000.000", "malformed number '1.000.000' (use ',' for thousands)", at: 1),
    BadInput("1.2.3", "malformed number '1.2.3'", at: 0),
    BadInput("1.", "malformed number '1.'", at: 0),
    BadInput("$1e20", "exponent notation ('1e…') is not read: write the number out or with a scale word, as in 100 billion or $1.5 trillion", at: 2),
    BadInput("1.5E-3 GW", "exponent notation ('1.5E…') is not read: write the number out or with a scale word, as in 100 billion or $1.5 trillion", at: 3),
    BadInput("2e+9", "exponent notation ('2e…') is not read: write the number out or with a scale word, as in 100 billion or $1.5 trillion", at: 1),
    BadInput("> 10–20 GW", "a bound ('>') cannot apply to a range", at: 0),
    BadInput("up to $30k–40k", "a bound ('up to') cannot apply to a range", at: 0),
    BadInput("$30 MW", "'$' cannot be used with 'MW'", at: 4),
    BadInput("10 MW–20%", "range ends have different dimensions: power (W) and dimensionless", at: 6),
    BadInput("7 years–$5", "range ends have different dimensions: time (years) and money ($)", at: 8),
    BadInput("150 MW extra", "unexpected 'extra'", at: 7),
    BadInput("10..20..30", "unexpected '..30'", at: 6),
    BadInput("10–20–30", "unexpected '–30'", at: 5),
    BadInput("10 per", "expected a unit after 'per'", at: 6),
    BadInput("$5 /", "expected a unit after '/'", at: 4),
    BadInput("$10B per foo", "unknown unit 'foo'", at: 9),
    BadInput("10 GWh per %", "'%' cannot follow 'per'", at: 11),
    BadInput("5 kW per x", "'x' cannot follow 'per'", at: 9),
    BadInput("$5B a", "expected a unit after 'a'", at: 5),
    BadInput("9" + String(repeating: "9", count: 320),
             "number too large: '" + String(repeating: "9", count: 28) + "…' is more than 10^15 (a thousand trillion) of its unit", at: 0),
    // Issue 11: finite but absurd; the limit applies to the number and its suffix, before the unit.
    BadInput("$9300000T", "number too large: '$9300000T' is more than 10^15 (a thousand trillion) of its unit", at: 0),
    BadInput("$5–9300000T", "number too large: '9300000T' is more than 10^15 (a thousand trillion) of its unit", at: 3),
    BadInput("-1,000,000,000,000,001 GPUs",
             "number too large: '-1,000,000,000,000,001 GPUs' is more than 10^15 (a thousand trillion) of its unit", at: 0),
    BadInput("~2000T W", "number too large: '2000T W' is more than 10^15 (a thousand trillion) of its unit", at: 1),
    BadInput("0." + String(repeating: "0", count: 330) + "1",
             "number too small: '0." + String(repeating: "0", count: 26) + "…' has too many zeros after the point", at: 0),
    BadInput("GPUs", "expected a number, found 'GPUs'", at: 0),
]

@Test(arguments: badInputs)
func reportsMalformedInput(_ bad: BadInput) {
    #expect(throws: QuantityParseError.self) { try Quantity.parse(bad.text) }
    do {
        _ = try Quantity.parse(bad.text)
    } catch {
        #expect(error.message == bad.message)
        #expect(error.offset == bad.offset)
    }
}

@Test func utf8OffsetCountsBytes() {
    do {
        _ = try Quantity.parse("10–")
        Issue.record("expected an error")
    } catch {
        #expect(error.offset == 3)
        #expect(error.utf8Offset == 5) // "–" is three bytes
    }
    do {
        _ = try Quantity.parse("≥ 10 GWW")
        Issue.record("expected an error")
    } catch {
        #expect(error.message == "unknown unit 'GWW' (did you mean 'GW'?)")
        #expect(error.offset == 5)
        #expect(error.utf8Offset == 7)
    }
}

@Test func parseErrorDescriptionIncludesOffset() {
    let error = QuantityParseError(message: "empty value", offset: 0, utf8Offset: 0)
    #expect(error.description == "empty value (at offset 0)")
}
