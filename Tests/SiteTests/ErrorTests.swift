import Diagnostics
import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// Every problem as `path:line:column: error: message`; positions worked out by counting
/// the lines and columns of the inputs written here.
@Suite("errors with file, line and column")
struct ErrorTests {
    func problems(writing files: [String: String]) throws -> [String] {
        let site = try FixtureSite()
        for (path, text) in files { try site.write(path, text) }
        let report = site.build()
        #expect(!report.succeeded)
        return report.problemLines
    }

    @Test func wrongTypeInFrontMatter() throws {
        // line 3 is `draft: nope`; the value starts at column 8.
        #expect(try problems(writing: ["content/bad.md": "---\ntitle: Bad\ndraft: nope\n---\n"]) == [
            "content/bad.md:3:8: error: 'draft' must be true or false, not the text 'nope'",
        ])
        #expect(try problems(writing: ["content/bad.md": "---\ntitle: Bad\norder: first\ndate: yesterday\n---\n"]) == [
            "content/bad.md:3:8: error: 'order' must be a whole number, not the text 'first'",
            "content/bad.md:4:7: error: 'date' must be a date such as 2024-01-18 or 2024-01-18T09:30:00Z, not the text 'yesterday'",
        ])
        #expect(try problems(writing: ["content/bad.md": "---\ntitle: [a, b]\n---\n"]) == [
            "content/bad.md:2:8: error: 'title' must be text, not a list",
        ], "one fault, one error: the title is there, of the wrong kind")
    }

    @Test func yamlSyntaxErrorCarriesYamsPositionShiftedPastTheOpeningLine() throws {
        // `summary: a: b` is line 3 of the file; the second ':' is column 11.
        let lines = try problems(writing: ["content/bad.md": "---\ntitle: Ok\nsummary: a: b\n---\n"])
        // One fault, one error: the title is in the front matter that could not be read.
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("content/bad.md:3:11: error: invalid YAML: mapping values are not allowed in this context"))
    }

    @Test func missingTitleAndMissingFrontMatter() throws {
        #expect(try problems(writing: [
            "content/a.md": "---\ndescription: no title\n---\nBody\n",
            "content/b.md": "Just a body.\n",
            "content/c.md": "---\ntitle: Never closed\n\nBody\n",
        ]) == [
            "content/a.md:1:1: error: page needs a 'title' in its front matter",
            "content/b.md:1:1: error: page has no front matter; it needs at least a 'title' between '---' lines",
            "content/c.md:1:1: error: front matter opened with '---' is never closed by a '---' line",
        ])
    }

    @Test func missingTemplateIsReportedAtTheField() throws {
        #expect(try problems(writing: ["content/x.md": "---\ntitle: X\ntemplate: nope\n---\n"]) == [
            "content/x.md:3:11: error: no template 'nope' in templates/ (there are: home, layout, list, page)",
        ])
    }

    @Test func missingRequiredTemplateAndTemplateSyntax() throws {
        let site = try FixtureSite()
        try site.remove("templates/list.mustache")
        // Line 2: the section opened there is never closed.
        try site.write("templates/page.mustache", "<article>\n{{#page.title}}<h1>\n</article>\n")
        let lines = site.build().problemLines
        #expect(lines.contains("templates/list.mustache:1:1: error: missing template 'list': every site needs it"))
        #expect(lines.contains { $0.hasPrefix("templates/page.mustache:") && $0.contains("error: template syntax: a section is opened but never closed") })
    }

    @Test func duplicateURLPointsAtTheSecondPage() throws {
        // third.md has `slug: renamed` on line 4, column 7.
        #expect(try problems(writing: ["content/posts/renamed.md": "---\ntitle: Clash\n---\n"]) == [
            "content/posts/third.md:4:7: error: URL /posts/renamed/ is also the URL of content/posts/renamed.md",
        ])
    }

    @Test func dataFileProblems() throws {
        // (Errors only: these records lack the fields the fixture's home template shows, a warning.)
        #expect(try problems(writing: ["content/data/firms.yaml": "- id: meta\n- id: Meta Inc\n- id: meta\n- name: none\n"]).filter { $0.contains(": error: ") } == [
            "content/data/firms.yaml:2:7: error: id 'Meta Inc' must use lowercase letters, digits and hyphens",
            "content/data/firms.yaml:3:7: error: id 'meta' is already used at line 1",
            "content/data/firms.yaml:4:3: error: record has no 'id'",
        ])
        #expect(try problems(writing: ["content/data/firms.yaml": "name: not a list\n"]) == [
            "content/data/firms.yaml:1:1: error: a data file must be a list of records (lines starting with '- '), not a mapping",
        ])
    }

    @Test func everyProblemOfABuildIsListed() throws {
        let lines = try problems(writing: [
            "content/a.md": "---\ntitle: A\ndraft: maybe\n---\n",
            "content/b.md": "---\ntitle: B\nslug: ../up\n---\n",
            "content/site.yaml": "title: T\nbase_url: ftp://example.org\n",
        ])
        #expect(lines == [
            "content/a.md:3:8: error: 'draft' must be true or false, not the text 'maybe'",
            "content/b.md:3:7: error: slug '../up' must be one path segment of letters, digits, '-', '_' or '.' (no '/', no '..')",
            "content/site.yaml:2:11: error: base_url must start with http:// or https://, not 'ftp://example.org'",
        ])
    }

    @Test func formatterShowsTheLineAndACaret() {
        let formatter = DiagnosticFormatter(sources: ["content/bad.md": "---\ntitle: Bad\ndraft: nope\n---\n"])
        let diagnostic = Diagnostic.error(at: SourceLocation(file: "content/bad.md", line: 3, column: 8), "'draft' must be true or false")
        #expect(formatter.format(diagnostic) == """
        content/bad.md:3:8: error: 'draft' must be true or false
        draft: nope
               ^
        """)
    }
}
