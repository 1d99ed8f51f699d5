import Diagnostics
import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// The fast path must give what Yams gives, positions included, or decline.
@Suite("front matter fast path")
struct SimpleYAMLTests {
    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.location.line):\(node.location.column)"
        switch node.kind {
        case .scalar(let scalar, let text): return "\(scalar)[\(text)]\(at)"
        case .sequence(let items): return "[" + items.map { describe($0) }.joined(separator: ", ") + "]\(at)"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column)=\(describe($0.value))" }.joined(separator: ", ") + "}\(at)"
        }
    }

    static let cases = [
        "title: Hello\ndate: 2024-01-18\ndraft: false\norder: 3\n",
        "title: \"Quoted: with colon\"\nsummary: 'It''s fine'\n",
        "tags:\n  - grid\n  - cooling\nweight: 1.5\n",
        "tags: [a, b, c]\nempty: []\n",
        "title: Dense accelerator cuts cache object budget\ndate: 2015-01-01T21:16:00+00:00\ntags:\n  - grid\n  - cooling\nsummary: \"Fabric object data deployment.\"\n",
        "title: x\n\n# a comment\nmenu: Deals\n",
        "n: -42\nf: .5\nyes: yes\nnull: ~\n",
        "list:\n- a\n- b\n",
    ]

    @Test(arguments: cases)
    func agreesWithYams(_ yaml: String) throws {
        let fast = SimpleYAML.parse(yaml, file: "f.md", firstLine: 2)
        let slow = try YAMLLoader.parse(yaml, file: "f.md", firstLine: 2)
        #expect(fast != nil, "this front matter is simple enough for the fast path")
        #expect(Self.describe(fast) == Self.describe(slow))
    }

    @Test(arguments: [
        "nested:\n  a: 1\n", "text: |\n  block\n", "a: &x 1\nb: *x\n", "title: a # comment\n", "title: \"esc \\\" q\"\n",
        "dup: 1\ndup: 2\n", "t: {a: 1}\n", "k: v: w\n", "- a\n",
    ])
    func declinesWhatItCannotBeSureOf(_ yaml: String) {
        #expect(SimpleYAML.parse(yaml, file: "f.md", firstLine: 2) == nil)
    }

    @Test func everyFixtureAndStoryFrontMatterAgrees() throws {
        let roots = [FixtureSite.repository.appendingPathComponent("content"),
                     FixtureSite.fixtures.appendingPathComponent("basic/content"),
                     FixtureSite.fixtures.appendingPathComponent("story/content")]
        var checked = 0
        for root in roots {
            for path in FolderListing.list(root.path, root: root.path).files where path.hasSuffix(".md") {
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                guard let yaml = FrontMatter.split(text).yaml, let fast = SimpleYAML.parse(yaml, file: path, firstLine: 2) else { continue }
                #expect(Self.describe(fast) == Self.describe(try YAMLLoader.parse(yaml, file: path, firstLine: 2)), "\(path)")
                checked += 1
            }
        }
        #expect(checked >= 15)
    }
}
