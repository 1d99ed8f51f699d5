import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// The repository's story read in Spanish, as a Spanish reader meets it (issue 12, "The
/// Spanish story" and "Done means"): every chapter and generated page at `/es/…`, a switcher
/// to the same page in English and back, the figures in the Spanish number format worked by
/// hand from the data, and the Spanish text where the English one was.
@Suite("the story in Spanish")
struct SpanishStoryTests {
    let story = StoryTests()

    /// English page → its Spanish page (translated slugs for the chapters; generated pages keep
    /// their machine paths inside the tree).
    static let pairs: [(en: String, es: String)] = [
        ("/", "/es/"), ("/money/", "/es/dinero/"), ("/power/", "/es/energia/"), ("/loop/", "/es/acuerdos/"),
        ("/valuations/", "/es/valoraciones/"), ("/users/", "/es/usuarios/"), ("/doubts/", "/es/dudas/"),
        ("/about/", "/es/metodo/"),
        ("/figures/", "/es/figures/"), ("/checks/", "/es/checks/"), ("/sources/", "/es/sources/"),
        ("/data/", "/es/data/"), ("/deals/", "/es/deals/"), ("/assumptions/", "/es/assumptions/"),
        ("/companies/", "/es/companies/"), ("/companies/openai/", "/es/companies/openai/"),
        ("/companies/meta/", "/es/companies/meta/"),
    ]

    func file(_ url: String) -> String { String(url.dropFirst()) + "index.html" }

    /// The text of the link to `reference`'s entry on a Spanish page.
    func spanishFigure(_ reference: String, on url: String) -> String? {
        let html = story.page(file(url))
        guard let start = html.range(of: "href=\"/es/figures/#\(reference)\""),
              let open = html[start.upperBound...].range(of: "\">"),
              let close = html[open.upperBound...].range(of: "</a>") else { return nil }
        return String(html[open.upperBound..<close.lowerBound])
    }

    @Test func everyChapterAndGeneratedPageHasASpanishPageWithSwitchersBothWays() {
        let origin = "https://capex.example.org"
        for (en, es) in Self.pairs {
            let spanish = story.page(file(es)), english = story.page(file(en))
            #expect(spanish.contains("<html lang=\"es\">"), "\(es) exists and says it is Spanish")
            #expect(english.contains("<html lang=\"en\">"), "\(en)")
            for html in [spanish, english] {
                // hreflang both ways, the English page as x-default, on each of the two pages.
                #expect(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"\(origin)\(en)\">"), "\(en) ↔ \(es)")
                #expect(html.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"\(origin)\(es)\">"), "\(en) ↔ \(es)")
                #expect(html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"\(origin)\(en)\">"), "\(en) ↔ \(es)")
            }
            // The visible switcher goes to the same page in the other language.
            #expect(spanish.contains("<a href=\"\(en)\" hreflang=\"en\" lang=\"en\">English</a>"), "\(es) switches to \(en)")
            #expect(english.contains("<a href=\"\(es)\" hreflang=\"es\" lang=\"es\">Español</a>"), "\(en) switches to \(es)")
        }
        #expect(story.page("es/404.html").contains("<h1>Página no encontrada</h1>"))
        #expect(story.page("es/feed.xml").contains("/es/"), "a feed for the Spanish tree")
    }

    /// Figures worked by hand from the data, said as docs/spanish-numbers.md says: periods group
    /// thousands from five digits, four-digit numbers and years stay ungrouped, millardos read
    /// "millones", a no-break space joins a qualifier or a symbol to its number, "×" reads "veces".
    @Test func spanishFiguresFollowTheTable() {
        let nbsp = "\u{00A0}"
        let expected: [(String, String, String)] = [
            // ~350,000 × $30,000–40,000 = $10.5–14 billion.
            ("/es/dinero/", "purchases.meta-h100-2024.spend", "unos\(nbsp)10.500–14.000 millones de dólares"),
            ("/es/dinero/", "claims.meta-h100-spend.says", "unos\(nbsp)18.000 millones de dólares"),
            ("/es/dinero/", "financials.meta-2024.capex_growth", "más\(nbsp)de\(nbsp)42\(nbsp)%"),
            // ~350,000 × ~1.5 kW = ~525 MW; ≥ 10 GW ÷ 30 MW = 333.3, a lower bound rounded down.
            ("/es/energia/", "purchases.meta-h100-2024.power", "unos\(nbsp)525\(nbsp)MW"),
            ("/es/energia/", "figures.ten-gw-in-el-capitans", "al\(nbsp)menos\(nbsp)333 veces"),
            // $38B ÷ 7 years = $5.43B at two digits: 5400, four digits, not grouped.
            ("/es/acuerdos/", "deals.openai-aws.per_year", "5400 millones de dólares al año"),
            // up to $100B ÷ ≥ 10 GW = up to $10B per GW.
            ("/es/acuerdos/", "deals.nvidia-openai.per_gw", "hasta\(nbsp)10.000 millones de dólares por GW"),
            // 27% × $500B = $135B.
            ("/es/valoraciones/", "stakes.microsoft-openai.value", "135.000 millones de dólares"),
            ("/es/valoraciones/", "stakes.microsoft-openai.share", "27\(nbsp)%"),
        ]
        for (url, reference, text) in expected {
            #expect(spanishFigure(reference, on: url) == text, "\(reference) on \(url)")
        }
        // A date the chapter states: 17 December 2025 as the RAE orders it.
        #expect(story.page("es/dinero/index.html").contains("17 de diciembre de 2025"))
        // Never "billón" for 10⁹ in prose or charts.
        for (_, es) in Self.pairs { #expect(!story.page(file(es)).contains("billón"), "\(es)") }
    }

    /// The Spanish pages say in Spanish what the English ones say: the chapters' own sentences
    /// and headings, the generated pages' headings, and the readings of the ambiguous claim.
    @Test func keySpanishSentencesArePresent() {
        let sentences: [(String, String)] = [
            ("/es/dinero/", "<h2>Dos cifras que no cuentan lo mismo</h2>"),
            ("/es/dinero/", "toda la anchura del intervalo sale del precio"),
            ("/es/dinero/", "Qué convierte la factura de las H100 en un intervalo"),
            ("/es/metodo/", "href=\"/es/assumptions/\""),
            ("/es/figures/", "<h1>Cifras</h1>"),
            ("/es/figures/", "Depende de los supuestos"),
            ("/es/figures/", "Qué determina el intervalo"),
            ("/es/assumptions/", "<h1>Supuestos</h1>"),
            ("/es/checks/", "<h1>Verificaciones</h1>"),
            // The claim's readings in their Spanish words, the stated figure in Spanish numbers.
            ("/es/checks/", "La fuente da unas\u{00A0}600.000 GPU de dos maneras"),
            ("/es/checks/", "como lo que esperaba tener a finales de 2024 (previsto)"),
            ("/es/", "Ir a la historia"),
        ]
        for (url, sentence) in sentences {
            #expect(story.page(file(url)).contains(sentence), "\(url): \(sentence)")
        }
        let english = story.page("checks/index.html")
        #expect(english.contains("as held in January 2024 (disclosed) and as expected by the end of 2024 (expected)"),
                "the English readings say their words, not the typed dates")
        #expect(!english.contains("as of 2024-12-31") && !story.page("es/checks/index.html").contains("2024-12-31"))
    }

    /// What a shared link to a Spanish chapter shows: its language and its own chart's PNG.
    @Test func aSpanishChapterSharesInSpanish() {
        let html = story.page("es/dinero/index.html")
        #expect(html.contains("<meta property=\"og:locale\" content=\"es_ES\">"))
        #expect(html.contains("\"inLanguage\":\"es\""))
        #expect(html.contains("<meta property=\"og:image\" content=\"https://capex.example.org/es/charts/meta-gpu-spend.png\">"))
        #expect(html.contains("content=\"Gráfico: Lo que costaron las H100 de Meta"))
    }

    /// site.yaml's `description: {en, es}`: each tree's pages, feed and share cards say the
    /// site in their language (a generated page has no description of its own).
    @Test func theSiteIsDescribedInEachLanguage() {
        let spanish = "Adónde van el dinero y los megavatios del auge de la IA; cada cifra, calculada a partir de sus fuentes."
        let english = "Where the money and the megawatts of the AI boom go — every figure computed from its sources."
        let es = story.page("es/figures/index.html"), en = story.page("figures/index.html")
        #expect(es.contains("<meta name=\"description\" content=\"\(spanish)\">"))
        #expect(es.contains("<meta property=\"og:description\" content=\"\(spanish)\">"))
        #expect(!es.contains(english))
        #expect(en.contains("<meta name=\"description\" content=\"\(english)\">") && !en.contains(spanish))
        #expect(story.page("es/feed.xml").contains("<subtitle>\(spanish)</subtitle>"))
        #expect(story.page("feed.xml").contains("<subtitle>\(english)</subtitle>"))
    }

    /// The deals chart's widest Spanish amount stays inside the chart: it breaks after its dash.
    @Test func theSpanishDealsChartKeepsItsAmountsInside() {
        let html = story.page("es/acuerdos/index.html")
        #expect(html.contains(">~10.500–</text>"), "the range breaks after its dash")
        #expect(html.contains(">14.000\u{00A0}M$</text>"))
    }

    /// Two languages, the same pages in each: eight chapters and every generated page.
    @Test func bothTreesHaveTheSamePages() throws {
        let output = StoryTests.output
        _ = StoryTests.report
        let all = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix("index.html") }
        let spanish = all.filter { $0.hasPrefix("es/") }
        let english = all.filter { !$0.hasPrefix("es/") }
        #expect(spanish.count == english.count, "\(spanish.count) Spanish pages, \(english.count) English")
        #expect(spanish.count == 39, "the home page and 7 chapters, 7 generated pages, 7 company pages, 17 chart embeds")
    }
}
