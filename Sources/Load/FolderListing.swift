import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files below one folder of a site, and every entry the walk could not use with the
/// reason, so that nothing is left out without a word.
///
/// Rules: names starting with a dot are skipped (editors' and version control's files);
/// a symbolic link is followed when it resolves inside the site's root, and is a problem
/// when it dangles, loops, or points outside the site (a link could otherwise publish any
/// file of the disk) or into what the build writes (the output folder, its staging copies
/// and the cache are hidden folders or `output`: a link into them would publish the last
/// output inside the next one, growing it every build); sockets, FIFOs and devices, unreadable folders and names that are
/// not UTF-8 are problems.
struct FolderListing: Sendable {
    /// Paths of regular files (or links to them) relative to the listed folder, sorted.
    package var files: [String] = []
    /// Entries left out, relative to the listed folder, with what is wrong, sorted by path.
    package var problems: [(path: String, message: String)] = []
    /// The output folder, resolved: links into it are refused.
    private var realOutput: String?

    /// Lists `directory`, following links that stay inside `root` (both absolute paths).
    package static func list(_ directory: String, root: String, output: String = "") -> FolderListing {
        var listing = FolderListing()
        let realRoot = realPath(root) ?? root
        listing.realOutput = output.isEmpty ? nil : (realPath(output) ?? output)
        var top = stat()
        guard stat(directory, &top) == 0 else { return listing }
        var ancestors: Set<FileID> = [FileID(top)]
        listing.walk(directory, relative: "", realRoot: realRoot, ancestors: &ancestors)
        listing.files.sort()
        listing.problems.sort { $0.path < $1.path }
        return listing
    }

    /// A folder's identity on disk: the same folder reached twice through links is one.
    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private mutating func walk(_ full: String, relative: String, realRoot: String, ancestors: inout Set<FileID>) {
        guard let dir = opendir(full) else {
            problems.append((relative, "cannot read this folder (\(String(cString: strerror(errno)))): its files are not in the site"))
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            // Decoded once; a name that is not UTF-8 is decoded again, with replacements, for its message.
            let decoded = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(validatingCString: $0) }
            }
            guard let name = decoded else {
                let lossy = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if lossy.hasPrefix(".") { continue }
                problems.append((relative.isEmpty ? lossy : relative + "/" + lossy, "the file name is not valid UTF-8: rename it"))
                continue
            }
            if name.hasPrefix(".") { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            // The full path is needed only for what is not a regular file (10,000 strings otherwise).
            var entryPath: String { full + "/" + name }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(entryPath, &info) == 0 else { continue }
                type = Self.direntType(info.st_mode)
            }
            if type == Int32(DT_LNK) {
                follow(entryPath, relative: path, realRoot: realRoot, ancestors: &ancestors)
            } else if type == Int32(DT_DIR) {
                var info = stat()
                guard stat(entryPath, &info) == 0 else { continue }
                enter(entryPath, relative: path, info: info, realRoot: realRoot, ancestors: &ancestors)
            } else if type == Int32(DT_REG) {
                files.append(path)
            } else {
                problems.append((path, "\(Self.kindName(type)), not a file or a folder: capex cannot read it; remove it"))
            }
        }
    }

    private mutating func enter(_ full: String, relative: String, info: stat, realRoot: String, ancestors: inout Set<FileID>) {
        let id = FileID(info)
        guard ancestors.insert(id).inserted else {
            problems.append((relative, "symbolic link loop: this link leads back to a folder that contains it"))
            return
        }
        walk(full, relative: relative, realRoot: realRoot, ancestors: &ancestors)
        ancestors.remove(id)
    }

    /// A link is read as what it points to, if that is inside the site.
    private mutating func follow(_ full: String, relative: String, realRoot: String, ancestors: inout Set<FileID>) {
        let target = Self.linkTarget(full) ?? "?"
        guard let resolved = Self.realPath(full) else {
            if errno == ELOOP {
                problems.append((relative, "symbolic link loop: '\(target)' leads back to this link"))
            } else {
                problems.append((relative, "broken symbolic link: '\(target)' does not exist"))
            }
            return
        }
        guard resolved.hasPrefix(realRoot + "/") else {
            problems.append((relative, "symbolic link to '\(target)', outside the site: capex reads only files inside the site's folder; copy the file in instead"))
            return
        }
        let inside = resolved.dropFirst(realRoot.count + 1)
        if inside.hasPrefix(".") || realOutput.map({ resolved == $0 || resolved.hasPrefix($0 + "/") }) == true {
            problems.append((relative, "symbolic link to '\(target)', into what capex writes (the output, the cache or a hidden folder): a build would publish its last output inside the next; remove the link"))
            return
        }
        var info = stat()
        guard stat(full, &info) == 0 else {
            problems.append((relative, "broken symbolic link: '\(target)' cannot be read"))
            return
        }
        let type = Self.direntType(info.st_mode)
        if type == Int32(DT_DIR) {
            enter(full, relative: relative, info: info, realRoot: realRoot, ancestors: &ancestors)
        } else if type == Int32(DT_REG) {
            files.append(relative)
        } else {
            problems.append((relative, "symbolic link to \(Self.kindName(type)), not a file or a folder: capex cannot read it"))
        }
    }

    private static func direntType(_ mode: mode_t) -> Int32 {
        switch mode & S_IFMT {
        case S_IFDIR: Int32(DT_DIR)
        case S_IFREG: Int32(DT_REG)
        case S_IFLNK: Int32(DT_LNK)
        case S_IFIFO: Int32(DT_FIFO)
        case S_IFSOCK: Int32(DT_SOCK)
        case S_IFCHR: Int32(DT_CHR)
        case S_IFBLK: Int32(DT_BLK)
        default: 0
        }
    }

    private static func kindName(_ type: Int32) -> String {
        switch type {
        case Int32(DT_FIFO): "a named pipe (FIFO)"
        case Int32(DT_SOCK): "a socket"
        case Int32(DT_CHR), Int32(DT_BLK): "a device"
        default: "a special file"
        }
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
