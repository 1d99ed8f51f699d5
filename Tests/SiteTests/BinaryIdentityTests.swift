import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Site

/// The manifest records which capex binary built the output folder: another binary (a new
/// version, a rebuilt one, a changed renderer or template set) renders every page again,
/// and writes only the files whose bytes changed.
@Suite("incremental builds: the binary that built the output")
struct BinaryIdentityTests {
    var manifestURL: (FixtureSite) -> URL = { $0.root.appendingPathComponent(".capex-cache/output.manifest") }

    /// Makes the output folder look as an older capex left it: `index.html` as that binary
    /// rendered it (other bytes, recorded in the manifest with their hash), and the manifest
    /// saying which binary wrote it.
    func pretendAnOlderRenderer(_ site: FixtureSite, binary: String) throws {
        let url = manifestURL(site)
        var manifest = try #require(ManifestFormat.decode(Array(try Data(contentsOf: url))))
        let old = Data("<!doctype html><title>rendered by an older capex</title>\n".utf8)
        try old.write(to: site.output.appendingPathComponent("index.html"))
        let key = try #require(manifest.groups.first { $0.value.files["index.html"] != nil }?.key)
        manifest.groups[key]!.files["index.html"] = Hash.content(old)
        manifest.binary = binary
        if binary != BuildCache.binaryVersion { manifest.binaryStamp = "2049:131:24000000:1700000000:1700000000" }
        try Data(ManifestFormat.encode(manifest)).write(to: url)
    }

    @Test func anotherBinarysOutputIsRenderedAgainAndOnlyChangedFilesAreWritten() throws {
        let site = try FixtureSite("story")
        let first = site.build()
        #expect(first.succeeded, "\(first.problemLines)")
        let clean = FixtureSite.snapshot(of: site.output)

        try pretendAnOlderRenderer(site, binary: "capex 0.9, an older build")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(!report.upToDate, "no input changed, but another binary wrote the output")
        #expect(report.pagesRendered == report.pages && report.pages == first.pages, "every page rendered again")
        #expect(report.filesWritten == 1, "only the file whose bytes differ: wrote \(report.filesWritten)")
        #expect(site.read("index.html").contains("<title>The story | Story fixture</title>"))
        #expect(FixtureSite.snapshot(of: site.output) == clean)
        // The manifest now says this binary wrote it: the next build is up to date.
        #expect(try #require(BuildCache(output: site.output).load()).isTrusted)
        #expect(site.build().upToDate)
    }

    @Test func theSameBinarysManifestIsTrustedAsItSays() throws {
        // The control: with this binary's identity the manifest is believed (nothing changed,
        // so nothing is rendered), which is why another binary's must not be.
        let site = try FixtureSite("story")
        #expect(site.build().succeeded)
        try pretendAnOlderRenderer(site, binary: BuildCache.binaryVersion)
        let report = site.build()
        #expect(report.upToDate)
        #expect(site.read("index.html").contains("rendered by an older capex"))
    }

    @Test func aFullBuildRecordsWhatItWrote() throws {
        // `--full` writes the whole folder; the manifest must say so, or a later build trusts
        // the one before it and calls a reverted page up to date.
        let site = try FixtureSite("story")
        #expect(site.build().succeeded)
        let index = site.read("content/index.md", in: site.root)
        try site.write("content/index.md", index + "\nA sentence added for the full build.\n")
        var options = BuildOptions(root: site.root, incremental: false)
        options.showProgress = false
        #expect(SiteBuilder.build(options).succeeded)
        #expect(site.read("index.html").contains("A sentence added for the full build."))
        try site.write("content/index.md", index)
        let report = site.build()
        #expect(!report.upToDate)
        #expect(!site.read("index.html").contains("A sentence added for the full build."))
    }

    /// The identity is the executable's build ID: a copy of the same capex (here, a new
    /// modification time, then bytes appended to the file, which the loader ignores) trusts
    /// the output, and a rebuilt one (here, another build ID written into the copy's note)
    /// renders every page again and writes no file that is the same.
    @Test func aRebuiltExecutableRendersEverythingAgain() throws {
        guard let binary = CLITests.binary else { throw MissingBinary() }
        let site = try FixtureSite("story")
        let copy = site.root.deletingLastPathComponent().appendingPathComponent("capex-copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: binary, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        func build() throws -> String {
            let (status, output) = try ReadmeTests.run(["build", "--root", site.root.path], in: site.root, binary: copy)
            #expect(status == 0)
            return output
        }
        let first = try build()
        #expect(first.contains("Built "), "\(first)")
        #expect(try build().contains("Up to date"))
        // The same bytes, another stamp: nothing to redo, and the manifest learns the new stamp.
        let before = try #require(BuildCache(output: site.output).load())
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: copy.path)
        let touched = try build()
        #expect(touched.contains("Up to date"), "\(touched)")
        let after = try #require(BuildCache(output: site.output).load())
        #expect(after.binary == before.binary)
        #expect(after.binaryStamp != before.binaryStamp)
        #expect(after.binary == "elf:" + (try readelfBuildID(copy)), "the manifest names the build ID readelf reads")
        // Other bytes, the same link: the same binary.
        let handle = try FileHandle(forWritingTo: copy)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("bytes the loader ignores".utf8))
        try handle.close()
        #expect(try build().contains("Up to date"))
        // Another link: another build ID, found in the file and changed in place.
        var bytes = try Data(contentsOf: copy)
        let id = try #require(Data(hex: try readelfBuildID(copy)))
        let at = try #require(bytes.range(of: id))
        bytes[at.lowerBound] ^= 0xff
        try bytes.write(to: copy)
        let rebuilt = try build()
        #expect(rebuilt.contains("Built "), "\(rebuilt)")
        #expect(!rebuilt.contains("rendered, the rest unchanged"), "every page rendered: \(rebuilt)")
        #expect(rebuilt.contains(" 0 files written"), "\(rebuilt)")
        #expect(try build().contains("Up to date"))
    }
}

/// The build ID `readelf -n` prints for an ELF file, as lowercase hex.
func readelfBuildID(_ file: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["readelf", "-n", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let line = try #require(output.split(separator: "\n").first { $0.contains("Build ID:") })
    return String(line.split(separator: " ").last ?? "")
}

extension Data {
    /// Bytes from hex digits; nil for an odd count or a non-digit.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        self.init(bytes)
    }
}
