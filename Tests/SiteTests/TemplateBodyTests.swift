import Foundation
import Testing

/// A site's own layout that never renders `{{{body}}}`, or a page template that never renders
/// `{{{page.content}}}`, leaves every page's text out: a warning at the template (an error
/// under `--strict`), where the pages had been written without their text in silence.
@Suite("templates that never render the page's text")
struct TemplateBodyTests {
    static let layoutWarning = "templates/layout.mustache:1:1: warning: the layout never renders '{{{body}}}': every page's text would be left out; put {{{body}}} where a page goes"

    @Test func aLayoutWithoutTheBodyIsWarnedAt() throws {
        let site = try FixtureSite("story")
        try site.write("templates/layout.mustache", "<!DOCTYPE html>\n<html lang=\"{{site.language}}\"><head>{{> partials/head}}</head>\n<body><main></main></body></html>\n")
        let report = site.build()
        #expect(report.problemLines.contains(Self.layoutWarning), "\(report.problemLines)")
        let strict = site.build(strict: true)
        #expect(!strict.succeeded)
    }

    @Test func aSectionOnBodyDoesNotWriteIt() throws {
        let site = try FixtureSite("story")
        try site.write("templates/layout.mustache", "<!DOCTYPE html>\n<html>\n<body>{{#body}}<main></main>{{/body}}</body></html>\n")
        #expect(site.build().problemLines.contains(Self.layoutWarning))
    }

    @Test func theBodyThroughAPartialOrEscapedCounts() throws {
        let site = try FixtureSite("story")
        try site.write("templates/partials/shell.mustache", "<main>{{{body}}}</main>\n")
        try site.write("templates/layout.mustache", "<!DOCTYPE html>\n<html>\n<body>{{> partials/shell}}</body></html>\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(!report.problemLines.contains { $0.contains("never renders") }, "\(report.problemLines)")
        #expect(site.read("index.html").contains("<main>"))
    }

    @Test func aPageTemplateWithoutTheContentIsWarnedAt() throws {
        let site = try FixtureSite("story")
        try site.write("templates/page.mustache", "<article><h1>{{page.title}}</h1></article>\n")
        try site.write("templates/wide.mustache", "<article class=\"wide\">{{#page}}<h1>{{title}}</h1>{{/page}}</article>\n")
        try site.write("content/w.md", "---\ntitle: W\ntemplate: wide\n---\n\nText.\n")
        try site.write("content/p.md", "---\ntitle: P\n---\n\nText.\n")
        try site.write("content/empty.md", "---\ntitle: Empty\ntemplate: bare\n---\n")
        // A template whose pages have no text drops nothing: no warning.
        try site.write("templates/bare.mustache", "<h1>{{page.title}}</h1>\n")
        let lines = site.build().problemLines.filter { $0.contains("never renders") }
        #expect(lines == [
            "templates/page.mustache:1:1: warning: template 'page' never renders '{{{page.content}}}': the text of every page drawn with it (content/p.md first) would be left out; put {{{page.content}}} where the text goes",
            "templates/wide.mustache:1:1: warning: template 'wide' never renders '{{{page.content}}}': the text of every page drawn with it (content/w.md first) would be left out; put {{{page.content}}} where the text goes",
        ])
        // Inside a section on `page`, `{{{content}}}` is the page's content.
        try site.write("templates/wide.mustache", "<article class=\"wide\">{{#page}}<h1>{{title}}</h1>{{{content}}}{{/page}}</article>\n")
        #expect(site.build().problemLines.filter { $0.contains("never renders") }.count == 1)
    }

    /// A folder's list template that shows no text, over an `_index.md` that has none: no
    /// warning on the full build, nor on a rebuild that does not read `_index.md` again
    /// (the 10,000-page benchmark warned at every one-page rebuild).
    @Test func aListWithoutTextIsNotWarnedAboutOnARebuild() throws {
        let site = try FixtureSite("story")
        try site.write("templates/list.mustache", "<h1>{{page.title}}</h1><ul>{{#page.pages}}<li>{{title}}</li>{{/page.pages}}</ul>\n")
        try site.write("content/notes/_index.md", "---\ntitle: Notes\n---\n")
        try site.write("content/notes/one.md", "---\ntitle: One\n---\n\nText.\n")
        let full = site.build(trustStampsAfter: 0)
        #expect(full.succeeded, "\(full.problemLines)")
        #expect(!full.problemLines.contains { $0.contains("never renders") }, "\(full.problemLines)")
        try site.write("content/notes/one.md", "---\ntitle: One\n---\n\nText, edited.\n")
        let rebuild = site.build(trustStampsAfter: 0)
        #expect(rebuild.pagesRendered >= 1 && rebuild.pagesRendered < 5, "\(rebuild.pagesRendered)")
        #expect(!rebuild.problemLines.contains { $0.contains("never renders") }, "\(rebuild.problemLines)")
    }
}
