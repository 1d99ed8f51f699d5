import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// The repository's own story: it builds cleanly, its key figures appear on the pages
/// that cite them, and its prose types no number by hand.
@Suite("the AI-spending story")
struct StoryTests {
    static let output = FileManager.default.temporaryDirectory.appendingPathComponent("capex-story-\(UUID().uuidString)")
    static let report = SiteBuilder.build(BuildOptions(root: FixtureSite.repository, output: output, strict: true))

    func page(_ path: String) -> String {
        _ = Self.report
        return (try? String(contentsOf: Self.output.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// The text of the figure link to `reference` on a page.
    func figure(_ reference: String, on path: String) -> String? {
        let html = page(path)
        guard let start = html.range(of: "href=\"/figures/#\(reference)\"") else { return nil }
        guard let open = html[start.upperBound...].range(of: "\">"),
              let close = html[open.upperBound...].range(of: "</a>") else { return nil }
        return String(html[open.upperBound..<close.lowerBound])
    }

    @Test func buildsStrictlyWithNoWarnings() {
        #expect(Self.report.succeeded, "\(Self.report.problemLines)")
        #expect(Self.report.diagnostics.all.isEmpty, "\(Self.report.problemLines)")
        #expect(Self.report.claims["inconsistent"] == 1, "the $18B estimate is a finding, not an error")
        #expect(Self.report.claims["ambiguous"] == 1, "600,000 H100 equivalents, held and expected")
    }

    /// The derived figures the issue lists, each worked out by hand.
    @Test func keyFiguresAppearWhereTheyAreCited() {
        let expected: [(String, String, String)] = [
            // ~350,000 × $30,000–40,000
            ("money/index.html", "purchases.meta-h100-2024.spend", "~$10.5–14 billion"),
            ("money/index.html", "claims.meta-h100-spend.says", "~$18 billion"),
            // 350,000 × 1.5 kW; 600,000 × 1.5 kW
            ("power/index.html", "purchases.meta-h100-2024.power", "~525 MW"),
            ("power/index.html", "fleets.meta-h100e-2024.power", "~900 MW"),
            // ~600,000 H100 equivalents priced as H100s: $18–24B, a sketch, not a spend.
            ("money/index.html", "figures.h100e-at-h100-price", "~$18–24 billion"),
            // 150 MW ÷ 30 MW; ≥ 10 GW ÷ ~150 MW = 66.7, a lower bound from an approximate input,
            // rounded down at 2 digits; ≥ 10 GW ÷ 30 MW = 333.3 → 333; ≥ 10 GW ÷ ~1.5 kW = 6.67M → 6.6M
            ("power/index.html", "figures.llama4-vs-el-capitan", "~5×"),
            ("power/index.html", "figures.ten-gw-in-clusters", "≥\u{00A0}~66×"),
            ("power/index.html", "figures.ten-gw-in-el-capitans", "≥\u{00A0}333×"),
            ("power/index.html", "deals.nvidia-openai.gpus_implied", "≥\u{00A0}~6.6 million GPUs"),
            // up to $100B ÷ ≥ 10 GW; $38B ÷ 7 years
            ("loop/index.html", "deals.nvidia-openai.per_gw", "up\u{00A0}to\u{00A0}$10 billion per GW"),
            ("loop/index.html", "deals.openai-aws.per_year", "$5.4 billion per year"),
            // 27% × $500B, against > $13B invested; ≥ $10B ÷ > $500B
            ("valuations/index.html", "stakes.microsoft-openai.value", "$135 billion"),
            ("valuations/index.html", "deals.microsoft-openai.amount", "&gt;\u{00A0}$13 billion"),
            ("valuations/index.html", "deals.amazon-openai.implied_stake", "2%\u{00A0}at\u{00A0}face\u{00A0}value"),
            // up to $40B ÷ (1 + > 42%); up to $40B ÷ > 500M users
            ("money/index.html", "financials.meta-2024.prior_capex", "&lt;\u{00A0}$28.2 billion"),
            ("users/index.html", "audiences.meta-ai.capex_per_user", "&lt;\u{00A0}$80 per user"),
            // > 100,000 ÷ 10,000–20,000
            ("doubts/index.html", "training.llama4.growth", "&gt;\u{00A0}5×"),
        ]
        for (path, reference, text) in expected {
            #expect(figure(reference, on: path) == text, "\(reference) on \(path)")
        }
    }

    @Test func everyPageTheIssueAsksForExists() {
        for path in ["index.html", "money/index.html", "power/index.html", "loop/index.html", "valuations/index.html",
                     "users/index.html", "doubts/index.html", "about/index.html", "deals/index.html", "figures/index.html",
                     "checks/index.html", "sources/index.html", "data/index.html", "companies/index.html",
                     "companies/nvidia/index.html", "companies/openai/index.html", "companies/meta/index.html"] {
            #expect(!page(path).isEmpty, "\(path)")
        }
        for chart in ["money-flow", "power-scale", "meta-gpu-spend", "deals-timeline", "ai-users", "meta-capex", "money-to-openai"] {
            #expect(page("charts/\(chart).svg").hasPrefix("<svg"), "\(chart)")
        }
    }

    /// Outside `{{ }}`, code and chart blocks and link targets, a digit may only be part of
    /// a year, of a name glued to letters (H100, Trainium3), or a Llama generation.
    @Test func proseTypesNoNumberByHand() throws {
        let content = FixtureSite.repository.appendingPathComponent("content")
        let chapters = try FileManager.default.contentsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(chapters.count >= 8)
        var strays: [String] = []
        for chapter in chapters {
            var text = try String(contentsOf: content.appendingPathComponent(chapter), encoding: .utf8)
            for pattern in [#"(?s)^---\n.*?\n---\n"#, #"(?s)```.*?```"#, #"\{\{.*?\}\}"#, #"\]\([^)]*\)"#] {
                text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
            }
            for word in text.split(whereSeparator: { $0.isWhitespace }) where word.contains(where: \.isNumber) {
                let token = String(word)
                let allowed = [#"^\W*(19|20)\d\d('s)?\W*$"#, #"[A-Za-z]\d|\d[A-Za-z]"#]
                    .contains { token.range(of: $0, options: .regularExpression) != nil }
                if !allowed, !text.contains("Llama \(token.trimmingCharacters(in: .punctuationCharacters.union(.symbols)))") {
                    strays.append("\(chapter): \(token)")
                }
            }
        }
        #expect(strays.isEmpty, "\(strays)")
    }

    /// Visible text of a built page: tags and charts dropped, entities decoded, spaces collapsed.
    func text(_ path: String) -> String {
        var html = page(path)
        for pattern in [#"(?s)<svg.*?</svg>"#, #"(?s)<script.*?</script>"#, #"<[^>]+>"#] {
            html = html.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, character) in [("&gt;", ">"), ("&lt;", "<"), ("&#39;", "'"), ("&quot;", "\""), ("&amp;", "&")] {
            html = html.replacingOccurrences(of: entity, with: character)
        }
        return html.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    /// What the sources give as possible, planned, expected or an analyst's view is said so.
    @Test func theProseKeepsTheSourcesModality() {
        let said: [(String, String)] = [
            ("index.html", "Meta could train Llama 3 on 10,000–20,000 GPUs and Llama 4 on > 100,000 GPUs , and could scale further still for Llama 5"),
            ("doubts/index.html", "Meta could train Llama 3 on 10,000–20,000 GPUs and then Llama 4 on > 100,000 GPUs"),
            ("power/index.html", "Zuckerberg has said Meta could train Llama 4 on > 100,000 GPUs"),
            ("loop/index.html", "Analysts quoted in the coverage see a shape in the deals of 2025, and worry about it"),
            ("money/index.html", "Paul Baier, chief executive and lead analyst of GAI Insights, quoted by Business Insider, sees much at stake for both: in his view"),
            ("money/index.html", "would probably own that many by the end of 2024"),
            ("money/index.html", "None of the sources gives a 2023 figure, so the growth cannot be checked"),
            ("about/index.html", "Some numbers are typed by hand, and only these: dates, wherever they appear"),
        ]
        for (path, sentence) in said {
            #expect(text(path).contains(sentence), "\(path): \(sentence)")
        }
        let unsaid: [(String, String)] = [
            ("index.html", "Llama 5 will take more"), ("doubts/index.html", "Meta trained Llama 3"),
            ("power/index.html", "Meta says it trains Llama 4"), ("about/index.html", "No number in the text of this site was typed by hand"),
            ("loop/index.html", "the direction is clear"), ("money/index.html", "Meta's open models keep developers building"),
        ]
        for (path, sentence) in unsaid {
            #expect(!text(path).contains(sentence), "\(path) still says: \(sentence)")
        }
    }

    /// Labels drawn from data say when a fact is planned, possible or only disclosed.
    @Test func chartLabelsCarryModality() {
        let timeline = page("charts/deals-timeline.svg")
        #expect(timeline.contains("(disclosed)"), "Meta's H100s sit at the date the count was disclosed")
        #expect(timeline.contains("(planned)"))
        #expect(timeline.contains("(possible)"))
        #expect(page("charts/llama-gpus.svg").contains("Llama 4 (possible)"))
        #expect(!page("charts/llama-gpus.svg").contains("Llama 3 ("))
        // The stacked chart keeps each standing in its own bar, named in a reader's words.
        let stacked = page("charts/money-to-openai.svg")
        for status in [">paid or signed<", ">pledged<", ">in talks<"] { #expect(stacked.contains(status), "\(status)") }
        #expect(!stacked.contains(">talks<"))
        #expect(page("charts/meta-capex.svg").contains("Meta&#39;s capex"))
    }

    /// An estimate of compute in H100 equivalents is not a purchase: no spend, not on Meta's purchases.
    @Test func equivalentsAreAnEstimateNotAPurchase() {
        let (model, _) = SiteBuilder.loadModel(BuildOptions(root: FixtureSite.repository, write: false))
        #expect(model?.figures["fleets.meta-h100e-2024.spend"] == nil)
        #expect(model?.figures["fleets.meta-h100e-2024.units"]?.modality == .estimate)
        #expect(model?.figures["fleets.meta-h100e-2024.power"]?.modality == .estimate, "a figure carries its inputs' modality")
        #expect(model?.records("purchases").contains { $0.id.contains("h100e") } == false)
        // Meta's page lists them apart from its purchases, as an estimate of compute.
        let meta = text("companies/meta/index.html")
        let purchases = meta.components(separatedBy: "Chip purchases").dropFirst().first?.components(separatedBy: "Compute in chip equivalents").first ?? ""
        #expect(!purchases.isEmpty && !purchases.contains("600,000"), "\(purchases)")
        let equivalents = meta.components(separatedBy: "Compute in chip equivalents").dropFirst().first ?? ""
        #expect(equivalents.hasPrefix(" expected by December 2024 : ~600,000 GPUs (estimate) in Nvidia H100 equivalents"), "\(equivalents)")
    }

    /// The checks page names each verdict and the comparison behind it (worked by hand in the comments).
    @Test func checksPageExplainsEachVerdict() {
        let checks = text("checks/index.html")
        #expect(checks.contains("2 consistent, 1 inconsistent, 1 unverifiable, 1 ambiguous"))
        // ≥ 2 million against 10 GW ÷ 1.5 kW ≥ 6.67 million: a bound met by every value, no tolerance.
        #expect(checks.contains("Consistent ≥ 2M GPUs"))
        #expect(checks.contains("The stated ≥ 2 million GPUs is a lower bound: it holds for any value of at least 2 million GPUs."))
        #expect(!checks.contains("(within ±10%)"))
        #expect(checks.contains("Unverifiable > 42%"))
        #expect(checks.contains("Checking this growth needs Meta's capex for 2023 from a source, and the data has none"))
        // > 22% starts at 22%; ~9% ± 10% ends at 9.9%.
        #expect(checks.contains("Consistent revenue grew faster than operating costs"))
        #expect(checks.contains("the lowest the first can be, 22%, is above the highest the second can be, 9.9%"))
        #expect(checks.contains("Ambiguous ~600,000 GPUs"))
        #expect(checks.contains("The source gives ~600,000 GPUs in two ways that cannot all be meant: as held in January 2024 (disclosed) and as expected by the end of 2024 (expected)."))
        #expect(checks.contains("Inconsistent ~$18B"))
    }

    /// The story uses every chart type the engine has.
    @Test func theStoryUsesAllSixChartTypes() throws {
        let content = FixtureSite.repository.appendingPathComponent("content")
        var types = Set<String>()
        for chapter in try FileManager.default.contentsOfDirectory(atPath: content.path) where chapter.hasSuffix(".md") {
            let source = try String(contentsOf: content.appendingPathComponent(chapter), encoding: .utf8)
            for line in source.split(separator: "\n") where line.hasPrefix("type: ") {
                types.insert(String(line.dropFirst(6)).components(separatedBy: " ")[0])
            }
        }
        #expect(types == Set(ChartBlocks.types))
    }
}
