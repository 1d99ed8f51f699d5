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

        for path in plan.paths where !OutputPlan.isSafe(path) {
            FileSystem.removeTree(staging.path)
            throw Failure(description: "refusing to write '\(path)': it would land outside the output folder")
        }
        var seen = Set<String>()
        for path in plan.paths where !seen.insert(path).inserted {
            FileSystem.removeTree(staging.path)
            throw Failure(description: "two outputs want the same path '\(path)' (a chart or page id used twice?)")
        }
        var folders = Set<String>()
        for path in plan.paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted {
                parts = parts.dropLast()
            }
        }
        // Parents sort before their children.
        for folder in folders.sorted() {
            mkdir(staging.path + "/" + folder, 0o755)
        }
        let stagingPath = staging.path
        let rootPath = root.path
        let errors = parallelMap(plan.files) { file -> String? in
            let target = stagingPath + "/" + file.path
            switch file.content {
            case .bytes(let data):
                return Self.writeFile(target, data)
            case .copy(let source):
                guard let bytes = FileSystem.readBytes(rootPath + "/" + source) else {
                    return "cannot read \(source)"
                }
                return Self.writeFile(target, Data(bytes))
            }
        }.compactMap { $0 }
        if let first = errors.first {
            FileSystem.removeTree(staging.path)
            throw Failure(description: first)
        }

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
        let temporary = { (file: OutputPlan.File) in base + "/" + file.path + ".capex-\(pid)" }
        // Phase one: every changed file under its temporary name; nothing published yet.
        let errors = parallelMap(changed) { file -> String? in
            let data: Data
            switch file.content {
            case .bytes(let bytes): data = bytes
            case .copy(let source):
                guard let bytes = FileSystem.readBytes(rootPath + "/" + source) else { return "cannot read \(source)" }
                data = Data(bytes)
            }
            return Self.writeFile(temporary(file), data)
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

    private static func writeFile(_ path: String, _ data: Data) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
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
}
