import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Write

/// The render stage's single parallel phase (site jobs beside the pages), the writer that
/// makes each file's folders in the task that writes it, and the downloads' C number format.
@Suite struct RenderPhaseTests {
    @Test func siteJobsAndPagesComeBackInTheirOwnOrderEachOnce() {
        let calls = Counter()
        let tasks: [() -> String] = (0..<7).map { n in { calls.add(); return "job \(n)" } }
        let (jobs, items) = parallelPhase(tasks: tasks, count: 1003) { index -> Int in calls.add(); return index * 2 }
        #expect(jobs == (0..<7).map { "job \($0)" })
        #expect(items == (0..<1003).map { $0 * 2 })
        #expect(calls.value == 1010, "every job and every item ran exactly once")
        // Nothing to do on either side.
        let (none, nothing) = parallelPhase(tasks: [() -> String](), count: 0) { $0 }
        #expect(none.isEmpty && nothing.isEmpty)
        let (onlyJobs, noItems) = parallelPhase(tasks: [{ "alone" }], count: 0) { $0 }
        #expect(onlyJobs == ["alone"] && noItems.isEmpty)
    }

    @Test func theWriterMakesEveryFolderItsFilesNeed() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("capex-phase-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("output")
        var plan = OutputPlan()
        plan.add("index.html", "home")
        for n in 0..<300 { plan.add("posts/page-\(n)/index.html", "page \(n)") }
        plan.add("a/b/c/d/e/deep.txt", "deep")
        plan.add("a/b/side.txt", "side")
        try OutputWriter(output: output, root: parent).write(plan)
        func text(_ path: String) -> String? { try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        #expect(text("index.html") == "home")
        #expect(text("posts/page-0/index.html") == "page 0")
        #expect(text("posts/page-299/index.html") == "page 299")
        #expect(text("a/b/c/d/e/deep.txt") == "deep")
        #expect(text("a/b/side.txt") == "side")
        let pages = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("posts").path)
        #expect(pages.count == 300)
    }

    @Test func aPathOutsideTheOutputOrWrittenTwiceFailsAndKeepsTheLastSite() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("capex-phase-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("output")
        let writer = OutputWriter(output: output, root: parent)
        try writer.write(OutputPlan(files: [OutputPlan.File(path: "index.html", content: .bytes(Data("good".utf8)))]))

        var outside = OutputPlan()
        for n in 0..<50 { outside.add("posts/\(n)/index.html", "page") }
        outside.add("posts/../../escaped.html", "bad")
        #expect(throws: OutputWriter.Failure.self) { try writer.write(outside) }
        do { try writer.write(outside) } catch {
            #expect(error.description == "refusing to write 'posts/../../escaped.html': it would land outside the output folder")
        }
        #expect(!FileManager.default.fileExists(atPath: parent.deletingLastPathComponent().appendingPathComponent("escaped.html").path))

        var twice = OutputPlan()
        twice.add("charts/x.svg", "one")
        twice.add("charts/x.svg", "two")
        do {
            try writer.write(twice)
            Issue.record("a path written twice was accepted")
        } catch {
            #expect(error.description == "two outputs want the same path 'charts/x.svg' (a chart or page id used twice?)")
        }
        #expect((try? String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)) == "good")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("posts").path))
        // No staging folder left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["output"])
    }

    @Test func theDownloadsFormatNumbersAsFoundationDid() {
        let values: [Double] = [0, -0.0, 1, -1, 0.27, 135_000_000_000, 0.27 * 500e9, 1e27, -1.5e-10, 5_428_571_428.571_43,
                                123_456_789_012_345_680, 1e-300, 1e300, .pi, -2.5, 0.1 + 0.2, 99_999_999_999_999.9]
        for value in values {
            for format in ["%.15g", "%.6f"] {
                #expect(cFormat(format, value) == String(format: format, value), "\(format) of \(value)")
            }
        }
        #expect(DataExport.number(0.27 * 500e9) == "135000000000")
        #expect(DataExport.number(1e27) == "1000000000000000000000000000")
        #expect(DataExport.number(-1.5e-10) == "-0.00000000015")
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
