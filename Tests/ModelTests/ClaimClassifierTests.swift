import Foundation
@testable import Model
import Quantities
import Testing

/// The claim classifier on cases worked by hand: a stated value against a computed one.
@Suite("claims: stated against computed")
struct ClaimClassifierTests {
    func q(_ text: String) throws -> Quantity { try Quantity.parse(text) }

    struct Case: CustomTestStringConvertible, Sendable {
        let stated: String, computed: String, status: ClaimCheck.Status, phrase: String
        var testDescription: String { "\(stated) against \(computed)" }
    }

    static let cases: [Case] = [
        // A lower bound is met when the computed range never goes below it: 10 GW ÷ 1.5 kW = 6,666,667 ≥ 2,000,000.
        // Its lowest rounds down, as the bound it is does ("≥ 6.66 million"): 6.66, not 6.67.
        Case(stated: "≥ 2M GPUs", computed: "≥ 6666667 GPUs", status: .consistent,
             phrase: "its lowest, 6.66 million GPUs, is at least 2 million GPUs"),
        // The highest of "< 3,333,334" rounds up: 3.34 million, never the smaller 3.33.
        Case(stated: "up to 4M GPUs", computed: "< 3333334 GPUs", status: .consistent,
             phrase: "its highest, 3.34 million GPUs, is at most 4 million GPUs"),
        // A range's ends round outward when it straddles the bound: 1,666,667 down, 3,333,333 up.
        Case(stated: "≥ 2M GPUs", computed: "1666667–3333333 GPUs", status: .unverifiable,
             phrase: "runs from 1.66 million GPUs to 3.34 million GPUs"),
        // 1–3 million straddles 2 million: some values meet the bound, some do not.
        Case(stated: "≥ 2M GPUs", computed: "1000000–3000000 GPUs", status: .unverifiable, phrase: "on both sides of it"),
        // ~1.9 million tops out at 1.9 million: below 2 million, and no tolerance widens a bound.
        Case(stated: "≥ 2M GPUs", computed: "~1900000 GPUs", status: .inconsistent,
             phrase: "its highest, 1.9 million GPUs, is below 2 million GPUs"),
        // "up to $40B" against $30–35B: the highest, $35B, is at most $40B.
        Case(stated: "up to $40B", computed: "$30B–35B", status: .consistent, phrase: "its highest, $35 billion, is at most $40 billion"),
        // "< $10B" is strict: exactly $10B does not meet it.
        Case(stated: "< $10B", computed: "$10B", status: .inconsistent, phrase: "its lowest, $10 billion, is not below $10 billion"),
        // "> 42%" against exactly 40%: below.
        Case(stated: "> 42%", computed: "40%", status: .inconsistent, phrase: "its highest, 40%, is not above 42%"),
        // ~$18B ± 10% is $16.2–19.8B; $10.5–14B lies wholly below it.
        Case(stated: "~$18B", computed: "$10.5B–14B", status: .inconsistent, phrase: "lies above the computed"),
        // ~140 MW ± 10% is 126–154 MW, which reaches 150 MW.
        Case(stated: "~140 MW", computed: "~150 MW", status: .consistent, phrase: "within ±10% of the stated value"),
        // A one-sided bound cannot confirm a point value (issue 10): ≥ $2B allows $40B but does not show it.
        Case(stated: "~$40B", computed: "≥ $2B", status: .unverifiable,
             phrase: "The data gives only a lower bound, ≥ $2 billion: ~$40 billion is possible, not confirmed."),
        Case(stated: "$2.5B", computed: "≥ $2B", status: .unverifiable, phrase: "only a lower bound, ≥ $2 billion: $2.5 billion is possible"),
        // A range inside what the bound allows is no more confirmed than a point.
        Case(stated: "$3B–4B", computed: "> $2B", status: .unverifiable, phrase: "only a lower bound"),
        Case(stated: "~$30B", computed: "up to $40B", status: .unverifiable,
             phrase: "only an upper bound, up to $40 billion: ~$30 billion is possible, not confirmed"),
        // Wholly outside what the bound allows, even widened by ±10%, stays inconsistent:
        // $1B + 10% = $1.1B < $2B; $50B − 10% = $45B > $40B.
        Case(stated: "$1B", computed: "≥ $2B", status: .inconsistent, phrase: "lies below the computed ≥ $2 billion"),
        Case(stated: "$50B", computed: "≤ $40B", status: .inconsistent, phrase: "lies above the computed up to $40 billion"),
        // A stated bound against a computed one open on the far side: the open end in words, never "∞".
        Case(stated: "≥ $2B", computed: "≤ $5B", status: .unverifiable, phrase: "runs from no stated floor to $5 billion"),
        Case(stated: "≤ $5B", computed: "≥ $2B", status: .unverifiable, phrase: "runs from $2 billion to no stated limit"),
    ]

    @Test(arguments: cases)
    func classifies(_ c: Case) throws {
        let (status, said) = ModelBuilder.compareStated(try q(c.stated), with: try q(c.computed), tolerance: 0.10)
        let explanation = said.text(in: .english).replacingOccurrences(of: "\u{00A0}", with: " ")  // "≥ $2 billion" keeps its no-break spaces
        #expect(status == c.status, "\(explanation)")
        #expect(explanation.contains(c.phrase), "\(explanation)")
        // A bound names itself as one, and no tolerance is claimed for it.
        if c.stated.hasPrefix("≥") || c.stated.hasPrefix(">") {
            #expect(explanation.contains("is a lower bound"))
            #expect(!explanation.contains("±"))
        }
    }

    /// A computed figure at face value (bounds pulling opposite ways) bounds the truth on neither
    /// side: every kind of stated value is unverifiable against it, said in words, never "∞".
    @Test(arguments: ["~$40B", "$7B", "≥ $2B", "up to $40B", "$1B–2B"])
    func faceValueIsUnverifiable(_ stated: String) throws {
        let computed = try q("$7B").with(qualifier: .faceValue)
        let (status, said) = ModelBuilder.compareStated(try q(stated), with: computed, tolerance: 0.10)
        let explanation = said.text(in: .english).replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(status == .unverifiable, "\(explanation)")
        #expect(explanation.contains("The computed $7 billion at face value comes from inputs that are bounds pulling opposite ways, so it has no bound either way"), "\(explanation)")
        #expect(!explanation.contains("∞"), "\(explanation)")
        #expect(!explanation.contains("runs from"), "\(explanation)")
    }
}

/// "did you mean" for ids whose words were swapped or left out, as README readers type them.
@Suite("near misses of ids made of words")
struct NearMissWordsTests {
    @Test func swappedAndMissingWords() {
        let deals = ["openai-aws", "amazon-openai", "nvidia-openai", "openai-nvidia"]
        #expect(NearMiss.suggestion(for: "aws-openai", among: deals) == "openai-aws")
        #expect(NearMiss.suggestion(for: "llama4", among: ["llama4-cluster", "el-capitan"]) == "llama4-cluster")
        // Two ids contain "openai" alone: no guess rather than a wrong one.
        #expect(NearMiss.suggestion(for: "openai", among: ["openai-aws", "amazon-openai"]) == nil)
        // Edit distance still comes first.
        #expect(NearMiss.suggestion(for: "opnai-aws", among: deals) == "openai-aws")
    }
}
