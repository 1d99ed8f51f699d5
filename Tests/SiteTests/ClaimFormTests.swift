import Foundation
import Model
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// The claim forms beyond a stated figure: comparisons, readings that disagree, a growth
/// checked against the year before. Built from the `story` fixture with its data replaced.
@Suite("claims: comparisons, readings, growth")
struct ClaimFormTests {
    func claims(financials: String, claims: String) throws -> ([String: ClaimCheck], [String]) {
        let site = try FixtureSite("story")
        try site.write("content/data/financials.yaml", financials)
        try site.write("content/data/claims.yaml", claims)
        let (loaded, diagnostics) = SiteLoader(root: site.root, options: BuildOptions(root: site.root)).load()
        let model = try #require(loaded).model
        return (Dictionary(uniqueKeysWithValues: model.claims.map { ($0.id, $0) }), diagnostics.sorted.map(\.description))
    }

    static let meta2024 = """
    - id: meta-2024
      company: meta
      year: 2024
      capex: up to $40B
      capex_growth: "> 42%"
      revenue_growth: "> 22%"
      opex_growth: "~9%"
      other_growth: "~20%"
      source: bi

    """

    @Test func comparisons() throws {
        let (byID, problems) = try claims(financials: Self.meta2024, claims: """
        - id: revenue-above-costs
          compare: financials.meta-2024.revenue_growth > financials.meta-2024.opex_growth
          statement: revenue grew faster than costs
          source: bi
        - id: costs-above-revenue
          compare: financials.meta-2024.opex_growth > financials.meta-2024.revenue_growth
          source: bi
        - id: too-close
          compare: financials.meta-2024.other_growth > financials.meta-2024.revenue_growth
          source: bi
        """)
        #expect(problems.isEmpty, "\(problems)")
        // > 22% has 22% as its floor; ~9% read as ±10% tops out at 9.9%: 22 > 9.9.
        let holds = try #require(byID["revenue-above-costs"])
        #expect(holds.status == .consistent)
        #expect(holds.says == "revenue grew faster than costs")
        #expect(holds.explanation == "Revenue growth, >\u{00A0}22%, against opex growth, ~9%: the lowest the first can be, 22%, is above the highest the second can be, 9.9% (read as ±10%), so the first is the larger.")
        // The other way round: ~9% reaches at most 9.9%, not above 22%.
        #expect(byID["costs-above-revenue"]?.status == .inconsistent)
        // ~20% ± 10% is 18–22%, and > 22% starts at 22%: the ranges touch, nothing is decided.
        #expect(byID["too-close"]?.status == .unverifiable)
        #expect(byID["too-close"]?.explanation.contains("their ranges overlap") == true)
    }

    @Test func aComparisonOfAnUnknownReferenceIsAnError() throws {
        let (_, problems) = try claims(financials: Self.meta2024, claims: """
        - id: typo
          compare: financials.meta-2024.revenue_growht > financials.meta-2024.opex_growth
          source: bi
        """)
        #expect(problems.contains { $0.contains("claims.yaml:2:12: error: financials.meta-2024 has no field 'revenue_growht' (did you mean 'revenue_growth'?)") }, "\(problems)")
    }

    @Test func growthWithoutTheYearBeforeIsUnverifiableAndSaysWhy() throws {
        let claim = """
        - id: capex-growth
          says: "> 42%"
          figure: financials.meta-2024.capex_growth_computed
          source: bi
        """
        let (without, problems) = try claims(financials: Self.meta2024, claims: claim)
        #expect(problems.isEmpty, "\(problems)")
        #expect(without["capex-growth"]?.status == .unverifiable)
        #expect(without["capex-growth"]?.explanation == "Checking this growth needs Meta's capex for 2023 from a source, and the data has none (financials.meta-2024.prior_capex is worked back from this same growth, so it cannot check it), so the stated >\u{A0}42% cannot be checked.")
        // With a 2023 record: up to $40B ÷ $28B − 1 = up to 42.9%, which may be below 42%: undecided.
        // With $27B: up to 48.1%, still only a ceiling. Use an exact $40B: 40 ÷ 27 − 1 = 48.1% > 42%.
        let exact = Self.meta2024.replacingOccurrences(of: "capex: up to $40B", with: "capex: $40B") + """
        - id: meta-2023
          company: meta
          year: 2023
          capex: $27B
          source: bi

        """
        let (with, _) = try claims(financials: exact, claims: claim)
        #expect(with["capex-growth"]?.status == .consistent, "\(with["capex-growth"]?.explanation ?? "")")
        #expect(with["capex-growth"]?.explanation.contains("its lowest, 48.1%, is above 42%") == true, "\(with["capex-growth"]?.explanation ?? "")")
    }

    @Test func readingsThatDisagreeMakeAClaimAmbiguous() throws {
        func claim(_ second: String) -> String {
            """
            - id: fleet-when
              says: "~$40B"
              figure: financials.meta-2024.capex
              readings:
                - { modality: disclosed, when: as spent in January 2024, as_of: 2024-01-01 }
                - { modality: \(second), when: as spent by the end of 2024, as_of: 2024-12-31 }
              source: bi
            """
        }
        let (byID, problems) = try claims(financials: Self.meta2024, claims: claim("expected"))
        #expect(problems.isEmpty, "\(problems)")
        let ambiguous = try #require(byID["fleet-when"])
        #expect(ambiguous.status == .ambiguous)
        // Against a field as written the number only agrees with itself: the explanation is the readings alone.
        #expect(ambiguous.explanation == "The source gives ~$40 billion in two ways that cannot all be meant: as spent in January 2024 (disclosed) and as spent by the end of 2024 (expected). The data cannot tell which it means.")
        let (typo, typoProblems) = try claims(financials: Self.meta2024, claims: claim("expectd"))
        _ = typo
        #expect(typoProblems.contains { $0.contains("error: unknown modality 'expectd' (did you mean 'expected'?)") }, "\(typoProblems)")
    }

    @Test func aReadingWithoutWhenIsAnErrorAtIt() throws {
        let (_, problems) = try claims(financials: Self.meta2024, claims: """
        - id: bad-readings
          says: "~$40B"
          figure: financials.meta-2024.capex
          readings:
            - expected
          source: bi
        """)
        // The reading is on line 5, after "    - " (column 7).
        #expect(problems.contains { $0.contains("claims.yaml:5:7: error: a reading needs 'when'") }, "\(problems)")
    }
}
