import Charts
import Foundation
import Testing
@testable import Load
@testable import Model
@testable import Render
@testable import Scaffold
@testable import Site

/// Issue 12, interface words: every word a reader sees that is not the story's own comes from
/// `templates/i18n/<lang>.yaml` (built in for en and es; a site's file overrides key by key),
/// read by templates as `{{i18n.<key>}}` and by the generated pages through `Words`.
@Suite("interface words per language")
struct InterfaceWordsTests {
    /// The Spanish fixture with the built-in templates (`capex new`'s), without their i18n
    /// files: the words come from the built-in ones.
    static func spanishSite() throws -> FixtureSite {
        let site = try FixtureSite("interface-words")
        for (path, text) in ScaffoldFiles.files where path.hasPrefix("templates/") && !path.hasPrefix("templates/i18n/") {
            try site.write(path, text)
        }
        // The favicon, which the head links to.
        for (path, base64) in ScaffoldFiles.binaryFiles where path.hasPrefix("templates/") {
            let url = site.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(base64Encoded: base64, options: .ignoreUnknownCharacters)?.write(to: url)
        }
        return site
    }

    /// The literal pieces of each English word that Spanish says differently, four letters or
    /// more ("{count} figures rest" → "figures rest"): none may show on a Spanish page.
    static var englishPieces: [(key: String, piece: String)] {
        let english = DefaultWords.texts("en"), spanish = DefaultWords.texts("es")
        var pieces: [(String, String)] = []
        for (key, text) in english.sorted(by: { $0.key < $1.key }) where spanish[key] != text {
            for piece in text.split(separator: /\{[a-z_]+\}/) {
                let trimmed = piece.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:()—→∝"))
                // A word both languages share ("series", in either count form) is no sign of English.
                let base = key.hasSuffix("_one") ? String(key.dropLast(4)) : key.hasSuffix("_other") ? String(key.dropLast(6)) : key
                let shared = [key, base + "_one", base + "_other"].contains { spanish[$0]?.contains(trimmed) == true }
                if trimmed.filter(\.isLetter).count >= 4, !shared { pieces.append((key, trimmed)) }
            }
        }
        return pieces
    }

    @Test func aSpanishSiteShowsNoEnglishInterfaceWordOnAnyPage() throws {
        let site = try Self.spanishSite()
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(!report.problemLines.contains { $0.contains("i18n") }, "\(report.problemLines)")
        // A claim's `says` is the source's words as written, in the source's language: the
        // only English a Spanish page may quote. The model's own words (derived figures'
        // labels, formulas, why one cannot be computed) are said in Spanish like the rest.
        let (loaded, _) = SiteLoader(root: site.root, options: BuildOptions(root: site.root)).load()
        let model = try #require(loaded).model
        let modelText: [String] = model.claims.map(\.says)
        let pages = FixtureSite.files(in: site.output).filter { $0.hasSuffix(".html") }
        // Home, 404, and the generated pages: figures, checks, sources, data, deals, companies, one per company,
        // assumptions, and each chart's embed page.
        for expected in ["index.html", "404.html", "figures/index.html", "checks/index.html", "sources/index.html",
                         "data/index.html", "deals/index.html", "companies/index.html", "companies/openai/index.html",
                         "assumptions/index.html", "charts/meta-spend/index.html", "charts/money-loop/index.html"] {
            #expect(pages.contains(expected), "\(expected) was not built")
        }
        let pieces = Self.englishPieces
        #expect(pieces.count > 150, "the list of English words to look for is the built-in en.yaml")
        var found: [String] = []
        for page in pages { found += Self.englishWords(in: site.read(page), page: page, pieces: pieces, quoted: modelText) }
        #expect(found.isEmpty, "English interface words on Spanish pages:\n\(found.joined(separator: "\n"))")
        // The model's own words in Spanish: a derived figure's label (the record's name too),
        // its formula, why one cannot be computed (dates in Spanish).
        let figures = VisibleText.of(site.read("figures/index.html"))
        #expect(figures.contains("10.500–14.000 millones de dólares — compra de Nvidia H100 de Meta: gasto"), "\(figures)")
        #expect(figures.contains("unidades × precio unitario del chip: purchases.meta-h100-2024.units × chips.h100.unit_price"))
        #expect(figures.contains("No se puede calcular: ninguna valoración de OpenAI lleva fecha igual o anterior a la del acuerdo (23 de enero de 2023); la primera que consta: 2 de octubre de 2025."))
        // And the Spanish ones are there, in the right number.
        let home = VisibleText.of(site.read("index.html"))
        #expect(home.contains("Ir a la historia"))
        #expect(home.contains("Cada cifra de este sitio se calcula a partir de sus datos y enlaza con sus fuentes."))
        let sources = VisibleText.of(site.read("sources/index.html"))
        #expect(sources.contains(/\d+ cifras se apoyan en esta fuente/))
        #expect(sources.range(of: #"(?<![\d.])1 cifras"#, options: .regularExpression) == nil)
        let checks = VisibleText.of(site.read("checks/index.html"))
        // The fixture's four claims: ~140 MW and ≥ 2M units hold, ~$18B does not, $60B cannot be checked.
        #expect(checks.contains("contrastada con lo que dicen los datos: 2 coherentes, 1 incoherente, 1 no verificable, 0 ambiguas."))
        // The verdicts' sentences, in Spanish (the numbers' form is the Spanish formatter's).
        let verdicts = checks.replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(verdicts.contains(/La cifra declarada, [^,]+ 140 MW, coincide con la calculada, [^,]+ 150 MW: con un margen de ±10 % sobre lo declarado, ambas se solapan\./), "\(verdicts)")
        #expect(verdicts.contains(/La cifra declarada, [^,]+ 2 millones de unidades, es un mínimo: se cumple con cualquier valor de al menos 2 millones de unidades\./), "\(verdicts)")
        #expect(verdicts.contains(/Tomando [^,]+ por unidad como precio unitario, haría falta llegar a [^,]+ unidades, no a 350\.000 unidades\./), "\(verdicts)")
    }

    /// The English interface words (`pieces`) a page shows, as "page: 'piece' (key)": its
    /// visible text and attributes, leaving out `<code>`, ids and references
    /// (`meta-spend-18b`, `deals.x.per_year`) and the `quoted` passages (a source's words).
    static func englishWords(in html: String, page: String, pieces: [(key: String, piece: String)], quoted: [String] = []) -> [String] {
        // Figure references (`<code>companies.openai.received_investment_signed</code>`) are identifiers.
        let prose = html.replacingOccurrences(of: #"(?s)<code>.*?</code>"#, with: " ", options: .regularExpression)
        var text = ([VisibleText.of(prose)] + VisibleText.attributes(prose)).joined(separator: "\n")
        // So are the ids of records and assumptions (`meta-spend-18b`, `list-price`) and references
        // (`deals.openai-oracle.per_year`) wherever a page names one.
        text = text.replacingOccurrences(of: #"\b[a-z0-9]+(?:[-_.][a-z0-9]+)+\b"#, with: " ", options: .regularExpression)
        for passage in quoted.sorted(by: { $0.count > $1.count }) where passage.count > 3 {
            text = text.replacingOccurrences(of: passage, with: " ")
        }
        var found: [String] = []
        for (key, piece) in pieces {
            let pattern = "(?<![\\p{L}])" + NSRegularExpression.escapedPattern(for: piece) + "(?![\\p{L}])"
            if text.range(of: pattern, options: .regularExpression) != nil { found.append("\(page): '\(piece)' (\(key))") }
        }
        return found
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    @Test func countsTakeTheRightFormInBothLanguages() {
        let english = Words.builtIn("en"), spanish = Words.builtIn("es")
        #expect(english.count("source_figures", 1) == "1 figure rests")
        #expect(english.count("source_figures", 3) == "3 figures rest")
        #expect(english.count("source_figures", 0) == "0 figures rest")
        #expect(spanish.count("source_figures", 1) == "1 cifra se apoya")
        #expect(spanish.count("source_figures", 2) == "2 cifras se apoyan")
        #expect(spanish.count("count_consistent", 1) == "1 coherente")
        #expect(spanish.count("count_consistent", 0) == "0 coherentes")
        #expect(spanish.count("count_ambiguous", 4) == "4 ambiguas")
        let chart = ChartWords(texts: spanish.texts)
        #expect(chart.count("chart_desc_investments", 1) == "1 inversión")
        #expect(chart.count("chart_desc_purchases", 2) == "2 compras o contratos")
        #expect(chart.count("chart_desc_series", 1) == "1 serie" && chart.count("chart_desc_series", 3) == "3 series")
        #expect(ChartWords.english.count("chart_desc_series", 1) == "1 series")
        #expect(chart.count("chart_desc_bar", 1, ["name": "Meta", "value": "18.000 M$"])
            == "Gráfico de barras con 1 valor; el mayor es Meta, con 18.000 M$")
        // A value holding braces is never filled again.
        #expect(english("as_of", ["date": "{date}"]) == "as of {date}")
    }

    @Test func theBuiltInLanguagesHaveTheSameKeysAndPlaceholders() {
        let english = DefaultWords.texts("en"), spanish = DefaultWords.texts("es")
        #expect(english.count > 200)
        #expect(Set(english.keys) == Set(spanish.keys))
        for key in english.keys.sorted() where key != "data_collection_name" {
            #expect(Words.placeholders(in: english[key]!) == Words.placeholders(in: spanish[key] ?? ""), "\(key)")
        }
        // Each language chooses what a data row shows: the file's name (en) or the heading (es).
        #expect(english["data_collection_name"] == "{name}" && spanish["data_collection_name"] == "{title}")
        // The charts' own English is en.yaml's.
        for (key, text) in ChartWords.english.texts { #expect(english[key] == text, "\(key)") }
        // And the claims' sentences' English is en.yaml's.
        for (key, text) in ClaimWording.englishTexts { #expect(english[key] == text, "\(key)") }
        // The built-in copy is the files in templates/i18n/.
        for language in ["en", "es"] {
            let url = FixtureSite.repository.appendingPathComponent("templates/i18n/\(language).yaml")
            #expect(DefaultWords.files[language] == (try? String(contentsOf: url, encoding: .utf8)), "run scripts/embed-scaffold.py")
        }
    }

    @Test func aSiteFileOverridesTheBuiltInWordsKeyByKey() throws {
        let site = try Self.spanishSite()
        // Interface words proper, a derived figure's words, a record's name, the embed's and
        // the assumptions' words: one mechanism.
        try site.write("templates/i18n/es.yaml", """
            skip_to_story: Saltar al relato
            deals_title: Tratos
            derived_label_spend: "{name}: desembolso"
            name_purchase: "{chip} comprados por {buyer}"
            newsroom_embed: Incrustar
            assumptions_title: Hipótesis
            """)
        let report = site.build()
        #expect(report.problemLines == [])
        let home = VisibleText.of(site.read("index.html"))
        #expect(home.contains("Saltar al relato"))
        #expect(!home.contains("Ir a la historia"))
        // Keys the site's file leaves out keep the built-in Spanish, in templates and in Swift.
        #expect(home.contains("Cifras · Verificaciones · Fuentes · Tratos · Empresas"))
        let deals = VisibleText.of(site.read("deals/index.html"))
        #expect(deals.contains("Tratos · La historia en español"))
        #expect(deals.contains("Totales según su firmeza"))
        let figures = VisibleText.of(site.read("figures/index.html"))
        #expect(figures.contains("10.500–14.000 millones de dólares — Nvidia H100 comprados por Meta: desembolso"), "\(figures)")
        #expect(figures.contains("Nvidia H100 comprados por Meta: consumo eléctrico"))
        #expect(site.read("index.html").contains("<summary>Incrustar</summary>"))
        #expect(site.read("assumptions/index.html").contains("<h1>Hipótesis</h1>"))
    }

    @Test func aMissingWordFallsBackToTheDefaultLanguageAndIsListed() throws {
        let site = try FixtureSite("basic")
        try site.write("content/site.yaml", "title: Basic\nbase_url: https://example.org/\nlanguage: en\nlanguages: [en, fr]\n")
        try site.write("templates/i18n/fr.yaml", "skip_to_story: Aller au récit\n")
        try site.write("templates/layout.mustache", "<html><body><a href=\"#main\">{{i18n.skip_to_story}}</a> <p>{{i18n.sources_title}}</p>{{{body}}}</body></html>\n")
        try site.write("content/en-francais.md", "---\ntitle: Page\nlang: fr\n---\n\nTexte.\n")
        let report = site.build()
        #expect(report.succeeded)
        let warnings = report.problemLines.filter { $0.hasPrefix("templates/i18n/fr.yaml") }
        #expect(warnings.count == 1)
        let count = DefaultWords.texts("en").count - 1
        #expect(warnings.first?.hasPrefix("templates/i18n/fr.yaml:1:1: warning: \(count) interface words have no 'fr' text in templates/i18n/fr.yaml, shown in 'en' instead: ") == true)
        #expect(warnings.first?.contains(", sources_title, ") == true)
        #expect(warnings.first?.contains("skip_to_story") == false)
        let page = VisibleText.of(site.read("en-francais/index.html"))
        #expect(page.contains("Aller au récit"))
        #expect(page.contains("Sources"), "the missing word, in the default language")
        // One word missing in a built-in language: listed by name, in the singular.
        try site.remove("templates/i18n/fr.yaml")
        try site.write("content/site.yaml", "title: Basic\nbase_url: https://example.org/\nlanguage: en\nlanguages: [en, es]\n")
        try site.write("templates/i18n/en.yaml", "byline: By the desk\n")
        let result = try CLITests().run(["check", "--root", site.root.path])
        // A default language capex has no words for: every word in English, listed.
        try site.write("content/site.yaml", "title: Basic\nbase_url: https://example.org/\nlanguage: de\n")
        try site.remove("templates/i18n/en.yaml")
        // The French page's `lang: fr` would be a warning of its own on a site without French.
        try site.remove("content/en-francais.md")
        let german = site.build()
        #expect(german.succeeded)
        #expect(german.problemLines.count == 1)
        #expect(german.problemLines.first?.hasPrefix("templates/i18n/de.yaml:1:1: warning: \(count + 1) interface words have no 'de' text in the built-in words, and the site has no templates/i18n/de.yaml, shown in 'en' instead: ") == true)
        #expect(VisibleText.of(site.read("index.html")).contains("Skip to the story"), "English, never the key")
        #expect(result.stderr.contains("templates/i18n/es.yaml:1:1: warning: 1 interface word has no 'es' text in the built-in words, and the site has no templates/i18n/es.yaml, shown in 'en' instead: byline"))
    }

    @Test func anUnknownWordInATemplateIsAWarningWithANearMiss() throws {
        let site = try FixtureSite("basic")
        try site.write("templates/layout.mustache", "<html><body>\n<a href=\"#main\">{{i18n.skip_to_stroy}}</a>{{{body}}}</body></html>\n")
        let report = site.build()
        #expect(report.succeeded, "a warning does not fail a build")
        #expect(report.problemLines == [
            "templates/layout.mustache:2:17: warning: 'i18n.skip_to_stroy' is not a name this template is rendered with: it renders as nothing (did you mean 'i18n.skip_to_story'?)",
        ])
        #expect(!site.build(strict: true).succeeded)
    }

    @Test func aMalformedTranslationFileIsAnErrorAtItsPlace() throws {
        let site = try FixtureSite("basic")
        site.build()
        let before = FixtureSite.snapshot(of: site.output)
        try site.write("templates/i18n/es.yaml", "skip_to_story: Ir a la historia\nsources_title: [Fuentes\n")
        var report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines.count == 1)
        #expect(report.problemLines.first?.hasPrefix("templates/i18n/es.yaml:3:1: error:") == true, "\(report.problemLines)")
        #expect(FixtureSite.snapshot(of: site.output) == before, "a failed build leaves the last good output")
        let result = try CLITests().run(["build", "--root", site.root.path])
        #expect(result.status == 1)

        try site.write("templates/i18n/es.yaml", "skip_to_story:\n  - Ir\n\"a.b\": texto\nsource_figures_one: \"{cuont} cifra\"\n")
        report = site.build()
        #expect(report.problemLines == [
            "templates/i18n/es.yaml:2:3: error: 'skip_to_story' must be text, not a list; a word that depends on a number has two keys, 'skip_to_story_one' and 'skip_to_story_other'",
            "templates/i18n/es.yaml:3:1: error: 'a.b' cannot be a word's key: templates read it as {{i18n.<key>}}, so use letters, digits and underscores",
            "templates/i18n/es.yaml:4:21: warning: 'source_figures_one' leaves out {count}: the value it stands for is not shown",
            "templates/i18n/es.yaml:4:21: warning: '{cuont}' is no placeholder of 'source_figures_one' (did you mean '{count}'?): it shows as written; 'source_figures_one' has {count}",
        ])

        try site.write("templates/i18n/es.yaml", "- Ir a la historia\n")
        report = site.build()
        #expect(report.problemLines == [
            "templates/i18n/es.yaml:1:1: error: a translation file is a flat mapping 'key: text' (as in 'skip_to_story: Skip to the story'), not a list",
        ])
    }

    @Test func anIncrementalBuildFollowsAChangedWord() throws {
        let site = try Self.spanishSite()
        #expect(site.build().succeeded)
        try site.write("templates/i18n/es.yaml", "skip_to_story: Saltar al relato\ndeals_title: Tratos\nchart_numbers: Los datos\n")
        let report = site.build()
        #expect(report.succeeded)
        // Every page, generated ones included, and the charts' tables, as a clean build writes them.
        let clean = site.root.appendingPathComponent("clean")
        #expect(site.build(output: clean).succeeded)
        for page in FixtureSite.files(in: clean).filter({ $0.hasSuffix(".html") }) {
            #expect(site.read(page) == site.read(page, in: clean), "\(page) is stale after the words changed")
        }
        #expect(VisibleText.of(site.read("deals/index.html")).contains("Tratos"))
        #expect(VisibleText.of(site.read("index.html")).contains("Los datos"))
        try site.remove("templates/i18n/es.yaml")
        #expect(site.build().succeeded)
        #expect(VisibleText.of(site.read("index.html")).contains("Ir a la historia"))
        #expect(VisibleText.of(site.read("deals/index.html")).contains("Acuerdos · La historia en español"))
    }

    /// The other claim forms (a comparison, a growth that lacks the year before, readings
    /// that disagree) said in Spanish: the same decisions, Spanish words, the data's own text as written.
    @Test func everyClaimFormIsSaidInSpanish() throws {
        let spanish = ClaimWording(texts: Words.builtIn("es").texts, locale: .es)
        func said(_ claim: ClaimCheck?) -> String { (claim?.text.text(in: spanish) ?? "").replacingOccurrences(of: "\u{A0}", with: " ") }
        let forms = ClaimFormTests()
        let (compared, _) = try forms.claims(financials: ClaimFormTests.meta2024, claims: """
        - id: revenue-above-costs
          compare: financials.meta-2024.revenue_growth > financials.meta-2024.opex_growth
          source: bi
        - id: too-close
          compare: financials.meta-2024.other_growth > financials.meta-2024.revenue_growth
          source: bi
        """)
        let holds = said(compared["revenue-above-costs"])
        #expect(holds.hasPrefix("Crecimiento de los ingresos, "), "\(holds)")
        #expect(holds.contains(", frente a crecimiento de los costes operativos, "), "\(holds)")
        #expect(holds.contains("(leído como ±10 %), así que el primero es mayor."), "\(holds)")
        #expect(said(compared["too-close"]).contains("sus intervalos se solapan ("), "\(said(compared["too-close"]))")
        #expect(said(compared["too-close"]).hasPrefix("Other growth, "), "a field with no word is named by its name")

        let (growth, _) = try forms.claims(financials: ClaimFormTests.meta2024, claims: """
        - id: capex-growth
          says: "> 42%"
          figure: financials.meta-2024.capex_growth_computed
          source: bi
        """)
        #expect(said(growth["capex-growth"]) == "Para comprobar este crecimiento hace falta el dato de inversión en capital de Meta en 2023 según alguna fuente, y los datos no lo tienen (financials.meta-2024.prior_capex se deduce de este mismo crecimiento, así que no sirve para comprobarlo), así que no se puede comprobar la cifra declarada, más de 42 %.")

        let (readings, _) = try forms.claims(financials: ClaimFormTests.meta2024, claims: """
        - id: fleet-when
          says: "~$40B"
          figure: financials.meta-2024.capex
          readings:
            - { modality: disclosed, when: al gastarlo en enero de 2024, as_of: 2024-01-01 }
            - { modality: expected, when: a finales de 2024, as_of: 2024-12-31 }
          source: bi
        """)
        #expect(said(readings["fleet-when"]) == "La fuente da unos 40.000 millones de dólares de dos maneras que no pueden ser ciertas a la vez: al gastarlo en enero de 2024 (revelado) y a finales de 2024 (previsto). Los datos no permiten saber a cuál se refiere.")
    }

    /// A regional code reads its base language's words; a site file's key one letter off a
    /// built-in word is a warning; a file for a language the site does not publish is said
    /// to be unused, once.
    @Test func regionalCodesTyposAndUnpublishedLanguages() throws {
        let site = try Self.spanishSite()
        try site.write("content/site.yaml", "title: T\nbase_url: https://example.org/\nlanguage: es-MX\n")
        try site.write("templates/i18n/es-MX.yaml", "skip_to_stroy: Saltar\nmy_own_word: Hola\n")
        try site.write("templates/i18n/fr.yaml", "skip_to_story: Aller au récit\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let warnings = report.diagnostics.warnings.map(\.description)
        // es-MX takes es's built-in words: no list of missing words, and Spanish on the page.
        #expect(!warnings.contains { $0.contains("interface words have no") }, "\(warnings)")
        #expect(VisibleText.of(site.read("index.html")).contains("Ir a la historia"))
        #expect(warnings.contains { $0.contains("templates/i18n/es-MX.yaml:1:1: warning: 'skip_to_stroy' is not a built-in word (did you mean 'skip_to_story'?)") }, "\(warnings)")
        // A word of the site's own, far from any built-in one, is not questioned.
        #expect(!warnings.contains { $0.contains("my_own_word") })
        #expect(warnings.filter { $0.contains("templates/i18n/fr.yaml") }.count == 1, "\(warnings)")
        #expect(warnings.contains { $0.contains("'fr' is not one of the site's languages (es-MX)") }, "\(warnings)")
    }
}
