import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few file operations a build does thousands of times, straight on POSIX calls:
/// Foundation's versions stat, seek and list attributes several times per file, and on
/// a 10,000-page site that system-call traffic costs more than rendering.
package enum FileSystem {
    package static func readBytes(_ path: String) -> [UInt8]? {
        readBytesAndStamp(path)?.bytes
    }

    /// The whole file and its stamp, taken from the open file, so that they agree.
    static func readBytesAndStamp(_ path: String) -> (bytes: [UInt8], stamp: FileStamp)? {
        // O_NONBLOCK: a FIFO put in a file's place after the folder walk must not block the
        // build (it is then refused as not a regular file); regular files ignore the flag.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Not zeroed first: the read fills it (zeroing the 6 MB manifest cost a millisecond and its page faults).
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, initialized in
            var filled = 0
            while filled < buffer.count {
                let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n < 0 { ok = false; break }
                if n == 0 { break }
                filled += n
            }
            initialized = filled
        }
        guard ok else { return nil }
        return (bytes, FileStamp(info))
    }

    /// Removes a folder and everything in it, spreading the top-level entries over the cores.
    package static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        var children: [String] = []
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name != "." && name != ".." { children.append(path + "/" + name) }
            }
            closedir(dir)
        }
        _ = parallelMap(children) { removeSubtree($0) }
        rmdir(path)
    }

    private static func removeSubtree(_ path: String) {
        // Try the cheap case first: most entries of a site are files.
        if unlink(path) == 0 { return }
        guard errno == EISDIR || errno == EPERM else { return }
        guard let dir = opendir(path) else { return }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
        for name in names { removeSubtree(path + "/" + name) }
        rmdir(path)
    }
}
