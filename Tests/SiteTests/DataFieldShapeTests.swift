import Foundation
import Testing

/// A field the model reads as one value (a status, a kind, a date, a name, the id of a
/// company) written as a list or a mapping is an error at the value, not read as absent.
/// Found by the hostile-input pass: `status: [signed]` built a deal "status not given",
/// `to: [globex]` dropped the recipient and its total, `name: [Acme]` named the company by
/// its id, all with exit status 0. Columns counted by hand in the inputs below.
@Suite("a one-value data field written as a list or a mapping")
struct DataFieldShapeTests {
    /// The fixture's deals.yaml with `old` replaced by `new` (on its line 2 to 8).
    func problems(replacing old: String, with new: String, in file: String = "deals") throws -> [String] {
        let site = try FixtureSite("field-shapes")
        let path = "content/data/\(file).yaml"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains(old))
        try site.write(path, text.replacingOccurrences(of: old, with: new))
        let report = site.build()
        #expect(!report.succeeded)
        return report.problemLines
    }

    @Test func theFixtureBuildsAndShowsAListNoteAsText() throws {
        let site = try FixtureSite("field-shapes")
        #expect(site.build().succeeded)
        #expect(site.read("index.html").contains("$12 billion"))
    }

    @Test func aFixedWordAsAListOrMapping() throws {
        #expect(try problems(replacing: "status: signed", with: "status: [signed]") == [
            "content/data/deals.yaml:6:11: error: 'status' must be one text value, not a list",
        ])
        #expect(try problems(replacing: "kind: cloud", with: "kind: {a: 1}") == [
            "content/data/deals.yaml:4:9: error: 'kind' must be one text value, not a mapping",
        ])
    }

    @Test func aLinkAsAList() throws {
        #expect(try problems(replacing: "to: globex", with: "to: [globex]") == [
            "content/data/deals.yaml:3:7: error: 'to' must be the id of one record of 'companies', not a list",
        ])
    }

    @Test func aDateAsAList() throws {
        #expect(try problems(replacing: "date: 2025-01-10", with: "date: [2025-01-10]") == [
            "content/data/deals.yaml:7:9: error: 'date' must be one date, such as 2024-01-18, not a list",
        ])
    }

    @Test func aNameAsAList() throws {
        #expect(try problems(replacing: "name: Acme Labs", with: "name: [Acme Labs]", in: "companies") == [
            "content/data/companies.yaml:2:9: error: 'name' must be one text value, not a list",
        ])
    }
}
