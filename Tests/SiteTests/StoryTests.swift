import Foundation
import Testing
@testable import Site

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
    }

    /// The derived figures the issue lists, each worked out by hand.
    @Test func keyFiguresAppearWhereTheyAreCited() {
        let expected: [(String, String, String)] = [
            // ~350,000 × $30,000–40,000
            ("money/index.html", "purchases.meta-h100-2024.spend", "~$10.5–14 billion"),
            ("money/index.html", "claims.meta-h100-spend.says", "~$18 billion"),
            // 350,000 × 1.5 kW; 600,000 × 1.5 kW
            ("power/index.html", "purchases.meta-h100-2024.power", "~525 MW"),
            ("power/index.html", "purchases.meta-h100e-600k.power", "~900 MW"),
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
            ("valuations/index.html", "deals.amazon-openai.implied_stake", "~2%"),
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
        for chart in ["money-flow", "power-scale", "meta-gpu-spend", "deals-timeline", "ai-users", "meta-capex"] {
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
}
