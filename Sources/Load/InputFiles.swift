import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every input file of a site, hashed once. A file is read only when its stamp (size,
/// times, inode) differs from the one the last build trusted: an unchanged stamp means
/// unchanged bytes, the rule git and make rely on. A stamp is trusted only when the file
/// was last touched `trustAfter` before it was hashed, so that a write in the same clock
/// tick as the hashing, which leaves the stamp as it was, is never missed.
package struct InputFiles: Sendable {
    package var tree: ContentTree
    /// The bytes of the files read this time; the others are unchanged since the last build.
    package var contents: [String: [UInt8]]
    package var hashes: [String: String]
    /// The stamps the next build may trust.
    package var stamps: [String: FileStamp]
    /// Front matter the last build split off files whose bytes are the same now.
    package var frontMatter: [String: CachedFrontMatter]

    package static func read(root: URL, output: URL? = nil, previous: KnownInputs? = nil, trustAfter: Double = 2) -> InputFiles {
        let tree = ContentTree.scan(root: root, output: output)
        var paths = tree.markdown + tree.data + tree.templates + tree.words + tree.assets + tree.staticFiles
        if tree.hasSiteConfig { paths.append("content/" + SiteConfig.fileName) }
        let rootPath = root.path
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let trustedBefore = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - Int64(trustAfter * 1e9)
        // Stamps are taken relative to the open root: the kernel does not walk its path each time.
        let rootFolder = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if rootFolder >= 0 { close(rootFolder) } }
        // nil: unchanged since the last build, by its stamp.
        let read = parallelMap(paths) { path -> (bytes: [UInt8]?, hash: String?, stamp: FileStamp?)? in
            let full = rootPath + "/" + path
            if let previous, let known = previous.stamps[path], previous.files[path] != nil, rootFolder >= 0 {
                var info = stat()
                if fstatat(rootFolder, path, &info, 0) == 0, FileStamp(info) == known { return nil }
            }
            guard let (bytes, stamp) = FileSystem.readBytesAndStamp(full) else { return (nil, nil, nil) }
            let trusted = max(stamp.modified, stamp.changed) < trustedBefore
            return (bytes, Hash.content(bytes), trusted ? stamp : nil)
        }
        // Start from the last build's tables and change what changed: on a large site most
        // files did not, and building four 10,000-entry tables anew cost 20 ms.
        var files = InputFiles(
            tree: tree, contents: [:], hashes: previous?.files ?? [:], stamps: previous?.stamps ?? [:],
            frontMatter: previous?.frontMatter ?? [:]
        )
        for (path, file) in zip(paths, read) {
            guard let file else { continue }
            if let bytes = file.bytes { files.contents[path] = bytes }
            let hash = file.hash ?? "unreadable"
            if files.hashes.updateValue(hash, forKey: path) != hash { files.frontMatter[path] = nil }
            files.stamps[path] = file.stamp
        }
        if files.hashes.count != paths.count {
            // Files gone since the last build.
            let present = Set(paths)
            for path in files.hashes.keys where !present.contains(path) {
                files.hashes[path] = nil
                files.stamps[path] = nil
                files.frontMatter[path] = nil
            }
        }
        return files
    }
}

/// What the last build knew of its inputs (from its manifest): lets `InputFiles.read`
/// skip files whose stamp is unchanged. Paths relative to the site's root.
package struct KnownInputs: Sendable {
    /// Content hashes by path.
    package var files: [String: String]
    /// Stamps the last build trusted, by path.
    package var stamps: [String: FileStamp]
    /// Front matter split off unchanged files, by path.
    package var frontMatter: [String: CachedFrontMatter]

    package init(files: [String: String], stamps: [String: FileStamp], frontMatter: [String: CachedFrontMatter]) {
        self.files = files
        self.stamps = stamps
        self.frontMatter = frontMatter
    }
}
