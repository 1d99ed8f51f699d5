import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's identity on disk: if none of it changed, neither did the bytes.
package struct FileStamp: Equatable, Sendable {
    package var size: Int64
    package var modified: Int64
    package var changed: Int64
    package var inode: UInt64

    package init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }
}

/// A Markdown file's front matter as the last build split it off.
package struct CachedFrontMatter: Equatable, Sendable {
    /// Nil when the file has no front matter.
    package var yaml: String?
    package var bodyFirstLine: Int

    package init(yaml: String?, bodyFirstLine: Int) {
        self.yaml = yaml
        self.bodyFirstLine = bodyFirstLine
    }
}

extension FileStamp {
    package init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
