@testable import Model
import Testing

@Suite("figure formulas")
struct ExpressionTests {
    @Test func parsesReferencesWithHyphensAndPrintsSymbols() throws {
        let expression = try Expression.parse("clusters.llama4.power / clusters.el-capitan.power")
        #expect(expression.symbols == "clusters.llama4.power ÷ clusters.el-capitan.power")
        #expect(try Expression.parse("(a.b.c + a.b.d) * 2").symbols == "(a.b.c + a.b.d) × 2")
        #expect(try Expression.parse("a.b.c - (a.b.d - a.b.e)").symbols == "a.b.c - (a.b.d - a.b.e)")
        #expect(try Expression.parse("sum(deals[to=openai,kind=investment].amount)").symbols == "sum(deals[to=openai,kind=investment].amount)")
        #expect(try Expression.parse("'1.5 kW' * 2").symbols == "1.5 kW × 2")
    }

    @Test func reportsWhereAFormulaGoesWrong() {
        func failure(_ text: String) -> String? {
            do {
                _ = try Expression.parse(text)
                return nil
            } catch {
                return "\(error.offset): \(error.message)"
            }
        }
        #expect(failure("a.b.c +") == "7: the formula ends where a value was expected")
        #expect(failure("(a.b.c") == "6: missing ')'")
        #expect(failure("avg(a.b.c)") == "0: unknown function 'avg' (use sum, min, max or count)")
        #expect(failure("power") == "0: 'power' is not a reference: write collection.id.field")
        #expect(failure("a.b.c ^ 2") == "6: unexpected '^'")
    }

    @Test func nearMissesAreCloseNamesOnly() {
        #expect(NearMiss.suggestion(for: "opnai", among: ["openai", "nvidia", "meta"]) == "openai")
        #expect(NearMiss.suggestion(for: "google", among: ["openai", "nvidia", "meta"]) == nil)
    }
}
