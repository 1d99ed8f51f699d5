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
