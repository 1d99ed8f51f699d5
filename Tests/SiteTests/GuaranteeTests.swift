import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

@Suite("output guarantees: deterministic, atomic, complete, contained")
struct GuaranteeTests {
    @Test func twoBuildsAreByteIdentical() throws {
        let site = try FixtureSite()
        let first = site.root.appendingPathComponent("out-1")
        let second = site.root.appendingPathComponent("out-2")
        #expect(site.build(output: first).succeeded)
        #expect(site.build(output: second).succeeded)
        let a = FixtureSite.snapshot(of: first)
        let b = FixtureSite.snapshot(of: second)
        #expect(a.count == 19)
        #expect(a == b)
    }

    @Test func aFailingBuildLeavesThePreviousOutputUntouched() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        try site.write("content/about.md", "---\ntitle: About\ndraft: nope\n---\nChanged.\n")
        try site.write("content/new.md", "---\ntitle: New\n---\nNew page.\n")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.filesWritten == 0)
        #expect(FixtureSite.snapshot(of: site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".output") }
        #expect(leftovers.isEmpty, "no staging folder left behind")
    }

    @Test func pagesWhoseSourceWasDeletedDisappear() throws {
        let site = try FixtureSite()
        site.build()
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notes/one/index.html").path))
        try site.remove("content/notes/one.md")
        #expect(site.build().succeeded)
        let files = FixtureSite.files(in: site.output)
        #expect(!files.contains { $0.hasPrefix("notes/") })
        #expect(files.contains("about/index.html"))
    }

    @Test func aTraversalSlugIsRefusedWithItsLocation() throws {
        let site = try FixtureSite()
        try site.write("content/evil.md", "---\ntitle: Evil\nslug: ../../x\n---\nBody.\n")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines == [
            "content/evil.md:3:7: error: slug '../../x' must be one path segment of letters, digits, '-', '_' or '.' (no '/', no '..')",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.root.deletingLastPathComponent().appendingPathComponent("x").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func outputPlanRefusesPathsThatClimbOut() {
        #expect(OutputPlan.isSafe("posts/x/index.html"))
        #expect(!OutputPlan.isSafe("../x/index.html"))
        #expect(!OutputPlan.isSafe("a/../../x"))
        #expect(!OutputPlan.isSafe("/etc/passwd"))
        #expect(!OutputPlan.isSafe("a//b"))
    }
}
