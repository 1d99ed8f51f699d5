import Diagnostics
import Testing
@testable import Site

@Suite("plain YAML scalars resolve as Yams would")
struct YAMLScalarTests {
    @Test(arguments: [
        ("350000", YAMLNode.Scalar.int(350000)), ("-42", .int(-42)), ("+7", .int(7)), ("1_000", .int(1000)),
        ("4.14", .double(4.14)), (".5", .double(0.5)), ("1e3", .double(1000)), ("2.5E-2", .double(0.025)),
        ("true", .bool(true)), ("No", .bool(false)), ("~", .null), ("null", .null),
        ("2024-01-18", .string("2024-01-18")), ("1.2.3", .string("1.2.3")), ("$30k–40k", .string("$30k–40k")),
        ("-", .string("-")), ("150 MW", .string("150 MW")), ("10–20k", .string("10–20k")), ("e5", .string("e5")),
    ])
    func resolves(_ text: String, _ expected: YAMLNode.Scalar) {
        #expect(YAMLLoader.resolvePlain(text) == expected)
    }

    @Test func quotedScalarsStayText() throws {
        let node = try YAMLLoader.parse("a: \"42\"\nb: 42\nc: !!str 43\n", file: "x.yaml")
        #expect(node?["a"]?.scalar == .string("42"))
        #expect(node?["b"]?.scalar == .int(42))
        #expect(node?["c"]?.scalar == .string("43"))
    }
}
