import Foundation
import Testing
@testable import Charts
@testable import Load
@testable import Render
@testable import Site

/// Issue 15, "Charts": the embed page of every chart, the "Embed" disclosure under it in the
/// story, the PNG at 2×, and the build without a rasterizer.
@Suite("Embedding charts: embed pages, iframe code, PNGs")
struct EmbedTests {
    static let rasterizerInstalled = SharingTests.rasterizerInstalled

    @Test func everyChartHasAnEmbedPageWithoutTheSite() throws {
        let (site, report) = try SharingTests.built()
        #expect(report.succeeded, "\(report.problemLines)")
        // The three story charts and the two companies' flow charts.
        let svgs = FixtureSite.files(in: site.output.appendingPathComponent("charts")).filter { $0.hasSuffix(".svg") }
        #expect(svgs == ["company-acme.svg", "company-globex.svg", "deal-amounts.svg", "deal-years.svg", "tratos.svg"])
        for svg in svgs {
            let page = site.read("charts/\(svg.dropLast(4))/index.html")
            #expect(page.contains("<svg"), "\(svg)")
            #expect(!page.contains("<nav") && !page.contains("masthead") && !page.contains("<script"), "\(svg)")
        }
        let page = site.read("charts/deal-amounts/index.html")
        #expect(page.contains("<h1>The two deals &amp; their sizes</h1>"))
        #expect(page.contains("<title>The two deals &amp; their sizes · Acme &amp; Globex &lt;/script&gt; desk</title>"))
        let text = VisibleText.of(page)
        #expect(text.contains("Sources: Example Paper, January 16, 2025; Example Wire, January 15, 2025."), "\(text)")
        #expect(page.contains(#"<a href="https://news.example.org/desk/sources/#paper" target="_blank" rel="noopener">Example Paper, January 16, 2025</a>"#))
        #expect(page.contains(#"<a href="https://news.example.org/desk/data/charts/deal-amounts.csv" target="_blank" rel="noopener">Data (CSV)</a>"#))
        #expect(page.contains(#"<a href="https://news.example.org/desk/pacts/#chart-deal-amounts" target="_blank" rel="noopener">In the story</a>"#))
        // Light and dark: the frame takes the chart's own background in each scheme.
        #expect(page.contains("@media (prefers-color-scheme:dark){:root{--bg:#161616"))
        #expect(page.contains(#"<meta name="color-scheme" content="light dark">"#))
        // Not a page of its own in search results, but indexed where it is embedded (Google's
        // `indexifembedded`); the site's icon, so that no /favicon.ico is asked for.
        #expect(page.contains(#"<meta name="robots" content="noindex, indexifembedded">"#))
        #expect(page.contains(#"<link rel="icon" href="/desk/assets/favicon."#))
        // The Spanish chart's page is in Spanish.
        let spanish = site.read("charts/tratos/index.html")
        #expect(spanish.contains(#"<html lang="es">"#) && VisibleText.of(spanish).contains("Fuentes: ") && spanish.contains(">Datos (CSV)</a>")
                && spanish.contains(">En el reportaje</a>"))
    }

    @Test func underEachStoryChartAnEmbedDisclosureGivesTheIframeCode() throws {
        let (site, _) = try SharingTests.built()
        let html = site.read("pacts/index.html")
        #expect(html.components(separatedBy: #"<details class="chart-embed"><summary>Embed</summary>"#).count == 3)
        let code = try #require(html.firstMatch(of: /<pre style="white-space:pre-wrap;overflow-wrap:anywhere"><code>([^<]*)<\/code><\/pre>/))
        let iframe = VisibleText.decode(String(code.1))
        // 560 px wide at most: the height is 560 × h / 420 of the viewBox, plus 150 px of
        // title and credits, rounded up to 10.
        let (width, height) = try #require(ChartViewBox.size(site.read("charts/deal-amounts.svg")))
        let expected = Int(((560 * height / width + 150) / 10).rounded(.up)) * 10
        #expect(iframe == #"<iframe src="https://news.example.org/desk/charts/deal-amounts/" title="The two deals &amp; their sizes" "#
                + #"width="100%" height="\#(expected)" style="border:0;max-width:100%" loading="lazy"></iframe>"#)
        #expect(expected > 150 && expected < 700)
        #expect(html.contains(#"<a href="/desk/data/charts/deal-amounts.csv">Data (CSV)</a>"#))
        if Self.rasterizerInstalled {
            #expect(html.contains(#"<p><a href="/desk/charts/deal-amounts.png">Image (PNG)</a> · <a href="/desk/data/charts/deal-amounts.csv">Data (CSV)</a></p>"#))
        }
        // The disclosure comes right after the chart's figure (whose caption must stay its last
        // child), not inside it.
        let figure = try #require(html.firstMatch(of: /<figure class="chart" id="chart-deal-amounts">(?s:.*?)<\/figure>\n(<details[^>]*>)/))
        #expect(!figure.0.dropLast(figure.1.count).contains("chart-embed") && figure.1 == #"<details class="chart-embed">"#)
    }

    @Test(.enabled(if: rasterizerInstalled)) func everyChartHasAPNGAtTwiceItsViewBox() throws {
        let (site, report) = try SharingTests.built()
        #expect(report.diagnostics.warnings.isEmpty, "\(report.problemLines)")
        for svg in FixtureSite.files(in: site.output.appendingPathComponent("charts")).filter({ $0.hasSuffix(".svg") }) {
            let id = svg.dropLast(4)
            let (width, height) = try #require(ChartViewBox.size(site.read("charts/\(svg)")))
            let png = try Data(contentsOf: site.output.appendingPathComponent("charts/\(id).png"))
            let size = try #require(PNGHeader.size(png))
            #expect(size.width == Int(width) * 2 && size.height == Int(height) * 2, "\(id): \(size) for a viewBox of \(width) × \(height)")
        }
    }

    @Test(.enabled(if: rasterizerInstalled)) func aChartIsDrawnAgainOnlyWhenItsSVGChanges() throws {
        let (site, _) = try SharingTests.built()
        let cache = site.root.appendingPathComponent(".capex-cache/png")
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path))
        #expect(before.count == 5 && before.allSatisfy { $0.hasSuffix(".png") })
        let stamps = try before.map { try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent($0).path)[.modificationDate] as? Date }
        // New prose on the chart's page: the page is rendered again, its charts are not drawn again.
        let deals = site.read("pacts.md", in: site.root.appendingPathComponent("content"))
        try site.write("content/pacts.md", deals.replacingOccurrences(of: "A second chart", with: "Another chart"))
        var options = BuildOptions(root: site.root)
        options.stampTrustDelay = 0
        var report = SiteBuilder.build(options)
        #expect(report.succeeded && report.pagesRendered == 1, "\(report.problemLines)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: cache.path)) == before)
        #expect(try before.map { try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent($0).path)[.modificationDate] as? Date } == stamps)
        // A new title is a new SVG: one more drawing, and the PNG in output/ is the new one.
        try site.write("content/pacts.md", deals.replacingOccurrences(of: "title: Per year", with: "title: Each year"))
        report = SiteBuilder.build(options)
        #expect(report.succeeded)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path))
        #expect(after.count == 6 && after.isSuperset(of: before))
        let newest = try #require(after.subtracting(before).first)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("charts/deal-years.png")) == Data(contentsOf: cache.appendingPathComponent(newest)))
        // A full build keeps in the cache only the PNGs of the charts it has, and those drawn
        // in the last hour (another output folder's build may be using them): the old title's,
        // drawn two hours ago, goes; another build's, drawn just now, stays.
        let twoHoursAgo = Date().addingTimeInterval(-7200)
        for name in after {
            try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: cache.appendingPathComponent(name).path)
        }
        let otherBuilds = "0123456789abcdef-10.png"
        try Data([1, 2, 3]).write(to: cache.appendingPathComponent(otherBuilds))
        options.incremental = false
        #expect(SiteBuilder.build(options).succeeded)
        let pruned = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path))
        #expect(pruned.count == 6 && pruned.contains(newest) && pruned.contains(otherBuilds), "\(pruned.sorted())")
        #expect(pruned.subtracting([otherBuilds]).isSubset(of: after) && after.subtracting(pruned).count == 1)
    }

    @Test func withoutARasterizerTheBuildSaysSoOnceAndSkipsPNGs() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("capex-no-rsvg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let (site, report) = try SharingTests.built(searchPath: empty.path + ":/nonexistent")
        #expect(report.succeeded)
        // Once, at the first chart in the site (pacts.md line 10, its first fence), whatever the number of charts.
        #expect(report.problemLines == [
            "content/pacts.md:10:1: warning: charts are not drawn as PNG (/charts/<id>.png): rsvg-convert was not found on PATH; "
                + "install it (Debian: apt-get install librsvg2-bin, or scripts/install-deps.sh) for social cards",
        ])
        let files = FixtureSite.files(in: site.output)
        #expect(!files.contains { $0.hasSuffix(".png") && $0.hasPrefix("charts/") })
        #expect(files.contains("charts/deal-amounts/index.html") && files.contains("charts/deal-amounts.svg"))
        let html = site.read("pacts/index.html")
        #expect(!html.contains("/charts/deal-amounts.png") && html.contains(#"<p><a href="/desk/data/charts/deal-amounts.csv">Data (CSV)</a></p>"#))
        // The page shares the site's image instead.
        #expect(SharingTests.metaTags(html)["og:image"] == "https://news.example.org/desk/card.png")
        // Under --strict the warning fails the build, as any warning does.
        var strict = BuildOptions(root: site.root, strict: true)
        strict.rasterizerSearchPath = empty.path
        #expect(!SiteBuilder.build(strict).succeeded)
        // Once rsvg-convert is there, the next build draws them and the pages link to them,
        // though no page changed.
        guard Self.rasterizerInstalled else { return }
        let report2 = SiteBuilder.build(BuildOptions(root: site.root))
        #expect(report2.succeeded && report2.diagnostics.warnings.isEmpty, "\(report2.problemLines)")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("charts/deal-amounts.png").path))
        #expect(site.read("pacts/index.html").contains(#"<a href="/desk/charts/deal-amounts.png">Image (PNG)</a>"#))
    }

    @Test func aRasterizerThatFailsIsAWarningPerChartAndTheBuildGoesOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capex-bad-rsvg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("rsvg-convert")
        try Data("#!/bin/sh\necho 'cannot draw' >&2\nexit 3\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let (site, report) = try SharingTests.built(searchPath: folder.path)
        #expect(report.succeeded)
        let warnings = report.problemLines
        #expect(warnings.count == 5)
        #expect(warnings.contains("content/pacts.md:10:1: warning: no PNG for chart 'deal-amounts': rsvg-convert exited with status 3: cannot draw"))
        #expect(!FixtureSite.files(in: site.output).contains { $0.hasSuffix(".png") && $0.hasPrefix("charts/") })
        #expect(SharingTests.metaTags(site.read("pacts/index.html"))["og:image"] == "https://news.example.org/desk/card.png")
    }

    @Test func theRasterizedSVGHasItsColoursWrittenOutAndTheDebianFont() throws {
        let chart = ChartRenderer.svg(for: Chart(id: "t", title: "T", kind: .bar(BarChart(bars: [], orientation: .horizontal))))
        let light = RasterVariant.light(chart)
        #expect(chart.contains("var(--cx-fg)") && chart.contains("prefers-color-scheme:dark"))
        #expect(!light.contains("var(") && !light.contains("@media"))
        #expect(light.contains(".cx-chart text{fill:#1f1f1f;font-size:13px}") && light.contains(".cx-chart .cx-bg{fill:#ffffff}"))
        #expect(light.contains(#"font-family:"DejaVu Sans",sans-serif}"#))
        // The chart's own stack ends with the same font before the generic family.
        #expect(chart.contains(#"Arial,"DejaVu Sans",sans-serif}"#))
    }

    /// WCAG 2.1 §1.4.11: marks need 3:1 against what is around them. The chart palette is
    /// the same in both schemes; in dark mode the background is #161616.
    @Test func everyPaletteColourKeepsItsContrastOnTheDarkBackground() {
        let dark = Palette.luminance("#161616")
        for colour in Palette.okabeIto + [Palette.investment, Palette.purchase] {
            // #0072b2, the darkest, gives (0.152 + 0.05) / (0.008 + 0.05) ≈ 3.49.
            #expect(Palette.contrast(Palette.luminance(colour), dark) >= 3.0, "\(colour)")
        }
        #expect(abs(Palette.contrast(Palette.luminance("#0072b2"), dark) - 3.49) < 0.01)
    }
}
