import Foundation
import Testing
@testable import Model
@testable import Site

/// Issue 14, assumptions: every choice a derivation makes that the data does not state as a
/// fact is named, with the figures that rest on it, on /assumptions/, on /figures/ and in
/// the figures' link titles; and `capex explain REF --assume ID=VALUE` re-evaluates a figure.
@Suite("assumptions and what-if")
struct AssumptionTests {
    /// The figure references an assumption's section on /assumptions/ links to.
    static func dependents(_ id: String, in html: String) -> [String] {
        guard let start = html.range(of: #"<section class="assumption" id="\#(id)">"#),
              let end = html[start.upperBound...].range(of: "</section>") else { return [] }
        let section = String(html[start.upperBound..<end.lowerBound])
        let pattern = try! NSRegularExpression(pattern: #"<li><a href="[^"]*/figures/#([^"]+)">"#)
        return pattern.matches(in: section, range: NSRange(section.startIndex..., in: section)).compactMap {
            Range($0.range(at: 1), in: section).map { String(section[$0]) }
        }
    }

    static func section(_ id: String, in html: String) -> String {
        guard let start = html.range(of: #"<section class="assumption" id="\#(id)">"#),
              let end = html[start.upperBound...].range(of: "</section>") else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// The story's page names the power per GPU, the default chip and the valuation choice,
    /// each with the figures that rest on it. Worked from the data by hand: the power per
    /// H100 turns Meta's H100s and its H100 equivalents into power, and the Nvidia–OpenAI
    /// gigawatts (which name no chip) into GPUs; every figure built on those follows.
    @Test func theStoryPageNamesEachChoiceWithItsFigures() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("capex-assumptions-\(UUID().uuidString)")
        let report = SiteBuilder.build(BuildOptions(root: FixtureSite.repository, output: output, strict: true))
        #expect(report.succeeded, "\(report.diagnostics.sorted.map(\.description))")
        let html = (try? String(contentsOf: output.appendingPathComponent("assumptions/index.html"), encoding: .utf8)) ?? ""

        #expect(Self.dependents("power-per-h100", in: html) == [
            "deals.nvidia-openai.gpus_implied", "deals.openai-nvidia.gpus_implied",
            "figures.gpu-bill-vs-nvidia-investment", "figures.meta-fleet-vs-el-capitan",
            "figures.openai-gpu-bill-at-h100-prices", "figures.ten-gw-vs-meta-fleet",
            "fleets.meta-h100e-2024.power", "purchases.meta-h100-2024.power",
        ])
        // Its value is the cluster's, so it rests on the cluster's source.
        let power = Self.section("power-per-h100", in: html)
        #expect(power.contains("~1.5 kW per GPU"), "\(power)")
        #expect(power.contains(#"Source: <a href="/sources/#nextecnology-llama4">Nextecnology, October 30, 2024 or later</a>"#), "\(power)")

        // The two Nvidia–OpenAI deals name no chip: H100s, the editor's choice.
        #expect(Self.dependents("default-chip", in: html) == [
            "deals.nvidia-openai.gpus_implied", "deals.openai-nvidia.gpus_implied",
            "figures.gpu-bill-vs-nvidia-investment", "figures.openai-gpu-bill-at-h100-prices",
        ])
        #expect(Self.section("default-chip", in: html).contains("Source: the editor&#39;s assumption"))

        // Every investment's implied stake, those the rule leaves unverifiable included.
        #expect(Self.dependents("valuation-at-deal", in: html) == [
            "deals.amazon-openai.implied_stake", "deals.microsoft-openai.implied_stake", "deals.nvidia-openai.implied_stake",
        ])
        // A stake's value follows another rule: the latest valuation, not the one at a deal.
        #expect(Self.dependents("latest-valuation", in: html).contains("stakes.microsoft-openai.value"))
        #expect(!Self.dependents("valuation-at-deal", in: html).contains("stakes.microsoft-openai.value"))

        // Each figure's entry and link title name the assumptions it rests on.
        let figures = (try? String(contentsOf: output.appendingPathComponent("figures/index.html"), encoding: .utf8)) ?? ""
        let entry = figures.components(separatedBy: #"<dt id="deals.nvidia-openai.gpus_implied">"#).dropFirst().first?
            .components(separatedBy: "</dd>").first ?? ""
        #expect(entry.contains(#"Rests on the assumptions: <a href="/assumptions/#power-per-h100"><code>power-per-h100</code></a>, <a href="/assumptions/#default-chip"><code>default-chip</code></a>."#), "\(entry)")
        let home = (try? String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)) ?? ""
        #expect(home.contains("Assumes: power-per-h100, default-chip.\">"))
        // And the download of all figures.
        let data = try Data(contentsOf: output.appendingPathComponent("data/all-figures.json"))
        let all = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let gpus = all.first { $0["reference"] as? String == "deals.nvidia-openai.gpus_implied" }
        #expect(gpus?["assumptions"] as? [String] == ["power-per-h100", "default-chip"])
    }

    /// An assumption declared in data is used by a formula; the figures name it, and the
    /// Spanish tree shows the page in Spanish.
    @Test func aDeclaredAssumptionIsUsedByAFormula() throws {
        let site = try FixtureSite("assumptions")
        #expect(site.build().succeeded)
        let page = site.read("assumptions/index.html")
        // 10 GW × 50% = 5 GW.
        #expect(Self.dependents("utilisation", in: page) == ["figures.busy-power"])
        #expect(Self.section("utilisation", in: page).contains("Half of the power a deal buys runs GPUs"))
        #expect(site.read("index.html").contains(#"Assumes: utilisation.">5 GW</a>"#))
        // 150 MW ÷ 100,000 = 1.5 kW; 1,000 × 1.5 kW = 1.5 MW; 10 GW ÷ 1.5 kW = 6.67 million.
        #expect(Self.dependents("power-per-h100", in: page) == ["deals.big.gpus_implied", "purchases.small.power"])
        #expect(Self.dependents("valuation-at-deal", in: page) == ["deals.fund.implied_stake"])

        // The Spanish tree: the data's Spanish statement (`statement: {en: …, es: …}`), the
        // built-in choices' Spanish words.
        let spanish = site.read("es/assumptions/index.html")
        #expect(spanish.contains("<h1>Supuestos</h1>"))
        #expect(Self.section("utilisation", in: spanish).contains("La mitad de la potencia"))
        #expect(Self.section("default-chip", in: spanish).contains("Fuente: supuesto del editor"))
        #expect(Self.section("default-chip", in: spanish).contains("Un acuerdo que no nombra ningún chip se cuenta en Nvidia H100"))
    }

    /// A declared assumption with a wrong value is an error at it, as in the rest of the data.
    @Test func aBadDeclaredAssumptionIsAnErrorAtIt() throws {
        let site = try FixtureSite("assumptions")
        try site.write("content/data/assumptions.yaml", """
        - id: power-per-h100
          value: "$3"
        - id: default-chip
          value: h10
        """)
        let report = site.build()
        #expect(!report.succeeded)
        let lines = report.diagnostics.sorted.map(\.description)
        #expect(lines.contains("content/data/assumptions.yaml:2:10: error: assumption 'power-per-h100' must be power per unit (1.5 kW), not money ($) ('$3')"), "\(lines)")
        #expect(lines.contains("content/data/assumptions.yaml:4:10: error: unknown chip 'h10' (did you mean 'h100'?)"), "\(lines)")
    }

    /// An assumption of the author's own gives one of `value` and `expr`; an id one letter
    /// off a built-in one would change nothing, and says so.
    @Test func aDeclarationThatWouldBeIgnoredIsReported() throws {
        let site = try FixtureSite("assumptions")
        try site.write("content/data/assumptions.yaml", """
        - id: utilisation
          value: "50%"
          expr: deals.big.power / deals.big.power
        - id: valuation-at-dea
          statement: The valuation at the deal.
        - id: power-per-b200
          value: 1 kW
        """)
        let report = site.build()
        let lines = report.diagnostics.sorted.map(\.description)
        #expect(lines.contains("content/data/assumptions.yaml:3:9: error: assumption 'utilisation' has both 'value' and 'expr': keep one"), "\(lines)")
        #expect(lines.contains("content/data/assumptions.yaml:4:3: warning: assumption 'valuation-at-dea' is not a built-in one (did you mean 'valuation-at-deal'?); as written it is an assumption of its own, which changes no derivation"), "\(lines)")
        #expect(lines.contains("content/data/assumptions.yaml:6:3: warning: assumption 'power-per-b200' names no known chip: unknown chip 'b200'; as written it changes no derivation"), "\(lines)")
    }

    // MARK: what-if

    /// A value that breaks another figure (a price of $0 under a division) does not stop
    /// the what-if of this one: the result is printed, the other figure's error follows as
    /// a warning, and the exit status is 0. 1,000 × $0 = $0.
    @Test func aValueThatBreaksAnotherFigureIsReportedBesideTheResult() throws {
        let site = try FixtureSite("assumptions")
        try site.write("content/data/figures.yaml", """
        - id: busy-power
          expr: deals.big.power * assumptions.utilisation.value
        - id: units-per-dollar
          expr: purchases.small.units / purchases.small.spend
        """)
        let result = try Self.explain(["purchases.small.spend", "--assume", "chips.h100.unit_price=$0"], site: site)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("purchases.small.spend = $30–40 million → $0\n"), "\(result.output)")
        #expect(result.output.contains("content/data/figures.yaml:4:31: warning: with --assume, cannot divide by zero"), "\(result.output)")
    }

    static func explain(_ arguments: [String], site: FixtureSite) throws -> (status: Int32, output: String) {
        try ReadmeTests.run(["explain"] + arguments + ["--root", site.root.path], in: site.root)
    }

    /// 10 GW ÷ 1.5 kW = 6.67 million GPUs; at 2 kW, 10 GW ÷ 2 kW = 5 million.
    @Test func assumingAnotherPowerPerGPU() throws {
        let site = try FixtureSite("assumptions")
        let result = try Self.explain(["deals.big.gpus_implied", "--assume", "power-per-h100=2 kW"], site: site)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "deals.big.gpus_implied = 6.67 million units → 5 million units")
        #expect(lines.contains("  what if: power-per-h100 = 2 kW per unit (was 1.5 kW per unit)"))
        #expect(lines.contains("  assumes: power-per-h100, default-chip (see /assumptions/)"))
        // Nothing is written: the site is as it was.
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A data field and a declared assumption, together: $25k–30k × 1,000 = $25–30 million;
    /// 10 GW × 40% = 4 GW.
    @Test func assumingAFieldAndADeclaredAssumption() throws {
        let site = try FixtureSite("assumptions")
        let result = try Self.explain(["figures.busy-power", "--assume", "utilisation=40%", "--assume", "chips.h100.unit_price=$25k–30k"], site: site)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "figures.busy-power = 5 GW → 4 GW")
        #expect(lines.contains("    figures.busy-power does not rest on chips.h100.unit_price: unchanged"))
        let spend = try Self.explain(["purchases.small.spend", "--assume", "chips.h100.unit_price=$25k–30k"], site: site)
        #expect(spend.output.hasPrefix("purchases.small.spend = $30–40 million → $25–30 million\n"), "\(spend.output)")
    }

    @Test func aUnitErrorInTheValueIsAnError() throws {
        let site = try FixtureSite("assumptions")
        let price = try Self.explain(["purchases.small.spend", "--assume", "chips.h100.unit_price=2 kW"], site: site)
        #expect(price.status == 1)
        #expect(price.output == "error: --assume chips.h100.unit_price=2 kW: 'unit_price' must be a price per unit ($30k–40k), not power (W) ('2 kW')\n")
        let power = try Self.explain(["deals.big.gpus_implied", "--assume", "power-per-h100=2 MWh"], site: site)
        #expect(power.status == 1)
        #expect(power.output == "error: --assume power-per-h100=2 MWh: assumption 'power-per-h100' must be power per unit (1.5 kW), not energy (Wh) ('2 MWh')\n")
        let share = try Self.explain(["figures.busy-power", "--assume", "utilisation=3 GW"], site: site)
        #expect(share.status == 1)
        #expect(share.output == "error: --assume utilisation=3 GW: utilisation is dimensionless (50%), not power (W) ('3 GW')\n")
    }

    /// Two values for one thing, under one name or two (`power-per-h100` is
    /// `assumptions.power-per-h100.value`): an error naming both arguments, not the last kept.
    @Test func aValueAssumedTwiceIsAnError() throws {
        let site = try FixtureSite("assumptions")
        let twice = try Self.explain(["deals.big.gpus_implied", "--assume", "power-per-h100=2 kW", "--assume", "assumptions.power-per-h100.value=3 kW"], site: site)
        #expect(twice.status == 1)
        #expect(twice.output == "error: --assume assumptions.power-per-h100.value=3 kW: assumptions.power-per-h100.value is already assumed by --assume power-per-h100=2 kW; give each value once\n", "\(twice.output)")
        let field = try Self.explain(["purchases.small.spend", "--assume", "chips.h100.unit_price=$1", "--assume", "chips.h100.unit_price=$2"], site: site)
        #expect(field.status == 1)
        #expect(field.output.contains("chips.h100.unit_price is already assumed by --assume chips.h100.unit_price=$1"), "\(field.output)")
    }

    /// A site whose figures rest on no assumption: the error says so, not "an assumption ()".
    @Test func anUnknownIDOnASiteWithoutAssumptions() throws {
        let site = try FixtureSite("basic")
        let result = try Self.explain(["firms.meta.name", "--assume", "utilisation=40%"], site: site)
        #expect(result.status == 1)
        #expect(result.output.contains("unknown assumption 'utilisation'; an ID is a field of a record (the data declares no assumption), as in chips.h100.unit_price"), "\(result.output)")
        #expect(!result.output.contains("()"), "\(result.output)")
    }

    @Test func anUnknownIDIsAnErrorWithASuggestion() throws {
        let site = try FixtureSite("assumptions")
        let typo = try Self.explain(["deals.big.gpus_implied", "--assume", "power-per-h10=2 kW"], site: site)
        #expect(typo.status == 1)
        #expect(typo.output.hasPrefix("error: --assume power-per-h10=2 kW: unknown assumption 'power-per-h10' (did you mean 'power-per-h100'?)"), "\(typo.output)")
        let field = try Self.explain(["purchases.small.spend", "--assume", "chips.h100.price=$1"], site: site)
        #expect(field.output.hasPrefix("error: --assume chips.h100.price=$1: chips.h100 has no field 'price' (did you mean 'unit_price'?)"), "\(field.output)")
        let derived = try Self.explain(["deals.big.gpus_implied", "--assume", "deals.big.gpus_implied=1"], site: site)
        #expect(derived.output.hasPrefix("error: --assume deals.big.gpus_implied=1: deals.big.gpus_implied is derived"), "\(derived.output)")
        let rule = try Self.explain(["deals.fund.implied_stake", "--assume", "valuation-at-deal=x"], site: site)
        #expect(rule.status == 1)
        #expect(rule.output.hasPrefix("error: --assume valuation-at-deal=x: 'valuation-at-deal' is a rule"), "\(rule.output)")
        let shape = try Self.explain(["deals.big.gpus_implied", "--assume", "power-per-h100"], site: site)
        #expect(shape.status == 1)
        #expect(shape.output.hasPrefix("error: --assume power-per-h100: expected ID=VALUE"), "\(shape.output)")
    }

    /// What-if stays in the terminal: `capex build` has no `--assume`.
    @Test func buildHasNoAssume() throws {
        let site = try FixtureSite("assumptions")
        let result = try ReadmeTests.run(["build", "--root", site.root.path, "--assume", "power-per-h100=2 kW"], in: site.root)
        #expect(result.status != 0)
        #expect(result.output.contains("Unknown option '--assume'"), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A chip with no known power per unit makes the GPUs implied unverifiable, with the
    /// reason, rather than dropping them; giving that chip a power brings them back
    /// (10 GW ÷ 1 kW = 10 million).
    @Test func anotherDefaultChipNeedsItsPower() throws {
        let site = try FixtureSite("assumptions")
        try site.write("content/data/chips.yaml", """
        - id: h100
          name: Nvidia H100
          unit_price: "$30k–40k"
          source: paper
        - id: b200
          name: Nvidia B200
          source: paper
        """)
        let bare = try Self.explain(["deals.big.gpus_implied", "--assume", "default-chip=b200"], site: site)
        #expect(bare.output.hasPrefix("deals.big.gpus_implied = 6.67 million units → unverifiable\n"), "\(bare.output)")
        #expect(bare.output.contains("cannot be computed: no all-in power per unit of the Nvidia B200 is known"), "\(bare.output)")
        let powered = try Self.explain(["deals.big.gpus_implied", "--assume", "default-chip=b200", "--assume", "power-per-b200=1kW"], site: site)
        #expect(powered.output.hasPrefix("deals.big.gpus_implied = 6.67 million units → 10 million units\n"), "\(powered.output)")
        let unknown = try Self.explain(["deals.big.gpus_implied", "--assume", "default-chip=b20"], site: site)
        #expect(unknown.output == "error: --assume default-chip=b20: unknown chip 'b20' (did you mean 'b200'?)\n", "\(unknown.output)")
    }
}
