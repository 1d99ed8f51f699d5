import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

@Suite("capex new")
struct ScaffoldTests {
    /// The binary carries copies of templates/ and Scaffold/content/: they must not drift.
    @Test func embeddedFilesMatchTheRepository() throws {
        var onDisk: [String: Data] = [:]
        for (folder, prefix) in [("templates", "templates"), ("Scaffold/content", "content")] {
            let base = FixtureSite.repository.appendingPathComponent(folder)
            for path in FolderListing.list(base.path, root: base.path).files {
                onDisk[prefix + "/" + path] = try Data(contentsOf: base.appendingPathComponent(path))
            }
        }
        #expect(onDisk.keys.sorted() == Scaffold.paths, "run scripts/embed-scaffold.py")
        for (path, bytes) in onDisk {
            #expect(Scaffold.contents(of: path) == bytes, "\(path) differs: run scripts/embed-scaffold.py")
        }
        // The favicon and the default social image are among them, as the bytes on disk.
        #expect(ScaffoldFiles.binaryFiles.keys.sorted() == ["content/card.png", "templates/assets/favicon.ico"])
    }

    @Test func theNewSiteBuildsAtOnceWithItsFiguresAndChart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capex-new-\(UUID().uuidString)")
        let written = try Scaffold.create(at: folder)
        #expect(written.contains("content/index.md") && written.contains("templates/layout.mustache"))
        let report = SiteBuilder.build(BuildOptions(root: folder, strict: true))
        #expect(report.succeeded && report.diagnostics.all.isEmpty, "\(report.problemLines)")
        let home = try String(contentsOf: folder.appendingPathComponent("output/index.html"), encoding: .utf8)
        // $12B over 4 years.
        #expect(home.contains(">$3 billion per year</a>"))
        #expect(home.contains(#"<figure class="chart" id="chart-deal-amounts">"#))
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capex-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: Scaffold.Failure.self) { try Scaffold.create(at: folder) }
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
    }
}

@Suite("progress bar")
struct ProgressTests {
    @Test func drawsAProportionalBar() {
        #expect(BuildProgress.line(done: 0, total: 10, width: 10) == "Rendering pages [..........] 0/10")
        #expect(BuildProgress.line(done: 5, total: 10, width: 10) == "Rendering pages [#####.....] 5/10")
        #expect(BuildProgress.line(done: 10, total: 10, width: 10) == "Rendering pages [##########] 10/10")
    }

    @Test func staysQuietOffATerminalOrForSmallBuilds() {
        // Tests run with standard error on a pipe or a file, never a terminal.
        #expect(BuildProgress(total: 10_000, enabled: true) == nil)
        #expect(BuildProgress(total: 10, enabled: true) == nil)
        #expect(BuildProgress(total: 10_000, enabled: false) == nil)
    }
}
