@testable import Model
import Testing

/// Rows 15 and 16 of docs/spanish-numbers.md: dates in prose and on chart axes, each expected
/// string worked out by hand; the English forms beside them stay what they were.
@Suite("dates in Spanish")
struct SpanishDatesTests {
    @Test(arguments: [
        // (written, precision, Spanish, English)
        ("2025-12-17", nil, "17 de diciembre de 2025", "December 17, 2025"),
        ("2024-03-01", nil, "1 de marzo de 2024", "March 1, 2024"),
        ("2025-09-22", "day", "22 de septiembre de 2025", "September 22, 2025"),
        ("2025-11-01", "month", "noviembre de 2025", "November 2025"),
        ("2025-11", nil, "noviembre de 2025", "November 2025"),
        ("2025-01-01", "year", "2025", "2025"),
        ("2025", nil, "2025", "2025"),
        ("2025-09-22", "earliest", "22 de septiembre de 2025 o después", "September 22, 2025 or later"),
        ("2025-12-17", "reported", "17 de diciembre de 2025 o antes", "by December 17, 2025"),
        ("early 2025", nil, "early 2025", "early 2025"),
    ] as [(String, String?, String, String)])
    func displays(_ c: (text: String, precision: String?, spanish: String, english: String)) {
        let date = RecordDate(c.text, precision: c.precision)
        #expect(date.display(language: "es") == c.spanish)
        #expect(date.display(language: "es-ES") == c.spanish)
        #expect(date.display(language: "en") == c.english)
        #expect(date.display() == c.english)
    }

    /// Years are never grouped, whatever their size: no "2.025".
    @Test func yearsAreNeverGrouped() {
        for year in [1999, 2024, 2025, 10000] {
            let text = RecordDate("\(year)").display(language: "es")
            #expect(!text.contains(".") && !text.contains(","), "\(text)")
        }
        #expect(RecordDate.axisLabel(year: 2025, month: nil, language: "es") == "2025")
    }

    @Test(arguments: [
        (1, "ene 2024", "Jan 2024"), (3, "mar 2024", "Mar 2024"), (5, "may 2024", "May 2024"),
        (8, "ago 2024", "Aug 2024"), (9, "sept 2024", "Sep 2024"), (12, "dic 2024", "Dec 2024"),
    ])
    func axisMonths(_ month: Int, _ spanish: String, _ english: String) {
        #expect(RecordDate.axisLabel(year: 2024, month: month, language: "es") == spanish)
        #expect(RecordDate.axisLabel(year: 2024, month: month, language: "en") == english)
    }
}
