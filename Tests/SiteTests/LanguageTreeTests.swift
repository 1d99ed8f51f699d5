import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Site

/// A site in two languages (`Tests/Fixtures/bilingual`: `languages: [en, es]`, `money.md`
/// translated as `money.es.md` with `slug: dinero`, `power.md` not translated), built with
/// the default templates: what a reader and a crawler find in each tree.
@Suite("language trees")
struct LanguageTreeTests {
    /// The fixture with the repository's own templates (the ones `capex new` gives).
    static func bilingual() throws -> FixtureSite {
        let site = try FixtureSite("bilingual")
        try FileManager.default.copyItem(at: FixtureSite.repository.appendingPathComponent("templates"),
                                         to: site.root.appendingPathComponent("templates"))
        return site
    }

    /// The `href`s of `<link rel="alternate" hreflang=…>` in a page, by hreflang.
    static func alternates(_ html: String) -> [String: String] {
        let pattern = try! NSRegularExpression(pattern: #"<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">"#)
        var found: [String: String] = [:]
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            found[String(html[Range(match.range(at: 1), in: html)!])] = String(html[Range(match.range(at: 2), in: html)!])
        }
        return found
    }

    /// The language switcher's links: `<nav class="languages">` … `</nav>`.
    static func switcher(_ html: String) -> String {
        guard let start = html.range(of: "<nav class=\"languages\""), let end = html[start.upperBound...].range(of: "</nav>") else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func eachLanguageHasItsTreeAndTheTranslationItsSlug() throws {
        let site = try Self.bilingual()
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let english = site.read("money/index.html"), spanish = site.read("es/dinero/index.html")
        #expect(english.contains("<html lang=\"en\">"))
        #expect(spanish.contains("<html lang=\"es\">"))
        #expect(VisibleText.of(spanish).contains("Microsoft invirtió 13.000 millones de dólares en OpenAI."))
        // The translation's figures link to the Spanish figures page, its chart is in the Spanish tree.
        #expect(spanish.contains("href=\"/es/figures/#deals.msft-openai.amount\""))
        #expect(spanish.contains("<title id=\"cx-money-title\">Dinero invertido</title>"))
        #expect(site.read("es/charts/money.svg").contains("Dinero invertido"))
        #expect(site.read("charts/money.svg").contains("Money in"))
        // No page at the untranslated slug, none for the untranslated page.
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("es/money/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("es/power/index.html").path))
    }

    @Test func alternatesPointBothWaysWithXDefault() throws {
        let site = try Self.bilingual()
        #expect(site.build().succeeded)
        let expected = ["en": "https://example.org/money/", "es": "https://example.org/es/dinero/", "x-default": "https://example.org/money/"]
        #expect(Self.alternates(site.read("money/index.html")) == expected)
        #expect(Self.alternates(site.read("es/dinero/index.html")) == expected)
        // Generated pages exist in both languages.
        #expect(Self.alternates(site.read("es/figures/index.html")) ==
                ["en": "https://example.org/figures/", "es": "https://example.org/es/figures/", "x-default": "https://example.org/figures/"])
        // A page with no translation has no alternates to announce.
        #expect(Self.alternates(site.read("power/index.html")).isEmpty)
    }

    @Test func theSwitcherGoesToTheSamePageInTheOtherLanguage() throws {
        let site = try Self.bilingual()
        #expect(site.build().succeeded)
        let toSpanish = Self.switcher(site.read("money/index.html"))
        #expect(toSpanish.contains("<a href=\"/es/dinero/\" hreflang=\"es\" lang=\"es\">Español</a>"))
        #expect(VisibleText.of(toSpanish).trimmingCharacters(in: .whitespacesAndNewlines) == "Español")
        #expect(Self.switcher(site.read("es/dinero/index.html")).contains("<a href=\"/money/\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(Self.switcher(site.read("es/figures/index.html")).contains("<a href=\"/figures/\" hreflang=\"en\""))
        #expect(Self.switcher(site.read("es/companies/openai/index.html")).contains("<a href=\"/companies/openai/\""))
        #expect(Self.switcher(site.read("index.html")).contains("<a href=\"/es/\" hreflang=\"es\""))
        // No Spanish power page: its switcher goes to the Spanish home.
        #expect(Self.switcher(site.read("power/index.html")).contains("<a href=\"/es/\" hreflang=\"es\""))
    }

    @Test func anUntranslatedPageIsAWarningAndAMarkedLinkInTheOtherTree() throws {
        let site = try Self.bilingual()
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.problemLines.filter { $0.contains("warning") }.map { $0.components(separatedBy: "\n")[0] } == [
            "content/power.md:1:1: warning: content/power.md has no 'es' translation (content/power.es.md): the 'es' pages link to this 'en' page instead, marked as such",
        ])
        let home = site.read("es/index.html")
        // In the Spanish navigation and list: the English page, said to be in English, in Spanish.
        #expect(home.contains("<a href=\"/power/\" hreflang=\"en\" lang=\"en\">Power <small class=\"fallback\" lang=\"es\">(en inglés)</small></a>"))
        let list = VisibleText.of(home)
        #expect(list.contains("Dinero 1 de marzo de 2025"))
        #expect(list.contains("Power (en inglés) 1 de febrero de 2025"))
        // The English tree is whole: no marker.
        #expect(!site.read("index.html").contains("fallback"))
        #expect(site.read("index.html").contains("<a href=\"/power/\">Power</a>"))
    }

    @Test func generatedPagesAnd404AreMadeInEveryLanguage() throws {
        let site = try Self.bilingual()
        #expect(site.build().succeeded)
        for path in ["figures", "sources", "data", "deals", "companies", "companies/openai", "companies/microsoft"] {
            let page = site.read("es/\(path)/index.html")
            #expect(page.contains("<html lang=\"es\">"), "es/\(path)/")
            #expect(!site.read("\(path)/index.html").isEmpty, "\(path)/")
        }
        #expect(site.read("es/404.html").contains("<html lang=\"es\">"))
        #expect(site.read("404.html").contains("<html lang=\"en\">"))
        // The Spanish data page links to the one set of downloads, at /data/.
        let data = site.read("es/data/index.html")
        #expect(data.contains("href=\"/data/deals.csv\"") && data.contains("href=\"/data/all-figures.json\""))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("es/data/deals.csv").path))
        #expect(site.read("data/deals.csv").hasPrefix("id,"))
        // The Spanish footer links stay in the Spanish tree.
        #expect(site.read("es/dinero/index.html").contains("<a href=\"/es/figures/\">"))
    }

    @Test func oneSitemapWithAlternatesAndOneFeedPerLanguage() throws {
        let site = try Self.bilingual()
        #expect(site.build().succeeded)
        let sitemap = site.read("sitemap.xml")
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        #expect(sitemap.contains("""
          <url><loc>https://example.org/es/dinero/</loc><lastmod>2025-03-01</lastmod>
            <xhtml:link rel="alternate" hreflang="en" href="https://example.org/money/"/>
            <xhtml:link rel="alternate" hreflang="es" href="https://example.org/es/dinero/"/>
            <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/money/"/>
          </url>
        """))
        #expect(sitemap.contains("<url><loc>https://example.org/power/</loc><lastmod>2025-02-01</lastmod></url>"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("es/sitemap.xml").path))
        let english = site.read("feed.xml"), spanish = site.read("es/feed.xml")
        #expect(english.contains("xml:lang=\"en\"") && spanish.contains("xml:lang=\"es\""))
        #expect(english.contains("<title>Money</title>") && english.contains("<title>Power</title>") && !english.contains("Dinero"))
        #expect(spanish.contains("<title>Dinero</title>") && !spanish.contains("<title>Money</title>") && !spanish.contains("Power"))
        #expect(spanish.contains("href=\"https://example.org/es/feed.xml\""))
        #expect(site.read("es/dinero/index.html").contains("type=\"application/atom+xml\" title=\"Ledger\" href=\"/es/feed.xml\""))
    }

    @Test func editingATranslationRebuildsOnlyIt() throws {
        let site = try Self.bilingual()
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        let text = site.read("content/money.es.md", in: site.root)
        try site.write("content/money.es.md", text.replacingOccurrences(of: "en OpenAI.", with: "en OpenAI, su socio."))
        let report = site.build(trustStampsAfter: 0)
        #expect(report.succeeded && report.pagesRendered == 1, "rendered \(report.pagesRendered)")
        let after = FixtureSite.snapshot(of: site.output)
        #expect(after.keys.filter { before[$0] != after[$0] } == ["es/dinero/index.html"])
        #expect(VisibleText.of(site.read("es/dinero/index.html")).contains("en OpenAI, su socio."))

        // A new slug moves the page: its switchers, alternates, lists and the sitemap follow.
        try site.write("content/money.es.md", text.replacingOccurrences(of: "slug: dinero", with: "slug: el-dinero"))
        #expect(site.build(trustStampsAfter: 0).succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("es/dinero/index.html").path))
        #expect(Self.switcher(site.read("money/index.html")).contains("href=\"/es/el-dinero/\""))
        #expect(site.read("sitemap.xml").contains("hreflang=\"es\" href=\"https://example.org/es/el-dinero/\""))
        let clean = site.root.appendingPathComponent("clean")
        #expect(SiteBuilder.build(BuildOptions(root: site.root, output: clean, incremental: false)).succeeded)
        #expect(FixtureSite.snapshot(of: site.output) == FixtureSite.snapshot(of: clean))

        // Translating the missing page: the Spanish tree links to it, unmarked, and the warning goes.
        try site.write("content/power.es.md", "---\ntitle: Energía\nslug: energia\ndate: 2025-02-01\n---\nEn español.\n")
        let translated = site.build(trustStampsAfter: 0)
        #expect(translated.succeeded && translated.diagnostics.warnings.isEmpty, "\(translated.problemLines)")
        #expect(site.read("es/index.html").contains("<a href=\"/es/energia/\">Energía</a>"))
        #expect(!site.read("es/el-dinero/index.html").contains("(en inglés)"))
        let clean2 = site.root.appendingPathComponent("clean2")
        #expect(SiteBuilder.build(BuildOptions(root: site.root, output: clean2, incremental: false)).succeeded)
        #expect(FixtureSite.snapshot(of: site.output) == FixtureSite.snapshot(of: clean2))
    }

    @Test func theServeSessionFollowsTranslations() throws {
        let site = try Self.bilingual()
        let session = BuildSession()
        #expect(site.build(trustStampsAfter: 0, session: session).succeeded)
        try site.write("content/money.es.md", site.read("content/money.es.md", in: site.root).replacingOccurrences(of: "title: Dinero", with: "title: El dinero"))
        let report = site.build(trustStampsAfter: 0, session: session)
        #expect(report.succeeded)
        // The title is in the Spanish navigation of every Spanish page, and in the English switcher's target only by URL.
        #expect(site.read("es/figures/index.html").contains("<a href=\"/es/dinero/\">El dinero</a>"))
        #expect(!site.read("figures/index.html").contains("El dinero"))
    }

    @Test func languagesInSiteYAMLAreChecked() throws {
        let site = try Self.bilingual()
        try site.write("content/site.yaml", "title: Ledger\nlanguage: fr\nlanguages:\n  - en\n  - es/x\n  - en\n")
        let report = site.build()
        #expect(!report.succeeded)
        let lines = report.problemLines.map { $0.components(separatedBy: "\n")[0] }
        #expect(lines.contains("content/site.yaml:5:5: error: 'es/x' is not a language code: use letters, digits and '-' (en, es, pt-BR)"))
        #expect(lines.contains("content/site.yaml:6:5: error: language 'en' is listed twice"))
        #expect(lines.contains("content/site.yaml:2:11: error: language 'fr' is not the first of languages (en): the first is the default; drop 'language' or make them agree"))
    }

    @Test func aDefaultPageInsideAnotherLanguagesTreeIsAnError() throws {
        let site = try Self.bilingual()
        try site.write("content/es/extra.md", "---\ntitle: Extra\n---\nHi.\n")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines.contains { $0.hasPrefix("content/es/extra.md:1:1: error: URL /es/extra/ is inside the 'es' pages' tree (/es/)") })
    }

    @Test func aTranslationOfNothingAndAStrayLanguageFileAreWarnings() throws {
        let site = try Self.bilingual()
        try site.write("content/moeny.es.md", "---\ntitle: Dinero bis\n---\nHola.\n")
        try site.write("content/money.fr.md", "---\ntitle: Argent\n---\nBonjour.\n")
        let report = site.build()
        #expect(report.succeeded)
        let warnings = report.problemLines.map { $0.components(separatedBy: "\n")[0] }.filter { $0.contains("warning") }
        #expect(warnings.contains("content/moeny.es.md:1:1: warning: content/moeny.es.md translates content/moeny.md, which does not exist: the 'en' pages cannot link to it; rename it after the page it translates"))
        #expect(warnings.contains("content/money.fr.md:1:1: warning: content/money.fr.md looks like a translation into 'fr', which is not one of the site's languages (en, es): it is published as a page of its own at /money.fr/; add 'fr' to languages in content/site.yaml, or rename the file"))
        // One fault, one message: the stray file is not also said to lack a Spanish translation.
        #expect(!warnings.contains { $0.contains("money.fr.es.md") })

        // On a site in one language the stray files are the same warning, the Spanish one too.
        try site.write("content/site.yaml", "title: Ledger\nbase_url: https://example.org/\nlanguages: [en]\n")
        let single = site.build()
        #expect(single.problemLines.map { $0.components(separatedBy: "\n")[0] }.filter { $0.contains("warning") } == [
            "content/money.es.md:1:1: warning: content/money.es.md looks like a translation into 'es', which is not one of the site's languages (en): it is published as a page of its own at /dinero/; add 'es' to languages in content/site.yaml, or rename the file",
            "content/money.fr.md:1:1: warning: content/money.fr.md looks like a translation into 'fr', which is not one of the site's languages (en): it is published as a page of its own at /money.fr/; add 'fr' to languages in content/site.yaml, or rename the file",
        ])
    }

    @Test func aHomePageWithoutItsTranslationSendsTheOtherTreeHome() throws {
        let site = try Self.bilingual()
        try site.write("content/index.md", "---\ntitle: Ledger\n---\nThe front page.\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.problemLines.contains { $0.hasPrefix("content/index.md:1:1: warning: content/index.md has no 'es' translation (content/index.es.md)") })
        // No Spanish home to go to: the Spanish pages' masthead and switchers go to the English one.
        #expect(site.read("es/dinero/index.html").contains("<a class=\"brand\" href=\"/\">Ledger</a>"))
        #expect(Self.switcher(site.read("index.html")).isEmpty, "no Spanish home, no Spanish page: nowhere to switch to")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("es/index.html").path))

        try site.write("content/index.es.md", "---\ntitle: Ledger en español\n---\nLa portada.\n")
        let translated = site.build()
        #expect(translated.succeeded && translated.diagnostics.warnings.count == 1, "only power.md is left: \(translated.problemLines)")
        #expect(VisibleText.of(site.read("es/index.html")).contains("La portada."))
        #expect(Self.alternates(site.read("es/index.html"))["en"] == "https://example.org/")
        #expect(site.read("es/dinero/index.html").contains("<a class=\"brand\" href=\"/es/\">Ledger</a>"))
    }

    @Test func aFolderIsListedInEveryLanguageWithItsTranslatedIntroduction() throws {
        let site = try Self.bilingual()
        try site.write("content/posts/one.md", "---\ntitle: One\ndate: 2025-01-05\n---\nFirst.\n")
        try site.write("content/posts/one.es.md", "---\ntitle: Uno\nslug: uno\ndate: 2025-01-05\n---\nPrimero.\n")
        try site.write("content/posts/two.md", "---\ntitle: Two\ndate: 2025-01-06\n---\nSecond.\n")
        try site.write("content/posts/two.es.md", "---\ntitle: Dos\ndate: 2025-01-06\n---\nSegundo.\n")
        try site.write("content/posts/_index.md", "---\ntitle: Posts\n---\nAll the posts.\n")
        let untranslated = site.build()
        #expect(untranslated.succeeded)
        #expect(untranslated.problemLines.contains { $0.hasPrefix("content/posts/_index.md:1:1: warning: content/posts/_index.md has no 'es' translation (content/posts/_index.es.md)") })
        // Until then the Spanish list has the English introduction, and the Spanish pages.
        let before = VisibleText.of(site.read("es/posts/index.html"))
        #expect(before.contains("All the posts.") && before.contains("Uno") && before.contains("Dos") && !before.contains("One"))

        try site.write("content/posts/_index.es.md", "---\ntitle: Artículos\n---\nTodos los artículos.\n")
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.warnings.count == 1, "only power.md: \(report.problemLines)")
        let list = site.read("es/posts/index.html")
        #expect(VisibleText.of(list).contains("Todos los artículos."))
        #expect(list.contains("<a href=\"/es/posts/uno/\">Uno</a>") && list.contains("<a href=\"/es/posts/two/\">Dos</a>"))
        #expect(Self.alternates(list) == ["en": "https://example.org/posts/", "es": "https://example.org/es/posts/",
                                          "x-default": "https://example.org/posts/"])
        #expect(VisibleText.of(site.read("posts/index.html")).contains("All the posts."))
    }

    @Test func aTranslationsLinkToTheOtherTreeIsAWarningAtTheLink() throws {
        let site = try Self.bilingual()
        try site.write("content/money.es.md", site.read("content/money.es.md", in: site.root)
            + "\nLas cifras están en [la página de cifras](/figures/#deals.msft-openai.amount) y [la otra](/es/sources/).\n"
            + "La energía, [en inglés](/power/).\n"
            + "La portada (/) y [la portada](/es/); [ref]: /money/ en otra línea.\n"
            + "Y [las fuentes][f].\n\n  [f]: /sources/\n")
        let report = site.build()
        #expect(report.succeeded)
        let warnings = report.problemLines.map { $0.components(separatedBy: "\n")[0] }.filter { $0.contains("warning: link to") }
        // Line 19 (17 lines, an empty one, then this), column 43: the '/' after "Las cifras están en [la página de
        // cifras](" (42 characters). The Spanish sources link is right; /power/ has no Spanish page: fine.
        // The switcher's link to / and /money/ is the template's: "(/)" in the text is not a link to it.
        #expect(warnings == [
            "content/money.es.md:19:43: warning: link to /figures/#deals.msft-openai.amount goes to the 'en' page; this 'es' page's own is /es/figures/#deals.msft-openai.amount",
            "content/money.es.md:24:8: warning: link to /sources/ goes to the 'en' page; this 'es' page's own is /es/sources/",
        ])
    }
}
