import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// Issue 11, kind 5, templates: a missing partial is an error at its tag; a name no
/// context ever holds is a warning with a near miss (an error under `--strict`); sections,
/// inverted sections, partials inside sections and fields only some pages have give none.
@Suite("templates checked against what they are given")
struct TemplateCheckTests {
    @Test func aMissingPartialIsAnErrorAtItsTag() throws {
        let site = try FixtureSite("hostile")
        // Line 2, column 5: the `{{` of the partial tag.
        try site.write("templates/page.mustache", "<article>\n<h1>{{> partials/haed}}</h1>{{{page.content}}}\n</article>\n")
        let report = site.build()
        #expect(report.problemLines == [
            "templates/page.mustache:2:5: error: no template 'partials/haed': there is no templates/partials/haed.mustache (did you mean 'partials/head'?)",
        ])
        let result = try CLITests().run(["check", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("""
        templates/page.mustache:2:5: error: no template 'partials/haed': there is no templates/partials/haed.mustache (did you mean 'partials/head'?)
        <h1>{{> partials/haed}}</h1>{{{page.content}}}
            ^
        """))
    }

    @Test func unknownNamesAreWarningsWithANearMissAndFailStrictBuilds() throws {
        let site = try FixtureSite("hostile")
        try site.write("templates/page.mustache", "<h1>{{page.titel}}</h1><p>{{site.tilte}}</p>{{#data.companies}}{{nmae}}{{/data.companies}}{{{page.content}}}\n")
        let report = site.build()
        #expect(report.succeeded, "a warning does not fail a build")
        #expect(report.problemLines == [
            "templates/page.mustache:1:5: warning: 'page.titel' is not a name this template is rendered with: it renders as nothing (did you mean 'page.title'?)",
            "templates/page.mustache:1:27: warning: 'site.tilte' is not a name this template is rendered with: it renders as nothing (did you mean 'site.title'?)",
            "templates/page.mustache:1:64: warning: 'nmae' is not a name this template is rendered with: it renders as nothing (did you mean 'name'?)",
        ])
        #expect(!site.build(strict: true).succeeded)
        let strict = try CLITests().run(["build", "--root", site.root.path, "--strict", "--full"])
        #expect(strict.status == 1)
    }

    @Test func sectionsPartialsAndOptionalFieldsGiveNoFalseWarnings() throws {
        let site = try FixtureSite("hostile")
        // `colour` is on one page only; `description` on one; the partial is used inside a
        // section (where `title` is an item's) and at the top (where it is the page's).
        try site.write("content/tinted.md", "---\ntitle: Tinted\ncolour: teal\nauthor: { name: Ana }\n---\n")
        try site.write("templates/partials/item.mustache", "<b>{{title}}</b>")
        try site.write("templates/page.mustache", """
        {{! a comment naming {{nothing}} }}<article data-colour="{{page.colour}}" data-by="{{page.author.name}}">
        {{> partials/item}}{{#site.pages}}<li>{{> partials/item}} {{url}} {{date_display}}{{#colour}}{{.}}{{/colour}}</li>{{/site.pages}}
        {{^page.description}}<p>No description on {{page.title}}.</p>{{/page.description}}{{#page.description}}{{.}}{{/page.description}}
        {{#data.companies}}{{name}} {{id}} {{site.title}}{{/data.companies}} {{data.deals_count}} {{figures.deals.acme-globex.amount}}
        {{#page.tags}}{{.}}{{/page.tags}} {{{page.content}}} {{&page.url}} {{=<% %>=}}<% page.permalink %><%={{ }}=%> {{site.author}}
        </article>
        """)
        let report = site.build(strict: true)
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(report.diagnostics.all.isEmpty, "\(report.problemLines)")
        #expect(site.read("tinted/index.html").contains(#"<article data-colour="teal" data-by="Ana">"#))
    }

    @Test func aNameMisspelledInsideASectionIsFoundThere() throws {
        let site = try FixtureSite("hostile")
        try site.write("templates/list.mustache", "<ul>{{#page.pages}}<li><a href=\"{{url}}\">{{titel}}</a></li>{{/page.pages}}</ul>\n")
        #expect(site.build().problemLines == [
            "templates/list.mustache:1:42: warning: 'titel' is not a name this template is rendered with: it renders as nothing (did you mean 'title'?)",
        ])
    }

    @Test func figuresAndDataFieldsAreCheckedToo() throws {
        let site = try FixtureSite("hostile")
        try site.write("templates/page.mustache", "{{figures.deals.acme-globex.amont}} {{#data.companies}}{{nam}}{{/data.companies}} {{{page.content}}}\n")
        #expect(site.build().problemLines == [
            "templates/page.mustache:1:1: warning: 'figures.deals.acme-globex.amont' is not a name this template is rendered with: it renders as nothing (did you mean 'figures.deals.acme-globex.amount'?)",
            "templates/page.mustache:1:56: warning: 'nam' is not a name this template is rendered with: it renders as nothing (did you mean 'name'?)",
        ])
    }

    @Test func anOverriddenGeneratedPageIsCheckedToo() throws {
        let site = try FixtureSite("hostile")
        try site.write("templates/sources.mustache", "<h1>{{page.titel}}</h1>{{#page.sources}}<p>{{publisher}} {{link_url}}</p>{{/page.sources}}\n")
        let report = site.build()
        #expect(report.problemLines == [
            "templates/sources.mustache:1:5: warning: 'page.titel' is not a name this template is rendered with: it renders as nothing (did you mean 'page.title'?)",
        ])
        #expect(site.read("sources/index.html").contains("<p>Example News https://example.org/deal</p>"))
    }

    @Test func aPageNamingNoTemplateIsAnErrorAtTheField() throws {
        let site = try FixtureSite("hostile")
        try site.write("content/x.md", "---\ntitle: X\ntemplate: wide\n---\n")
        #expect(site.build().problemLines == [
            "content/x.md:3:11: error: no template 'wide' in templates/ (there are: layout, list, page)",
        ])
    }
}
