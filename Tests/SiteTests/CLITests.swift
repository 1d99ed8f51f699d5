import Foundation
import Testing

/// Thrown when the tests run before the `capex` product was built.
struct MissingBinary: Error, CustomStringConvertible {
    var description: String { "build the capex product first (swift build --build-tests builds it)" }
}

/// Runs the `capex` executable the way a user does, for exit status and standard error.
@Suite("the capex command")
struct CLITests {
    static let binary: URL? = {
        let build = FixtureSite.repository.appendingPathComponent(".build")
        for configuration in ["debug", "release"] {
            let url = build.appendingPathComponent(configuration).appendingPathComponent("capex")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    func run(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        guard let binary = Self.binary else { throw MissingBinary() }
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func goodBuildExitsZeroWithASummary() throws {
        let site = try FixtureSite()
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Built 7 pages, 19 files written, 4 figures in "))
        #expect(result.stderr.isEmpty)
        let quiet = try run(["build", "--root", site.root.path, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
    }

    /// The executable links mimalloc ahead of libc (Package.swift), so that every allocation
    /// of the process is mimalloc's; if the link order or the linker dropped it, glibc's
    /// malloc would serve the build, silently and a sixth slower. mimalloc says it started
    /// when `MIMALLOC_VERBOSE` is set; glibc says nothing.
    @Test func theCommandAllocatesWithMimalloc() throws {
        let site = try FixtureSite()
        let process = Process()
        guard let binary = Self.binary else { throw MissingBinary() }
        process.executableURL = binary
        process.arguments = ["build", "--root", site.root.path, "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging(["MIMALLOC_VERBOSE": "1"]) { $1 }
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stderr.contains("mimalloc: process init"))
        #expect(try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8).contains("</html>"))
    }

    @Test func badBuildExitsOneWithCompilerStyleErrors() throws {
        let site = try FixtureSite()
        try site.write("content/bad.md", "---\ntitle: Bad\ndraft: nope\n---\n")
        try site.write("content/worse.md", "---\ntitle: Worse\ntemplate: gone\n---\n")
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("""
        content/bad.md:3:8: error: 'draft' must be true or false, not the text 'nope'
        draft: nope
               ^
        content/worse.md:3:11: error: no template 'gone'
        """))
        #expect(result.stderr.hasSuffix("build failed: 2 errors; \(site.output.path)/ left as it was\n"))
    }

    @Test func checkWritesNothingAndSpeaksGitHub() throws {
        let site = try FixtureSite()
        try site.write("content/bad.md", "---\ntitle: Bad\ndraft: nope\n---\n")
        let result = try run(["check", "--root", site.root.path, "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stdout == "::error file=content/bad.md,line=3,col=8::'draft' must be true or false, not the text 'nope'\n")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A ',' or ':' in a path would end GitHub's `file=` property early; a line break in a
    /// message would start a new command (issue 11, hostile input: a template named `a,b`).
    @Test func gitHubAnnotationsEscapeThePathAndTheMessage() throws {
        let site = try FixtureSite()
        try site.write("templates/partials/a,b.mustache", "<p>{{> partials/nope}}</p>\n")
        try site.write("content/c.md", "---\ntitle: C\n---\n\n```chart\nid: c\ntype: bar\n\"x\\n::error file=evil::y\": 1\n```\n")
        let result = try run(["check", "--root", site.root.path, "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stdout == "::error file=templates/partials/a%2Cb.mustache,line=1,col=4::no template 'partials/nope': there is no templates/partials/nope.mustache\n")
        try site.remove("templates/partials/a,b.mustache")
        let chart = try run(["check", "--root", site.root.path, "--format", "github"])
        let lines = chart.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("::error file=content/c.md,line=8,col=1::unknown chart field 'x%0A::error file=evil::y'") })
        #expect(!lines.contains { $0.hasPrefix("::error file=evil") })
    }
}
