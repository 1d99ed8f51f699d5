import Foundation
import Testing

/// A claim's `tolerance` widens the stated value on both sides; one below zero, a range or a
/// bound is an error at the value. Found by the hostile-input pass: `tolerance: -50%` on a
/// claim stating exactly the data's $12B built with exit 0 and published it as inconsistent,
/// "beyond the ±−50% tolerance". Columns counted by hand: `  tolerance: ` is 13 characters.
@Suite("a claim's tolerance below zero, a range or a bound")
struct ClaimToleranceTests {
    func claims(tolerance: String) -> String {
        "- id: wire-deal\n  says: $12B\n  figure: deals.acme-globex.amount\n  tolerance: \(tolerance)\n  source: wire\n"
    }

    @Test func aToleranceOfZeroOrMoreChecksTheClaim() throws {
        let site = try FixtureSite("field-shapes")
        try site.write("content/data/claims.yaml", claims(tolerance: "0%"))
        let report = site.build()
        #expect(report.succeeded)
        #expect(site.read("checks/index.html").contains("Consistent"))
    }

    @Test func aNegativeToleranceIsAnError() throws {
        let site = try FixtureSite("field-shapes")
        try site.write("content/data/claims.yaml", claims(tolerance: "-50%"))
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines == [
            "content/data/claims.yaml:4:14: error: 'tolerance' cannot be below zero ('-50%'): it widens the stated value on both sides, as ±10% does",
        ])
    }

    @Test func aRangeOrABoundIsAnError() throws {
        for (written, column) in [("5–20%", 14), ("≥ 10%", 14)] {
            let site = try FixtureSite("field-shapes")
            try site.write("content/data/claims.yaml", claims(tolerance: written))
            let report = site.build()
            #expect(!report.succeeded)
            #expect(report.problemLines == [
                "content/data/claims.yaml:4:\(column): error: 'tolerance' must be one percentage, such as 10%, not a range or a bound ('\(written)')",
            ])
        }
    }
}
