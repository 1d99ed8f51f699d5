import Foundation
import Testing
@testable import Load
@testable import Render
@testable import Site

/// Issue 15, "Pages": what a shared link shows (Open Graph, Twitter cards), what a search
/// engine reads (JSON-LD), the favicon. Built from `Tests/Fixtures/newsroom` with the
/// repository's default templates, at a base URL with a path.
@Suite("Sharing: social cards, JSON-LD, favicon")
struct SharingTests {
    static let rasterizerInstalled = ChartRaster.find(searchPath: ProcessInfo.processInfo.environment["PATH"]) != nil

    /// The fixture with the default templates, built once per test.
    static func built(searchPath: String? = nil) throws -> (FixtureSite, BuildReport) {
        let site = try prepared()
        var options = BuildOptions(root: site.root)
        options.rasterizerSearchPath = searchPath
        return (site, SiteBuilder.build(options))
    }

    /// A copy of the fixture with the repository's templates.
    static func prepared() throws -> FixtureSite {
        let site = try FixtureSite("newsroom")
        try FileManager.default.copyItem(at: FixtureSite.repository.appendingPathComponent("templates"),
                                         to: site.root.appendingPathComponent("templates"))
        return site
    }

    /// `property`/`name` → `content` of every `<meta>` in `html`, the content unescaped.
    static func metaTags(_ html: String) -> [String: String] {
        var tags: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: #"<meta (?:property|name)="([^"]+)" content="([^"]*)">"#)
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let key = String(html[Range(match.range(at: 1), in: html)!])
            tags[key] = VisibleText.decode(String(html[Range(match.range(at: 2), in: html)!]))
        }
        return tags
    }

    /// The page's JSON-LD, as written and parsed back.
    static func jsonLD(_ html: String) throws -> (text: String, object: [String: Any]) {
        let open = #"<script type="application/ld+json">"#
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let text = String(html[start.upperBound..<end.lowerBound])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (text, object)
    }

    static func viewBox(_ svg: String) throws -> (Double, Double) {
        try #require(ChartViewBox.size(svg))
    }

    @Test func everyPageHasOpenGraphAndTwitterTags() throws {
        let (site, report) = try Self.built()
        #expect(report.succeeded, "\(report.problemLines)")
        let pages = FixtureSite.files(in: site.output).filter { $0.hasSuffix(".html") && !$0.hasPrefix("charts/") }
        #expect(pages.contains("pacts/index.html") && pages.contains("data/index.html") && pages.contains("404.html"))
        for page in pages {
            let tags = Self.metaTags(site.read(page))
            for key in ["og:title", "og:description", "og:url", "og:type", "og:locale", "og:image", "og:image:alt", "twitter:card"] {
                #expect(tags[key]?.isEmpty == false, "\(page) has no \(key)")
            }
            #expect(tags["og:url"]?.hasPrefix("https://news.example.org/desk/") == true, "\(page): \(tags["og:url"] ?? "")")
        }
    }

    @Test func aChapterSharesItsFirstChartAsAnArticle() throws {
        let (site, _) = try Self.built()
        let tags = Self.metaTags(site.read("pacts/index.html"))
        #expect(tags["og:title"] == "The deals: who pays whom")
        #expect(tags["og:description"] == "Acme's cloud bill and Globex's stake, from the reports.")
        #expect(tags["og:url"] == "https://news.example.org/desk/pacts/")
        #expect(tags["og:type"] == "article")
        #expect(tags["og:locale"] == "en_US")
        #expect(tags["og:site_name"] == "Acme & Globex </script> desk")
        #expect(tags["twitter:card"] == "summary_large_image")
        #expect(tags["article:published_time"] == "2025-01-20T00:00:00Z")
        #expect(tags["article:modified_time"] == "2025-02-03T00:00:00Z")
        guard Self.rasterizerInstalled else { return }
        // The first of its two charts, at twice its viewBox.
        #expect(tags["og:image"] == "https://news.example.org/desk/charts/deal-amounts.png")
        let (width, height) = try Self.viewBox(site.read("charts/deal-amounts.svg"))
        #expect(tags["og:image:width"] == String(Int(width) * 2) && tags["og:image:height"] == String(Int(height) * 2))
        #expect(tags["og:image:alt"] == "Chart: The two deals & their sizes")
        #expect(tags["twitter:image"] == tags["og:image"])
    }

    @Test func pagesWithoutAChartShareTheSiteImage() throws {
        let (site, _) = try Self.built()
        for page in ["index.html", "plain/index.html", "figures/index.html"] {
            let tags = Self.metaTags(site.read(page))
            #expect(tags["og:image"] == "https://news.example.org/desk/card.png", "\(page)")
            // content/card.png is 1200 × 630 (read with `file`).
            #expect(tags["og:image:width"] == "1200" && tags["og:image:height"] == "630", "\(page)")
            #expect(tags["og:image:alt"] == "The desk's card")
            #expect(tags["og:type"] == (page == "plain/index.html" ? "article" : "website"), "\(page)")
        }
        // The title is escaped where it lands in an attribute.
        #expect(site.read("index.html").contains(#"<meta property="og:site_name" content="Acme &amp; Globex &lt;/script&gt; desk">"#))
    }

    @Test func aSiteImageThatIsNotThereIsAWarningAndAnAddressIsTakenAsIs() throws {
        let site = try Self.prepared()
        let config = site.read("site.yaml", in: site.root.appendingPathComponent("content"))
        try site.write("content/site.yaml", config.replacingOccurrences(of: "image: /card.png", with: "image: /cards/missing.png"))
        var report = site.build()
        #expect(report.succeeded)
        #expect(report.problemLines.contains(
            "content/site.yaml:8:8: warning: site.yaml's image '/cards/missing.png' is not a file in content/ (content/cards/missing.png was not found); pages are shared without an image"),
            "\(report.problemLines)")
        #expect(Self.metaTags(site.read("plain/index.html"))["og:image"] == nil)
        // An address elsewhere is used as written, without a size the build cannot know.
        try site.write("content/site.yaml", config.replacingOccurrences(of: "image: /card.png", with: "image: https://cdn.example.com/c.png"))
        report = site.build()
        let tags = Self.metaTags(site.read("plain/index.html"))
        #expect(tags["og:image"] == "https://cdn.example.com/c.png" && tags["og:image:width"] == nil && tags["og:image:alt"] == "The desk's card")
    }

    /// Open Graph locales are `language_TERRITORY` (ogp.me, "og:locale").
    @Test(arguments: [("en", "en_US"), ("es", "es_ES"), ("es-MX", "es_MX"), ("pt_br", "pt_BR"), ("fr", "fr_FR"), ("", "en_US")])
    func openGraphLocales(language: String, locale: String) {
        #expect(NewsroomWords.ogLocale(language) == locale)
    }

    /// A bare date says no hour, so JSON-LD keeps it bare; a time keeps its zone (RFC 3339).
    @Test func datesInJSONLDSayWhatThePageSays() throws {
        #expect(StructuredData.date(try #require(SiteDate("2025-01-20"))) == "2025-01-20")
        #expect(StructuredData.date(try #require(SiteDate("2025-01-20 09:30"))) == "2025-01-20T09:30:00Z")
        #expect(StructuredData.date(try #require(SiteDate("2025-01-20T09:30:00+02:00"))) == "2025-01-20T09:30:00+02:00")
        // Words a language lacks read in English; a page's `lang: es-ES` reads the Spanish words.
        #expect(NewsroomWords.word("embed", .builtIn(NewsroomWords.code("de"))) == "Embed")
        #expect(NewsroomWords.word("embed", .builtIn(NewsroomWords.code("es-ES"))) == "Insertar")
        #expect(NewsroomWords.word("image_alt_chart", .builtIn("es"), ["title": "Quién paga"]) == "Gráfico: Quién paga")
    }

    @Test func aSpanishPageSaysSoInItsLocale() throws {
        let (site, _) = try Self.built()
        let html = site.read("tratos/index.html")
        #expect(Self.metaTags(html)["og:locale"] == "es_ES")
        #expect(try Self.jsonLD(html).object["inLanguage"] as? String == "es")
        #expect(html.contains("<summary>Insertar</summary>"))
        if Self.rasterizerInstalled { #expect(Self.metaTags(html)["og:image:alt"] == "Gráfico: Los dos tratos") }
    }

    /// schema.org properties (schema.org/NewsArticle, /WebSite, /Dataset, /WebPage,
    /// /DataDownload, /ImageObject, /Organization, /Person: each type's own and inherited
    /// ones that we use). Every key written must be one of its type's.
    static let schemaProperties: [String: Set<String>] = {
        let thing: Set = ["name", "description", "url", "image", "mainEntityOfPage"]
        let creativeWork = thing.union(["author", "creator", "publisher", "datePublished", "dateModified", "inLanguage", "isBasedOn",
                                        "headline", "license", "isAccessibleForFree", "isPartOf", "encodingFormat"])
        return [
            "NewsArticle": creativeWork, "WebSite": creativeWork, "WebPage": creativeWork,
            "Dataset": creativeWork.union(["distribution"]),
            "DataDownload": creativeWork.union(["contentUrl"]), "ImageObject": creativeWork.union(["contentUrl", "width", "height"]),
            "Organization": thing.union(["logo"]), "Person": thing,
        ]
    }()

    /// Every object in `value` has a known `@type` and only that type's properties.
    static func checkShape(_ value: Any, path: String = "$") {
        if let list = value as? [Any] {
            for (index, element) in list.enumerated() { checkShape(element, path: "\(path)[\(index)]") }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let type = object["@type"] as? String ?? "?"
        let allowed = schemaProperties[type]
        #expect(allowed != nil, "\(path): unknown @type \(type)")
        for (key, inner) in object where !key.hasPrefix("@") {
            #expect(allowed?.contains(key) ?? false, "\(path).\(key) is not a property of \(type)")
            checkShape(inner, path: path + "." + key)
        }
    }

    @Test func aChapterIsANewsArticleWithGooglesArticleProperties() throws {
        let (site, _) = try Self.built()
        let (_, article) = try Self.jsonLD(site.read("pacts/index.html"))
        Self.checkShape(article)
        #expect(article["@context"] as? String == "https://schema.org")
        #expect(article["@type"] as? String == "NewsArticle")
        #expect(article["headline"] as? String == "The deals: who pays whom")
        #expect(article["description"] as? String == "Acme's cloud bill and Globex's stake, from the reports.")
        #expect(article["url"] as? String == "https://news.example.org/desk/pacts/")
        #expect(article["datePublished"] as? String == "2025-01-20")
        #expect(article["dateModified"] as? String == "2025-02-03")
        #expect(article["inLanguage"] as? String == "en")
        let author = try #require((article["author"] as? [[String: Any]])?.first)
        #expect(author["@type"] as? String == "Person" && author["name"] as? String == "Ana Ruiz")
        #expect(author["url"] as? String == "https://news.example.org/desk/about/")
        let publisher = try #require(article["publisher"] as? [String: Any])
        #expect(publisher["@type"] as? String == "Organization" && publisher["name"] as? String == "Example Media")
        // The prose cites the Acme deal (Example Wire); the first chart draws both deals (Wire
        // and Paper). The third source is cited by nothing, and has no address anyway.
        #expect(article["isBasedOn"] as? [String] == ["https://paper.example.net/globex", "https://wire.example.com/acme-globex?a=1&b=2"])
        let image = try #require((article["image"] as? [[String: Any]])?.first)
        #expect((image["url"] as? String)?.hasPrefix("https://news.example.org/desk/") == true)
        // Google's Article: headline, image, datePublished, dateModified, author.name, author.url.
        for key in ["headline", "image", "datePublished", "dateModified", "author", "publisher"] { #expect(article[key] != nil, "\(key)") }
    }

    @Test func theHomeIsAWebSiteAndNoValueCanCloseTheScript() throws {
        let (site, _) = try Self.built()
        let html = site.read("index.html")
        let (text, home) = try Self.jsonLD(html)
        Self.checkShape(home)
        #expect(home["@type"] as? String == "WebSite")
        #expect(home["name"] as? String == "Acme & Globex </script> desk")
        #expect(home["url"] as? String == "https://news.example.org/desk/")
        #expect(home["description"] as? String == "Two deals, one chart.")
        #expect(!text.contains("<") && text.contains(#"\u003c/script>"#))
        // Sorted keys: the same bytes every build.
        #expect(text.hasPrefix(#"{"@context":"https://schema.org","@type":"WebSite","#))
    }

    @Test func theDataPageIsADatasetWithEveryFileAsADownload() throws {
        let (site, _) = try Self.built()
        let (_, dataset) = try Self.jsonLD(site.read("data/index.html"))
        Self.checkShape(dataset)
        #expect(dataset["@type"] as? String == "Dataset")
        let description = try #require(dataset["description"] as? String)
        // Google's Dataset: a name, and a description of 50 to 5,000 characters.
        #expect(dataset["name"] as? String != nil && (50...5000).contains(description.count))
        let files = try #require(dataset["distribution"] as? [[String: Any]])
        // companies and deals and sources, and all figures, each as CSV and JSON.
        #expect(files.count == 8)
        for file in files {
            #expect(file["@type"] as? String == "DataDownload")
            let url = try #require(file["contentUrl"] as? String)
            let path = String(url.dropFirst("https://news.example.org/desk/".count))
            #expect(url.hasPrefix("https://news.example.org/desk/data/"))
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path), "\(path)")
            #expect(file["encodingFormat"] as? String == (path.hasSuffix(".csv") ? "text/csv" : "application/json"))
        }
        #expect(dataset["isBasedOn"] as? [String] == ["https://paper.example.net/globex", "https://wire.example.com/acme-globex?a=1&b=2"])
    }

    @Test func theFaviconIsLinkedAsSVGAndICO() throws {
        let (site, _) = try Self.built()
        let html = site.read("pacts/index.html")
        let svg = try #require(html.firstMatch(of: /<link rel="icon" href="\/desk\/(assets\/favicon[^"]*\.svg)" type="image\/svg\+xml">/))
        let ico = try #require(html.firstMatch(of: /<link rel="icon" href="\/desk\/(assets\/favicon[^"]*\.ico)" sizes="32x32">/))
        #expect(site.read(String(svg.1)).hasPrefix("<svg"))
        let bytes = try Data(contentsOf: site.output.appendingPathComponent(String(ico.1)))
        // An ICO header: reserved 0, type 1 (icon), then the number of images.
        #expect(Array(bytes.prefix(4)) == [0, 0, 1, 0] && bytes[4] >= 1)
    }
}
