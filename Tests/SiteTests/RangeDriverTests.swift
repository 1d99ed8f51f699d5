import Foundation
@testable import Model
import Testing
@testable import Load
@testable import Render
@testable import Site

/// What drives a figure's range (issue 14), on `Fixtures/sensitivity`, every share worked
/// by hand: one input at a time over its range, the others held at their midpoints.
@Suite("what drives a range")
struct RangeDriverTests {
    /// The fixture with the repository's templates (`templates/`), copied in.
    static func fixture() throws -> FixtureSite {
        let site = try FixtureSite("sensitivity")
        try FileManager.default.copyItem(at: FixtureSite.repository.appendingPathComponent("templates"),
                                         to: site.root.appendingPathComponent("templates"))
        return site
    }

    static let model: StoryModel = {
        let site = try! RangeDriverTests.fixture()
        let (loaded, _) = SiteLoader(root: site.root, options: BuildOptions(root: site.root)).load()
        return loaded!.model
    }()

    var model: StoryModel { Self.model }

    func drivers(_ reference: String) throws -> RangeDrivers {
        try #require(model.rangeDrivers(of: reference))
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    /// 100–300 units × $10–11 a unit = $1,000–3,300. Midpoints: 200 units, $10.50.
    /// Units over 100…300 at $10.50: $1,050…$3,150, width 2,100.
    /// Price over $10…11 at 200 units: $2,000…$2,200, width 200.
    /// Shares of 2,300: units 2,100/2,300 = 91.30%, price 200/2,300 = 8.70%.
    /// (For a product of two positive ranges the widths add up to the figure's own width:
    /// 3,300 − 1,000 = 2,300.)
    @Test func aProductOfTwoRangesIsDrivenAlmostWhollyByTheUnits() throws {
        let d = try drivers("figures.spend")
        #expect(d.spread == .range)
        #expect(d.drivers.map(\.input.reference) == ["widgets.batch.units", "widgets.batch.price"])
        let (units, price) = (d.drivers[0], d.drivers[1])
        #expect(close(units.atLow, 1050) && close(units.atHigh, 3150) && close(units.width, 2100))
        #expect(close(price.atLow, 2000) && close(price.atHigh, 2200) && close(price.width, 200))
        #expect(close(units.share, 2100.0 / 2300) && close(price.share, 200.0 / 2300))
        #expect(close(d.atMidpoints!, 2100))
        #expect(close(d.totalWidth, 3300 - 1000))
        #expect(d.bounds.isEmpty && d.singles.isEmpty)
    }

    /// ($10–20) + ($5–35) + ~$7: midpoints 15 + 20 + 7 = 42. a moves it 37…47 (width 10),
    /// b 27…57 (width 30): b 75%, a 25%. ~$7 has no spread: listed apart, not ranked.
    @Test func aSumSharesItsSpreadByTheWidthsOfItsTerms() throws {
        let d = try drivers("figures.total")
        #expect(d.drivers.map(\.input.reference) == ["widgets.parts.b", "widgets.parts.a"])
        #expect(close(d.drivers[0].atLow, 27) && close(d.drivers[0].atHigh, 57) && close(d.drivers[0].share, 0.75))
        #expect(close(d.drivers[1].atLow, 37) && close(d.drivers[1].atHigh, 47) && close(d.drivers[1].share, 0.25))
        #expect(d.singles.map(\.reference) == ["widgets.parts.c"])
    }

    /// 100–300 units ÷ ≥ 2 is "≤ 150 units": a bound keeps one number (300 ÷ 2), so there is
    /// no spread to share; the range 100–300 is named as the one it took its end from, and
    /// the bound ≥ 2 is listed as a bound, with no width.
    @Test func aRatioWithABoundIsABoundWithNoSpreadToShare() throws {
        let d = try drivers("figures.per-floor")
        #expect(d.spread == .bound)
        #expect(d.drivers.isEmpty)
        #expect(d.unsharedRanges.map(\.reference) == ["widgets.batch.units"])
        #expect(d.bounds.map(\.reference) == ["widgets.limits.floor"])
    }

    /// (≥ 8 ÷ ≥ 4) × 100–300 units: the two floors pull opposite ways, so the ratio is 2 at
    /// face value, and the figure 200–600 units, a range. Its bounds are held at their
    /// numbers (no width); the units move it 200…600 at the ratio 2 — all of the spread.
    @Test func boundsInARangedFigureAreHeldAtTheirNumbersWithNoWidth() throws {
        let d = try drivers("figures.at-face-value")
        #expect(d.spread == .range)
        #expect(d.drivers.map(\.input.reference) == ["widgets.batch.units"])
        #expect(close(d.drivers[0].atLow, 200) && close(d.drivers[0].atHigh, 600) && d.drivers[0].share == 1)
        #expect(d.bounds.map(\.reference) == ["widgets.limits.high", "widgets.limits.low"])
    }

    /// 40 × 2 = 80: no input is a range.
    @Test func aFigureWithNoRangedInputHasNoDrivers() throws {
        let d = try drivers("figures.doubled")
        #expect(d.spread == .single && d.drivers.isEmpty)
        #expect(d.singles.map(\.reference) == ["widgets.batch.count"])
    }

    /// A range written in the formula ('$10–11 per unit') is an input like a field: the same
    /// 91% / 8.7% as `figures.spend`. A figure built on another reaches the leaves through
    /// it: 2 × spend doubles every value and keeps the shares.
    @Test func rangesInFormulasAndNestedFiguresAreSweptToo() throws {
        let literal = try drivers("figures.spend-in-formula")
        #expect(literal.drivers.map { $0.input.literal } == [nil, "$10–11 per unit"])
        #expect(close(literal.drivers[1].share, 200.0 / 2300))
        let twice = try drivers("figures.spend-twice")
        #expect(twice.drivers.map(\.input.reference) == ["widgets.batch.units", "widgets.batch.price"])
        #expect(close(twice.drivers[0].atLow, 2100) && close(twice.drivers[0].atHigh, 6300))
        #expect(close(twice.drivers[0].share, 2100.0 / 2300))
    }

    /// Inputs that no figure shares are moved together when many figures are analysed at
    /// once (`/figures/`): every figure's drivers come out as when it is analysed alone.
    @Test func analysingAllFiguresAtOnceGivesEachTheDriversItHasAlone() {
        let references = model.allFigures.filter(\.isDerived).map(\.reference)
        let together = model.rangeDrivers(of: references)
        #expect(together.count == references.count)
        for reference in references {
            let alone = model.rangeDrivers(of: reference)
            #expect(together[reference]?.drivers == alone?.drivers, "\(reference)")
            #expect(together[reference]?.atMidpoints == alone?.atMidpoints, "\(reference)")
        }
        // spend (units, price) and total (a, b) share no input: units and a move in one recomputation.
        let spend = model.rangeDrivers(of: "figures.spend")!.drivers.map(\.input)  // units, price
        let total = model.rangeDrivers(of: "figures.total")!.drivers.map(\.input)  // b, a
        let groups = StoryModel.independentGroups(spend + total, sharedBy: [spend, total])
        #expect(groups.map { $0.map(\.reference) } == [["widgets.batch.units", "widgets.parts.b"], ["widgets.batch.price", "widgets.parts.a"]])
    }

    /// A field as written has no drivers: its range is the source's.
    @Test func aFieldAsWrittenHasNoDrivers() {
        #expect(model.rangeDrivers(of: "widgets.batch.units") == nil)
    }

    // MARK: capex explain

    func explain(_ reference: String) throws -> [String] {
        let figure = try #require(model.figures[reference])
        return Explanation.text(for: figure, in: model).split(separator: "\n").map(String.init)
    }

    @Test func explainPrintsTheInputsRankedWithTheirShares() throws {
        let lines = try explain("figures.spend")
        let start = try #require(lines.firstIndex { $0.hasPrefix("  what drives the range") })
        #expect(Array(lines[start...].prefix(3)) == [
            "  what drives the range (one input at a time, the others held at their midpoints):",
            "    91%   widgets.batch.units = 100–300 units: $1,050 to $3,150",
            "    8.7%  widgets.batch.price = $10–11 per unit: $2,000 to $2,200",
        ])
    }

    @Test func explainSaysWhichInputsHaveNoSpreadAndWhichAreBounds() throws {
        #expect(try explain("figures.total").contains("  No spread (exact or approximate), not ranked: widgets.parts.c = ~$7"))
        let faceValue = try explain("figures.at-face-value")
        #expect(faceValue.contains("    bound, no width: widgets.limits.high = ≥\u{A0}8"))
        #expect(faceValue.contains("    bound, no width: widgets.limits.low = ≥\u{A0}4"))
        let bound = try explain("figures.per-floor")
        #expect(bound.contains("  what drives the range: nothing. The figure is a bound, not a range; it keeps only the end of its ranged inputs (widgets.batch.units, 100–300 units) that holds whatever their value, so there is no spread to share"))
        #expect(bound.contains("    bound, no width: widgets.limits.floor = ≥\u{A0}2"))
        #expect(try explain("figures.doubled").contains("  what drives the range: nothing. The figure is a single value, not a range"))
    }

    @Test func theSameSectionReadsInSpanish() throws {
        let d = try drivers("figures.spend")
        let lines = RangeDriversText(model: model, language: "es").explainLines(d)
        #expect(lines.first == "  qué determina el intervalo (una entrada cada vez, con las demás en su punto medio):")
        // Spanish numbers as the formatter writes them: "1050 dólares", "8,7 %".
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[1] == "    91\u{00A0}%   widgets.batch.units = 100–300 unidades: de 1050 dólares a 3150 dólares", "\(lines)")
        #expect(lines[2] == "    8,7\u{00A0}%  widgets.batch.price = 10–11 dólares por unidad: de 2000 dólares a 2200 dólares", "\(lines)")
    }

    // MARK: /figures/ and the tornado chart

    static let built: FixtureSite = {
        let site = try! RangeDriverTests.fixture()
        site.build()
        return site
    }()

    @Test func theFiguresPageShowsTheDriversUnderEachRangedFigure() throws {
        let text = VisibleText.of(Self.built.read("figures/index.html"))
        #expect(text.contains("What drives the range (one input at a time, the others held at their midpoints):\n91% widgets.batch.units, 100–300 units: $1,050 to $3,150\n8.7% widgets.batch.price, $10–11 per unit: $2,000 to $2,200"), "\(text)")
        #expect(text.contains("Bound, no width: widgets.limits.high, ≥\u{A0}8; widgets.limits.low, ≥\u{A0}4."))
        #expect(text.contains("No spread (exact or approximate), not ranked: widgets.parts.c, ~$7."))
        // A single value with no ranged input says nothing about ranges.
        let doubled = try #require(text.range(of: "figures.doubled"))
        let entry = text[doubled.lowerBound...].split(separator: "figures.per-floor").first ?? ""
        #expect(!entry.contains("What drives the range"))
    }

    /// A site written in Spanish reads the section and the chart in Spanish, numbers included.
    @Test func aSpanishSiteReadsTheDriversInSpanish() throws {
        let site = try RangeDriverTests.fixture()
        try site.write("content/site.yaml", "title: Intervalos\nlanguage: es\nbase_url: https://example.org/\n")
        #expect(site.build().succeeded)
        let text = VisibleText.of(site.read("figures/index.html"))
        #expect(text.contains("Qué determina el intervalo (una entrada cada vez, con las demás en su punto medio):\n91\u{00A0}% widgets.batch.units, 100–300 unidades: de 1050 dólares a 3150 dólares\n"), "\(text)")
        #expect(text.contains("Sin margen (exactas o aproximadas), no se ordenan: widgets.parts.c, unos\u{A0}7 dólares."))
        let svg = site.read("charts/spend-drivers.svg")
        #expect(svg.contains("<title id=\"cx-spend-drivers-title\">Qué determina el intervalo de: Spend on the batch</title>"))
        #expect(svg.contains("la más ancha es batch: unidades, que mueve la cifra de 1050\u{00A0}$ a 3150\u{00A0}$ (91\u{00A0}% del margen).</desc>"))
        #expect(svg.contains(">todas en su punto medio: 2100\u{00A0}$</text>"))
    }

    @Test func theTornadoChartDrawsOneBarPerInputWidestFirst() throws {
        let page = Self.built.read("index.html")
        let svg = Self.built.read("charts/spend-drivers.svg")
        #expect(svg.contains("<title id=\"cx-spend-drivers-title\">What drives the range of: Spend on the batch</title>"))
        #expect(svg.contains("<desc id=\"cx-spend-drivers-desc\">Tornado chart of 2 inputs of Spend on the batch; the widest is batch: units, which moves it from $1.05k to $3.15k (91% of the spread).</desc>"))
        #expect(svg.contains("role=\"img\""))
        // Bars in order of width, each named by its input's label and value, titled with its ends and share.
        let units = try #require(svg.range(of: "<title>batch: units, 100–300 units: $1.05k – $3.15k (91%)</title>"))
        let price = try #require(svg.range(of: "<title>batch: price, $10–$11/unit: $2k – $2.2k (8.7%)</title>"))
        #expect(units.lowerBound < price.lowerBound)
        // The accessible table under it, and its CSV with the raw values.
        let table = VisibleText.of(page)
        #expect(table.contains("Input, as written\nFigure at its low end\nFigure at its high end\nShare of the spread\n"))
        #expect(table.contains("batch: units, 100–300 units\n$1.05k\n$3.15k\n91%\n"))
        let csv = Self.built.read("data/charts/spend-drivers.csv")
        #expect(csv.hasPrefix("\"Input, as written\",Figure at its low end,Figure at its high end,Share of the spread,Low,High\r\n"
            + "\"batch: units, 100–300 units\",$1.05k,$3.15k,91%,1050,3150\r\n"))
    }

    /// ($10–20) + ($5–35) and ($5–35) + ($10–20) are both $22–62 with ~$7, but b drives the
    /// first and a the second. Twice the total is $44–124 either way, and its one direct
    /// input, the total, reads the same: a rebuild after the swap still redraws the chart, as
    /// a clean build does (a page with a chart depends on the whole model).
    @Test func anIncrementalBuildRedrawsTheTornadoWhenOnlyTheInputsChange() throws {
        let site = try RangeDriverTests.fixture()
        try site.write("content/index.md", "---\ntitle: Total\n---\n\n```chart\nid: total\ntype: tornado\nfigure: figures.total-twice\n```\n")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        #expect(site.read("charts/total.svg").contains("the widest is parts: b,"))
        let data = site.read("content/data/widgets.yaml", in: site.root)
        try site.write("content/data/widgets.yaml", data.replacingOccurrences(of: "a: \"$10–20\"", with: "a: \"$X\"")
            .replacingOccurrences(of: "b: \"$5–35\"", with: "b: \"$10–20\"").replacingOccurrences(of: "a: \"$X\"", with: "a: \"$5–35\""))
        #expect(site.build(trustStampsAfter: 0).succeeded)
        let clean = FileManager.default.temporaryDirectory.appendingPathComponent("capex-clean-\(UUID().uuidString)")
        _ = SiteBuilder.build(BuildOptions(root: site.root, output: clean, incremental: false))
        #expect(site.read("charts/total.svg").contains("the widest is parts: a,"))
        #expect(site.read("charts/total.svg") == site.read("charts/total.svg", in: clean))
        #expect(site.read("index.html") == site.read("index.html", in: clean))
    }

    @Test func aTornadoOfAFigureThatIsNotARangeIsAnErrorAtItsField() throws {
        let site = try RangeDriverTests.fixture()
        try site.write("content/index.md", """
        ---
        title: Bad tornado
        ---

        ```chart
        id: bad
        type: tornado
        figure: figures.per-floor
        ```
        """)
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines.contains { $0.hasPrefix("content/index.md:8:9: error: figures.per-floor is up\u{A0}to\u{A0}150 units, not a range: a tornado chart shows what drives a range") }, "\(report.problemLines)")
    }
}

/// The story's own ranged figures: Meta's H100 bill is a range only because the price is.
@Suite("what drives a range, in the story")
struct RangeDriverStoryTests {
    func read(_ path: String) -> String {
        #expect(StoryTests.report.succeeded)
        return (try? String(contentsOf: StoryTests.output.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// ~350,000 × $30,000–40,000: the count is approximate, one number, so the price makes
    /// all the width: ~$10.5B at $30,000, ~$14B at $40,000, ~$12.25B at the midpoint $35,000.
    @Test func theMoneyPageShowsWhyTheH100BillIsWide() {
        let svg = read("charts/meta-spend-drivers.svg")
        #expect(svg.contains("the widest is Nvidia H100: unit price, which moves it from ~$10.5B to ~$14B (100% of the spread).</desc>"), "\(svg.prefix(800))")
        let page = read("money/index.html")
        #expect(page.contains("<figure class=\"chart\" id=\"chart-meta-spend-drivers\">"))
        #expect(page.contains("the width comes from the price"))
        let figures = VisibleText.of(read("figures/index.html"))
        #expect(figures.contains("100% chips.h100.unit_price, $30,000–40,000 per unit: ~$10.5 billion to ~$14 billion\n"))
        #expect(figures.contains("No spread (exact or approximate), not ranked: purchases.meta-h100-2024.units, ~350,000 GPUs."))
    }

    /// ~$18B ÷ (~350,000 × $30,000–40,000): the gap falls as the price rises, 18 ÷ 10.5 =
    /// 1.714 at $30,000 down to 18 ÷ 14 = 1.286 at $40,000; the price is all of it.
    @Test func aFigureThatFallsAsItsInputRisesListsItsEndsInTheInputsOrder() throws {
        let drivers = try #require(StoryModelForRanges.model.rangeDrivers(of: "figures.h100-claim-gap"))
        #expect(drivers.drivers.map(\.input.reference) == ["chips.h100.unit_price"])
        #expect(abs(drivers.drivers[0].atLow - 18.0 / 10.5) < 1e-9 && abs(drivers.drivers[0].atHigh - 18.0 / 14) < 1e-9)
        #expect(drivers.singles.map(\.reference) == ["claims.meta-h100-spend.says", "purchases.meta-h100-2024.units"])
    }
}

enum StoryModelForRanges {
    static let model: StoryModel = {
        let root = FixtureSite.repository
        let (loaded, _) = SiteLoader(root: root, options: BuildOptions(root: root)).load()
        return loaded!.model
    }()
}
