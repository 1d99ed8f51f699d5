import Diagnostics

/// Why an edition's data cannot be compared with another's: git could not give it, its
/// commit holds no data file, or its data has errors (a YAML error, a record without an id,
/// a figure that cannot be computed). Such an edition is never read as empty: `/changes/`
/// leaves it out, with a warning naming its tag and the problem (issue 13), and
/// `capex changes` refuses to compare with it.
public struct UnreadableEdition: Error, Sendable {
    public enum Reason: Sendable {
        case git(GitHistory.Failure)
        /// No `content/data/*.yaml` at the commit: a tag on the wrong commit, or a site moved.
        case noData
        /// The errors of the edition's data, in order, at their paths in that commit.
        case errors([Diagnostic])
    }

    public var reason: Reason

    /// Where the problem is, in git's notation for a file at a revision
    /// (`edition-2026-01-01:content/data/deals.yaml:3:9`, what `git show` reads), and what
    /// it is; the start of `content` when no file is at fault.
    public func problem(at revision: String) -> (location: SourceLocation, text: String) {
        switch reason {
        case .git(let failure):
            return (.start(of: "content"), "its data cannot be read: \(failure.description)")
        case .noData:
            return (.start(of: "content"), "its commit holds no data file (content/data/*.yaml): is the tag on the commit of the edition?")
        case .errors(let errors):
            let first = errors[0]
            let location = SourceLocation(file: revision + ":" + first.location.file, line: first.location.line, column: first.location.column)
            let more = errors.count == 1 ? "" : " (and \(errors.count - 1) more error\(errors.count == 2 ? "" : "s") in its data)"
            return (location, "its data has an error: \(first.message)\(more)")
        }
    }

    /// The warning of a build or of `capex changes` that leaves the edition `tag` out.
    public func warning(tag: String) -> Diagnostic {
        let (location, text) = problem(at: tag)
        return .warning(at: location, "edition \(tag) is left out of the comparison of editions: \(text)")
    }
}
