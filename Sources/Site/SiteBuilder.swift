import Diagnostics
import Foundation
import Incremental
import Load
import Model
import Render
import Write
#if canImport(Glibc)
import Glibc
#endif

/// What the user asked for: which site, where to write, and how strict to be.
public struct BuildOptions: Sendable {
    public var root: URL
    /// Defaults to `root/output`.
    public var output: URL?
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Warnings fail the build too.
    public var strict: Bool
    /// False for `capex check`: everything is loaded, rendered and checked, nothing written.
    public var write: Bool
    /// Reuse what the last build wrote when its inputs are unchanged (`--full` turns it off).
    public var incremental: Bool
    /// Draw a progress bar on a terminal for long builds (off with `--quiet`).
    public var showProgress = false
    /// Seconds after its last change before a file's stamp is trusted (see `InputFiles`).
    var stampTrustDelay = 2.0
    /// What a long-running process keeps between builds (`capex serve`); nil for one build.
    public var session: BuildSession?

    public init(root: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                strict: Bool = false, write: Bool = true, incremental: Bool = true) {
        self.root = root
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.write = write
        self.incremental = incremental
    }

    public var outputFolder: URL { output ?? root.appendingPathComponent("output") }

    /// What the load stage needs of these options.
    var loadOptions: LoadOptions {
        LoadOptions(baseURL: baseURL, includeDrafts: includeDrafts, memory: session?.loads)
    }
}

/// What a build did, for the summary line and the exit status.
public struct BuildReport: Sendable {
    public var diagnostics: Diagnostics
    public var pages = 0
    /// Pages rendered this time; the others were kept from the last build.
    public var pagesRendered = 0
    /// Nothing changed since the last build: nothing was done.
    public var upToDate = false
    public var filesWritten = 0
    public var seconds = 0.0
    public var strict = false
    public var figures = 0
    /// Claims by status: findings, not errors.
    public var claims: [String: Int] = [:]
    /// Seconds spent in each stage, in order: for `--timings` and the benchmark.
    public var stages: [(name: String, seconds: Double)] = []

    public var succeeded: Bool {
        !diagnostics.hasErrors && !(strict && !diagnostics.warnings.isEmpty)
    }

    /// One line: `Built 12 pages, 31 files in 0.21 s (2 warnings)`.
    public var summary: String {
        if upToDate { return "Up to date: \(pages) pages, nothing changed (" + String(format: "%.2f s", seconds) + ")" }
        var line = "Built \(pages) page\(pages == 1 ? "" : "s")"
        if pagesRendered < pages { line += " (\(pagesRendered) rendered, the rest unchanged)" }
        line += ", \(filesWritten) file\(filesWritten == 1 ? "" : "s") written"
        if figures > 0 { line += ", \(figures) figures" }
        let checked = claims.values.reduce(0, +)
        if checked > 0 {
            let findings = ["inconsistent", "unverifiable", "ambiguous"].compactMap { status in claims[status].map { "\($0) \(status)" } }
            line += ", \(checked) claim\(checked == 1 ? "" : "s") checked" + (findings.isEmpty ? "" : " (" + findings.joined(separator: ", ") + ")")
        }
        line += " in " + String(format: "%.2f s", seconds)
        let warnings = diagnostics.warnings.count
        if warnings > 0 { line += " (\(warnings) warning\(warnings == 1 ? "" : "s"))" }
        return line
    }
}

/// The build as a list of named stages: load, render, write. Each takes the previous
/// stage's value; any errors stop the build before anything is written.
public enum SiteBuilder {
    /// Loads the site and its model without rendering: for `capex explain`.
    public static func loadModel(_ options: BuildOptions) -> (StoryModel?, Diagnostics) {
        let (site, diagnostics) = SiteLoader(root: options.root, options: options.loadOptions).load()
        return (site?.model, diagnostics)
    }

    public static func build(_ options: BuildOptions) -> BuildReport {
        let start = DispatchTime.now()
        var report = run(options)
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return report
    }

    private static func run(_ options: BuildOptions) -> BuildReport {
        var report = BuildReport(diagnostics: Diagnostics(), strict: options.strict)
        var clock = DispatchTime.now()
        func lap(_ name: String) {
            let now = DispatchTime.now()
            report.stages.append((name, Double(now.uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9))
            clock = now
        }

        // Every input is hashed once, here; a file whose stamp the last build trusted is
        // not even read. The hashes decide what to redo.
        let cache = BuildCache(output: options.outputFolder)
        let previous = options.write && options.incremental
            ? options.session?.manifest(at: cache.manifestURL.path) ?? cache.load() : nil
        lap("cache")
        let inputs = InputFiles.read(root: options.root, previous: previous, trustAfter: options.stampTrustDelay)
        let settings = Hash.combine([
            BuildCache.binaryVersion, options.baseURL ?? "", options.includeDrafts ? "drafts" : "",
            inputs.hashes["content/" + SiteConfig.fileName] ?? "", options.root.path,
        ])
        let manifest = previous?.settings == settings ? previous : nil
        lap("inputs")
        let incomplete = manifest.map { groupsMissingFiles($0, in: options.outputFolder.path) } ?? []
        if let manifest, manifest.files == inputs.hashes, incomplete.isEmpty, inputs.tree.problems.isEmpty {
            report.upToDate = true
            report.pages = manifest.groups.keys.filter { $0.hasPrefix("page:") }.count
            for warning in manifest.warnings {
                report.diagnostics.warning(at: SourceLocation(file: warning.file, line: warning.line, column: warning.column), warning.message)
            }
            // Stamps that were too fresh to trust may be trusted now.
            if inputs.stamps != manifest.stamps {
                var refreshed = manifest
                refreshed.stamps = inputs.stamps
                options.session?.remember(cache.save(refreshed, previous: manifest, rendered: []), at: cache.manifestURL.path)
            } else {
                options.session?.remember(manifest, at: cache.manifestURL.path)
            }
            lap("outputs")
            releaseInBackground(previous, manifest, inputs)
            return report
        }
        lap("outputs")

        let (loaded, loadProblems) = SiteLoader(root: options.root, options: options.loadOptions, inputs: inputs).load()
        lap("load")
        report.diagnostics = loadProblems
        guard let site = loaded, !loadProblems.hasErrors else { return report }

        report.figures = site.model.figures.count
        for claim in site.model.claims { report.claims[claim.status.rawValue, default: 0] += 1 }
        let fingerprints = Fingerprints(site: site, fileHashes: inputs.hashes) {
            FigureText.derivation(of: $0, in: site.model, sourceNames: [:], locale: .en)
        }
        let reuse = manifest.map { Reuse(manifest: $0, fingerprints: fingerprints, fileHashes: inputs.hashes, incomplete: incomplete) }
        let result = SiteRenderer(site: site).render(reuse: reuse, showProgress: options.showProgress)
        lap("render")
        report.diagnostics.append(contentsOf: result.diagnostics)
        report.pages = site.pages.count
        report.pagesRendered = result.pagesRendered
        defer { releaseInBackground(previous, manifest, inputs, site, result, fingerprints, reuse) }
        guard report.succeeded, options.write else { return report }

        do {
            let writer = OutputWriter(output: options.outputFolder, root: options.root)
            if let manifest {
                report.filesWritten = try writer.update(result.plan, groups: result.groups, rendered: result.rendered, previous: manifest)
            } else {
                try writer.write(result.plan)
                report.filesWritten = result.plan.files.count
            }
            var used: [String: String] = [:]
            for group in result.groups.values {
                // A file's fingerprint is its hash, already in `files`.
                for dep in group.deps where used[dep] == nil && !dep.hasPrefix("file:") { used[dep] = fingerprints.of(dep) }
            }
            if options.incremental {
                let warnings = report.diagnostics.warnings.map {
                    BuildManifest.Warning(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message)
                }
                let saved = cache.save(BuildManifest(
                    settings: settings, files: inputs.hashes, stamps: inputs.stamps, frontMatter: site.frontMatterCache,
                    inputs: used, groups: result.groups, warnings: warnings
                ), previous: manifest, rendered: result.rendered)
                options.session?.remember(saved, at: cache.manifestURL.path)
            }
            lap("write")
        } catch {
            cache.remove()
            options.session?.remember(nil, at: cache.manifestURL.path)
            report.diagnostics.error(at: .start(of: options.outputFolder.path), error.description)
        }
        return report
    }
}

/// Hands a build's large values (10,000 pages, a manifest of 100,000 strings) to another
/// thread to free: freeing them took 30–40 ms, which the user would otherwise wait for.
private func releaseInBackground<each Value>(_ values: repeat each Value) {
    let box = UncheckedSendable((repeat each values))
    DispatchQueue.global(qos: .utility).async { _ = box }
}

extension SiteLoader {
    /// The load stage with the user's options.
    init(root: URL, options: BuildOptions, inputs: InputFiles? = nil) {
        self.init(root: root, options: options.loadOptions, inputs: inputs)
    }
}
