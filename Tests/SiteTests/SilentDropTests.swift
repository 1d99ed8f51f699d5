import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11, kind 5: nothing in a site is left out without a word. A link inside the site
/// is read like what it points to; a link out of it, a dangling link, a loop, a FIFO, a
/// socket or a name that is not UTF-8 is an error at its path; a file in a folder the
/// build does not read is a warning.
@Suite("silent drops: links, special files, stray files")
struct SilentDropTests {
    func link(_ site: FixtureSite, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    @Test func linksInsideTheSiteAreFollowed() throws {
        let site = try FixtureSite("hostile")
        // A page linked to another page, and a folder linked to a folder outside content/ but inside the site.
        try link(site, "content/also.md", to: "notes.md")
        try site.write("shared/guide.md", "---\ntitle: Shared guide\n---\nShared text.\n")
        try link(site, "content/more", to: "../shared")
        let report = site.build(strict: true)
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("also/index.html").contains("<h1>Notes</h1>"))
        #expect(site.read("more/guide/index.html").contains("<p>Shared text.</p>"))
    }

    @Test func linksOutDanglingAndLoopingAreErrorsAtTheLink() throws {
        let site = try FixtureSite("hostile")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("capex-outside-\(UUID().uuidString).md")
        try Data("---\ntitle: Secret\n---\nSECRET-LINE\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try link(site, "content/outside.md", to: outside.path)
        try link(site, "content/dangling.md", to: "nowhere.md")
        try link(site, "content/a.md", to: "b.md")
        try link(site, "content/b.md", to: "a.md")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/sub"), withIntermediateDirectories: true)
        try link(site, "content/sub/up", to: "..")
        try link(site, "templates/partials/foot.mustache", to: outside.path)
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.problemLines == [
            "content/a.md:1:1: error: symbolic link loop: 'b.md' leads back to this link",
            "content/b.md:1:1: error: symbolic link loop: 'a.md' leads back to this link",
            "content/dangling.md:1:1: error: broken symbolic link: 'nowhere.md' does not exist",
            "content/outside.md:1:1: error: symbolic link to '\(outside.path)', outside the site: capex reads only files inside the site's folder; copy the file in instead",
            "content/sub/up:1:1: error: symbolic link loop: this link leads back to a folder that contains it",
            "templates/partials/foot.mustache:1:1: error: symbolic link to '\(outside.path)', outside the site: capex reads only files inside the site's folder; copy the file in instead",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build writes nothing")
    }

    @Test func theCommandNamesTheLinkAndNeverPrintsWhatItPointsTo() throws {
        let site = try FixtureSite("hostile")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("capex-outside-\(UUID().uuidString).md")
        try Data("SECRET-LINE\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try link(site, "content/outside.md", to: outside.path)
        let result = try CLITests().run(["check", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/outside.md:1:1: error: symbolic link to '\(outside.path)', outside the site"))
        #expect(!result.stderr.contains("SECRET-LINE"))
        #expect(!result.stdout.contains("No problems"))
    }

    @Test func fifosSocketsAndBadNamesAreErrors() throws {
        let site = try FixtureSite("hostile")
        // A Unix socket bound in the content folder (a path short enough for sun_path).
        let socketFolder = URL(fileURLWithPath: "/tmp/capex-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: socketFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: socketFolder) }
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("content"), to: socketFolder.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("templates"), to: socketFolder.appendingPathComponent("templates"))
        try bindSocket(socketFolder.appendingPathComponent("content/s").path)
        // A name with the byte FF, which is not UTF-8.
        let badName = Array(socketFolder.appendingPathComponent("content/bad").path.utf8) + [0xFF] + Array(".md".utf8) + [0]
        let fd = badName.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let report = SiteBuilder.build(BuildOptions(root: socketFolder, write: false))
        let lines = report.problemLines
        #expect(lines.contains("content/s:1:1: error: a socket, not a file or a folder: capex cannot read it; remove it"), "\(lines)")
        #expect(lines.contains("content/bad\u{FFFD}.md:1:1: error: the file name is not valid UTF-8: rename it"), "\(lines)")
        #expect(lines.count == 2)
        #expect(mkfifo(site.root.appendingPathComponent("content/pipe.md").path, 0o644) == 0)
        let fifo = site.build()
        #expect(fifo.problemLines == ["content/pipe.md:1:1: error: a named pipe (FIFO), not a file or a folder: capex cannot read it; remove it"])
    }

    private func bindSocket(_ path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
    }

    @Test func aSpecialFileAddedAfterAGoodBuildIsNotMissedAsUpToDate() throws {
        let site = try FixtureSite("hostile")
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        #expect(mkfifo(site.root.appendingPathComponent("content/pipe.md").path, 0o644) == 0)
        let report = site.build()
        #expect(!report.upToDate)
        #expect(report.problemLines == ["content/pipe.md:1:1: error: a named pipe (FIFO), not a file or a folder: capex cannot read it; remove it"])
        #expect(FixtureSite.snapshot(of: site.output) == before, "the last good output is untouched")
    }

    @Test func filesInFoldersTheBuildDoesNotReadAreWarnings() throws {
        let site = try FixtureSite("hostile")
        try site.write("content/data/notes.txt", "draft numbers\n")
        try site.write("templates/README.md", "how the templates work\n")
        try site.write("content/essay.markdown", "---\ntitle: Essay\n---\n")
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.problemLines == [
            "content/data/notes.txt:1:1: warning: not read: content/data/ holds data files ending in .yaml; move other files elsewhere in content/ to publish them",
            "content/essay.markdown:1:1: warning: copied as it is, not made a page: pages end in .md",
            "templates/README.md:1:1: warning: not read: templates end in .mustache, and files to publish go in templates/assets/",
        ])
        #expect(!site.build(strict: true).succeeded)
    }

    @Test func dataFilesWhoseNamesCannotNameACollectionAreErrors() throws {
        let site = try FixtureSite("hostile")
        // Neither `deals.old` nor `my deals` can be written in a reference; `deals.yml` would be a second `deals`.
        try site.write("content/data/deals.old.yaml", "- id: old\n  amount: $1B\n")
        try site.write("content/data/my deals.yaml", "- id: mine\n  amount: $1B\n")
        try site.write("content/data/deals.yml", "- id: other\n  amount: $1B\n")
        #expect(site.build().problemLines == [
            "content/data/deals.old.yaml:1:1: error: 'deals.old' cannot name a collection: a data file's name before '.yaml' is its name in references (deals.x.amount), so use letters, digits, '-' or '_' only",
            "content/data/deals.yml:1:1: error: collection 'deals' is already read from content/data/deals.yaml: one file per collection",
            "content/data/my deals.yaml:1:1: error: 'my deals' cannot name a collection: a data file's name before '.yaml' is its name in references (deals.x.amount), so use letters, digits, '-' or '_' only",
        ])
    }
}
