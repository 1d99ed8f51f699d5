import Diagnostics
import Foundation
import Incremental
import Load
import Model
import Render
import Write

/// The build as a list of named stages, each taking what the one before handed on:
///
///     last build (manifest) → inputs (InputFiles) → up to date? → load (LoadedSite)
///         → render (RenderedSite: OutputPlan + manifest groups) → write (files, manifest)
///
/// Any error stops the build before anything is written. ARCHITECTURE.md draws the stages.
public enum SiteBuilder {
    /// Loads the site and its model without rendering: for `capex explain`.
    public static func loadModel(_ options: BuildOptions) -> (StoryModel?, Diagnostics) {
        let (site, diagnostics) = SiteLoader(root: options.root, options: options.loadOptions).load()
        return (site?.model, diagnostics)
    }

    /// `loadModel`, with the site's languages (the default first): `capex explain --language`.
    public static func loadModelAndLanguages(_ options: BuildOptions) -> (StoryModel?, [String], Diagnostics) {
        let (site, diagnostics) = SiteLoader(root: options.root, options: options.loadOptions).load()
        return (site?.model, site?.config.languages ?? [], diagnostics)
    }

    public static func build(_ options: BuildOptions) -> BuildReport {
        let start = DispatchTime.now()
        var report = run(options)
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return report
    }

    private static func run(_ options: BuildOptions) -> BuildReport {
        var build = BuildRun(options: options)
        if let refusal = refusedOutput(options) {
            build.report.diagnostics.append(refusal)
            return build.report
        }
        // The manifest is decoded on another thread while this one lists and stamps the
        // inputs ("scan"); "cache" is what is left to wait for, "inputs" reads what changed.
        let pending = LastBuild.start(options)
        let scan = build.stage("scan") {
            InputScan(root: options.root, output: options.outputFolder, trustAfter: options.stampTrustDelay,
                      stamped: LastBuild.mayExist(options))
        }
        let last = build.stage("cache") { pending.value }
        let inputs = build.stage("inputs") { last.readInputs(options, scan: scan) }
        guard case .stale(let incomplete) = build.stage("outputs", { inputs.outputs(options, report: &$0) }) else {
            releaseInBackground(last, inputs)
            return build.report
        }
        guard let site = build.stage("load", { inputs.load(options, report: &$0) }) else { return build.report }
        let history = build.stage("editions") { inputs.history(site, options, report: &$0) }
        let inputChanges = inputs.inputChanges(site, options)
        let rendered = build.stage("render") { inputs.render(site, history: history, incomplete: incomplete.value, options, report: &$0) }
        defer { releaseInBackground(last, inputs, site, rendered) }
        guard build.report.succeeded, options.write else { return build.report }
        build.stage("write") { rendered.write(inputs, site, options, inputChanges: inputChanges, report: &$0) }
        return build.report
    }

    /// Why the output folder may not be replaced (`OutputSafety`); nil when it may, or when
    /// nothing is written.
    private static func refusedOutput(_ options: BuildOptions) -> Diagnostic? {
        guard options.write else { return nil }
        let manifest = BuildCache(output: options.outputFolder).manifestURL
        return OutputSafety.problem(output: options.outputFolder, root: options.root, manifest: manifest)
    }
}

/// A build under way: its report, and the clock that times each stage into it.
private struct BuildRun {
    var report: BuildReport
    private var clock = DispatchTime.now()
    private var cpuClock = BuildRun.cpuSeconds()

    init(options: BuildOptions) {
        report = BuildReport(diagnostics: Diagnostics(), strict: options.strict)
    }

    /// Runs one stage and records its seconds under `name` (for `--timings`).
    @discardableResult
    mutating func stage<Value>(_ name: String, _ body: (inout BuildReport) -> Value) -> Value {
        let value = body(&report)
        let now = DispatchTime.now(), cpuNow = BuildRun.cpuSeconds()
        report.stages.append((name, Double(now.uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9, cpuNow - cpuClock))
        (clock, cpuClock) = (now, cpuNow)
        return value
    }

    /// The process's user + system CPU seconds so far, all threads (`getrusage`).
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    mutating func stage<Value>(_ name: String, _ body: () -> Value) -> Value {
        stage(name) { (_: inout BuildReport) in body() }
    }
}

/// Hands a build's large values (10,000 pages, a manifest of 100,000 strings) to another
/// thread to free: freeing them took 30–40 ms, which the user would otherwise wait for.
func releaseInBackground<each Value>(_ values: repeat each Value) {
    let box = UncheckedSendable((repeat each values))
    DispatchQueue.global(qos: .utility).async { _ = box }
}
