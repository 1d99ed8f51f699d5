import Foundation
import Testing
@testable import Site

/// Rules of HTML that the Nu Html Checker and a browser hold the built story to (the CI's
/// scripts/browser-check.sh runs both); these tests keep them without a browser.
@Suite("the story's markup")
struct MarkupRulesTests {
    static let output = FileManager.default.temporaryDirectory.appendingPathComponent("capex-markup-\(UUID().uuidString)")
    static let report = SiteBuilder.build(BuildOptions(root: FixtureSite.repository, output: output))

    func page(_ path: String) -> String {
        _ = Self.report
        return (try? String(contentsOf: Self.output.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func htmlFiles() -> [String] {
        _ = Self.report
        let files = FileManager.default.enumerator(atPath: Self.output.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".html") }.sorted()
    }

    /// HTML allows a <figcaption> only as the first or the last child of its <figure>: "The
    /// numbers" under a chart sits inside the caption, which closes the figure.
    @Test func aChartsCaptionIsTheLastThingInItsFigure() {
        var charts = 0
        for file in htmlFiles() {
            for chunk in page(file).components(separatedBy: "<figure class=\"chart\"").dropFirst() {
                charts += 1
                let figure = chunk.components(separatedBy: "</figure>")[0]
                #expect(figure.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</figcaption>"), "\(file): \(figure.suffix(200))")
                #expect(figure.components(separatedBy: "<figcaption>").count == 2, "\(file): one caption per chart")
                let beforeCaption = figure.components(separatedBy: "<figcaption>")[0]
                #expect(!beforeCaption.contains("<details"), "\(file): a <details> before the caption")
                // The words of the page's language: the Spanish tree says "Las cifras".
                let numbers = file.hasPrefix("es/") ? "Las cifras" : "The numbers"
                #expect(figure.contains("<summary>\(numbers)</summary>"), "\(file)")
            }
        }
        #expect(charts >= 8, "the story's chapters and company pages draw charts")
    }

    /// A link to a figure's entry lands on an entry: a claim about a figure the data cannot
    /// compute (Meta's 2024 capex growth, with no 2023 capex) names it without a link.
    @Test func everyFigureLinkLandsOnAnEntry() {
        let figures = page("figures/index.html")
        let ids = Set(figures.matches(of: #/id="([^"]+)"/#).map { String($0.output.1) })
        #expect(ids.contains("financials.meta-2024.capex_growth"))
        var links = 0
        for file in htmlFiles() {
            for link in page(file).components(separatedBy: "href=\"/figures/#").dropFirst() {
                let target = String(link.prefix { $0 != "\"" })
                links += 1
                #expect(ids.contains(target), "\(file) links to /figures/#\(target), which is not there")
            }
        }
        #expect(links > 100)
        let checks = page("checks/index.html")
        #expect(checks.contains("Unverifiable</span> &gt; 42% — <code>financials.meta-2024.capex_growth_computed</code></h2>"), "\(checks)")
    }
}
