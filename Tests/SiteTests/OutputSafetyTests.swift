import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// A build replaces its output folder whole, so it refuses an `--output` whose removal
/// would lose something: the site, a folder above it, the current folder, an input folder,
/// or files no capex build wrote. Found by a new user whose `--output /tmp/newuser` deleted
/// the folder holding their clone and their site, with exit status 0.
@Suite("the output folder a build may replace")
struct OutputSafetyTests {
    /// Builds `site` into `output`; the report's error lines.
    func build(_ site: FixtureSite, into output: URL) -> [String] {
        site.build(output: output).problemLines
    }

    @Test func theSiteItselfAndTheFoldersAboveItAreRefusedAndKept() throws {
        let site = try FixtureSite()
        let before = FixtureSite.snapshot(of: site.root)
        for output in [site.root, site.root.deletingLastPathComponent(), site.root.appendingPathComponent("content/out"),
                       site.root.appendingPathComponent("templates")] {
            let lines = build(site, into: output)
            #expect(lines.count == 1, "\(output.path): \(lines)")
            #expect(lines.first?.hasPrefix("\(output.path):1:1: error: refusing to write the site to \(output.path): ") == true, "\(lines)")
        }
        #expect(FixtureSite.snapshot(of: site.root) == before, "nothing of the site was touched")
    }

    @Test func aFolderOfSomebodysFilesIsRefusedAndKept() throws {
        let site = try FixtureSite()
        let mine = FileManager.default.temporaryDirectory.appendingPathComponent("capex-mine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("my notes".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        let lines = build(site, into: mine)
        #expect(lines == ["\(mine.path):1:1: error: refusing to write the site to \(mine.path): it has files that no capex build wrote (notes.txt); a build replaces its output folder whole, so give it a folder of its own, such as \(site.root.appendingPathComponent("output").path)"])
        #expect((try? String(contentsOf: mine.appendingPathComponent("notes.txt"), encoding: .utf8)) == "my notes")
        let file = mine.appendingPathComponent("notes.txt")
        #expect(build(site, into: file).first?.contains("it is a file, not a folder") == true)
    }

    @Test func aNewAnEmptyOrAPreviousOutputIsReplaced() throws {
        let site = try FixtureSite()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("capex-out-\(UUID().uuidString)")
        #expect(build(site, into: elsewhere) == [], "a new folder")
        #expect(build(site, into: elsewhere) == [], "the output of the last build")
        // An output written by another capex (no manifest of this cache): it has a sitemap and robots.txt.
        try FileManager.default.removeItem(at: BuildCache(output: elsewhere).manifestURL)
        #expect(build(site, into: elsewhere) == [], "a capex output without its manifest")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("capex-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(build(site, into: empty) == [], "an empty folder")
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent("index.html").path))
    }
}
