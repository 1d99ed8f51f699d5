import Foundation
import Testing
@testable import Editions
@testable import Site

/// Corrections on the pages the build generates, in both languages; editions of one day told
/// apart; the Spanish words of editions and corrections.
@Suite("corrections on generated pages, editions of one day, the Spanish edition words")
struct CorrectionsTests {
    /// The editions repository as a site in English and Spanish, with two corrections (one of
    /// a whole record, one of a figure, each written in both languages) and a company that has
    /// no deal.
    static func correctedRepository() throws -> EditionRepository {
        let repository = try EditionRepository()
        try repository.site.write("content/site.yaml", "title: Editions fixture\nbase_url: https://example.org/\nlanguages: [en, es]\n")
        try repository.amend("content/data/companies.yaml") { $0 + "- id: initech\n  name: Initech\n  kind: lab\n" }
        try repository.site.write("content/data/corrections.yaml", """
        - id: invest
          corrects: deals.globex-acme
          wrong: {en: We said Globex had invested $2 billion., es: Dijimos que Globex había invertido 2000 millones de dólares.}
          right: {en: Globex may invest up to $2 billion., es: Globex podría invertir hasta 2000 millones de dólares.}
          date: 2025-12-20
          source: filing
        - id: amount
          corrects: deals.acme-globex.amount
          wrong: {en: We said the deal was worth $12 billion., es: Dijimos que el acuerdo valía 12.000 millones de dólares.}
          right: {en: It is worth $15 billion., es: Vale 15.000 millones de dólares.}
          date: 2025-12-21
          source: [filing, wire]

        """)
        return repository
    }

    static let english = (
        amount: "December 21, 2025 — What was wrong: We said the deal was worth $12 billion. What is right: It is worth $15 billion. Sources: Globex filing, December 1, 2025; The Wire, January 15, 2025.\n",
        invest: "December 20, 2025 — What was wrong: We said Globex had invested $2 billion. What is right: Globex may invest up to $2 billion. Source: Globex filing, December 1, 2025.\n"
    )
    static let spanish = (
        amount: "21 de diciembre de 2025 — Lo que estaba mal: Dijimos que el acuerdo valía 12.000 millones de dólares. Lo correcto: Vale 15.000 millones de dólares. Fuentes: Globex filing, 1 de diciembre de 2025; The Wire, 15 de enero de 2025.\n",
        invest: "20 de diciembre de 2025 — Lo que estaba mal: Dijimos que Globex había invertido 2000 millones de dólares. Lo correcto: Globex podría invertir hasta 2000 millones de dólares. Fuente: Globex filing, 1 de diciembre de 2025.\n"
    )

    @Test func eachGeneratedPageShowingACorrectedRecordOrFigureEndsWithItsCorrectionInBothLanguages() throws {
        let repository = try Self.correctedRepository()
        let report = repository.site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        // Which corrections each page shows, by what it shows: both deals (and so the amount)
        // on /deals/, Acme's page and /figures/; only the amount on /checks/ (its claim checks
        // it); a source lists the figures resting on it. Initech has no deal, the companies'
        // list shows names only, /data/ shows no value.
        let both = ["deals/", "companies/acme/", "companies/globex/", "figures/", "sources/"]
        let none = ["companies/initech/", "companies/", "data/"]
        for (tree, words) in [("", Self.english), ("es/", Self.spanish)] {
            let heading = tree.isEmpty ? "Corrections\n" : "Correcciones\n"
            for page in both {
                let text = visibleLines(repository.site.read(tree + page + "index.html"))
                #expect(text.contains(heading + words.amount + words.invest), "\(tree + page)\n\(text)")
            }
            let checks = visibleLines(repository.site.read(tree + "checks/index.html"))
            #expect(checks.contains(heading + words.amount), "\(checks)")
            #expect(!checks.contains(words.invest))
            for page in none {
                let text = visibleLines(repository.site.read(tree + page + "index.html"))
                #expect(!text.contains(heading) && !text.contains(words.invest) && !text.contains(words.amount), "\(tree + page)")
            }
        }
        // The corrected row, line, entry and claim link to the correction at the foot.
        let deals = visibleLines(repository.site.read("deals/index.html"))
        #expect(deals.contains("\nAcme Labs → Globex Cloud Correction of December 21, 2025\n"))
        #expect(deals.contains("\nGlobex Cloud → Acme Labs Correction of December 20, 2025\n"))
        let dealsHTML = repository.site.read("deals/index.html")
        #expect(dealsHTML.contains("<a class=\"corrected\" href=\"#correction-invest\">Correction of December 20, 2025</a>"))
        #expect(dealsHTML.contains("<li id=\"correction-invest\">"))
        let esDeals = visibleLines(repository.site.read("es/deals/index.html"))
        #expect(esDeals.contains("\nGlobex Cloud → Acme Labs Corrección del 20 de diciembre de 2025\n"), "\(esDeals)")
        let acme = visibleLines(repository.site.read("companies/acme/index.html"))
        #expect(acme.contains("\nAcme Labs → Globex Cloud: $15 billion, 4 years (cloud, signed, January 10, 2025) Correction of December 21, 2025\n"), "\(acme)")
        // On /figures/, the corrected figure and a figure computed from it.
        let figures = visibleLines(repository.site.read("figures/index.html"))
        #expect(figures.contains("deals.acme-globex.amount\n$15 billion — Acme Labs → Globex Cloud: amount\nHistory: edition of November 1, 2025: $12 billion → edition of December 15, 2025: $15 billion\nCorrection of December 21, 2025\n"))
        #expect(figures.contains("deals.acme-globex.per_year\n$3.75 billion per year — Acme Labs → Globex Cloud: amount per year\nHistory: edition of November 1, 2025: $3 billion per year → edition of December 15, 2025: $3.75 billion per year\nCorrection of December 21, 2025\n"))
        #expect(figures.contains("deals.globex-acme.amount\nup\u{A0}to\u{A0}$2 billion — Globex Cloud → Acme Labs: amount\nCorrection of December 20, 2025\n"))
        #expect(checks(repository).contains("The stated $12 billion lies below the computed $15 billion, beyond the ±10% tolerance.\nCorrection of December 21, 2025\n"))
        // No English word of the interface on the Spanish pages that carry corrections.
        var found: [String] = []
        for page in both + ["checks/"] {
            let path = "es/" + page + "index.html"
            found += InterfaceWordsTests.englishWords(in: repository.site.read(path), page: path, pieces: InterfaceWordsTests.englishPieces)
        }
        #expect(found.isEmpty, "English interface words on Spanish pages:\n\(found.joined(separator: "\n"))")
    }

    @Test func aChartsEmbedPageNamesTheCorrectionsOfWhatItDraws() throws {
        let repository = try Self.correctedRepository()
        #expect(repository.site.build().succeeded)
        // Acme's page draws its deals; the embed page (shown on other sites) links to both
        // corrections on /changes/.
        let english = visibleLines(repository.site.read("charts/company-acme/index.html"))
        #expect(english.contains("Sources: Globex filing, December 1, 2025; The Wire, January 15, 2025. Correction of December 21, 2025; Correction of December 20, 2025. Data (CSV)"), "\(english)")
        let html = repository.site.read("charts/company-acme/index.html")
        #expect(html.contains("<a href=\"https://example.org/changes/#correction-amount\" target=\"_blank\" rel=\"noopener\">Correction of December 21, 2025</a>"))
        let spanish = visibleLines(repository.site.read("es/charts/company-acme/index.html"))
        #expect(spanish.contains("Corrección del 21 de diciembre de 2025; Corrección del 20 de diciembre de 2025."), "\(spanish)")
        #expect(repository.site.read("es/charts/company-acme/index.html").contains("https://example.org/es/changes/#correction-invest"))
    }

    @Test func aCorrectionOfACompanyReachesThePagesNamingIt() throws {
        let repository = try EditionRepository()
        try repository.site.write("content/data/corrections.yaml", """
        - id: name
          corrects: companies.globex
          wrong: We called Globex a lab.
          right: Globex is a cloud.
          date: 2025-12-23

        """)
        #expect(repository.site.build().succeeded)
        let foot = "Corrections\nDecember 23, 2025 — What was wrong: We called Globex a lab. What is right: Globex is a cloud.\n"
        // /deals/ and Acme's page name Globex in their lines; the companies' list names it.
        for page in ["deals/", "companies/", "companies/acme/", "companies/globex/"] {
            #expect(visibleLines(repository.site.read(page + "index.html")).contains(foot), "\(page)")
        }
        #expect(!visibleLines(repository.site.read("checks/index.html")).contains("Corrections"))
    }

    @Test func aCorrectionOfASourceReachesThePagesNamingIt() throws {
        let repository = try EditionRepository()
        try repository.site.write("content/data/corrections.yaml", """
        - id: wire-date
          corrects: sources.wire
          wrong: We dated The Wire's article January 15.
          right: It ran on January 14.
          date: 2025-12-24
        - id: deal-source
          corrects: deals.globex-acme.source
          wrong: We credited The Wire for Globex's pledge.
          right: Globex's filing gives it.
          date: 2025-12-25

        """)
        let report = repository.site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let wire = "December 24, 2025 — What was wrong: We dated The Wire's article January 15. What is right: It ran on January 14.\n"
        let pledge = "December 25, 2025 — What was wrong: We credited The Wire for Globex's pledge. What is right: Globex's filing gives it.\n"
        // Every figure of the fixture rests on The Wire but the new deal's; the claim too.
        for page in ["figures/", "checks/", "sources/"] {
            #expect(visibleLines(repository.site.read(page + "index.html")).contains(wire), "\(page)")
        }
        let figures = visibleLines(repository.site.read("figures/index.html"))
        #expect(figures.contains("deals.globex-acme.amount\nup\u{A0}to\u{A0}$2 billion — Globex Cloud → Acme Labs: amount\nCorrection of December 25, 2025; Correction of December 24, 2025\n"), "\(figures)")
        // A record's source: the deal's row and its figures, and the chapters citing them.
        #expect(visibleLines(repository.site.read("deals/index.html")).contains("\nGlobex Cloud → Acme Labs Correction of December 25, 2025\n"))
        for page in ["index.html", "other/index.html"] {
            #expect(visibleLines(repository.site.read(page)).contains("Corrections\n" + pledge), "\(page)")
        }
        #expect(!visibleLines(repository.site.read("checks/index.html")).contains(pledge))
    }

    func checks(_ repository: EditionRepository) -> String { visibleLines(repository.site.read("checks/index.html")) }

    @Test func aSitesOwnTemplateForAGeneratedPageStillShowsTheCorrections() throws {
        let repository = try Self.correctedRepository()
        try repository.site.write("templates/deals.mustache", "<article class=\"mine\"><h1>{{page.title}}</h1><p>Our own table.</p></article>\n")
        #expect(repository.site.build().succeeded)
        let text = visibleLines(repository.site.read("deals/index.html"))
        #expect(text.contains("Deals\nOur own table.\nCorrections\n" + Self.english.amount + Self.english.invest), "\(text)")
    }

    @Test func aCorrectionOfAFigureSomeFigureIsComputedFromReachesThePagesShowingThatFigure() throws {
        let repository = try EditionRepository()
        try repository.site.write("content/data/corrections.yaml", """
        - id: term
          corrects: deals.acme-globex.term
          wrong: We said four years.
          right: It is five years.
          date: 2025-12-22

        """)
        #expect(repository.site.build().succeeded)
        let foot = "Corrections\nDecember 22, 2025 — What was wrong: We said four years. What is right: It is five years.\n"
        // The term's deal is Acme's and Globex's; per_year (amount ÷ term) is on /figures/.
        for page in ["deals/", "companies/acme/", "companies/globex/", "figures/"] {
            #expect(visibleLines(repository.site.read(page + "index.html")).contains(foot), "\(page)")
        }
        let figures = visibleLines(repository.site.read("figures/index.html"))
        #expect(figures.contains("$3.75 billion per year — Acme Labs → Globex Cloud: amount per year\nHistory: edition of November 1, 2025: $3 billion per year → edition of December 15, 2025: $3.75 billion per year\nCorrection of December 22, 2025\n"))
        // The amount is not computed from the term: its entry has no mark, and /checks/ (whose
        // claim checks the amount) no correction.
        #expect(figures.contains("$15 billion — Acme Labs → Globex Cloud: amount\nHistory: edition of November 1, 2025: $12 billion → edition of December 15, 2025: $15 billion\nAs written"))
        #expect(!visibleLines(repository.site.read("checks/index.html")).contains("Corrections"))
    }
}
