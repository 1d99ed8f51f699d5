import Diagnostics
import Foundation

/// The site's git history, read with the `git` command-line tool (never a library): the
/// edition tags, and the data files at a revision. A site outside git has none.
public struct GitHistory: Sendable {
    /// The site's folder, where every `git` command runs.
    public let root: URL

    /// The history of the repository holding `root`, or nil when no folder from `root` up
    /// holds `.git` (then no process is started: a site outside git costs nothing).
    public init?(root: URL) {
        var folder = root.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { break }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
        self.root = root
    }

    /// A failure of `git`: the command and what it printed on standard error.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var command: String
        public var message: String
        public var description: String { "git \(command) failed: \(message)" }
    }

    /// Runs `git -C root ARGS`, feeding `input` on standard input; its standard output.
    func run(_ arguments: [String], input: Data? = nil) throws(Failure) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // No pager, no prompt, no locale-dependent dates; the repository's own config still applies.
        process.arguments = ["git", "-C", root.path, "-c", "core.quotepath=off"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        let command = arguments.first ?? ""
        do {
            try process.run()
        } catch {
            throw Failure(command: command, message: "cannot start git (\(error.localizedDescription)); is git installed?")
        }
        // Written and read on other threads: a large file would otherwise fill a pipe and stall both sides.
        if let input {
            DispatchQueue.global().async {
                try? feed.fileHandleForWriting.write(contentsOf: input)
                try? feed.fileHandleForWriting.close()
            }
        }
        let errorBox = ErrorText()
        let readErrors = DispatchGroup()
        DispatchQueue.global().async(group: readErrors) { errorBox.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        readErrors.wait()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errorBox.get(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(command: command, message: text.isEmpty ? "exit status \(process.terminationStatus)" : text)
        }
        return data
    }

    /// The story's edition tags as read from git: the editions, and a warning for each
    /// `edition-*` tag that is not one, or whose name is dated with no day of the calendar.
    public struct Tags: Sendable {
        /// Oldest first, numbered within their day (`Edition.distinguished`).
        public var editions: [Edition] = []
        /// Warnings at the start of `content` (a tag is no file), each naming its tag.
        public var problems: [Diagnostic] = []

        public init(editions: [Edition] = [], problems: [Diagnostic] = []) {
            self.editions = editions
            self.problems = problems
        }
    }

    /// Every `edition-*` tag, oldest first (by day, then moment, then name), numbered within
    /// its day (`Edition.distinguished`). A tag that names no commit (a tag of a tree or a
    /// blob) is left out with a warning; so is a date in a name that is no day (`edition-2025-02-30`
    /// is dated by its tag, with a warning).
    public func editions() throws(Failure) -> Tags {
        // NUL between fields and after each record: a message may hold any other byte.
        let format = "%(refname:short)%00%(objectname)%00%(*objectname)%00%(objecttype)%00%(*objecttype)%00%(creatordate:iso-strict)%00%(contents)%00"
        let data = try run(["for-each-ref", "--format=" + format, "refs/tags/edition-*"])
        var fields = data.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var editions: [Edition] = [], problems: [Diagnostic] = []
        while fields.count >= 7 {
            let record = fields.prefix(7).map { $0 }
            fields.removeFirst(7)
            let tag = record[0].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !tag.isEmpty else { continue }
            let isCommit = record[3] == "commit" || record[4] == "commit"
            guard isCommit else {
                let kind = record[4].isEmpty ? record[3] : record[4]
                problems.append(.warning(at: .start(of: "content"), "tag \(tag) names a \(kind), not a commit: it is no edition, and is left out of the comparison of editions (tag the commit of the edition: git tag -a \(tag) COMMIT)"))
                continue
            }
            let commit = record[2].isEmpty ? record[1] : record[2]
            let edition = Edition(tag: tag, commit: commit, date: record[5],
                                  message: record[6].trimmingCharacters(in: .whitespacesAndNewlines))
            if let written = Edition.writtenDay(tag), Edition.namedDay(tag) == nil {
                problems.append(.warning(at: .start(of: "content"), "tag \(tag) is named with \(written), which is no day of the calendar: the edition is dated by its tag, \(edition.day)"))
            }
            editions.append(edition)
        }
        return Tags(editions: Edition.distinguished(editions), problems: problems)
    }

    /// The commit a revision names (`edition-2025-12-15`, `HEAD~2`, a hash).
    public func commit(of revision: String) throws(Failure) -> String {
        let data: Data
        do {
            data = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        } catch {
            // `--quiet` says nothing on standard error: the revision is unknown, or not a commit.
            throw error.message.hasPrefix("exit status") ? Failure(command: "rev-parse", message: "'\(revision)' names no commit") : error
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw Failure(command: "rev-parse", message: "'\(revision)' names no commit") }
        return text
    }

    /// The data files (`content/data/*.yaml`, `*.yml`) at `commit`, by their path from the
    /// site's folder, with their bytes (decoded as the working tree's are, `SourceText`); two processes, whatever the number of files. Throws
    /// when git cannot give one of them (a missing object): all or nothing.
    public func dataFiles(at commit: String) throws(Failure) -> [(path: String, bytes: [UInt8])] {
        let listing = try run(["ls-tree", "-r", "-z", commit, "--", "content/data/"])
        var blobs: [(path: String, hash: String)] = []
        for line in listing.split(separator: 0) {
            // `<mode> SP <type> SP <hash> TAB <path>`, the path relative to `root`.
            let text = String(decoding: line, as: UTF8.self)
            guard let tab = text.firstIndex(of: "\t") else { continue }
            let info = text[..<tab].split(separator: " ")
            let path = String(text[text.index(after: tab)...])
            guard info.count == 3, info[1] == "blob", path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { continue }
            blobs.append((path, String(info[2])))
        }
        guard !blobs.isEmpty else { return [] }
        let batch = try run(["cat-file", "--batch"], input: Data(blobs.map { $0.hash + "\n" }.joined().utf8))
        var files: [(path: String, bytes: [UInt8])] = []
        var offset = batch.startIndex
        for blob in blobs {
            // `<hash> blob <size>\n<content>\n`
            // A blob git cannot give (`<hash> missing`) fails the whole: never a partial edition.
            guard let newline = batch[offset...].firstIndex(of: 10) else {
                throw Failure(command: "cat-file", message: "\(blob.path) at \(commit.prefix(12)): no answer")
            }
            let headerText = String(decoding: batch[offset..<newline], as: UTF8.self)
            let header = headerText.split(separator: " ")
            let start = batch.index(after: newline)
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), size <= batch.distance(from: start, to: batch.endIndex) else {
                throw Failure(command: "cat-file", message: "\(blob.path) at \(commit.prefix(12)): \(headerText)")
            }
            let end = batch.index(start, offsetBy: size)
            files.append((blob.path, [UInt8](batch[start..<end])))
            offset = end < batch.endIndex ? batch.index(after: end) : batch.endIndex
        }
        return files.sorted { $0.path < $1.path }
    }
}

/// Standard error of a `git` run, read on another thread.
private final class ErrorText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
