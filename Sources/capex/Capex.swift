import ArgumentParser
import Diagnostics
import Foundation
import Incremental
import Model
import Scaffold
import Serve
import Site

@main
struct Capex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capex",
        abstract: "Builds a static site where every figure is computed from data, with units, ranges and sources.",
        subcommands: [Build.self, Check.self, Explain.self, New.self, Serve.self, Changes.self],
        defaultSubcommand: Build.self
    )
}

/// Options every command shares.
struct RootOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder, holding content/ and templates/.")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }

    /// The root, checked to be a site: one that has neither `content/` nor `templates/` is
    /// not one (an empty or wrong folder), and gets one error instead of one per missing part.
    func siteURL() throws -> URL {
        let url = rootURL
        let has = { (name: String) -> Bool in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }
        if !has("content") && !has("templates") {
            Report.error("error: \(root) is not a capex site: it has no content/ or templates/ folder; run `capex new DIR` to start one, or pass --root DIR")
            throw ExitCode.failure
        }
        return url
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into output/.")

    @OptionGroup var global: RootOptions

    @Option(name: .long, help: "Where to write the site (default: ROOT/output).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override site.yaml's base_url.")
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print nothing but problems.")
    var quiet = false

    @Flag(name: .long, help: "Print the time each stage took.")
    var timings = false

    @Flag(name: .long, help: "Ignore the cache of the last build and redo everything.")
    var full = false

    func run() throws {
        let root = try global.siteURL()
        var options = BuildOptions(
            root: root,
            output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            baseURL: baseURL, includeDrafts: drafts, strict: strict, incremental: !full
        )
        options.showProgress = !quiet
        let report = SiteBuilder.build(options)
        Report.print(report.diagnostics, root: root)
        if !report.succeeded {
            Report.error("build failed: \(report.failureReason ?? ""); \(Report.reachable(options.outputFolder)) left as it was")
            throw ExitCode.failure
        }
        if !quiet { print(report.summary + " → " + Report.reachable(options.outputFolder)) }
        if timings {
            print(report.stages.map { "\($0.name) " + String(format: "%.3f s (CPU %.3f s)", $0.seconds, $0.cpuSeconds) }.joined(separator: ", "))
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load, render and check everything; write nothing.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var global: RootOptions

    @Option(name: .long, help: "text, json, or github (::error annotations).")
    var format: Format = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    func run() throws {
        let root = try global.siteURL()
        let report = SiteBuilder.build(BuildOptions(root: root, includeDrafts: drafts, strict: strict, write: false))
        switch format {
        case .text:
            Report.print(report.diagnostics, root: root)
            if report.succeeded {
                let checked = report.claims.values.reduce(0, +)
                let claims = checked == 0 ? "" : "; \(counted(checked, "claim")) checked (" + ClaimCheck.Status.allCases.map(\.rawValue)
                    .map { "\(report.claims[$0] ?? 0) \($0)" }.joined(separator: ", ") + "), see /checks/"
                let warnings = report.diagnostics.warnings.count
                let verdict = warnings == 0 ? "No problems" : "No errors, \(counted(warnings, "warning"))"
                print("\(verdict) in \(counted(report.pages, "page")), \(counted(report.figures, "figure"))\(claims).")
            } else {
                Report.error("check failed: \(report.failureReason ?? "")")
            }
        case .json:
            print(Report.json(report))
        case .github:
            for diagnostic in report.diagnostics.sorted {
                let l = diagnostic.location
                print("::\(diagnostic.severity.rawValue) file=\(Report.githubEscapeProperty(l.file)),line=\(l.line),col=\(l.column)::\(Report.githubEscape(diagnostic.message))")
            }
        }
        if !report.succeeded { throw ExitCode.failure }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print how a figure is computed: formula, inputs with their values, sources.")

    @OptionGroup var global: RootOptions

    @Argument(help: "A reference, as in {{ purchases.meta-h100-2024.spend }}.")
    var reference: String

    @Option(name: .long, help: "Explain in this language of the site's (labels, notes, numbers); default: its first.")
    var language: String?

    @Option(name: .long, help: ArgumentHelp(
        "What if: give an assumption or a data field another value, written as in the data (repeatable); nothing is written.",
        valueName: "ID=VALUE"))
    var assume: [String] = []

    func run() throws {
        let root = try global.siteURL()
        let (model, languages, diagnostics) = SiteBuilder.loadModelAndLanguages(BuildOptions(root: root, write: false))
        guard let model, !diagnostics.hasErrors else {
            Report.print(diagnostics, root: root)
            throw ExitCode.failure
        }
        if let language, !languages.contains(language) {
            Report.error("error: '\(language)' is not one of the site's languages (\(languages.joined(separator: ", ")))")
            throw ExitCode.failure
        }
        switch model.resolve(reference, at: SourceLocation(file: "<command line>", line: 1, column: 1)) {
        case .failure(let problem):
            Report.error("error: " + problem.message)
            throw ExitCode.failure
        case .success(let figure):
            guard !assume.isEmpty else {
                print(Explanation.text(for: figure, in: model, language: language ?? languages.first ?? "en"))
                return
            }
            try whatIf(model)
        }
    }

    /// `--assume ID=VALUE…`: the figure again with the values changed, beside the one published.
    func whatIf(_ model: StoryModel) throws {
        var changes: [WhatIf.Change] = []
        for argument in assume {
            guard let change = WhatIf.Change(argument) else {
                Report.error("error: --assume \(argument): expected ID=VALUE, as in power-per-h100=2kW or chips.h100.unit_price=$25k–30k")
                throw ExitCode.failure
            }
            changes.append(change)
        }
        switch WhatIf.apply(changes, to: model) {
        case .failure(let problems):
            for problem in problems.all {
                Report.error(problem.location.map { "\($0): error: with --assume: \(problem.message)" } ?? "error: \(problem.message)")
            }
            throw ExitCode.failure
        case .success(let outcome):
            // Unbuffered, so that the warnings below follow the result when both go to one pipe.
            FileHandle.standardOutput.write(Data((WhatIfText.text(for: reference, before: model, changes: changes, outcome: outcome) + "\n").utf8))
            for problem in outcome.consequences {
                Report.error("\(problem.location.map { "\($0): " } ?? "")warning: with --assume, \(problem.message)")
            }
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a small working site for another story in a new folder.")

    @Argument(help: "The folder to create.")
    var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        do {
            let files = try Scaffold.create(at: url)
            print("Created \(folder) with \(files.count) files. Build it with: capex build --root \(folder)")
        } catch {
            Report.error("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site on 127.0.0.1, rebuild what changes and reload the open pages."
    )

    @OptionGroup var global: RootOptions

    @Option(name: .long, help: "The port to listen on.")
    var port: Int = 8000

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    func run() async throws {
        let root = try global.siteURL()
        // Served pages link from the server's own root, whatever base_url says.
        var settings = BuildOptions(root: root, baseURL: "http://127.0.0.1:\(port)/", includeDrafts: drafts)
        // Kept between rebuilds: the manifest, the parsed pages, the data and its model.
        settings.session = BuildSession()
        let options = settings
        let first = SiteBuilder.build(options)
        Report.print(first.diagnostics, root: root)
        // Written unbuffered: the server runs until interrupted, and a buffered line would wait.
        let line = first.succeeded ? first.summary : "The first build failed; fix the errors above and save: the site rebuilds."
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
        let server = DevServer(
            siteFolder: options.outputFolder, port: port,
            watched: [root.appendingPathComponent("content"), root.appendingPathComponent("templates")]
        ) { changed in
            let report = SiteBuilder.build(options)
            guard report.succeeded else {
                return RebuildOutcome(succeeded: false, message: Report.formatted(report.diagnostics, root: root))
            }
            let what = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
            return RebuildOutcome(succeeded: true, message: "Rebuilt after \(what): " + report.summary)
        }
        do {
            try await server.run()
        } catch {
            Report.error("error: \(error)")
            throw ExitCode.failure
        }
    }
}
