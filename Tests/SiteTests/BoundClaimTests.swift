import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// Claims checked against a computed bound or a figure at face value, as the reader sees them
/// on /checks/ (issue 10: a number is never stated more strongly than its inputs). Story
/// fixture: amazon-openai's amount is ≥ $10B, microsoft-openai's is > $13B, so their ratio is
/// ~77% at face value (bounds pulling opposite ways).
@Suite("claims against bounds on the checks page")
struct BoundClaimTests {
    @Test func aBoundConfirmsNoValueAndAFaceValueFigureNothing() throws {
        let site = try FixtureSite("story")
        let claims = site.read("content/data/claims.yaml", in: site.root)
        try site.write("content/data/claims.yaml", claims + """

        - id: amazon-40b
          says: ~$40B
          figure: deals.amazon-openai.amount
          source: xataka
        - id: amazon-1b
          says: $1B
          figure: deals.amazon-openai.amount
          source: xataka
        - id: amazon-share
          says: ~80%
          figure: figures.amazon-to-microsoft
          source: xataka
        - id: amazon-above-half
          compare: figures.amazon-to-microsoft > figures.half
          source: xataka
        """)
        let figures = site.read("content/data/figures.yaml", in: site.root)
        try site.write("content/data/figures.yaml", figures + """

        - id: amazon-to-microsoft
          expr: deals.amazon-openai.amount / deals.microsoft-openai.amount
        - id: half
          expr: 0.5
        """)
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        let checks = VisibleText.of(site.read("checks/index.html")).replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        // ~$40B lies inside what ≥ $10B allows: possible, not confirmed.
        #expect(checks.contains("The data gives only a lower bound, ≥ $10 billion: ~$40 billion is possible, not confirmed."), "\(checks)")
        // $1B (+10%: $1.1B) is below anything ≥ $10B allows: still inconsistent.
        #expect(checks.contains("The stated $1 billion lies below the computed ≥ $10 billion, beyond the ±10% tolerance."))
        #expect(checks.contains("comes from inputs that are bounds pulling opposite ways, so it has no bound either way: the data can neither confirm nor rule out the stated ~80%."))
        // A comparison with a face-value figure cannot be decided either, and says why.
        #expect(checks.contains(": amazon-to-microsoft is at face value, from inputs that are bounds pulling opposite ways, so it has no bound either way and the data cannot say which is larger."), "\(checks)")
        #expect(!checks.contains("∞"))
        #expect(!checks.contains("unbounded"))
        // The fixture's own 4 claims (2 consistent, 1 inconsistent, 1 unverifiable) keep their statuses; the new ones add 3 unverifiable and 1 inconsistent.
        #expect(checks.contains("2 consistent, 2 inconsistent, 4 unverifiable, 0 ambiguous"), "\(checks)")
    }
}
