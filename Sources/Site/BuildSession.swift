import Foundation
import Diagnostics
import Model
#if canImport(Glibc)
import Glibc
#endif

/// What a long-running process (`capex serve`) keeps between its builds, so that a rebuild
/// redoes only what the edit touched: the manifest as last written (not read and decoded
/// again), the pages parsed from files unchanged since, and the data and model while no
/// data file changed. Everything in it is checked against the files before it is used.
public final class BuildSession: @unchecked Sendable {
    private let lock = NSLock()
    private var manifest: BuildManifest?
    /// The manifest file's stamp right after this session wrote it: if the file has another
    /// now, someone else built, and the file is read instead.
    private var manifestStamp: FileStamp?
    private var parsed: [String: (hash: String, file: SiteLoader.ParsedFile, problems: [Diagnostic])] = [:]
    private var data: (hashes: [String], collections: [DataCollection], problems: [Diagnostic], model: StoryModel, modelProblems: [Diagnostic])?

    public init() {}

    func manifest(at path: String) -> BuildManifest? {
        lock.withLock {
            var info = stat()
            guard let manifest, stat(path, &info) == 0, FileStamp(info) == manifestStamp else { return nil }
            return manifest
        }
    }

    func remember(_ manifest: BuildManifest?, at path: String) {
        lock.withLock {
            var info = stat()
            self.manifest = manifest
            manifestStamp = manifest != nil && stat(path, &info) == 0 ? FileStamp(info) : nil
        }
    }

    /// A page parsed by an earlier build from a file with this hash.
    func parsedPage(_ path: String, hash: String?) -> (SiteLoader.ParsedFile, [Diagnostic])? {
        lock.withLock { parsed[path].flatMap { $0.hash == hash ? ($0.file, $0.problems) : nil } }
    }

    func remember(parsed pages: [String: (hash: String, file: SiteLoader.ParsedFile, problems: [Diagnostic])]) {
        lock.withLock { parsed = pages }
    }

    func model(for hashes: [String]) -> ([DataCollection], [Diagnostic], StoryModel, [Diagnostic])? {
        lock.withLock { data.flatMap { $0.hashes == hashes ? ($0.collections, $0.problems, $0.model, $0.modelProblems) : nil } }
    }

    func remember(hashes: [String], collections: [DataCollection], problems: [Diagnostic], model: StoryModel, modelProblems: [Diagnostic]) {
        lock.withLock { data = (hashes, collections, problems, model, modelProblems) }
    }
}
