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
    /// What the byte scans made of `yaml` when it was parsed; nil when not known (a page
    /// taken from the cache is then scanned again).
    package var scans: FrontMatterScans?

    package init(yaml: String?, bodyFirstLine: Int, scans: FrontMatterScans? = nil) {
        self.yaml = yaml
        self.bodyFirstLine = bodyFirstLine
        self.scans = scans
    }
}

/// What two byte scans every build made of every page's front matter find in it (`mentions`),
/// kept beside the cached front matter: the same bytes give the same answers, and scanning
/// 3 MB of front matter at 10,000 pages took 15 ms of CPU in every one-page rebuild.
package struct FrontMatterScans: Equatable, Sendable {
    /// `template`, `draft` or `slug` appears, or a backslash: the page's address, template
    /// and draft flag are known only by parsing it (`SiteLoader.parsePage(path:cached:)`).
    package var mayChangeAddress: Bool
    /// `lang` appears (`LanguageTrees.langFields`).
    package var mayHoldLang: Bool

    package init(mayChangeAddress: Bool, mayHoldLang: Bool) {
        self.mayChangeAddress = mayChangeAddress
        self.mayHoldLang = mayHoldLang
    }

    /// Both scans of `yaml`.
    package init(_ yaml: String) {
        mayChangeAddress = mentions(["template", "draft", "slug"], in: yaml, orBackslash: true)
        mayHoldLang = LanguageTrees.mayHoldLang(yaml)
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
