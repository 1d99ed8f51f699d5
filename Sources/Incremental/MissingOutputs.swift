import Foundation
import Load
#if canImport(Glibc)
import Glibc
#endif

/// The groups of outputs with a file no longer on disk (deleted behind the cache's back):
/// they are written again. Checked on every core: 10,000 calls.
package func groupsMissingFiles(_ manifest: BuildManifest, in output: String) -> Set<String> {
    // Relative to the open folder: the kernel does not walk the folder's own path 10,000 times.
    let folder = open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard folder >= 0 else { return Set(manifest.groups.keys) }
    defer { close(folder) }
    let groups = Array(manifest.groups)
    let missing = parallelMap(groups) { key, group in
        group.files.keys.allSatisfy { faccessat(folder, $0, F_OK, 0) == 0 } ? nil : key
    }
    return Set(missing.compactMap { $0 })
}
