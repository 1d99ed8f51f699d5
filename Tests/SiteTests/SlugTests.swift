import Foundation
import Testing

/// A page's address as its `slug:` makes it: a slug that lands on another page's URL is an
/// error at the slug (it had been reported at the other file's 1:1), and a slug, record id
/// or chart id too long for one file name (255 bytes) is an error at it before anything is
/// written (it had been an unlocated write error).
@Suite("slugs and ids that name files")
struct SlugTests {
    @Test func aSlugOntoAnotherPagesURLIsAnErrorAtTheSlug() throws {
        let site = try FixtureSite("story")
        try site.write("content/a.md", "---\ntitle: A\nslug: b\n---\n\nA.\n")
        try site.write("content/b.md", "---\ntitle: B\n---\n\nB.\n")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines == ["content/a.md:3:7: error: URL /b/ is also the URL of content/b.md"])
    }

    @Test func aSlugLongerThanAFileNameIsAnErrorAtTheSlug() throws {
        let site = try FixtureSite("story")
        // 128 × "é" is 128 characters but 256 bytes.
        let long = String(repeating: "é", count: 128)
        try site.write("content/long.md", "---\ntitle: Long\nslug: \(long)\n---\n\nText.\n")
        let result = try CLITests().run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("content/long.md:3:7: error: slug is 256 bytes long: it names the page's folder, and a file name holds at most 255 bytes; shorten it\n"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing written")
        // 255 bytes fit.
        let fits = String(repeating: "a", count: 255)
        try site.write("content/long.md", "---\ntitle: Long\nslug: \(fits)\n---\n\nText.\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("\(fits)/index.html").contains("<p>Text.</p>"))
    }

    @Test func idsTooLongToNameFilesAreErrorsAtTheID() throws {
        let site = try FixtureSite("story")
        let id = String(repeating: "x", count: 201)
        let companies = try String(contentsOf: site.root.appendingPathComponent("content/data/companies.yaml"), encoding: .utf8)
        try site.write("content/data/companies.yaml", companies + "- id: \(id)\n  name: Long\n")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines == [
            "content/data/companies.yaml:24:7: error: id is 201 bytes long: capex names files after ids, and a file name holds at most 255 bytes; use at most 200",
        ])
        try site.write("content/data/companies.yaml", companies)
        try site.write("content/c.md", "---\ntitle: C\n---\n\n```chart\nid: \(id)\ntype: scale\nvalues: [clusters.llama4.power]\n```\n")
        let chart = site.build()
        #expect(!chart.succeeded)
        #expect(chart.problemLines == [
            "content/c.md:6:5: error: chart id is 201 bytes long: capex names files after ids, and a file name holds at most 255 bytes; use at most 200",
        ])
        // 200 bytes fit, with the chart's files and their temporary names.
        let fits = String(repeating: "y", count: 200)
        try site.write("content/c.md", "---\ntitle: C\n---\n\n```chart\nid: \(fits)\ntype: scale\nvalues: [clusters.llama4.power]\n```\n")
        let good = site.build()
        #expect(good.succeeded, "\(good.problemLines)")
        #expect(site.read("charts/\(fits).svg").hasPrefix("<svg"))
    }
}
