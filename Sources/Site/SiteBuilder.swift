import Diagnostics
import Foundation
import Model

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

    public init(root: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                strict: Bool = false, write: Bool = true) {
        self.root = root
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.write = write
    }

    public var outputFolder: URL { output ?? root.appendingPathComponent("output") }
}

/// What a build did, for the summary line and the exit status.
public struct BuildReport: Sendable {
    public var diagnostics: Diagnostics
    public var pages = 0
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
        var line = "Built \(pages) page\(pages == 1 ? "" : "s"), \(filesWritten) file\(filesWritten == 1 ? "" : "s")"
        if figures > 0 { line += ", \(figures) figures" }
        let checked = claims.values.reduce(0, +)
        if checked > 0 {
            let findings = ["inconsistent", "unverifiable"].compactMap { status in claims[status].map { "\($0) \(status)" } }
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
        let (site, diagnostics) = SiteLoader(root: options.root, options: options).load()
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

        let (loaded, loadProblems) = SiteLoader(root: options.root, options: options).load()
        lap("load")
        report.diagnostics = loadProblems
        guard let site = loaded, !loadProblems.hasErrors else { return report }

        report.figures = site.model.figures.count
        for claim in site.model.claims { report.claims[claim.status.rawValue, default: 0] += 1 }
        let (plan, renderProblems) = SiteRenderer(site: site).render()
        lap("render")
        report.diagnostics.append(contentsOf: renderProblems)
        report.pages = site.pages.count
        guard report.succeeded else { return report }
        guard options.write else { return report }

        do {
            try OutputWriter(output: options.outputFolder, root: options.root).write(plan)
            report.filesWritten = plan.files.count
            lap("write")
        } catch {
            report.diagnostics.error(at: .start(of: options.outputFolder.path), error.description)
        }
        return report
    }
}
