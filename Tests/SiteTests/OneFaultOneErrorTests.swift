import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// Issue 11, kind 10: an input that is refused is reported once and then kept out of
/// everything downstream, so that it causes no second, misleading error (a clash with the
/// page whose URL it was given in its place, an unknown reference to a record that is
/// there but was refused, a missing template that exists but does not parse).
@Suite("one fault, one error")
struct OneFaultOneErrorTests {
    func problems(_ files: [String: String], remove: [String] = []) throws -> [String] {
        let site = try FixtureSite("hostile")
        for path in remove { try site.remove(path) }
        for (path, text) in files { try site.write(path, text) }
        let report = site.build()
        #expect(!report.succeeded)
        return report.problemLines
    }

    @Test func aRefusedFileNameIsNotAlsoAClashWithTheHomePage() throws {
        #expect(try problems(["content/q-&-a.md": "---\ntitle: Q&A\n---\n"]) == [
            "content/q-&-a.md:1:1: error: the path segment 'q-&-a' cannot be part of a URL: use letters, digits, '-', '_' or '.'",
        ])
    }

    @Test func aRefusedSlugIsNotAlsoAClashWithThePageAtItsPath() throws {
        // Without its slug the page would be /notes/ too.
        #expect(try problems(["content/notes/index.md": "---\ntitle: N\nslug: ../x\n---\n"]) == [
            "content/notes/index.md:3:7: error: slug '../x' must be one path segment of letters, digits, '-', '_' or '.' (no '/', no '..')",
        ])
    }

    @Test func frontMatterThatCannotBeReadIsNotAlsoAMissingTitle() throws {
        #expect(try problems(["content/a.md": "---\ntitle: [unclosed\n---\n"]).count == 1)
        #expect(try problems(["content/b.md": "---\n- a list\n---\n"]) == [
            "content/b.md:2:1: error: front matter must be a mapping of fields, not a list",
        ])
        #expect(try problems(["content/c.md": "---\ntitle: Open\n\nBody\n"]) == [
            "content/c.md:1:1: error: front matter opened with '---' is never closed by a '---' line",
        ])
        #expect(try problems(["content/d.md": "---\ntitle: { a: 1 }\n---\n"]) == [
            "content/d.md:2:8: error: 'title' must be text, not a mapping",
        ])
        // A page whose slug is in front matter that cannot be read is not also a clash at its path's URL (/a/).
        #expect(try problems(["content/a.md": "---\nslug: moved\ntitle: [\n---\n", "content/other.md": "---\ntitle: O\nslug: a\n---\n"]).count == 1)
    }

    @Test func aBrokenSiteYAMLIsNotAlsoAMissingTitle() throws {
        #expect(try problems(["content/site.yaml": "title: [T\nbase_url: https://example.org/\n"]).count == 1)
    }

    @Test func aRefusedRecordIsNotAlsoAnUnknownReference() throws {
        // The company's id is refused; the deal that names it by that id gets no second error.
        #expect(try problems(["content/data/companies.yaml": "- id: Acme\n  name: Acme Labs\n- id: globex\n  name: Globex\n",
                              "content/data/deals.yaml": "- id: acme-globex\n  from: Acme\n  to: globex\n  amount: $12B\n  source: news\n"]) == [
            "content/data/companies.yaml:1:7: error: id 'Acme' must use lowercase letters, digits and hyphens",
        ])
        // A link to an id that is nowhere is still an error.
        #expect(try problems(["content/data/deals.yaml": "- id: acme-globex\n  from: acmee\n  to: globex\n  amount: $12B\n  source: news\n"]) == [
            "content/data/deals.yaml:2:9: error: unknown company 'acmee' (did you mean 'acme'?)",
        ])
    }

    @Test func aRefusedDataFileIsNotAlsoUnknownEverywhere() throws {
        // Every deal and record names a source; the sources file does not parse.
        let lines = try problems(["content/data/sources.yaml": "- id: news\n  title: [broken\n",
                                  "content/data/figures.yaml": "- id: total\n  expr: sum(sources[id=news].amount)\n"])
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("content/data/sources.yaml:") == true)
    }

    @Test func aRefusedFieldIsNotAlsoAnUnknownReferenceInAFormula() throws {
        #expect(try problems(["content/data/deals.yaml": "- id: acme-globex\n  from: acme\n  to: globex\n  amount: $12QQ\n  source: news\n",
                              "content/data/figures.yaml": "- id: double\n  expr: deals.acme-globex.amount * 2\n",
                              "content/index.md": "---\ntitle: Home\n---\n"]) == [
            "content/data/deals.yaml:4:14: error: 'amount': unknown unit 'QQ'",
        ])
    }

    @Test func aTemplateThatDoesNotParseIsNotAlsoMissing() throws {
        let lines = try problems(["templates/page.mustache": "<article>{{#page.title}}</article>\n",
                                  "templates/partials/head.mustache": "<title>{{page.title}</title>\n",
                                  "content/x.md": "---\ntitle: X\ntemplate: page\n---\n"])
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.allSatisfy { $0.contains("error: template syntax:") }, "\(lines)")
    }

    @Test func aRefusedLinkToATemplateOrADataFileIsNotAlsoMissing() throws {
        let site = try FixtureSite("hostile")
        for path in ["templates/page.mustache", "content/data/sources.yaml"] {
            try site.remove(path)
            try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: "gone")
        }
        // Not also "missing template 'page'", nor "unknown source 'news'" on the deal.
        #expect(site.build().problemLines == [
            "content/data/sources.yaml:1:1: error: broken symbolic link: 'gone' does not exist",
            "templates/page.mustache:1:1: error: broken symbolic link: 'gone' does not exist",
        ])
    }
}
