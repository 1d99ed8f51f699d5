import Foundation
import Load
#if canImport(Glibc)
import Glibc
#endif

/// Which capex executable is running, as the manifest records it (`binary`): a hash of the
/// executable file's bytes. A new version or a rebuilt capex has other bytes, so the outputs
/// it finds are rendered again; a copy of the same executable (reinstalled, restored by a CI
/// cache) has the same, so nothing is redone for it.
///
/// Reading and hashing the 25 MB executable takes 10–25 ms, so it is done once per
/// executable file: the manifest keeps the file's stamp (device, inode, size, modification
/// and change times: `stamp`) beside the hash, and a build whose executable has that stamp
/// takes the hash from the manifest (`resolve`). Any write to the file changes its change
/// time, so a stamp is never the same for other bytes on one machine.
package enum BinaryIdentity {
    /// The running executable's path: `/proc/self/exe` on Linux, else what the process was started as.
    static let path: String? = {
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 { return "/proc/self/exe" }
        return Bundle.main.executablePath
    }()

    /// The executable file's stamp; empty when it cannot be found.
    package static let stamp: String = {
        var info = stat()
        guard let path, stat(path, &info) == 0 else { return "" }
        let stamp = FileStamp(info)
        return ["\(info.st_dev)", "\(stamp.inode)", "\(stamp.size)", "\(stamp.modified)", "\(stamp.changed)"].joined(separator: ":")
    }()

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: String?

    /// The hash of the running executable: the one `recorded` gives when its stamp is this
    /// executable's, else read and hashed (once per process). An executable that cannot be
    /// read gets a name of its own for this process: every output is rendered again.
    package static func resolve(recorded: (hash: String, stamp: String)?) -> String {
        lock.withLock {
            if let known { return known }
            let found: String
            if let recorded, !stamp.isEmpty, recorded.stamp == stamp, !recorded.hash.isEmpty {
                found = recorded.hash
            } else if let path, let bytes = FileSystem.readBytes(path) {
                found = "exe:" + Hash.content(bytes)
            } else {
                found = "process:" + UUID().uuidString
            }
            known = found
            return found
        }
    }

    /// Starts `current` on another thread: whoever asks for the hash meanwhile waits for it
    /// (`resolve` holds its lock while hashing).
    package static func resolveInBackground() {
        DispatchQueue.global().async { _ = current }
    }

    /// The hash of the running executable (`resolve` without a manifest to take it from).
    package static var current: String { resolve(recorded: nil) }
}
