import Foundation
import Testing

/// A chart block's fields in the shape the chart reads them, or an error at the field:
/// nothing written in a block is dropped in silence (labels past the values, a list where
/// one value goes, a word the chart does not know, a field its type does not read).
@Suite("chart block fields: lists, words and the fields each type reads")
struct ChartFieldShapeTests {
    /// The build's error lines for a page whose chart block (YAML from line 8 of content/c.md) is `block`.
    func problems(_ block: String) throws -> [String] {
        let site = try FixtureSite("story")
        try site.write("content/c.md", "---\ntitle: C\n---\n\nText.\n\n```chart\n\(block)\n```\n")
        let report = site.build()
        #expect(!report.succeeded)
        return report.problemLines
    }

    @Test func labelsAreOnePerValue() throws {
        #expect(try problems("id: x\ntype: scale\nvalues: [clusters.llama4.power]\nlabels: [a, b, c]") == [
            "content/c.md:11:9: error: 'labels' needs one label per value: 1 value, 3 labels",
        ])
        #expect(try problems("id: x\ntype: bar\nvalues: [clusters.llama4.power, clusters.el-capitan.power]\nlabels: [a]") == [
            "content/c.md:11:9: error: 'labels' needs one label per value: 2 values, 1 label",
        ])
        #expect(try problems("id: x\ntype: line\nvalues: [clusters.llama4.power, clusters.el-capitan.power]\ndates: [2024]\nlabels: [a, b]") == [
            "content/c.md:11:8: error: 'dates' needs one date per value: 2 values, 1 date",
        ])
    }

    @Test func listFieldsAreListsOfPlainValues() throws {
        #expect(try problems("id: x\ntype: scale\nvalues: [clusters.llama4.power]\nlabels: Llama") == [
            "content/c.md:11:9: error: 'labels' is a list, as in labels: [a, b]; found the text 'Llama'",
        ])
        #expect(try problems("id: x\ntype: scale\nvalues: [clusters.llama4.power, [clusters.el-capitan.power]]") == [
            "content/c.md:10:33: error: each of 'values' is one plain value; found a list",
        ])
        #expect(try problems("id: x\ntype: scale\nvalues: [clusters.llama4.power]\nlabels: [{name: Llama}]") == [
            "content/c.md:11:10: error: each of 'labels' is one plain value; found a mapping",
        ])
        // Labels with `data:` would be dropped: the records' fields label the bars.
        #expect(try problems("id: x\ntype: bar\ndata: deals\ny: amount\nlabels: [a]") == [
            "content/c.md:12:9: error: 'labels' goes with 'values', one per value; with 'data' the chart reads each record's fields",
        ])
    }

    @Test func oneValueFieldsAndWordsAreChecked() throws {
        #expect(try problems("id: x\ntype: bar\ntitle: [One, Two]\ndata: deals\ny: amount") == [
            "content/c.md:10:8: error: 'title' is one plain value; found a list",
        ])
        #expect(try problems("id: x\ntype: bar\ndata: deals\ny: amount\norientation: sideways") == [
            "content/c.md:12:14: error: 'orientation' is one of horizontal, vertical; found 'sideways'",
        ])
        #expect(try problems("id: x\ntype: bar\ndata: deals\ny: amount\nsort: descnding") == [
            "content/c.md:12:7: error: 'sort' is one of none, ascending, descending; found 'descnding' (did you mean 'descending'?)",
        ])
        #expect(try problems("id: x\ntype: scale\nvalues: [clusters.llama4.power]\nshape: triangle") == [
            "content/c.md:11:8: error: 'shape' is one of square, circle; found 'triangle'",
        ])
        #expect(try problems("id: x\ntype: bar\ndata: deals\ny: amount\nwhere: [kind]") == [
            "content/c.md:12:8: error: 'where' is a mapping of field: value, as in where: {kind: investment}; found a list",
        ])
    }

    @Test func aFieldTheTypeDoesNotReadIsAnError() throws {
        #expect(try problems("id: x\ntype: scale\nvalues: [clusters.llama4.power]\norientation: vertical") == [
            "content/c.md:11:1: error: a scale chart does not read 'orientation'; it reads data, label, labels, shape, values, where, x, y",
        ])
        #expect(try problems("id: x\ntype: flow\ndata: deals\nsort: ascending") == [
            "content/c.md:11:1: error: a flow chart does not read 'sort'; it reads amount, data, from, to, where",
        ])
    }

    /// The exit status and message a user sees, and output/ left as it was.
    @Test func theCommandExitsOneAtTheLabels() throws {
        let site = try FixtureSite("story")
        let good = try CLITests().run(["build", "--root", site.root.path, "--quiet"])
        #expect(good.status == 0)
        let before = FixtureSite.snapshot(of: site.output)
        try site.write("content/c.md", "---\ntitle: C\n---\n\n```chart\nid: x\ntype: scale\nvalues: [clusters.llama4.power]\nlabels: [a, b, c]\n```\n")
        let bad = try CLITests().run(["build", "--root", site.root.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("content/c.md:9:9: error: 'labels' needs one label per value: 1 value, 3 labels\n"))
        #expect(FixtureSite.snapshot(of: site.output) == before)
    }
}
