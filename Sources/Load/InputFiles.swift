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
    /// The paths read this time (their stamp was not one the last build trusted) and those
    /// gone since: every other path's hash, stamp and front matter are the last build's, so
    /// a comparison with its manifest need look at these only (`ManifestFormat`).
    package var changed: [String] = []

    package static func read(root: URL, output: URL? = nil, previous: KnownInputs? = nil, trustAfter: Double = 2) -> InputFiles {
        read(root: root, scan: InputScan(root: root, output: output, trustAfter: trustAfter, stamped: previous != nil), previous: previous)
    }

    /// The files `scan` found, read and hashed where their stamp is not one `previous`
    /// trusted: the scan may be taken before `previous` is known (while the manifest is decoded).
    package static func read(root: URL, scan: InputScan, previous: KnownInputs?) -> InputFiles {
        let (tree, paths, trustedBefore) = (scan.tree, scan.paths, scan.trustedBefore)
        let rootPath = root.path
        let indices = Array(paths.indices)
        // nil: unchanged since the last build, by its stamp.
        let read = parallelMap(indices) { index -> (bytes: [UInt8]?, hash: String?, stamp: FileStamp?)? in
            let path = paths[index]
            if let previous, let known = previous.stamps[path], previous.files[path] != nil, scan.stamps[index] == known {
                return nil
            }
            guard let (bytes, stamp) = FileSystem.readBytesAndStamp(rootPath + "/" + path) else { return (nil, nil, nil) }
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
            files.changed.append(path)
            if let bytes = file.bytes { files.contents[path] = bytes }
            let hash = file.hash ?? "unreadable"
            if files.hashes.updateValue(hash, forKey: path) != hash { files.frontMatter[path] = nil }
            files.stamps[path] = file.stamp
        }
        if files.hashes.count != paths.count {
            // Files gone since the last build.
            let present = Set(paths)
            for path in files.hashes.keys where !present.contains(path) {
                files.changed.append(path)
                files.hashes[path] = nil
                files.stamps[path] = nil
                files.frontMatter[path] = nil
            }
        }
        return files
    }
}

/// The site's input files listed (`ContentTree`) and stamped (one `fstatat` each), before
/// any is read: the part of `InputFiles.read` that needs nothing of the last build, so that
/// it runs while the manifest is decoded.
package struct InputScan: Sendable {
    package var tree: ContentTree
    /// Every input's path relative to the root, in the order `read` hashes them.
    package var paths: [String]
    /// Each path's stamp when scanned; nil when it could not be taken (the file is then read).
    package var stamps: [FileStamp?]
    /// A stamp is trusted only if the file was last touched before this time (ns since 1970).
    package var trustedBefore: Int64

    /// `stamped`: whether to take the stamps (not worth it when no last build is known).
    package init(root: URL, output: URL? = nil, trustAfter: Double = 2, stamped: Bool = true) {
        tree = ContentTree.scan(root: root, output: output)
        paths = tree.markdown + tree.data + tree.templates + tree.words + tree.assets + tree.staticFiles
        if tree.hasSiteConfig { paths.append("content/" + SiteConfig.fileName) }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        trustedBefore = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - Int64(trustAfter * 1e9)
        // Stamps are taken relative to the open root: the kernel does not walk its path each time.
        let rootFolder = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if rootFolder >= 0 { close(rootFolder) } }
        stamps = rootFolder < 0 || !stamped ? Array(repeating: nil, count: paths.count) : parallelMap(paths) { path -> FileStamp? in
            var info = stat()
            return fstatat(rootFolder, path, &info, 0) == 0 ? FileStamp(info) : nil
        }
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
