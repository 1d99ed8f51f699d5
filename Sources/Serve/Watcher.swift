import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How folders are watched.
enum WatchMode: String, Sendable {
    /// inotify where it works, else polling.
    case automatic
    case inotify
    case polling
}

/// A folder whose changes trigger a rebuild. Changed paths are reported relative to its parent
/// (`content/power.md` for a change in `/site/content/power.md`).
struct WatchedFolder: Sendable, Equatable {
    /// Absolute path, without a trailing slash.
    let path: String
    /// The part of a full path to drop to get the reported one: the parent's path and a slash.
    let parentPrefix: String

    init(_ url: URL) {
        var path = url.standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.path = path
        let parent = (path as NSString).deletingLastPathComponent
        self.parentPrefix = parent.hasSuffix("/") ? parent : parent + "/"
    }

    func reported(_ fullPath: String) -> String {
        fullPath.hasPrefix(parentPrefix) ? String(fullPath.dropFirst(parentPrefix.count)) : fullPath
    }

    /// The folder itself as a reported path (`content`).
    var reportedSelf: String { reported(path) }
}

/// Names that never trigger a rebuild: hidden files (`.#x`, `.x.swp`, `.DS_Store`, `.git`),
/// editor backups and swap files (`x~`, `x.swp`, `#x#`, Vim's `4913` probe, JetBrains' safe-write files).
enum IgnoreRules {
    static func isIgnored(name: String) -> Bool {
        if name.isEmpty || name.hasPrefix(".") || name.hasSuffix("~") { return true }
        if name.hasPrefix("#") && name.hasSuffix("#") { return true }
        if name == "4913" { return true }
        for suffix in [".swp", ".swo", ".swx", "___jb_tmp___", "___jb_old___"] where name.hasSuffix(suffix) {
            return true
        }
        return false
    }

    /// True if any component of a relative path is ignored.
    static func isIgnored(path: String) -> Bool {
        path.split(separator: "/").contains { isIgnored(name: String($0)) }
    }
}

/// Watches folders on a thread of its own and reports batches of changed paths on `changes`.
/// Ends when `stop()` is called or the stream's consumer goes away.
final class FolderWatcher: Sendable {
    let changes: AsyncStream<Set<String>>
    /// `.inotify` or `.polling`.
    let mode: WatchMode
    private let flag: StopFlag

    private init(changes: AsyncStream<Set<String>>, mode: WatchMode, flag: StopFlag) {
        self.changes = changes
        self.mode = mode
        self.flag = flag
    }

    deinit { flag.set() }

    func stop() { flag.set() }

    /// Sets up the watches before returning, so that changes made right after are seen.
    static func start(folders: [URL], mode: WatchMode, pollInterval: Duration = .milliseconds(250)) -> (watcher: FolderWatcher, warnings: [String]) {
        let roots = folders.map(WatchedFolder.init)
        let flag = StopFlag()
        let (stream, continuation) = AsyncStream.makeStream(of: Set<String>.self, bufferingPolicy: .unbounded)
        continuation.onTermination = { _ in flag.set() }
        var warnings: [String] = []
        for root in roots where SiteResolver.kind(of: root.path) != .directory {
            warnings.append("warning: \(root.path) is not a folder; changes in it are not watched")
        }

        #if os(Linux) || os(Android)
        if mode != .polling {
            switch InotifyReader.make(roots: roots) {
            case .success(let reader):
                let thread = Thread {
                    reader.run(flag: flag, continuation: continuation)
                }
                thread.name = "capex-serve-inotify"
                thread.start()
                return (FolderWatcher(changes: stream, mode: .inotify, flag: flag), warnings)
            case .failure(let error):
                warnings.append("warning: inotify is not available (\(error.reason)); watching by polling every \(pollInterval)")
            }
        }
        #endif

        let poller = Poller(roots: roots)
        let thread = Thread {
            poller.run(flag: flag, continuation: continuation, interval: pollInterval)
        }
        thread.name = "capex-serve-poll"
        thread.start()
        return (FolderWatcher(changes: stream, mode: .polling, flag: flag), warnings)
    }
}

/// A thread-safe boolean that only ever goes from false to true.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

struct WatchSetupError: Error {
    let reason: String
}

// MARK: - Polling

/// Compares snapshots (path → size, modification time) of the folders at a fixed interval.
final class Poller: @unchecked Sendable {
    struct Entry: Equatable {
        var isDirectory: Bool
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    private let roots: [WatchedFolder]
    // Only touched by the polling thread after `run` starts; the first snapshot is taken in `init`.
    private var snapshot: [String: Entry]

    init(roots: [WatchedFolder]) {
        self.roots = roots
        self.snapshot = Poller.scan(roots)
    }

    func run(flag: StopFlag, continuation: AsyncStream<Set<String>>.Continuation, interval: Duration) {
        let step = Duration.milliseconds(25)
        while !flag.isSet {
            var waited = Duration.zero
            while waited < interval && !flag.isSet {
                Thread.sleep(forTimeInterval: 0.025)
                waited += step
            }
            if flag.isSet { break }
            let next = Poller.scan(roots)
            let changed = Poller.diff(old: snapshot, new: next)
            snapshot = next
            if !changed.isEmpty {
                continuation.yield(Set(changed.map { path in
                    roots.first { path.hasPrefix($0.path + "/") }?.reported(path) ?? path
                }))
            }
        }
        continuation.finish()
    }

    static func diff(old: [String: Entry], new: [String: Entry]) -> [String] {
        var changed: [String] = []
        for (path, entry) in new {
            guard let before = old[path] else { changed.append(path); continue }
            if entry.isDirectory != before.isDirectory { changed.append(path); continue }
            if !entry.isDirectory && entry != before { changed.append(path) }
        }
        for path in old.keys where new[path] == nil {
            changed.append(path)
        }
        return changed
    }

    static func scan(_ roots: [WatchedFolder]) -> [String: Entry] {
        var result: [String: Entry] = [:]
        for root in roots {
            scan(directory: root.path, into: &result, depth: 0)
        }
        return result
    }

    private static func scan(directory: String, into result: inout [String: Entry], depth: Int) {
        guard depth < 64, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where !IgnoreRules.isIgnored(name: name) {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            #if canImport(Darwin)
            let seconds = Int(info.st_mtimespec.tv_sec), nanoseconds = Int(info.st_mtimespec.tv_nsec)
            #else
            let seconds = Int(info.st_mtim.tv_sec), nanoseconds = Int(info.st_mtim.tv_nsec)
            #endif
            result[path] = Entry(isDirectory: isDirectory, size: Int64(info.st_size), seconds: seconds, nanoseconds: nanoseconds)
            if isDirectory {
                scan(directory: path, into: &result, depth: depth + 1)
            }
        }
    }
}

// MARK: - inotify

#if os(Linux) || os(Android)
/// Reads inotify events for every folder below the watched ones, adding watches for new subfolders.
final class InotifyReader: @unchecked Sendable {
    private let fd: Int32
    private let roots: [WatchedFolder]
    // Only touched by the reading thread once `run` starts (and by `make` before that).
    private var directories: [Int32: (path: String, root: Int)] = [:]

    private static let mask: UInt32 = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY)
        | UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB)
        | UInt32(IN_ONLYDIR)

    private init(fd: Int32, roots: [WatchedFolder]) {
        self.fd = fd
        self.roots = roots
    }

    static func make(roots: [WatchedFolder]) -> Result<InotifyReader, WatchSetupError> {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            return .failure(WatchSetupError(reason: String(cString: strerror(errno))))
        }
        let reader = InotifyReader(fd: fd, roots: roots)
        for (index, root) in roots.enumerated() where SiteResolver.kind(of: root.path) == .directory {
            if let error = reader.addWatches(below: root.path, root: index, found: nil) {
                close(fd)
                return .failure(error)
            }
        }
        return .success(reader)
    }

    /// Adds a watch on `directory` and every folder below it that is not ignored.
    /// `found` collects the paths seen below it (for folders that appear with files already in them).
    @discardableResult
    private func addWatches(below directory: String, root: Int, found: UnsafeMutablePointer<Set<String>>?, depth: Int = 0) -> WatchSetupError? {
        guard depth < 64 else { return nil }
        let wd = inotify_add_watch(fd, directory, InotifyReader.mask)
        if wd < 0 {
            let code = errno
            if code == ENOSPC || code == ENOMEM {
                return WatchSetupError(reason: "too many folders for inotify (\(String(cString: strerror(code))); see /proc/sys/fs/inotify/max_user_watches)")
            }
            return nil  // vanished or unreadable: nothing to watch
        }
        directories[wd] = (directory, root)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        for name in names where !IgnoreRules.isIgnored(name: name) {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            found?.pointee.insert(path)
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if let error = addWatches(below: path, root: root, found: found, depth: depth + 1) {
                    return error
                }
            }
        }
        return nil
    }

    func run(flag: StopFlag, continuation: AsyncStream<Set<String>>.Continuation) {
        defer {
            close(fd)
            continuation.finish()
        }
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while !flag.isSet {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            guard ready > 0 else { continue }
            let count = read(fd, buffer, capacity)
            guard count > 0 else { continue }
            let changed = handle(UnsafeRawBufferPointer(start: buffer, count: count))
            if !changed.isEmpty {
                continuation.yield(changed)
            }
        }
    }

    /// Turns a buffer of events into reported paths, updating the watches on the way.
    private func handle(_ bytes: UnsafeRawBufferPointer) -> Set<String> {
        var changed: Set<String> = []
        let headerSize = MemoryLayout<inotify_event>.size
        var offset = 0
        while offset + headerSize <= bytes.count {
            let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[(offset + headerSize)..<min(bytes.count, offset + headerSize + length)])
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + length
            handleEvent(wd: wd, mask: mask, name: name, changed: &changed)
        }
        return changed
    }

    private func has(_ mask: UInt32, _ flag: Int32) -> Bool { mask & UInt32(flag) != 0 }
    private func has(_ mask: UInt32, _ flag: Int) -> Bool { mask & UInt32(flag) != 0 }

    private func handleEvent(wd: Int32, mask: UInt32, name: String, changed: inout Set<String>) {
        if has(mask, IN_Q_OVERFLOW) {
            // Events were lost: report every watched folder and watch anything new.
            for (index, root) in roots.enumerated() {
                changed.insert(root.reportedSelf)
                addWatches(below: root.path, root: index, found: nil)
            }
            return
        }
        if has(mask, IN_IGNORED) {
            directories[wd] = nil
            return
        }
        guard let (directory, rootIndex) = directories[wd], !name.isEmpty else { return }
        guard !IgnoreRules.isIgnored(name: name) else { return }
        let root = roots[rootIndex]
        let path = directory + "/" + name

        if has(mask, IN_ISDIR) {
            if has(mask, IN_CREATE) || has(mask, IN_MOVED_TO) {
                changed.insert(root.reported(path))
                var found: Set<String> = []
                addWatches(below: path, root: rootIndex, found: &found)
                for inner in found { changed.insert(root.reported(inner)) }
            } else if has(mask, IN_DELETE) || has(mask, IN_MOVED_FROM) {
                changed.insert(root.reported(path))
                if has(mask, IN_MOVED_FROM) {
                    // The folder may have moved out of the watched tree: forget its watches
                    // (a move inside the tree comes back as IN_MOVED_TO and is watched again).
                    for (descriptor, entry) in directories where entry.path == path || entry.path.hasPrefix(path + "/") {
                        inotify_rm_watch(fd, descriptor)
                        directories[descriptor] = nil
                    }
                }
            }
            return
        }
        changed.insert(root.reported(path))
    }
}
#endif
