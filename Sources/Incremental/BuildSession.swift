import Foundation
import Load
#if canImport(Glibc)
import Glibc
#endif

/// What a long-running process (`capex serve`) keeps between its builds, so that a rebuild
/// redoes only what the edit touched: the manifest as last written (not read and decoded
/// again), and what the load stage keeps (`LoadMemory`: pages parsed from files unchanged
/// since, the data and model while no data file changed). Everything in it is checked
/// against the files before it is used.
public final class BuildSession: @unchecked Sendable {
    private let lock = NSLock()
    private var manifest: BuildManifest?
    /// The manifest file's stamp right after this session wrote it: if the file has another
    /// now, someone else built, and the file is read instead.
    private var manifestStamp: FileStamp?
    /// The load stage's memory of earlier builds.
    package let loads = LoadMemory()

    public init() {}

    package func manifest(at path: String) -> BuildManifest? {
        lock.withLock {
            var info = stat()
            guard let manifest, stat(path, &info) == 0, FileStamp(info) == manifestStamp else { return nil }
            return manifest
        }
    }

    package func remember(_ manifest: BuildManifest?, at path: String) {
        lock.withLock {
            var info = stat()
            self.manifest = manifest
            manifestStamp = manifest != nil && stat(path, &info) == 0 ? FileStamp(info) : nil
        }
    }
}
