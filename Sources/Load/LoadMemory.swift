import Diagnostics
import Foundation
import Model

/// What the load stage keeps between the builds of one process (`capex serve`, through
/// `BuildSession`): the pages parsed from files by their hash, and the data and model while
/// no data file changed. Everything is checked against the files' hashes before it is used.
package final class LoadMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: (hash: String, file: SiteLoader.ParsedFile, problems: [Diagnostic])] = [:]
    private var data: (hashes: [String], collections: [DataCollection], problems: [Diagnostic], model: StoryModel, modelProblems: [Diagnostic])?

    package init() {}

    /// A page parsed by an earlier build from a file with this hash.
    func parsedPage(_ path: String, hash: String?) -> (SiteLoader.ParsedFile, [Diagnostic])? {
        lock.withLock { parsed[path].flatMap { $0.hash == hash ? ($0.file, $0.problems) : nil } }
    }

    package func remember(parsed pages: [String: (hash: String, file: SiteLoader.ParsedFile, problems: [Diagnostic])]) {
        lock.withLock { parsed = pages }
    }

    /// The collections and model an earlier build made from data files with these hashes.
    package func model(for hashes: [String]) -> ([DataCollection], [Diagnostic], StoryModel, [Diagnostic])? {
        lock.withLock { data.flatMap { $0.hashes == hashes ? ($0.collections, $0.problems, $0.model, $0.modelProblems) : nil } }
    }

    package func remember(hashes: [String], collections: [DataCollection], problems: [Diagnostic], model: StoryModel, modelProblems: [Diagnostic]) {
        lock.withLock { data = (hashes, collections, problems, model, modelProblems) }
    }
}

/// What the load stage needs of the user's options.
package struct LoadOptions: Sendable {
    /// Replaces the site's `base_url` (`--base-url`).
    package var baseURL: String?
    package var includeDrafts: Bool
    /// Where the build writes (nil: `root/output`): a link into it is refused.
    package var outputFolder: URL?
    /// What earlier builds of this process loaded; nil for one build.
    package var memory: LoadMemory?

    package init(baseURL: String? = nil, includeDrafts: Bool = false, outputFolder: URL? = nil, memory: LoadMemory? = nil) {
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.outputFolder = outputFolder
        self.memory = memory
    }
}
