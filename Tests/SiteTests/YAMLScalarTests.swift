import Diagnostics
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

@Suite("plain YAML scalars resolve with the YAML 1.2 core schema")
struct YAMLScalarTests {
    @Test(arguments: [
        ("350000", YAMLNode.Scalar.int(350000)), ("-42", .int(-42)), ("+7", .int(7)),
        ("4.14", .double(4.14)), (".5", .double(0.5)), ("1e3", .double(1000)), ("2.5E-2", .double(0.025)),
        ("1.", .double(1)), ("-.5", .double(-0.5)), ("+1.5e+2", .double(150)),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("2024-01-18", .string("2024-01-18")), ("1.2.3", .string("1.2.3")), ("$30k–40k", .string("$30k–40k")),
        ("-", .string("-")), ("150 MW", .string("150 MW")), ("10–20k", .string("10–20k")), ("e5", .string("e5")),
        // YAML 1.1's booleans are words in 1.2.
        ("no", .string("no")), ("No", .string("No")), ("NO", .string("NO")), ("yes", .string("yes")), ("Yes", .string("Yes")),
        ("on", .string("on")), ("On", .string("On")), ("off", .string("off")), ("OFF", .string("OFF")),
        ("y", .string("y")), ("Y", .string("Y")), ("n", .string("n")), ("N", .string("N")), ("tRUE", .string("tRUE")),
        ("nULL", .string("nULL")), ("none", .string("none")),
        // 1.1's octal, sexagesimal and digit separators are gone; 1.2 spells octal and hex with 0o and 0x.
        ("0755", .int(755)), ("0o755", .int(493)), ("0x1F", .int(31)), ("0b101", .string("0b101")), ("1:20", .string("1:20")),
        ("190:20:30", .string("190:20:30")), ("1_000", .string("1_000")), ("0o8", .string("0o8")), ("0x", .string("0x")),
        (".inf", .double(.infinity)), ("-.Inf", .double(-.infinity)), ("+.INF", .double(.infinity)),
        (".infinity", .string(".infinity")), (".", .string(".")), ("1e", .string("1e")), ("1.5.", .string("1.5.")),
    ])
    func resolves(_ text: String, _ expected: YAMLNode.Scalar) {
        #expect(YAMLCoreSchema.resolvePlain(text) == expected)
    }

    @Test func notANumberIsAFloat() {
        guard case .double(let value) = YAMLCoreSchema.resolvePlain(".NaN") else { Issue.record("not a float"); return }
        #expect(value.isNaN)
    }

    @Test func quotedScalarsStayText() throws {
        let node = try YAMLLoader.parse("a: \"42\"\nb: 42\nc: !!str 43\n", file: "x.yaml")
        #expect(node?["a"]?.scalar == .string("42"))
        #expect(node?["b"]?.scalar == .int(42))
        #expect(node?["c"]?.scalar == .string("43"))
    }

    @Test func explicitTagsFollowTheCoreSchemaToo() throws {
        let node = try YAMLLoader.parse("a: !!bool yes\nb: !!bool true\nc: !!float 3\nd: !!int 0x10\ne: !!null x\n", file: "x.yaml")
        #expect(node?["a"]?.scalar == .string("yes"))
        #expect(node?["b"]?.scalar == .bool(true))
        #expect(node?["c"]?.scalar == .double(3))
        #expect(node?["d"]?.scalar == .int(16))
        #expect(node?["e"]?.scalar == .null)
    }

    /// Every word YAML 1.1 read as a boolean, and 1.1's numbers, read the same on the front
    /// matter's fast path and through libyaml, plain, quoted and in lists.
    @Test(arguments: ["no", "NO", "No", "yes", "Y", "n", "on", "OFF", "true", "False", "~", "null", "0755", "0o17", "0x1f",
                      "1:20", "1_000", ".inf", "+.INF", "1e3", "12", "-3.5"])
    func fastPathAndLibyamlAgree(_ word: String) throws {
        let yaml = "title: T\nlang: \(word)\nquoted: \"\(word)\"\nlist: [\(word), x]\nblock:\n  - \(word)\n"
        let fast = try #require(SimpleYAML.parse(yaml, file: "f.md", firstLine: 2))
        let slow = try YAMLLoader.parse(yaml, file: "f.md", firstLine: 2)
        #expect(SimpleYAMLTests.describe(fast) == SimpleYAMLTests.describe(slow))
        #expect(fast["quoted"]?.scalar == .string(word))
        #expect(fast["lang"]?.scalar == YAMLCoreSchema.resolvePlain(word))
    }
}

/// Front matter built at random from pieces that have tripped YAML readers: wherever the
/// fast path answers, libyaml must give the same nodes, positions included.
@Suite("front matter fast path against libyaml, at random")
struct FastPathAgreementTests {
    static let keys = ["title", "lang", "a", "b-c", "d_e", "no", "yes", "on"]
    static let values = [
        "no", "NO", "yes", "Off", "y", "~", "null", "true", "False", "0755", "0o17", "0x1F", "1:20", "1_000", ".inf", "-.inf",
        ".NaN", "1e3", "1.", ".5", "-3", "+7", "2024-02-29", "2023-02-29", "$30k–40k", "150 MW", "\"quoted\"", "'it''s'",
        "\"no\"", "'NO'", "a: b", "a #c", "#c", "[a, b]", "[no, \"yes\"]", "[]", "é", "日本", "-", "- x", "x:", "a\tb",
        "\"a\\\"b\"", "&x 1", "*x", "|", ">", "!!str 1", "{a: 1}", "a\u{1}b", "a\u{2028}b", "a\u{85}b", "a\u{FEFF}b", "",
    ]

    @Test func agreesWherePossible() throws {
        var generator = SeededGenerator(seed: 11)
        var answered = 0
        for _ in 0..<3_000 {
            var yaml = ""
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let key = Self.keys.randomElement(using: &generator)!
                if Bool.random(using: &generator) {
                    yaml += "\(key): \(Self.values.randomElement(using: &generator)!)\n"
                } else {
                    yaml += "\(key):\n"
                    for _ in 0..<Int.random(in: 0...2, using: &generator) {
                        yaml += "  - \(Self.values.randomElement(using: &generator)!)\n"
                    }
                }
            }
            guard let fast = SimpleYAML.parse(yaml, file: "f.md", firstLine: 2) else { continue }
            answered += 1
            let slow: YAMLNode?
            do {
                slow = try YAMLLoader.parse(yaml, file: "f.md", firstLine: 2)
            } catch {
                Issue.record("fast path accepted what libyaml refuses: \(yaml.debugDescription): \(error)")
                continue
            }
            #expect(SimpleYAMLTests.describe(fast) == SimpleYAMLTests.describe(slow), "\(yaml.debugDescription)")
        }
        #expect(answered > 500)
    }
}

/// SplitMix64: the same inputs on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
