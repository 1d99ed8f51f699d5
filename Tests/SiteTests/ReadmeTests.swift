import Foundation
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// The README runs as written: every `capex …` it shows runs against a copy of the story,
/// every `$ capex …` block prints what the README says it prints, and every reference it
/// names exists in the story.
@Suite("the README, run as written")
struct ReadmeTests {
    static let readme = (try? String(contentsOf: FixtureSite.repository.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// A copy of the story (content/ and templates/) in a fresh temporary folder.
    static func storyCopy() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("capex-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: FixtureSite.repository.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        return root
    }

    /// Runs `capex` (or `binary`, a copy of it) with `arguments` in `directory`: exit status
    /// and standard output + error.
    static func run(_ arguments: [String], in directory: URL, binary: URL? = nil) throws -> (status: Int32, output: String) {
        guard let binary = binary ?? CLITests.binary else { throw MissingBinary() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `capex …` in inline code and in code-block lines (not `$ ` lines, which have their own test).
    static func commandExamples(_ text: String) -> [String] {
        var commands: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("capex ") { commands.append(trimmed) }
            var rest = Substring(line)
            while let open = rest.firstIndex(of: "`") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "`") else { break }
                let span = after[..<close]
                if span.hasPrefix("capex ") { commands.append(String(span)) }
                rest = after[after.index(after: close)...]
            }
        }
        return commands
    }

    /// A usage line or example as arguments: optional `[--flags]` left out, DIR/REF/URL filled in.
    static func arguments(_ command: String, site: URL, fresh: URL) -> [String]? {
        let withoutOptions = command.replacingOccurrences(of: #"\s*\[[^\]]*\]"#, with: "", options: .regularExpression)
        var words = Self.words(withoutOptions).dropFirst()
        guard let verb = words.first else { return nil }
        // `serve` runs until stopped; the serve tests cover it.
        if verb == "serve" { return nil }
        words = words.map { word in
            switch word {
            case "DIR": return verb == "new" ? fresh.path : site.path
            case "REF": return "purchases.meta-h100-2024.spend"
            case "URL": return "https://example.org/"
            default: return word
            }
        }[...]
        return Array(words)
    }

    /// A command line split as a shell splits it: at spaces, except inside '…' or "…",
    /// which are taken away (`--assume 'chips.h100.unit_price=$25k–30k'`).
    static func words(_ command: String) -> [String] {
        var words: [String] = [], current = "", quote: Character? = nil, started = false
        for c in command {
            if let open = quote {
                if c == open { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                started = true
            } else if c == " " {
                if started || !current.isEmpty { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(c)
            }
        }
        if started || !current.isEmpty { words.append(current) }
        return words
    }

    @Test func readmeFindsTheExamples() {
        let commands = Self.commandExamples(Self.readme)
        for verb in ["build", "check", "explain", "new", "serve"] {
            #expect(commands.contains { $0.hasPrefix("capex \(verb)") }, "README shows capex \(verb)")
        }
    }

    @Test func everyCapexExampleRunsAgainstTheStory() throws {
        let commands = Set(Self.commandExamples(Self.readme)).sorted()
        #expect(commands.count >= 8)
        for command in commands {
            let site = try Self.storyCopy()
            let fresh = site.deletingLastPathComponent().appendingPathComponent("capex-readme-new-\(UUID().uuidString)")
            guard let arguments = Self.arguments(command, site: site, fresh: fresh) else { continue }
            let result = try Self.run(arguments, in: site)
            #expect(result.status == (arguments[0] == "changes" ? 1 : 0), "\(command): \(result.output)")
            switch arguments[0] {
            case "build": #expect(result.output.hasPrefix("Built "), "\(command): \(result.output)")
            case "check":
                #expect(result.output.hasPrefix("No problems in "), "\(command): \(result.output)")
            case "explain":
                #expect(result.output.hasPrefix(arguments[1] + " = "), "\(command): \(result.output)")
                #expect(result.output.contains("sources:"), "\(command): \(result.output)")
            case "new": #expect(result.output.hasPrefix("Created "), "\(command): \(result.output)")
            // The story copy is not in git: the command says so (EditionsTests runs it on a site with editions).
            case "changes": #expect(result.output.hasPrefix("error: ") && result.output.contains("is not in a git repository"), "\(command): \(result.output)")
            default: Issue.record("README shows an unknown command: \(command)")
            }
        }
    }

    /// `$ capex …` lines in code blocks, each followed by the output it prints.
    @Test func transcriptsPrintWhatTheReadmeSays() throws {
        var transcripts: [(command: String, expected: [String])] = []
        var inBlock = false
        for line in Self.readme.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("```") {
                inBlock.toggle()
                if !inBlock, !transcripts.isEmpty { transcripts[transcripts.count - 1].expected.append("") }
            } else if inBlock, line.hasPrefix("$ capex ") {
                transcripts.append((String(line.dropFirst(2)), []))
            } else if inBlock, let last = transcripts.indices.last, transcripts[last].expected.last != "" {
                transcripts[last].expected.append(line)
            }
        }
        // `capex changes` needs a site with editions: EditionsTests runs those on its fixture.
        transcripts = transcripts.filter { !$0.command.hasPrefix("capex changes") }.map { ($0.command, $0.expected.filter { !$0.isEmpty }) }
        #expect(transcripts.count >= 2)
        let site = try Self.storyCopy()
        for transcript in transcripts {
            let arguments = Array(Self.words(transcript.command).dropFirst())
            let result = try Self.run(arguments, in: site)
            // The README indents its code blocks: lines are compared without their leading spaces.
            let printed = result.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(printed == transcript.expected, "\(transcript.command)")
            #expect(result.status == (transcript.expected.first?.hasPrefix("error:") == true ? 1 : 0), "\(transcript.command)")
        }
    }

    /// Every `collection.id.field` the README names (outside `$` transcripts of errors) is a figure of the story.
    @Test func everyReferenceTheReadmeNamesExists() throws {
        let (model, _) = SiteBuilder.loadModel(BuildOptions(root: FixtureSite.repository, write: false))
        let story = try #require(model)
        let pattern = try NSRegularExpression(pattern: #"\b([a-z]+)\.([a-z0-9-]+)\.([a-z_]+)\b"#)
        let text = Self.readme
        var transcriptLines = Set(text.split(separator: "\n").filter { $0.contains("$ capex") }.map(String.init))
        // What `capex changes` prints in the README is the editions fixture's, not the story's.
        transcriptLines.formUnion(EditionsReadme.transcripts(text).flatMap(\.expected))
        var checked = 0
        for line in text.split(separator: "\n").map(String.init) where !transcriptLines.contains(line) {
            for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                let parts = (1...3).map { String(line[Range(match.range(at: $0), in: line)!]) }
                guard story.collections[parts[0]] != nil else { continue }
                let reference = parts.joined(separator: ".")
                checked += 1
                #expect(story.figures[reference] != nil, "README names \(reference), which the story lacks")
            }
        }
        #expect(checked >= 5)
    }

    /// `capex explain` says when a figure is not a reported fact, and how it came to be so.
    @Test func explainSaysHowFirmlyAFigureIsStated() throws {
        let site = try Self.storyCopy()
        let power = try Self.run(["explain", "fleets.meta-h100e-2024.power"], in: site)
        #expect(power.status == 0)
        #expect(power.output.contains("  stated as: estimate (the weakest of its inputs'), not a reported fact\n"), "\(power.output)")
        let capex = try Self.run(["explain", "financials.meta-2024.capex"], in: site)
        #expect(capex.output.contains("  stated as: expected, not a reported fact\n"), "\(capex.output)")
        let revenue = try Self.run(["explain", "financials.meta-2024.revenue_growth"], in: site)
        #expect(!revenue.output.contains("stated as:"), "a reported fact: \(revenue.output)")
    }
}
