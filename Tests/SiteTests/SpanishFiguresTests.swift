import Foundation
import Testing
@testable import Scaffold
@testable import Site

/// The `spanish` fixture (four deals, January to April 2025, `language: es`) built with the
/// default templates: its prose, its timeline and its line chart follow docs/spanish-numbers.md.
/// Every expected string is worked out by hand from the data, in the comment beside it.
@Suite("a Spanish site's figures, dates and charts")
struct SpanishFiguresTests {
    static let nbsp = "\u{00A0}"

    /// A `capex new` site (for its templates) with the fixture's content in place of its own.
    static func build() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capex-es-\(UUID().uuidString)")
        _ = try Scaffold.create(at: folder)
        let content = folder.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: FixtureSite.fixtures.appendingPathComponent("spanish/content"), to: content)
        let report = SiteBuilder.build(BuildOptions(root: folder, strict: true))
        #expect(report.succeeded, "\(report.problemLines)")
        return folder.appendingPathComponent("output")
    }

    static func text(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func proseFollowsTheTable() throws {
        let output = try Self.build()
        // The visible text, a space where a tag was (so "dólares ." ends a linked figure).
        let page = visibleText(try Self.text(output, "index.html")).replacingOccurrences(of: Self.nbsp, with: "_")
        // $9.5B: 9500 millions, four digits, ungrouped (row 2); never "billón" (row 4).
        #expect(page.contains("Pequeño: 9500 millones de dólares ."), "\(page)")
        // up to $100B: "hasta", joined by a no-break space (row 10).
        #expect(page.contains("Compromiso: hasta_100.000 millones de dólares ."))
        // ~$10.5B–$14B: "unos", the dash, the unit once (rows 9, 10).
        #expect(page.contains("Intervalo: unos_10.500–14.000 millones de dólares ."))
        // $1.4T = 1.4 × 10¹²: "billones" (row 5); compact, M at every size (row 7).
        #expect(page.contains("Enorme: 1,4 billones de dólares ."))
        #expect(page.contains("Compacto: 1.400.000_M$ ."))
        // 1.4e12 ÷ 9.5e9 = 147.37 → 147 at 3 digits: "veces" in prose, "×" compact (row 11).
        #expect(page.contains("Veces: 147 veces . Signo: 147× ."))
        // 9.5e9 ÷ 1.4e12 = 0.0067857 → 0,679 %, with a no-break space (row 8).
        #expect(page.contains("Parte: 0,679_% ."))
        // Month precision, "reported by", a day (row 15).
        #expect(page.contains("Fechas: febrero de 2025 ; 20 de abril de 2025 o antes ; 10 de enero de 2025 ."))
        #expect(!page.contains("billón de") && !page.contains("B$") && !page.contains("9.500"))
    }

    @Test func chartsSpeakSpanishOnTheirAxesAndLabels() throws {
        let output = try Self.build()
        let timeline = svgTexts(try Self.text(output, "charts/deals-timeline.svg"))
            .map { $0.replacingOccurrences(of: Self.nbsp, with: "_") }
        // Domain 1 January – 1 May 2025, one tick a month, CLDR's abbreviations (row 16).
        #expect(Array(timeline.prefix(5)) == ["ene 2025", "feb 2025", "mar 2025", "abr 2025", "may 2025"], "\(timeline)")
        // Each event's date at its precision, its amount compact (rows 2, 7, 15).
        #expect(timeline.contains("10 de enero de 2025 · 9500_M$"))
        #expect(timeline.contains("febrero de 2025 · hasta_100.000_M$"))
        #expect(timeline.contains("20 de abril de 2025 o antes ·"))
        #expect(timeline.contains("1.400.000_M$"))
        let english = ["Jan", "Feb", "Mar", "Apr", "May", "January", "February", "April", "or later", "by "]
        #expect(!timeline.contains { text in english.contains { text.hasPrefix($0) } }, "\(timeline)")

        let line = svgTexts(try Self.text(output, "charts/deals-line.svg"))
            .map { $0.replacingOccurrences(of: Self.nbsp, with: "_") }
        // Value ticks in M$ up to 1.500.000 M$ (1.5 × 10¹²), never "1,5 B$" (row 7).
        #expect(line.contains("1.500.000_M$") && line.contains("250.000_M$"), "\(line)")
        #expect(!line.contains { $0.contains("B") })
        // The date axis in Spanish months (row 16).
        #expect(line.contains("mar 2025"))
        // The table under the line chart: each record's date in words, not "2025-01-10".
        let page = visibleText(try Self.text(output, "index.html")).replacingOccurrences(of: Self.nbsp, with: "_")
        #expect(page.contains("Importe de cada acuerdo 10 de enero de 2025 9500_M$"), "\(page)")
        #expect(!page.contains("2025-01-10"))
    }

    /// The checks page says a source's figure in the page's language: `~$18B` in the data
    /// is "~18.000 M$" (compact, row 7), not the English notation it was typed in.
    @Test func checksSayTheStatedFigureInSpanish() throws {
        let output = try Self.build()
        let page = visibleText(try Self.text(output, "checks/index.html")).replacingOccurrences(of: Self.nbsp, with: "_")
        #expect(page.contains("~18.000_M$"), "\(page)")
        #expect(!page.contains("~$18B"))
    }
}
