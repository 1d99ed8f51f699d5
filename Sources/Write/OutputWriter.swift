import Foundation
import Incremental
import Load
#if canImport(Glibc)
import Glibc
#endif

/// Writes an output plan into a fresh folder beside `output/`, then swaps it in: a
/// build that fails before the swap leaves the previous site untouched, and files whose
/// source was deleted disappear because the new folder never had them.
package struct OutputWriter {
    package init(output: URL, root: URL) {
        self.output = output
        self.root = root
    }

    package var output: URL
    /// Where `.copy` sources are read from.
    package var root: URL

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package func write(_ plan: OutputPlan) throws(Failure) {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        let fm = FileManager.default
        FileSystem.removeTree(staging.path)
        FileSystem.removeTree(retired.path)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(staging.path): \(error.localizedDescription)")
        }

        // Each file's folders are made by the task that writes it, when it finds them missing:
        // 10,000 pages are 10,000 folders, which one thread took 80 ms to list and make.
        let stagingPath = staging.path
        let rootPath = root.path
        enum Outcome: Equatable { case written, unsafe, failed(String) }
        let outcomes = parallelMap(plan.files) { file -> Outcome in
            // A path that would land outside the output folder is never written.
            guard OutputPlan.isSafe(file.path) else { return .unsafe }
            let target = stagingPath + "/" + file.path
            let problem: String?
            switch file.content {
            case .bytes(let data):
                problem = Self.writeFile(target, data, below: stagingPath)
            case .copy(let source):
                if let bytes = FileSystem.readBytes(rootPath + "/" + source) {
                    problem = Self.writeFile(target, Data(bytes), below: stagingPath)
                } else {
                    problem = "cannot read \(source)"
                }
            }
            return problem.map(Outcome.failed) ?? .written
        }
        func failure(_ description: String) -> Failure {
            FileSystem.removeTree(staging.path)
            return Failure(description: description)
        }
        if let unsafe = zip(plan.files, outcomes).first(where: { $0.1 == .unsafe }) {
            throw failure("refusing to write '\(unsafe.0.path)': it would land outside the output folder")
        }
        var seen = Set<String>()
        seen.reserveCapacity(plan.files.count)
        for file in plan.files where !seen.insert(file.path).inserted {
            throw failure("two outputs want the same path '\(file.path)' (a chart or page id used twice?)")
        }
        for case .failed(let problem) in outcomes { throw failure(problem) }

        // Two renames: the old site is out of the way for microseconds, never half-written.
        let hadOutput = fm.fileExists(atPath: output.path)
        if hadOutput, rename(output.path, retired.path) != 0 {
            FileSystem.removeTree(staging.path)
            throw Failure(description: "cannot move the old \(output.path) aside: \(String(cString: strerror(errno)))")
        }
        if rename(staging.path, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOutput { rename(retired.path, output.path) }
            FileSystem.removeTree(staging.path)
            throw Failure(description: "cannot move the new site into \(output.path): \(reason)")
        }
        if hadOutput { FileSystem.removeTree(retired.path) }
    }

    /// An incremental build's write: only the files whose bytes changed, all written to
    /// temporary names first and only then renamed over the old ones, then the files no group
    /// wants any more removed. A build with errors never gets here, and a write that fails (a
    /// name too long for the file system, a full disk) removes every temporary file and every
    /// folder it made before renaming anything, so the last good site stays whole.
    /// Returns how many files were written.
    ///
    /// Only the `rendered` groups and the groups gone since `previous` are looked at: a kept
    /// group writes what it wrote last time, and no file can move into or out of it (two
    /// groups writing one path is an error).
    package func update(_ plan: OutputPlan, groups: [String: BuildManifest.Group], rendered: Set<String>,
                previous: BuildManifest) throws(Failure) -> Int {
        let base = output.path
        var wanted: [String: String] = [:]
        for key in rendered { for (path, hash) in groups[key]?.files ?? [:] { wanted[path] = hash } }
        var before: [String: String] = [:]
        for (key, group) in previous.groups where rendered.contains(key) || groups[key] == nil {
            for (path, hash) in group.files { before[path] = hash }
        }
        for path in plan.paths where !OutputPlan.isSafe(path) {
            throw Failure(description: "refusing to write '\(path)': it would land outside the output folder")
        }
        let changed = plan.files.filter { file in
            before[file.path] == nil || before[file.path] != wanted[file.path] || access(base + "/" + file.path, F_OK) != 0
        }
        var folders = Set<String>()
        for file in changed {
            var parts = file.path.split(separator: "/").dropLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts = parts.dropLast() }
        }
        // Folders made here, parents first: removed again, deepest first, if a write fails.
        let made = folders.sorted().filter { mkdir(base + "/" + $0, 0o755) == 0 }
        let rootPath = root.path
        let pid = ProcessInfo.processInfo.processIdentifier
        // Beside the file, under a short name of its own (`.capex-<pid>-<n>`): the file's name
        // with a suffix would be too long for a name that is itself near 255 bytes.
        var temporaries: [String: String] = [:]
        for (index, file) in changed.enumerated() {
            let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
            temporaries[file.path] = base + "/" + (folder.isEmpty ? "" : folder + "/") + ".capex-\(pid)-\(index)"
        }
        let temporary = { (file: OutputPlan.File) in temporaries[file.path]! }
        // Phase one: every changed file under its temporary name; nothing published yet.
        let errors = parallelMap(changed) { file -> String? in
            let data: Data
            switch file.content {
            case .bytes(let bytes): data = bytes
            case .copy(let source):
                guard let bytes = FileSystem.readBytes(rootPath + "/" + source) else { return "cannot read \(source)" }
                data = Data(bytes)
            }
            // A folder where the file goes would make its rename fail in phase two, after
            // others were published: found here, while nothing is.
            var status = stat()
            if lstat(base + "/" + file.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                return "cannot write \(base)/\(file.path): a folder stands there; remove it"
            }
            return Self.writeFile(temporary(file), data, below: base)
        }.compactMap { $0 }
        if let first = errors.sorted().first {
            for file in changed { unlink(temporary(file)) }
            for folder in made.reversed() { rmdir(base + "/" + folder) }
            throw Failure(description: first)
        }
        // Phase two: renames, which do not fail for want of space or for a name's length.
        for file in changed where rename(temporary(file), base + "/" + file.path) != 0 {
            let problem = "cannot replace \(base)/\(file.path): \(String(cString: strerror(errno)))"
            for file in changed { unlink(temporary(file)) }
            for folder in made.reversed() { rmdir(base + "/" + folder) }
            throw Failure(description: problem)
        }
        for path in before.keys.sorted() where wanted[path] == nil {
            unlink(base + "/" + path)
            // Remove folders the deletion emptied, up to the output folder itself.
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty, rmdir(base + "/" + parts.joined(separator: "/")) == 0 { parts = parts.dropLast() }
        }
        return changed.count
    }

    /// Writes `data` at `path`, making the folders between `root` (which exists) and it
    /// when they are missing; several tasks may make the same folder at once.
    private static func writeFile(_ path: String, _ data: Data, below root: String) -> String? {
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0, errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            makeFolder(String(path[..<slash]), below: root)
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        let ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        return ok ? nil : "cannot write \(path): \(String(cString: strerror(errno)))"
    }

    /// `mkdir -p` up to `root`: the parent first when it is missing too.
    private static func makeFolder(_ folder: String, below root: String) {
        guard folder.utf8.count > root.utf8.count, mkdir(folder, 0o755) != 0, errno == ENOENT,
              let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        makeFolder(String(folder[..<slash]), below: root)
        mkdir(folder, 0o755)
    }
}
