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

    /// Every `edition-*` tag, oldest first (by date, then name), numbered within its day
    /// (`Edition.distinguished`). A tag that names no commit (a tag of a tree or blob) is skipped.
    public func editions() throws(Failure) -> [Edition] {
        // NUL between fields and after each record: a message may hold any other byte.
        let format = "%(refname:short)%00%(objectname)%00%(*objectname)%00%(objecttype)%00%(*objecttype)%00%(creatordate:iso-strict)%00%(contents)%00"
        let data = try run(["for-each-ref", "--format=" + format, "refs/tags/edition-*"])
        var fields = data.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var editions: [Edition] = []
        while fields.count >= 7 {
            let record = fields.prefix(7).map { $0 }
            fields.removeFirst(7)
            let tag = record[0].trimmingCharacters(in: .whitespacesAndNewlines)
            let isCommit = record[3] == "commit" || record[4] == "commit"
            guard isCommit, !tag.isEmpty else { continue }
            let commit = record[2].isEmpty ? record[1] : record[2]
            editions.append(Edition(tag: tag, commit: commit, date: record[5],
                                    message: record[6].trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return Edition.distinguished(editions)
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
    /// site's folder, with their text; two processes, whatever the number of files.
    public func dataFiles(at commit: String) throws(Failure) -> [(path: String, text: String)] {
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
        var files: [(path: String, text: String)] = []
        var offset = batch.startIndex
        for blob in blobs {
            // `<hash> blob <size>\n<content>\n`
            guard let newline = batch[offset...].firstIndex(of: 10) else { break }
            let header = String(decoding: batch[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else { break }
            let start = batch.index(after: newline)
            let end = batch.index(start, offsetBy: size)
            files.append((blob.path, String(decoding: batch[start..<end], as: UTF8.self)))
            offset = batch.index(after: end)
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
