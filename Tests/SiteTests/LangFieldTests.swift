import Foundation
import Testing

/// A page's `lang:` names a language the page is published in, and agrees with its file
/// name (`money.es.md` is the `es` translation); otherwise an error at the field's value,
/// naming the site's languages, where it had been ignored or followed against the file.
@Suite("lang in front matter")
struct LangFieldTests {
    func errors(_ site: FixtureSite) -> [String] {
        let report = site.build()
        #expect(!report.succeeded)
        return report.problemLines.filter { $0.contains(": error: ") }
    }

    /// `lang: fr` on an English site: the page says it is French (`<html lang="fr">`), and a
    /// warning at the field says its interface words and numbers stay English.
    @Test func aLanguageOfNeitherTheSiteNorCapexIsAWarning() throws {
        let site = try FixtureSite("story")
        try site.write("content/c.md", "---\ntitle: C\nlang: fr\n---\n\nBonjour.\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(report.problemLines.filter { $0.hasPrefix("content/c.md") } == [
            "content/c.md:3:7: warning: lang 'fr' is neither one of the site's languages (en) nor one capex has words for (en, es): the page's interface words and numbers stay in 'en'; add 'fr' to languages in content/site.yaml, or correct 'lang'",
        ])
        #expect(site.read("c/index.html").contains(#"<html lang="fr">"#))
        #expect(!site.build(strict: true).succeeded)
    }

    @Test func aTranslationsLangIsItsFileNamesLanguage() throws {
        let site = try LanguageTreeTests.bilingual()
        let text = try String(contentsOf: site.root.appendingPathComponent("content/money.es.md"), encoding: .utf8)
        try site.write("content/money.es.md", text.replacingOccurrences(of: "slug: dinero\n", with: "slug: dinero\nlang: en\n"))
        #expect(errors(site) == [
            "content/money.es.md:4:7: error: lang 'en' contradicts the file name: content/money.es.md is the 'es' translation; remove 'lang', or rename the file (the site's languages: en, es)",
        ])
    }

    /// What stays allowed: the file's own language, a region of it, and on a site in one
    /// language a page written in a language capex has words for (its numbers and words follow).
    @Test func agreeingLangsBuild() throws {
        let site = try FixtureSite("story")
        try site.write("content/c.md", "---\ntitle: C\nlang: en-GB\n---\n\nHello.\n")
        try site.write("content/d.md", "---\ntitle: D\nlang: es\n---\n\nHola.\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("d/index.html").contains(#"<html lang="es">"#), "a Spanish page on an English site says so")
        let bilingual = try LanguageTreeTests.bilingual()
        let text = try String(contentsOf: bilingual.root.appendingPathComponent("content/money.es.md"), encoding: .utf8)
        try bilingual.write("content/money.es.md", text.replacingOccurrences(of: "slug: dinero\n", with: "slug: dinero\nlang: es-MX\n"))
        let agreeing = bilingual.build()
        #expect(agreeing.succeeded, "\(agreeing.problemLines)")
        #expect(!agreeing.problemLines.contains { $0.contains("lang '") })
    }
}
