import Foundation
@testable import Load
import Model
@testable import Render
@testable import Site
import Testing

/// Data text in two languages (issue 12, decision 3): `label: {en: …, es: …}` on text a
/// reader sees. Fixture `translations`: languages [en, es]; Globex's name, the deal's label,
/// the named figure's label, the source's and the claim's notes are translated; the deal's
/// note is not (Spanish falls back to it, `capex check` lists it); `money.es.md` has
/// `lang: es`, so its figures and charts are in Spanish.
@Suite("data text in several languages")
struct DataTranslationTests {
    @Test func aSpanishPageShowsTheDataInSpanishAndFallsBackToEnglish() throws {
        let site = try FixtureSite("translations")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(report.diagnostics.warnings.isEmpty, "a build does not list missing translations: \(report.problemLines)")
        let spanish = site.read("es/money/index.html")
        // A text figure in the page's language; its link title names the record in it too.
        // The field's name is said in Spanish too ("etiqueta", `field_label`).
        #expect(spanish.contains(#"title="Contrato de nube de Acme: etiqueta: Contrato de nube de Acme."#))
        // A text that ends with its own full stop gets no second one from the sentence around it.
        #expect(spanish.contains(#"title="Contrato de nube de Acme: nota: Five years of compute. Fuentes: The Wire, 10 de enero de 2025.""#))
        #expect(spanish.contains(#">Contrato de nube de Acme</span>"#))
        // A named figure's label from figures.yaml, in the title of its link.
        #expect(spanish.contains(#"title="El doble del contrato: 20.000 millones de dólares. El doble del contrato: 10.000 millones de dólares × 2."#))
        // The chart's bar is named by the company, whose Spanish name differs.
        #expect(spanish.contains(#"<text x="8" y="11" class="cx-b">Globex Nube</text>"#))
        #expect(!spanish.contains("Globex Cloud"))
        // No Spanish note: the English text stands in.
        #expect(spanish.contains(#">Five years of compute.</span>"#))

        let english = site.read("money/index.html")
        #expect(english.contains(#">Acme&#39;s cloud contract</span>"#))
        #expect(english.contains(#"title="Twice the contract is $20 billion."#))
        #expect(english.contains(#"title="Acme&#39;s cloud contract: note is Five years of compute. Sources: The Wire, January 10, 2025.""#))
        #expect(!english.contains("..") && !spanish.contains(".."))
        #expect(english.contains(#"class="cx-b">Globex Cloud</text>"#))
        #expect(!english.contains("Nube") && !english.contains("Contrato"))
        // Generated pages of the default language keep the default text.
        #expect(site.read("checks/index.html").contains("The release rounds."))
        #expect(site.read("sources/index.html").contains("Announced in a press release."))
        // The Spanish tree's generated pages.
        #expect(site.read("es/companies/index.html").contains("Globex Nube"))
        #expect(site.read("es/companies/globex/index.html").contains("Globex Nube"))
        #expect(site.read("es/deals/index.html").contains("Contrato de nube de Acme"))
        #expect(site.read("es/checks/index.html").contains("El comunicado redondea."))
        #expect(site.read("es/sources/index.html").contains("Anunciado en un comunicado."))
        #expect(site.read("es/figures/index.html").contains("El doble del contrato"))
        #expect(!site.read("es/companies/index.html").contains("Globex Cloud"))
    }

    /// The generated pages are written in their `language` (lang-tree
    /// renders them once per language); here they are asked for Spanish directly.
    @Test func generatedPagesInSpanishShowTheTranslations() throws {
        let fixture = try FixtureSite("translations")
        let (loaded, problems) = SiteLoader(root: fixture.root, options: BuildOptions(root: fixture.root)).load()
        let site = try #require(loaded, "\(problems.sorted)")
        let links = FigureReferences(model: site.model, sourceNames: [:], basePath: "", locale: .es, words: site.translations.words(for: "es"))
        let pages = GeneratedPages(model: site.model, config: site.config, figureLinks: links, sourceNames: [:], language: "es",
                                   translations: site.translations)

        let companies = try #require(pages.companiesPage().values["companies"] as? [[String: Any]])
        #expect(companies.compactMap { $0["name"] as? String } == ["Acme Labs", "Globex Nube"])
        let deals = try #require(pages.dealsPage().values["deals"] as? [[String: Any]])
        #expect(deals.first?["name"] as? String == "Contrato de nube de Acme")
        #expect(deals.first?["to"] as? String == "Globex Nube")
        let claims = try #require(pages.checksPage().values["claims"] as? [[String: Any]])
        #expect(claims.first?["note"] as? String == "El comunicado redondea.")
        let sources = try #require(pages.sourcesPage().values["sources"] as? [[String: Any]])
        #expect(sources.first?["note"] as? String == "Anunciado en un comunicado.")
        #expect(sources.first?["link_text"] as? String == "Acme and Globex sign", "a title as published is not translated unless the data says")
        let groups = try #require(pages.figuresPage().values["groups"] as? [[String: Any]])
        let named = groups.first { $0["collection"] as? String == "figures" }?["figures"] as? [[String: Any]]
        #expect(named?.first?["label"] as? String == "El doble del contrato")
        let page = pages.companyPage(try #require(site.model.record("companies", "globex")))
        #expect(page.title == "Globex Nube")
    }

    /// Only the Spanish label changes: the Spanish page that cites the figure is rendered again.
    @Test func anIncrementalBuildRedoesAPageWhoseTranslationChanged() throws {
        let site = try FixtureSite("translations")
        // Pages without charts (a chart's page is redone whenever the model changes).
        try site.write("content/money.md", "---\ntitle: Money\n---\nTwice: {{ figures.double }}.\n")
        try site.write("content/money.es.md", "---\ntitle: Dinero\nlang: es\n---\nEl doble: {{ figures.double }}.\n")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        try site.write("content/data/figures.yaml", """
        - id: double
          expr: deals.acme-globex.amount * 2
          label: {en: Twice the contract, es: Dos veces el contrato}

        """)
        let report = site.build(trustStampsAfter: 0)
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("es/money/index.html").contains(#"title="Dos veces el contrato: 20.000 millones de dólares."#))
        #expect(site.read("money/index.html").contains(#"title="Twice the contract is $20 billion."#))
    }

    /// Templates read `data.<collection>` in their context's language.
    @Test func templateDataIsReadInALanguage() throws {
        let fixture = try FixtureSite("translations")
        let (loaded, _) = SiteLoader(root: fixture.root, options: BuildOptions(root: fixture.root)).load()
        let companies = try #require(loaded?.data.first { $0.name == "companies" })
        #expect(companies.records(in: "es").compactMap { $0["name"]?.text } == ["Acme Labs", "Globex Nube"])
        #expect(companies.records(in: "en").compactMap { $0["name"]?.text } == ["Acme Labs", "Globex Cloud"])
        #expect(companies.records.compactMap { $0["name"]?.text } == ["Acme Labs", "Globex Cloud"], "the records hold the default text")
    }

    /// The README's table of translatable fields, row by row.
    @Test(arguments: [
        ("companies", "name", DataText.Kind.name), ("sources", "publisher", .name), ("sources", "title", .name),
        ("context", "person", .name), ("teams", "team_name", .name),
        ("deals", "label", .prose), ("deals", "note", .prose), ("deals", "conditions", .prose), ("clusters", "purpose", .prose),
        ("claims", "statement", .prose), ("events", "title", .prose), ("events", "description", .prose), ("context", "role", .prose),
        ("charts", "marker_label", .prose), ("events", "short_title", .prose),
    ])
    func textAReaderSeesIsTranslatable(collection: String, field: String, kind: DataText.Kind) {
        #expect(DataText.kind(of: field, in: collection) == kind)
    }

    @Test(arguments: [("deals", "amount"), ("deals", "status"), ("deals", "kind"), ("deals", "from"), ("deals", "date"),
                      ("sources", "url"), ("sources", "language"), ("companies", "color"), ("audiences", "metric"),
                      ("figures", "expr"), ("claims", "figure"), ("claims", "compare"), ("deals", "modality"), ("financials", "year")])
    func idsNumbersDatesAndFixedWordsAreWrittenOnce(collection: String, field: String) {
        #expect(DataText.kind(of: field, in: collection) == nil)
    }

    @Test func checkListsEachUntranslatedTextOnceAtItsLine() throws {
        let site = try FixtureSite("translations")
        let report = SiteBuilder.build(BuildOptions(root: site.root, write: false))
        #expect(report.succeeded)
        #expect(report.problemLines == [
            "content/data/deals.yaml:12:9: warning: 'note' has no es translation; es pages show the en text (write note: {en: …, es: …})",
        ])
        // A name that is the same in both languages ("Acme Labs") is not listed.
        let strict = SiteBuilder.build(BuildOptions(root: site.root, strict: true, write: false))
        #expect(!strict.succeeded, "under --strict the warning fails the check")
    }

    @Test func explainSaysAFigureInTheLanguageAsked() throws {
        let fixture = try FixtureSite("translations")
        let (model, _, _) = SiteBuilder.loadModelAndLanguages(BuildOptions(root: fixture.root, write: false))
        let figure = try #require(model?.figures["figures.double"])
        let spanish = Explanation.text(for: figure, in: model!, language: "es").split(separator: "\n").prefix(2)
        #expect(Array(spanish) == ["figures.double = 20.000 millones de dólares", "  El doble del contrato"])
        let english = Explanation.text(for: figure, in: model!).split(separator: "\n").prefix(2)
        #expect(Array(english) == ["figures.double = $20 billion", "  Twice the contract"])
        // A derived figure's label names its record in the language; the build's words after it stay.
        #expect(model?.figures["companies.globex.received_compute_signed"]?.label(in: "es") == "Globex Nube: compute received, paid or signed")
        #expect(model?.figures["companies.globex.received_compute_signed"]?.label == "Globex Cloud: compute received, paid or signed")
        let cli = CLITests()
        let spanish2 = try cli.run(["explain", "companies.globex.received_compute_signed", "--language", "es", "--root", fixture.root.path])
        #expect(spanish2.status == 0)
        #expect(spanish2.stdout.contains("  Globex Nube: compute received, paid or signed\n"))
        #expect(spanish2.stdout.contains("    wire: The Wire, 10 de enero de 2025, “Acme and Globex sign”, https://example.org/wire"))
        let unknown = try cli.run(["explain", "figures.double", "--language", "fr", "--root", fixture.root.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: 'fr' is not one of the site's languages (en, es)\n")
    }

    /// Every kind of mistake in a translated text, each one error at its key or value.
    @Test func mistakesInTranslatedTextAreErrorsAtTheirPlace() throws {
        let site = try FixtureSite("translations")
        #expect(site.build().succeeded, "the fixture alone builds")
        let before = FixtureSite.snapshot(of: site.output)
        let wrong = FixtureSite.fixtures.appendingPathComponent("translations-errors/wrong.yaml")
        try site.write("content/data/wrong.yaml", String(contentsOf: wrong, encoding: .utf8))
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines == [
            "content/data/wrong.yaml:3:22: error: 'fr' is not one of the site's languages (en, es): a translated 'label' is keyed by language; to publish 'fr', add it to 'languages' in site.yaml",
            "content/data/wrong.yaml:7:9: error: the es text of 'label' is empty: write the translation, or leave 'es' out to show the en text",
            "content/data/wrong.yaml:9:3: error: 'date' is a date, written once for every language; only text a reader sees (name, label, note, title, description…) takes translations",
            "content/data/wrong.yaml:11:9: error: 'note' has no en text: the default language's text is required, and shown in every language that lacks a translation",
            "content/data/wrong.yaml:13:26: error: the es text of 'note' must be text, not a list: write the translation, or leave 'es' out to show the en text",
        ])
        #expect(FixtureSite.snapshot(of: site.output) == before, "a failed build leaves the last good output")
    }

    @Test func aSingleLanguageSiteRefusesAnotherLanguagesKey() throws {
        let site = try FixtureSite("translations")
        try site.write("content/site.yaml", "title: One language\nbase_url: https://example.org/\nlanguage: en\n")
        try site.remove("content/money.es.md")
        let report = site.build()
        #expect(report.problemLines.contains(
            "content/data/companies.yaml:9:28: error: 'es' is not one of the site's languages (en): a translated 'name' is keyed by language; to publish 'es', add it to 'languages' in site.yaml"
        ))
    }

    @Test func theCommandLineExitsOneOnABadKeyAndZeroWithAMissingTranslation() throws {
        let site = try FixtureSite("translations")
        let cli = CLITests()
        let check = try cli.run(["check", "--root", site.root.path])
        #expect(check.status == 0)
        #expect(check.stderr.contains("content/data/deals.yaml:12:9: warning: 'note' has no es translation"))
        try site.write("content/data/figures.yaml", "- id: double\n  expr: deals.acme-globex.amount * 2\n  label: {en: Twice, esp: Doble}\n")
        let bad = try cli.run(["check", "--root", site.root.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("content/data/figures.yaml:3:22: error: 'esp' is not one of the site's languages (en, es): a translated 'label' is keyed by language (did you mean 'es'?)"))
    }
}
