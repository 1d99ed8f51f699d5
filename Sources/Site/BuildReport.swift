import Diagnostics
import Foundation

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
    /// Each stage in order, its wall-clock seconds and the process's CPU seconds (user +
    /// system, all threads) over it: for `--timings` and the benchmark. CPU near twice the
    /// wall time on two cores is a stage that keeps both busy.
    public var stages: [(name: String, seconds: Double, cpuSeconds: Double)] = []

    public var succeeded: Bool {
        !diagnostics.hasErrors && !(strict && !diagnostics.warnings.isEmpty)
    }

    /// Why the build failed, for its last line: `2 errors`, `1 warning treated as an error
    /// under --strict`, or both joined by "and"; nil when it succeeded.
    public var failureReason: String? {
        guard !succeeded else { return nil }
        var parts: [String] = []
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        if errors > 0 { parts.append(counted(errors, "error")) }
        if strict && warnings > 0 {
            parts.append(counted(warnings, "warning") + (warnings == 1 ? " treated as an error" : " treated as errors") + " under --strict")
        }
        return parts.joined(separator: " and ")
    }

    /// One line: `Built 12 pages, 31 files written in 0.21 s (2 warnings)`.
    public var summary: String {
        let warnings = diagnostics.warnings.count
        if upToDate {
            return "Up to date: \(counted(pages, "page")), nothing changed (" + String(format: "%.2f s", seconds)
                + (warnings > 0 ? "; \(counted(warnings, "warning")))" : ")")
        }
        var line = "Built \(counted(pages, "page"))"
        if pagesRendered < pages { line += " (\(pagesRendered) rendered, the rest unchanged)" }
        line += ", \(counted(filesWritten, "file")) written"
        if figures > 0 { line += ", \(counted(figures, "figure"))" }
        let checked = claims.values.reduce(0, +)
        if checked > 0 {
            let findings = ["inconsistent", "unverifiable", "ambiguous"].compactMap { status in claims[status].map { "\($0) \(status)" } }
            line += ", \(counted(checked, "claim")) checked" + (findings.isEmpty ? "" : " (" + findings.joined(separator: ", ") + ")")
        }
        line += " in " + String(format: "%.2f s", seconds)
        if warnings > 0 { line += " (\(counted(warnings, "warning")))" }
        return line
    }
}
