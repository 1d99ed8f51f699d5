import Diagnostics
import Foundation

/// The comparison of the last build, kept in `.capex-cache/editions/history.json` beside
/// the output folder with the key of what it was computed from (the binary, the edition
/// tags, the working tree's data files and languages: `StoryHistory.read`'s `key`).
///
/// Comparing the editions needs the working tree's snapshot (every figure formatted in each
/// language) and every edition's, read back from their own files: 0.29 s on the
/// 10,000-page benchmark, on every build. The comparison itself is small (what moved, the
/// first edition's counts, the history of the figures that changed), so a build whose
/// data and tags are the last build's reads it back instead (a few milliseconds).
enum HistoryCache {
    /// The part of a `StoryHistory` that depends on the editions and the data alone (the
    /// corrections are read from the model on every build).
    struct Kept: Codable {
        /// Every edition tag it was computed from, readable or not.
        var tagged: [Edition]
        /// The editions compared: those whose data could be read.
        var editions: [Edition]
        var entries: [StoryHistory.Entry]
        var first: StoryHistory.Counts
        var steps: [String: [StoryHistory.Step]]
        /// The warnings of the editions left out, reported again by each build that reads this.
        var warnings: [Warning]

        init(_ history: StoryHistory, tagged: [Edition], problems: [Diagnostic]) {
            self.tagged = tagged
            warnings = problems.map(Warning.init)
            editions = history.editions
            entries = history.entries
            first = history.first
            steps = history.steps
        }

        func apply(to history: inout StoryHistory) {
            history.editions = editions
            history.entries = entries
            history.first = first
            history.steps = steps
            history.findMoved()
        }

        var problems: [Diagnostic] { warnings.map(\.diagnostic) }
    }

    /// A warning as kept on disk.
    struct Warning: Codable {
        var file: String
        var line: Int
        var column: Int
        var message: String

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            message = diagnostic.message
        }

        var diagnostic: Diagnostic {
            .warning(at: SourceLocation(file: file, line: line, column: column), message)
        }
    }

    /// On disk: the key and binary it was computed for, and the comparison.
    struct Stored: Codable {
        var version: String
        var key: String
        var kept: Kept
    }

    static let fileName = "history.json"
}

extension EditionCache {
    private var historyURL: URL { folder.appendingPathComponent(HistoryCache.fileName) }

    /// The comparison kept for `key` by this binary, if that is what the file holds.
    func history(for key: String) -> HistoryCache.Kept? {
        guard let data = FileManager.default.contents(atPath: historyURL.path),
              let stored = try? JSONDecoder().decode(HistoryCache.Stored.self, from: data),
              stored.version == version, stored.key == key else { return nil }
        return stored.kept
    }

    /// Keeps the comparison for `key`, replacing the one kept before (one file: a build
    /// that alternates between two sets of data only computes as before).
    func keep(_ kept: HistoryCache.Kept, for key: String) {
        guard writes, let data = try? JSONEncoder().encode(HistoryCache.Stored(version: version, key: key, kept: kept)) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(HistoryCache.fileName).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else { return }
        if rename(temporary.path, historyURL.path) != 0 { unlink(temporary.path) }
    }
}
