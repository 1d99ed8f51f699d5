import Foundation
import Testing
@testable import Editions
@testable import Render
@testable import Site

/// How the pages name an edition when its day has several, and the Spanish words of editions.
@Suite("editions of one day: numbered, with anchors of their own; the Spanish edition words")
struct EditionNamesTests {
    /// The editions repository with two more editions on December 15, 2025: `edition-2025-12-15+noon`
    /// at noon on the same commit (its anchor would read `edition-2025-12-15-noon`), and
    /// `edition-2025-12-15-noon` at 18:00, which moves the Globex amount again ($15B → $16B).
    static func repository(language: String? = nil) throws -> EditionRepository {
        let repository = try EditionRepository(language: language)
        try repository.git("tag", "-a", "edition-2025-12-15+noon", "-m", "Noon", date: "2025-12-15T12:00:00+00:00")
        try repository.amend("content/data/deals.yaml") { $0.replacingOccurrences(of: "amount: $15B", with: "amount: $16B") }
        try repository.commit("Third", date: "2025-12-15T18:00:00+00:00")
        try repository.git("tag", "-a", "edition-2025-12-15-noon", "-m", "Evening", date: "2025-12-15T18:00:00+00:00")
        return repository
    }

    @Test func editionsOfOneDayAreNumberedOnChangesInTheFeedAndInNotes() throws {
        let repository = try Self.repository()
        let report = repository.site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let html = repository.site.read("changes/index.html")
        let text = visibleLines(html)
        #expect(text.contains("""
        edition-2025-12-15-noon
        December 15, 2025, third edition
        Evening
        """))
        #expect(text.contains("edition-2025-12-15+noon\nDecember 15, 2025, second edition\nNoon\nNo figure, claim or record changed.\n"))
        #expect(text.contains("edition-2025-12-15\nDecember 15, 2025, first edition\nThe Globex deal, revised to $15B\n"))
        // A day with one edition is named by its date alone.
        #expect(text.contains("edition-2025-11-01\nNovember 1, 2025\nFirst edition\n"))
        // Every entry has an id of its own, though two tags read the same as ids.
        let ids = html.matches(of: /id="(edition-[^"]*)"/).map { String($0.output.1) }
        #expect(ids == ["edition-2025-12-15-noon-2", "edition-2025-12-15-noon", "edition-2025-12-15", "edition-2025-11-01"])
        // The chapter's note names the edition and links to its own entry.
        let chapter = repository.site.read("index.html")
        #expect(visibleLines(chapter).contains("Updated December 15, 2025, third edition: figures in this chapter changed since the previous edition. See what changed.\n"))
        #expect(chapter.contains("<a href=\"/changes/#edition-2025-12-15-noon-2\">See what changed</a>"))
        #expect(VisibleText.attributes(chapter).contains { $0.hasPrefix("Changed in the third edition of December 15, 2025; was $15 billion. ") })
        let feed = repository.site.read("feed.xml")
        #expect(feed.contains("<title>Third edition of December 15, 2025</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/changes/#edition-2025-12-15-noon-2\"/>"))
        #expect(feed.contains("<title>Second edition of December 15, 2025</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/changes/#edition-2025-12-15-noon\"/>"))
        #expect(feed.contains("<title>First edition of December 15, 2025</title>"))
        #expect(feed.contains("<title>Edition of November 1, 2025</title>"))
        let figures = visibleLines(repository.site.read("figures/index.html"))
        #expect(figures.contains("History: edition of November 1, 2025: $12 billion → first edition of December 15, 2025: $15 billion → third edition of December 15, 2025: $16 billion\n"))
    }

    @Test func spanishNamesEditionsOfOneDayByTheirOrdinal() throws {
        let repository = try Self.repository(language: "es")
        #expect(repository.site.build().succeeded)
        let text = visibleLines(repository.site.read("changes/index.html"))
        #expect(text.contains("edition-2025-12-15-noon\n15 de diciembre de 2025, tercera edición\nEvening\n"))
        #expect(text.contains("edition-2025-12-15+noon\n15 de diciembre de 2025, segunda edición\nNoon\n"))
        let chapter = repository.site.read("index.html")
        #expect(visibleLines(chapter).contains("Actualizado el 15 de diciembre de 2025, tercera edición: algunas cifras de este capítulo cambiaron desde la edición anterior. Ver qué cambió.\n"))
        #expect(VisibleText.attributes(chapter).contains { $0.hasPrefix("Cambió en la tercera edición del 15 de diciembre de 2025; antes era 15.000 millones de dólares. ") })
        let feed = repository.site.read("feed.xml")
        #expect(feed.contains("<title>Tercera edición del 15 de diciembre de 2025</title>"))
        #expect(feed.contains("<title>Primera edición del 15 de diciembre de 2025</title>"))
        #expect(feed.contains("<title>Edición del 1 de noviembre de 2025</title>"))
    }

    @Test func anEarlierTagOfTheSameDayRenamesTheLatestEditionInAnIncrementalBuild() throws {
        let repository = try EditionRepository()
        #expect(repository.site.build().succeeded)
        #expect(visibleLines(repository.site.read("index.html")).contains("Updated December 15, 2025: figures"))
        // Tagged later, dated earlier that day, on the first edition's commit: the latest is
        // now that day's second edition, and moved nothing more.
        try repository.git("tag", "-a", "edition-2025-12-15-early", "-m", "Early", "edition-2025-11-01^{commit}", date: "2025-12-15T08:00:00+00:00")
        #expect(repository.site.build().succeeded)
        let chapter = repository.site.read("index.html")
        #expect(visibleLines(chapter).contains("Updated December 15, 2025, second edition: figures in this chapter changed since the previous edition."))
        #expect(VisibleText.attributes(chapter).contains { $0.hasPrefix("Changed in the second edition of December 15, 2025; was $12 billion. ") })
        let incremental = FixtureSite.snapshot(of: repository.site.output)
        var options = BuildOptions(root: repository.root, incremental: false)
        options.showProgress = false
        #expect(SiteBuilder.build(options).succeeded)
        #expect(FixtureSite.snapshot(of: repository.site.output) == incremental)
    }

    @Test func editionsAreOrderedByTheirMomentAndNumberedWithinTheirDay() {
        // 10:00 at UTC+1 is before 09:30 UTC; the day is each tagger's own.
        let editions = Edition.distinguished([
            Edition(tag: "edition-b", commit: "2", date: "2025-12-15T09:30:00+00:00", message: ""),
            Edition(tag: "edition-a", commit: "1", date: "2025-12-15T10:00:00+01:00", message: ""),
            Edition(tag: "edition-c", commit: "3", date: "2025-12-16T08:00:00+00:00", message: ""),
            Edition(tag: "edition-a+", commit: "4", date: "2025-12-16T09:00:00+00:00", message: ""),
            Edition(tag: "edition-a-", commit: "5", date: "2025-12-16T10:00:00+00:00", message: ""),
        ])
        #expect(editions.map(\.tag) == ["edition-a", "edition-b", "edition-c", "edition-a+", "edition-a-"])
        #expect(editions.map(\.numberInDay) == [1, 2, 1, 2, 3])
        #expect(editions.map(\.editionsInDay) == [2, 2, 3, 3, 3])
        #expect(editions.map(\.anchor) == ["edition-a", "edition-b", "edition-c", "edition-a-", "edition-a--2"])
    }

    @Test func aDayOfMoreThanTenEditionsNumbersThemPastTheTenth() {
        let tags = (1...11).map { Edition(tag: "edition-\($0)", commit: "\($0)", date: String(format: "2025-12-15T%02d:00:00+00:00", $0), message: "") }
        let editions = Edition.distinguished(tags)
        let english = EditionNotes(history: StoryHistory(), language: "en", basePath: "", sourceNames: [:])
        let spanish = EditionNotes(history: StoryHistory(), language: "es", basePath: "", sourceNames: [:])
        #expect(english.name(editions[9]) == "tenth edition of December 15, 2025")
        #expect(english.name(editions[10]) == "edition 11 of December 15, 2025")
        #expect(english.dateline(editions[10]) == "December 15, 2025, edition 11")
        #expect(spanish.name(editions[9]) == "décima edición del 15 de diciembre de 2025")
        #expect(spanish.name(editions[10]) == "edición n.º 11 del 15 de diciembre de 2025")
        #expect(spanish.dateline(editions[0]) == "15 de diciembre de 2025, primera edición")
    }

    @Test func spanishEditionWordsAgreeInGenderAndNumber() throws {
        let repository = try EditionRepository(language: "es")
        try repository.amend("content/data/deals.yaml") { $0.replacingOccurrences(of: "amount: up to $2B", with: "amount: up to $2.5B") }
        #expect(repository.site.build().succeeded)
        let text = visibleLines(repository.site.read("changes/index.html"))
        // What is not yet published is the changes ("cambios … publicados"), not the edition.
        #expect(text.contains("\nDesde la edición del 15 de diciembre de 2025 (cambios aún no publicados en una edición)\n"), "\(text)")
        #expect(!text.contains("publicado como"))
        // One claim checked: "comprobada", in the singular, like "afirmación".
        #expect(text.contains("\nLa primera edición: 12 cifras, 1 afirmación comprobada, 7 registros.\n"))
        // One source is "Fuente", in the singular.
        #expect(text.contains("deals.globex-acme.amount — Globex Cloud → Acme Labs: importe: hasta\u{A0}2000 millones de dólares → hasta\u{A0}2500 millones de dólares (Fuente: The Wire, 15 de enero de 2025).\n"), "\(text)")
        // Spanish quotation marks around what a source says.
        #expect(text.contains("wire-deal («$12B», deals.acme-globex.amount): coherente → incoherente\n"))
        let other = visibleLines(repository.site.read("other/index.html"))
        #expect(other.contains("Actualizado: algunas cifras de este capítulo cambiaron desde la edición del 15 de diciembre de 2025. Ver qué cambió.\n"), "\(other)")
    }
}

@Suite("editions of a site in two languages")
struct BilingualEditionsTests {
    /// An old edition's translated text (`label: {en: …, es: …}`) is read as the working
    /// tree's: a record that did not change is not listed as edited.
    @Test func aTranslatedRecordThatDidNotChangeIsNotEdited() throws {
        let repository = try EditionRepository()
        try repository.site.write("content/site.yaml", "title: Editions fixture\nbase_url: https://example.org/\nlanguages: [en, es]\n")
        try repository.amend("content/data/deals.yaml") {
            $0.replacingOccurrences(of: "  term: 4 years\n", with: "  term: 4 years\n  label: {en: The cloud deal, es: El acuerdo de nube}\n")
        }
        try repository.commit("Labels", date: "2025-12-20T09:00:00+00:00")
        try repository.git("tag", "-a", "edition-2025-12-20", "-m", "Labels in both languages", date: "2025-12-20T09:00:00+00:00")
        let report = repository.site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        for path in ["changes/index.html", "es/changes/index.html"] {
            let text = visibleLines(repository.site.read(path))
            // The working tree is the latest edition: no entry of its own.
            #expect(!text.contains("not yet published") && !text.contains("aún no publicados"), "\(text)")
        }
        let text = visibleLines(repository.site.read("changes/index.html"))
        #expect(text.contains("edition-2025-12-20\nDecember 20, 2025\nLabels in both languages\nRecords edited\ndeals.acme-globex\nedition-2025-12-15\n"), "\(text)")
        let latest = try CLITests().run(["changes", "--root", repository.root.path])
        #expect(latest.stdout == "Changes since edition-2025-12-20 (December 20, 2025: Labels in both languages): no figure, claim or record changed.\n")
    }
}
