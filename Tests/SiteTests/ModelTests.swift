import Diagnostics
import Foundation
import Model
import Quantities
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// The derivations of SPEC §2 on the `story` fixture. Every expected value is worked out
/// by hand in the comment beside it.
@Suite("the model on the story fixture")
struct ModelDerivationTests {
    static func load() throws -> (StoryModel, [String]) {
        let site = try FixtureSite("story")
        let (loaded, diagnostics) = SiteLoader(root: site.root, options: BuildOptions(root: site.root)).load()
        return (try #require(loaded).model, diagnostics.sorted.map(\.description))
    }

    func text(_ model: StoryModel, _ reference: String) -> String {
        model.figures[reference].map { FigureText.format($0, locale: .en) } ?? "(missing \(reference))"
    }

    func interval(_ model: StoryModel, _ reference: String) -> (Double, Double)? {
        model.figures[reference]?.value.quantity.map { ($0.low, $0.high) }
    }

    @Test func loadsWithoutProblems() throws {
        let (_, problems) = try Self.load()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func purchasesSpendAndPower() throws {
        let (model, _) = try Self.load()
        // 350,000 × $30,000–40,000 = $10.5–14 billion.
        #expect(interval(model, "purchases.meta-h100-2024.spend")! == (10.5e9, 14e9))
        #expect(text(model, "purchases.meta-h100-2024.spend") == "$10.5–14 billion")
        // 150 MW ÷ 100,000 = 1.5 kW a unit; × 350,000 = 525 MW, approximate because ~150 MW is.
        #expect(text(model, "clusters.llama4.power_per_unit") == "~1.5 kW per unit")
        #expect(text(model, "purchases.meta-h100-2024.power") == "~525 MW")
        let power = try #require(model.figures["purchases.meta-h100-2024.power"])
        // The power per unit is an assumption (power-per-h100) whose value is the cluster's.
        #expect(power.inputs == ["purchases.meta-h100-2024.units", "assumptions.power-per-h100.value"])
        #expect(power.formula == "units × the all-in power per unit of the chip (an assumption)")
        #expect(model.figures["assumptions.power-per-h100.value"]?.inputs == ["clusters.llama4.power_per_unit"])
    }

    @Test func deals() throws {
        let (model, _) = try Self.load()
        // $38B ÷ 7 years = $5.43 billion a year.
        #expect(text(model, "deals.aws-openai.per_year") == "$5.43 billion per year")
        // up to $100B ÷ ≥ 10 GW: at most $10B a GW.
        #expect(text(model, "deals.nvidia-openai.per_gw") == "up\u{00A0}to\u{00A0}$10 billion per GW")
        // ≥ 10 GW ÷ ~1.5 kW = 6.667 million units, at least about that: rounded down, ≥ ~6.66 million
        // (no chip named: h100 assumed).
        #expect(text(model, "deals.nvidia-openai.gpus_implied") == "≥\u{00A0}~6.66 million units")
        #expect(model.figures["deals.nvidia-openai.gpus_implied"]?.formula?.contains("h100 assumed") == true)
        // ≥ $10B ÷ $500B = ≥ 2%.
        #expect(text(model, "deals.amazon-openai.implied_stake") == "≥\u{00A0}2%")
        // Invested in January 2023; OpenAI's only valuation is dated October 2025, after the
        // money went in: no implied stake at the time, and the figure says why.
        let stake = model.figures["deals.microsoft-openai.implied_stake"]
        #expect(text(model, "deals.microsoft-openai.implied_stake") == "unverifiable")
        #expect(stake?.value.unverifiableReason == "no valuation of OpenAI is dated on or before the deal of January 23, 2023; the earliest on record is dated October 2, 2025")
        #expect(stake?.inputs == ["deals.microsoft-openai.amount"])
        #expect(model.figures["deals.openai-oracle.per_year"] == nil, "no amount, no amount per year")
    }

    @Test func stakesFinancialsAudiencesTraining() throws {
        let (model, _) = try Self.load()
        // 27% × $500B = $135B; ÷ > $13B invested = < 10.4×.
        #expect(text(model, "stakes.microsoft-openai.value") == "$135 billion")
        #expect(text(model, "stakes.microsoft-openai.multiple") == "<\u{00A0}10.4×")
        // ~$40B ÷ (1 + > 42%) = < ~$28.17B, rounded up: < ~$28.2B.
        #expect(text(model, "financials.meta-2024.prior_capex") == "<\u{00A0}~$28.2 billion")
        // ~$40B ÷ 500M users = ~$80 a user.
        #expect(text(model, "audiences.meta-ai.capex_per_user") == "~$80 per user")
        // > 100,000 ÷ 10,000–20,000: more than 5×, the guaranteed end.
        #expect(text(model, "training.llama4.growth") == ">\u{00A0}5×")
    }

    @Test func companiesAndNamedFigures() throws {
        let (model, _) = try Self.load()
        // Totals by standing: Amazon's investment is in talks; the AWS deal has no status.
        #expect(text(model, "companies.amazon.invested_talks") == "≥\u{00A0}$10 billion")
        #expect(text(model, "companies.amazon.received_cloud_status_unstated") == "$38 billion")
        #expect(text(model, "companies.openai.latest_valuation") == "$500 billion")
        #expect(text(model, "companies.nvidia.power_committed_status_unstated") == "≥\u{00A0}10 GW")
        // OpenAI receives > $13B signed, up to $100B with no status and ≥ $10B in talks:
        // three totals, never one.
        #expect(text(model, "companies.openai.received_signed") == ">\u{00A0}$13 billion")
        #expect(text(model, "companies.openai.received_status_unstated") == "up\u{00A0}to\u{00A0}$100 billion")
        #expect(model.figures["companies.openai.received_talks"]?.inputs == ["deals.amazon-openai.amount"])
        #expect(text(model, "companies.openai.received_talks") == "≥\u{00A0}$10 billion")
        #expect(model.figures["companies.openai.received"] == nil && model.figures["companies.amazon.invested"] == nil)
        // ~150 MW ÷ ~30 MW = ~5×; ≥ 10 GW ÷ ~30 MW = 333.3, at least about: ≥ ~333×.
        #expect(text(model, "figures.llama4-vs-elcapitan") == "~5×")
        #expect(text(model, "figures.el-capitans-in-10gw") == "≥\u{00A0}~333×")
        let named = try #require(model.figures["figures.llama4-vs-elcapitan"])
        #expect(named.expression == "clusters.llama4.power ÷ clusters.el-capitan.power")
        #expect(named.sources == ["bi"])
    }

    @Test func provenanceIsTransitive() throws {
        let (model, _) = try Self.load()
        // gpus_implied rests on the deal (xataka) and on the cluster's power per unit (bi).
        #expect(model.figures["deals.nvidia-openai.gpus_implied"]?.sources == ["bi", "xataka"])
        #expect(model.figures(citing: "xataka").contains { $0.reference == "stakes.microsoft-openai.multiple" })
    }

    @Test func claimsHaveTheirThreeOutcomes() throws {
        let (model, _) = try Self.load()
        let byID = Dictionary(uniqueKeysWithValues: model.claims.map { ($0.id, $0) })
        let spend = try #require(byID["meta-spend-18b"])
        #expect(spend.status == .inconsistent)
        // $18B ÷ $30,000–40,000 = 450,000–600,000 units.
        #expect(spend.explanation == "The stated ~$18 billion lies above the computed $10.5–14 billion, beyond the ±10% tolerance. At the unit price of $30,000–40,000 per unit, it would need ~450,000–600,000 units, not 350,000 units.")
        #expect(byID["millions-of-gpus"]?.status == .consistent, "≥ 2M overlaps ≥ 6.67M")
        #expect(byID["llama-cluster"]?.status == .consistent, "~140 MW ± 10% reaches 150 MW")
        #expect(byID["oracle-yearly"]?.status == .unverifiable)
    }
}

@Suite("model errors with locations")
struct ModelErrorTests {
    func problems(_ files: [String: String]) throws -> [String] {
        let site = try FixtureSite("story")
        for (path, text) in files { try site.write(path, text) }
        return site.build().problemLines
    }

    @Test func quantityAndUnitErrorsInData() throws {
        let lines = try problems(["content/data/clusters.yaml": """
        - id: llama4
          owner: meta
          chip: h100
          units: 100000
          power: $150M
          source: bi
        - id: el-capitan
          owner: llnl
          power: 30 MWW
          source: bi
        """])
        // Line 5 `  power: $150M`: the value starts at column 10.
        #expect(lines.contains("content/data/clusters.yaml:5:10: error: 'power' must be power (W, kW, MW, GW), not money ($) ('$150M')"))
        // Line 9 `  power: 30 MWW`: the unit starts 3 characters into the value, column 13.
        #expect(lines.contains { $0.hasPrefix("content/data/clusters.yaml:9:13: error: 'power': unknown unit 'MWW'") })
    }

    @Test func unknownLinksSuggestNearMisses() throws {
        let lines = try problems(["content/data/purchases.yaml": """
        - id: meta-h100-2024
          buyer: metta
          chip: h100
          units: 350000
          source: bii
        """])
        #expect(lines.contains("content/data/purchases.yaml:2:10: error: unknown company 'metta' (did you mean 'meta'?)"))
        #expect(lines.contains("content/data/purchases.yaml:5:11: error: unknown source 'bii' (did you mean 'bi'?)"))
    }

    @Test func dimensionErrorInAFormulaPointsAtTheOperator() throws {
        let lines = try problems(["content/data/figures.yaml": """
        - id: nonsense
          expr: clusters.llama4.power + purchases.meta-h100-2024.spend
        """])
        // `  expr: ` is 8 columns; the '+' is 22 characters into the formula: column 31.
        // (The fixture's home template also names a figure this figures.yaml drops: a warning.)
        #expect(lines.filter { $0.contains(": error: ") }.count == 1)
        #expect(lines.first?.hasPrefix("content/data/figures.yaml:2:31: error: cannot add") == true)
    }

    /// A total cited without its standing, as the names were before they were kept apart,
    /// names every total it could mean.
    @Test func aTotalWithoutItsStandingNamesTheOnesThatExist() throws {
        let lines = try problems(["content/bad.md": "---\ntitle: Bad\n---\n\nOpenAI got {{ companies.openai.received }}.\n"])
        #expect(lines == ["content/bad.md:5:12: error: companies.openai has no field 'received'; it has 'received_investment_signed', "
            + "'received_investment_status_unstated', 'received_investment_talks', 'received_signed', 'received_status_unstated', "
            + "'received_talks' (totals are kept apart by standing)"])
    }

    /// Totals never add deals of different standings, in a named figure either: the
    /// story fixture's OpenAI investments are in talks (Amazon) and without status (the others).
    @Test func aSumOverDealsOfDifferentStandingsIsAnError() throws {
        let lines = try problems(["content/data/figures.yaml": """
        - id: promised
          expr: sum(deals[to=openai,kind=investment].amount)
        - id: in-talks
          expr: sum(deals[to=openai,kind=investment,status=talks].amount)
        """]).filter { $0.contains(": error: ") }  // the fixture's home page cites a figure this replaces
        #expect(lines == ["content/data/figures.yaml:2:13: error: sum() would add deals of different standings (paid or signed: microsoft-openai; in talks: amazon-openai; status not given: nvidia-openai); totals never add money paid or signed, pledged and in talks: select one, as in deals[to=openai,status=signed]"])
    }

    /// `+` and `−` keep deals of different standings apart as sum() does, at the operator,
    /// through named figures too; deals of one standing still add. Story fixture: microsoft-openai
    /// signed, amazon-openai in talks, nvidia-openai and aws-openai without a status.
    @Test func plusOrMinusOverDealsOfDifferentStandingsIsAnError() throws {
        let lines = try problems(["content/data/figures.yaml": """
        - id: mixed
          expr: deals.microsoft-openai.amount + deals.amazon-openai.amount
        - id: gap
          expr: deals.nvidia-openai.amount − deals.microsoft-openai.amount
        - id: signed
          expr: deals.microsoft-openai.amount * 2
        - id: through
          expr: figures.signed + sum(deals[to=openai,status=talks].amount)
        - id: unstated
          expr: deals.aws-openai.amount + deals.nvidia-openai.amount
        - id: totals
          expr: companies.openai.received_signed + companies.openai.received_talks
        """]).filter { $0.contains(": error: ") }
        let why = "totals never add money paid or signed, pledged and in talks: use deals of one standing"
        #expect(lines == [
            "content/data/figures.yaml:2:39: error: '+' would add deals of different standings (paid or signed: microsoft-openai; in talks: amazon-openai); \(why)",
            "content/data/figures.yaml:4:36: error: '−' would subtract deals of different standings (paid or signed: microsoft-openai; status not given: nvidia-openai); \(why)",
            "content/data/figures.yaml:8:24: error: '+' would add deals of different standings (paid or signed: microsoft-openai; in talks: amazon-openai); \(why)",
            // Derived totals are kept apart by standing; adding two of them would undo that.
            "content/data/figures.yaml:12:42: error: '+' would add deals of different standings (paid or signed: microsoft-openai; in talks: amazon-openai); \(why)",
        ])
    }

    @Test func factWithoutSourceIsAWarningAndFailsOnlyStrictBuilds() throws {
        let site = try FixtureSite("story")
        try site.write("content/data/valuations.yaml", "- id: openai-2025\n  company: openai\n  value: $500B\n  date: 2025-10-02\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.problemLines == ["content/data/valuations.yaml:1:3: warning: valuations record 'openai-2025' states facts but names no source"])
        #expect(!site.build(strict: true).succeeded)
    }

    @Test func referencesInProseAreCheckedWithLineAndColumn() throws {
        let lines = try problems(["content/bad.md": """
        ---
        title: Bad
        ---

        Spend was {{ purchases.meta-h100-2024.spendd }} and {{ purchase.meta-h100-2024.spend }}.
        Deal {{ deals.nvidia-opnai.amount }} and {{ deals.nvidia-openai.amount | compat }}.
        """])
        #expect(lines == [
            "content/bad.md:5:11: error: purchases.meta-h100-2024 has no field 'spendd' (did you mean 'spend'?)",
            "content/bad.md:5:53: error: unknown collection 'purchase' in 'purchase.meta-h100-2024.spend' (did you mean 'purchases'?)",
            "content/bad.md:6:6: error: no record 'nvidia-opnai' in deals (did you mean 'nvidia-openai'?)",
            "content/bad.md:6:42: error: unknown option 'compat' (did you mean 'compact'?); options are compact, precision: N, percent, number",
        ])
    }
}

@Suite("figures in built pages")
struct FigurePageTests {
    @Test func prosePageLinksEachFigureToItsEntry() throws {
        let site = try FixtureSite("story")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let home = site.read("index.html")
        #expect(home.contains(#"Meta's fleet cost <a class="figure" href="/figures/#purchases.meta-h100-2024.spend" title="Meta&#39;s Nvidia H100 purchase: spend is $10.5–14 billion. Units × the chip&#39;s unit price: 350,000 units × $30,000–40,000 per unit. Sources: Business Insider, January 19, 2024. Assumes: list-price.">$10.5–14 billion</a>"#))
        #expect(home.contains(">~5×</a> the power of El Capitan"))
        #expect(home.contains(">up\u{00A0}to\u{00A0}$100B</a>"), "| compact")
        #expect(home.contains("<code>{{ purchases.meta-h100-2024.spend }}</code>"), "code keeps the reference")
        let figures = site.read("figures/index.html")
        #expect(figures.contains(#"<dt id="purchases.meta-h100-2024.spend">"#))
        #expect(figures.contains("<code>purchases.meta-h100-2024.units × chips.h100.unit_price</code>"))
        let checks = site.read("checks/index.html")
        #expect(checks.contains("1 consistent") == false)
        #expect(checks.contains("2 consistent, 1 inconsistent, 1 unverifiable"))
    }

    @Test func dataDownloadsCarryUnitsAndEnds() throws {
        let site = try FixtureSite("story")
        site.build()
        let csv = site.read("data/purchases.csv")
        #expect(csv.hasPrefix("id,buyer,chip,units,units_low,units_high,units_unit,units_qualifier,as_of,power,power_low,power_high,power_unit,power_qualifier,spend,spend_low,spend_high,spend_unit,spend_qualifier,source\r\n"))
        #expect(csv.contains("$10.5–14 billion,10500000000,14000000000,USD,exact,bi"))
        let json = try JSONSerialization.jsonObject(with: Data(site.read("data/all-figures.json").utf8)) as? [[String: Any]]
        let stake = json?.first { $0["reference"] as? String == "stakes.microsoft-openai.value" }
        let value = stake?["value"] as? [String: Any]
        #expect(value?["low"] as? Double == 135e9)
        #expect(value?["unit"] as? String == "USD")
    }
}
