import Diagnostics
import Foundation
import Load
import Model
import Quantities

/// Each edition's snapshot, kept in `.capex-cache/editions/<commit>.json` beside the output
/// folder: a commit's data never changes, so an edition is computed once per capex binary
/// (the snapshot holds figures as that binary formats them) and read back after that.
public struct EditionCache: Sendable {
    /// `.capex-cache/editions/`.
    public let folder: URL
    /// The binary that computes the snapshots: another one recomputes them.
    public let version: String
    /// False for the commands that write nothing (`capex check`).
    public let writes: Bool
    /// The site's languages, the default first: an old edition's translated text
    /// (`label: {en: …, es: …}`) is read as the working tree's is (`DataTranslations`), so a
    /// record whose data did not change compares equal. Part of what a kept snapshot is for.
    public var languages: [String] = ["en"]

    public init(folder: URL, version: String, writes: Bool) {
        self.folder = folder
        self.version = version
        self.writes = writes
    }

    private struct Stored: Codable {
        var version: String
        var languages: [String]?
        var snapshot: EditionSnapshot
    }

    private func url(_ commit: String) -> URL { folder.appendingPathComponent(commit + ".json") }

    /// The snapshot kept for `commit` by this binary, if any.
    func read(_ commit: String) -> EditionSnapshot? {
        guard let data = FileManager.default.contents(atPath: url(commit).path),
              let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.version == version,
              stored.languages == languages else { return nil }
        return stored.snapshot
    }

    /// Keeps `snapshot` for `commit`; a cache that cannot be written only costs time later.
    func write(_ snapshot: EditionSnapshot, for commit: String) {
        guard writes else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Stored(version: version, languages: languages, snapshot: snapshot)) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(commit).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else { return }
        if rename(temporary.path, url(commit).path) != 0 { unlink(temporary.path) }
    }

    /// The snapshot of the data at `commit`: from the cache, else loaded from git and
    /// computed. Data that cannot be read whole is never compared as if it were empty or
    /// partial (a collection missing would list all its figures as added): a failure of git,
    /// no data file, or any error in the data throws, and nothing is kept for it.
    public func snapshot(at commit: String, git: GitHistory, format: (Figure, QuantityLocale) -> String) throws(UnreadableEdition) -> EditionSnapshot {
        if let kept = read(commit) { return kept }
        let files: [(path: String, bytes: [UInt8])]
        do {
            files = try git.dataFiles(at: commit)
        } catch {
            throw UnreadableEdition(reason: .git(error))
        }
        guard !files.isEmpty else { throw UnreadableEdition(reason: .noData) }
        // As `SiteLoader` reads the working tree's data, with the same errors.
        var collections: [RecordCollection] = [], refused = Set<String>(), paths: [String: String] = [:]
        var errors: [Diagnostic] = []
        for file in files {
            let name = DataCollection.name(ofFile: file.path)
            guard DataCollection.isValidName(name) else {
                errors.append(.error(at: .start(of: file.path), "'\(name)' cannot name a collection"))
                refused.insert(name)
                continue
            }
            if let first = paths[name] {
                errors.append(.error(at: .start(of: file.path), "collection '\(name)' is already read from \(first)"))
                continue
            }
            paths[name] = file.path
            let text: String
            switch SourceText.decode(file.bytes, file: file.path) {
            case .success(let decoded): text = decoded
            case .failure(let problem): errors.append(problem); refused.insert(name); continue
            }
            var (collection, problems) = DataCollection.load(path: file.path, text: text)
            if collection != nil { problems += DataTranslations(languages: languages).read(&collection!) }
            errors += problems.filter { $0.severity == .error }
            if let collection { collections.append(collection.recordCollection) } else { refused.insert(name) }
        }
        let (model, problems) = StoryModel.build(collections, refusedCollections: refused)
        // The files' errors first: an error of the model may only follow from one of them.
        let all = Diagnostics(errors).sorted + Diagnostics(problems.filter { $0.severity == .error }).sorted
        guard all.isEmpty else { throw UnreadableEdition(reason: .errors(all)) }
        let snapshot = EditionSnapshot(model: model, format: format)
        write(snapshot, for: commit)
        return snapshot
    }
}
