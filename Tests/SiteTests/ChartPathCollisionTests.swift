import Foundation
import Testing

/// A page whose address is a chart's embed page (`content/charts/<id>.md` → /charts/<id>/)
/// is an error at the page, not replaced in silence. Found by the hostile-input pass: the
/// page's text vanished from output/, its address served the chart's embed page, and the
/// sitemap still listed it. The same chart drawn on two pages stays one error, at its fence.
@Suite("a page at a chart's embed address")
struct ChartPathCollisionTests {
    let chartPage = "---\ntitle: Chart\n---\n\n```chart\nid: amounts\ntype: bar\ntitle: Amounts\nvalues: [deals.acme-globex.amount]\nlabels: [Acme]\n```\n"

    @Test func aPageAtTheEmbedAddressIsAnError() throws {
        let site = try FixtureSite("field-shapes")
        try site.write("content/drawn.md", chartPage)
        try site.write("content/charts/amounts.md", "---\ntitle: Mine\n---\nMy own page.\n")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines == [
            "content/charts/amounts.md:1:1: error: 'charts/amounts/index.html' is written twice (also by page:/drawn/)",
        ])
    }

    @Test func theSameChartOnTwoPagesIsOneErrorAtItsFence() throws {
        let site = try FixtureSite("field-shapes")
        try site.write("content/drawn.md", chartPage)
        try site.write("content/again.md", chartPage)
        let lines = site.build().problemLines
        // again.md sorts first, so drawn.md's fence (line 5) is the second use.
        #expect(lines == ["content/drawn.md:5:1: error: chart id 'amounts' is already used at content/again.md"])
    }
}
