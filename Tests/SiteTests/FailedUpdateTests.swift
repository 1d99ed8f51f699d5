import Foundation
import Testing

/// An incremental build whose write fails leaves the last good output/ as it was, byte for
/// byte, with no temporary file or new folder left behind. Found by the hostile-input pass:
/// a page with a 300-letter slug (a name longer than the file system's 255 bytes) failed with
/// "File name too long", yet the pages, navigation and sitemap written before it had already
/// replaced the old ones, so the site linked to a page that was never written.
@Suite("a failed incremental write")
struct FailedUpdateTests {
    /// Every file below output/ and its bytes.
    func snapshot(_ site: FixtureSite) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FixtureSite.files(in: site.output) {
            files[path] = try Data(contentsOf: site.output.appendingPathComponent(path))
        }
        return files
    }

    @Test func aFileThatCannotBePutInPlaceLeavesTheOutputAsItWas() throws {
        let site = try FixtureSite("field-shapes")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        #expect(try snapshot(site)["index.html"] != nil)
        // Another page in a new folder (its folder is made, then must go again) and one
        // whose address is longer than a file name can be.
        try site.write("content/news/today.md", "---\ntitle: Today\n---\nNews.\n")
        // whose file cannot be put in place: a folder stands where its index.html goes. (A
        // slug longer than a file name, the case first found, is now refused before writing:
        // SlugTests.)
        try site.write("content/long.md", "---\ntitle: Long\n---\nText.\n")
        try site.write("output/long/index.html/keep.txt", "in the way\n")
        let before = try snapshot(site)
        let report = site.build(trustStampsAfter: 0)
        #expect(!report.succeeded)
        #expect(report.problemLines.contains { $0.contains("cannot write") }, "\(report.problemLines)")
        let after = try snapshot(site)
        #expect(after.keys.sorted() == before.keys.sorted(), "no file added, none removed, no temporary file left")
        #expect(after == before, "every file's bytes as they were")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("news").path))
    }

    /// A file whose name is near the 255-byte limit is updated in place: its temporary name
    /// had been its name plus `.capex-<pid>`, too long, so the site could never be updated.
    @Test func aFileNamedNearTheLimitIsUpdated() throws {
        let site = try FixtureSite("field-shapes")
        let name = String(repeating: "a", count: 250) + ".txt"
        try site.write("content/\(name)", "first\n")
        #expect(site.build(trustStampsAfter: 0).succeeded)
        try site.write("content/\(name)", "second\n")
        let report = site.build(trustStampsAfter: 0)
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read(name) == "second\n")
        #expect(!FixtureSite.files(in: site.output).contains { $0.contains(".capex-") }, "no temporary file left")
    }
}
