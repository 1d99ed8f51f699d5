import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build wrote and what it used, kept in `.capex-cache/` beside the
/// output folder. The next build re-renders only the groups of outputs whose inputs changed
/// (by content hash), and trusts nothing in a cache it cannot read or did not write itself.
struct BuildManifest: Equatable {
    /// One page and its charts, a generated page, the downloads, the site files…
    struct Group: Equatable {
        /// Output path → hash of the bytes written.
        var files: [String: String]
        /// Dependency keys (`file:…`, `template:…`, `figure:…`, `pagelist`, `model`…).
        var deps: [String]
        /// Root-relative links in the group's HTML, checked again on every build.
        var links: [String]
    }

    struct Warning: Equatable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    /// The capex binary that wrote it: hashes, stamps and parsed front matter are trusted
    /// only by the same binary.
    var binary = BuildCache.binaryVersion
    /// The binary and the settings that change every output (base URL, drafts, site.yaml).
    var settings: String
    /// Every input file → its hash: when none changed, nothing needs doing.
    var files: [String: String]
    /// Input file → its size and times when it was hashed, if old enough to be trusted:
    /// a file whose stamp is unchanged is not read again.
    var stamps: [String: FileStamp] = [:]
    /// Markdown file → its front matter, for files unchanged since (by hash): an edit to one
    /// page does not reparse the others.
    var frontMatter: [String: CachedFrontMatter] = [:]
    /// Dependency key → its fingerprint when the groups using it were rendered; a `file:`
    /// key's fingerprint is the file's hash in `files`.
    var inputs: [String: String]
    var groups: [String: Group]
    /// The warnings of that build, reported again when nothing changed (and failing `--strict`).
    var warnings: [Warning] = []
    /// Bytes on disk when loaded: the last full write, and everything appended since.
    var fullSize = 0
    var totalSize = 0
}

/// A file's identity on disk: if none of it changed, neither did the bytes.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    var modified: Int64
    var changed: Int64
    var inode: UInt64
}

/// A Markdown file's front matter as the last build split it off.
struct CachedFrontMatter: Equatable, Sendable {
    /// Nil when the file has no front matter.
    var yaml: String?
    var bodyFirstLine: Int
}

/// Where the manifest lives and how it is read and written.
///
/// The format is ours, one record per line with tab-separated fields (a backslash escapes
/// tab, newline, return and itself), so that the 10,000-page benchmark reads it in a few
/// milliseconds; Foundation's JSON coders took a quarter of a second. A file that does not
/// end with the `end` record was cut short and is ignored.
struct BuildCache {
    let output: URL

    /// The first line; change it when the format or the hash changes.
    static let format = "capex-cache 3"

    /// `.capex-cache/<output folder name>.manifest` beside the output folder.
    var manifestURL: URL {
        output.deletingLastPathComponent().appendingPathComponent(".capex-cache")
            .appendingPathComponent(output.lastPathComponent + ".manifest")
    }

    /// The manifest if it is ours, readable and the output folder is there; its settings are
    /// the caller's to check.
    func load() -> BuildManifest? {
        guard let bytes = FileSystem.readBytes(manifestURL.path), access(output.path, F_OK) == 0,
              let manifest = ManifestFormat.decode(bytes, binary: Self.binaryVersion) else { return nil }
        return manifest
    }

    /// Writes the manifest. When `previous` is what the file holds now, only the records
    /// that changed are appended to it, so that a build that rendered one page writes a few
    /// lines, not 6 MB; once the appended records outgrow the last full write, it is
    /// rewritten whole (to a temporary file, renamed over the old one).
    /// `rendered`: the groups that may differ from `previous`'s; the others are the same.
    /// Returns the manifest as the file now holds it (its sizes set), nil if it could not be written.
    @discardableResult
    func save(_ manifest: BuildManifest, previous: BuildManifest? = nil, rendered: Set<String> = []) -> BuildManifest? {
        var manifest = manifest
        let folder = manifestURL.deletingLastPathComponent().path
        if let previous, previous.binary == manifest.binary, previous.settings == manifest.settings {
            let delta = ManifestFormat.encodeChanges(from: previous, to: manifest, rendered: rendered)
            manifest.fullSize = previous.fullSize
            manifest.totalSize = previous.totalSize + delta.count
            if delta.isEmpty { return manifest }
            if manifest.totalSize <= 2 * previous.fullSize {
                let fd = open(manifestURL.path, O_WRONLY | O_APPEND | O_CLOEXEC)
                if fd >= 0 {
                    let written = Self.write(delta, to: fd)
                    close(fd)
                    if written { return manifest }
                }
            }
        }
        mkdir(folder, 0o755)
        let temporary = folder + "/.\(manifestURL.lastPathComponent).\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        let bytes = ManifestFormat.encode(manifest)
        let written = Self.write(bytes, to: fd)
        close(fd)
        guard written, rename(temporary, manifestURL.path) == 0 else {
            unlink(temporary)
            return nil
        }
        manifest.fullSize = bytes.count
        manifest.totalSize = bytes.count
        return manifest
    }

    private static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    func remove() {
        unlink(manifestURL.path)
    }

    /// The running binary, by its identity on disk: a rebuilt or another capex has another
    /// inode or time, and rebuilds everything. (Hashing its 17 MB took 25 ms a build.)
    static let binaryVersion: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        let stamp = FileStamp(info)
        return Hash.combine(["\(info.st_dev)", "\(stamp.inode)", "\(stamp.size)", "\(stamp.modified)", "\(stamp.changed)"])
    }()
}

extension FileStamp {
    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

/// The manifest's text form. A full write is:
///
///     capex-cache 3
///     binary  <hash>            settings  <hash>
///     sizes  <files>  <front matters>  <groups>
///     F  <path>  <hash>  [<size>  <mtime ns>  <ctime ns>  <inode>]
///     Y  <path>  <body first line>  [<front matter>]
///     I  <dependency key>  <fingerprint>
///     G  <group key>, then its  o <path> <hash>,  d <dependency>,  l <link>  lines
///     W  <file>  <line>  <column>  <message>
///     end
///
/// and later builds append segments of changes, each closed by `end`: the same records
/// replace earlier ones, `-F`, `-Y`, `-I` and `-G` remove them, and `W*` clears the warnings.
/// Records come in no particular order within a segment: only this code reads them.
enum ManifestFormat {
    private struct Writer {
        var out: [UInt8] = []

        mutating func field(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                guard bytes.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 || $0 == 92 }) else {
                    out.append(contentsOf: bytes)
                    return
                }
                for byte in bytes {
                    switch byte {
                    case 9: out += [92, 116]
                    case 10: out += [92, 110]
                    case 13: out += [92, 114]
                    case 92: out += [92, 92]
                    default: out.append(byte)
                    }
                }
            }
        }

        mutating func line(_ record: StaticString, _ fields: String...) {
            out.append(contentsOf: UnsafeBufferPointer(start: record.utf8Start, count: record.utf8CodeUnitCount))
            for text in fields {
                out.append(9)
                field(text)
            }
            out.append(10)
        }

        mutating func file(_ path: String, _ hash: String, _ stamp: FileStamp?) {
            if let stamp {
                line("F", path, hash, String(stamp.size), String(stamp.modified), String(stamp.changed), String(stamp.inode))
            } else {
                line("F", path, hash)
            }
        }

        mutating func frontMatter(_ path: String, _ cached: CachedFrontMatter) {
            if let yaml = cached.yaml { line("Y", path, String(cached.bodyFirstLine), yaml) } else { line("Y", path, String(cached.bodyFirstLine)) }
        }

        mutating func group(_ key: String, _ group: BuildManifest.Group) {
            line("G", key)
            for (path, hash) in group.files { line("o", path, hash) }
            for dep in group.deps { line("d", dep) }
            for link in group.links { line("l", link) }
        }

        mutating func warnings(_ warnings: [BuildManifest.Warning]) {
            for warning in warnings {
                line("W", warning.file, String(warning.line), String(warning.column), warning.message)
            }
        }
    }

    static func encode(_ manifest: BuildManifest) -> [UInt8] {
        var writer = Writer()
        writer.out.reserveCapacity(8 << 20)
        writer.field(BuildCache.format)
        writer.out.append(10)
        writer.line("binary", manifest.binary)
        writer.line("settings", manifest.settings)
        writer.line("sizes", String(manifest.files.count), String(manifest.frontMatter.count), String(manifest.groups.count))
        for (path, hash) in manifest.files { writer.file(path, hash, manifest.stamps[path]) }
        for (path, cached) in manifest.frontMatter { writer.frontMatter(path, cached) }
        for (key, fingerprint) in manifest.inputs { writer.line("I", key, fingerprint) }
        for (key, group) in manifest.groups { writer.group(key, group) }
        writer.warnings(manifest.warnings)
        writer.line("end")
        return writer.out
    }

    /// The records that turn `old` into `new`, as a segment to append; empty if none. Of the
    /// groups in both, only the `rendered` ones can differ.
    static func encodeChanges(from old: BuildManifest, to new: BuildManifest, rendered: Set<String>) -> [UInt8] {
        var writer = Writer()
        for (path, hash) in new.files where old.files[path] != hash || old.stamps[path] != new.stamps[path] {
            writer.file(path, hash, new.stamps[path])
        }
        for path in old.files.keys where new.files[path] == nil { writer.line("-F", path) }
        for (path, cached) in new.frontMatter where old.frontMatter[path] != cached { writer.frontMatter(path, cached) }
        for path in old.frontMatter.keys where new.frontMatter[path] == nil { writer.line("-Y", path) }
        for (key, fingerprint) in new.inputs where old.inputs[key] != fingerprint { writer.line("I", key, fingerprint) }
        for key in old.inputs.keys where new.inputs[key] == nil { writer.line("-I", key) }
        for key in rendered { if let group = new.groups[key], old.groups[key] != group { writer.group(key, group) } }
        for key in old.groups.keys where new.groups[key] == nil { writer.line("-G", key) }
        if new.warnings != old.warnings {
            writer.line("W*")
            writer.warnings(new.warnings)
        }
        guard !writer.out.isEmpty else { return [] }
        writer.line("end")
        return writer.out
    }

    /// Nil, as early as it can tell, unless the manifest is whole and from this `binary`.
    static func decode(_ bytes: [UInt8], binary: String) -> BuildManifest? {
        bytes.withUnsafeBufferPointer { decode($0, binary: binary) }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, binary: String) -> BuildManifest? {
        var manifest = BuildManifest(binary: "", settings: "", files: [:], inputs: [:], groups: [:])
        var group: (key: String, value: BuildManifest.Group)?
        var sawHeader = false, sawEnd = false
        // The fields of the current line, as byte ranges: turned into strings only when kept.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(8)
        func text(_ index: Int) -> String { field(UnsafeBufferPointer(rebasing: bytes[ranges[index]])) }
        func number(_ index: Int) -> Int64? {
            let range = ranges[index]
            guard !range.isEmpty, range.count <= 19 else { return nil }
            var value: Int64 = 0
            for i in range {
                guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
                value = value * 10 + Int64(bytes[i] - 48)
            }
            return value
        }
        func record(is name: StaticString) -> Bool {
            let range = ranges[0]
            guard range.count == name.utf8CodeUnitCount else { return false }
            return memcmp(bytes.baseAddress! + range.lowerBound, name.utf8Start, range.count) == 0
        }
        var start = 0
        while start < bytes.count {
            guard let newline = UnsafeBufferPointer(rebasing: bytes[start...]).firstIndex(of: 10) else { return nil }
            let end = start + newline
            ranges.removeAll(keepingCapacity: true)
            var fieldStart = start
            for index in start..<end where bytes[index] == 9 {
                ranges.append(fieldStart..<index)
                fieldStart = index + 1
            }
            ranges.append(fieldStart..<end)
            start = end + 1
            sawEnd = false
            if !sawHeader {
                guard ranges.count == 1, text(0) == BuildCache.format else { return nil }
                sawHeader = true
                continue
            }
            let count = ranges.count
            // A group's own lines.
            if count == 3, record(is: "o") {
                guard group != nil else { return nil }
                group!.value.files[text(1)] = text(2)
                continue
            }
            if count == 2, record(is: "d") || record(is: "l") {
                guard group != nil else { return nil }
                if record(is: "d") { group!.value.deps.append(text(1)) } else { group!.value.links.append(text(1)) }
                continue
            }
            if let finished = group {
                manifest.groups[finished.key] = finished.value
                group = nil
            }
            if record(is: "F") {
                let path = text(1)
                manifest.files[path] = text(2)
                switch count {
                case 3: manifest.stamps[path] = nil
                case 7:
                    guard let size = number(3), let modified = number(4), let changed = number(5), let inode = number(6) else { return nil }
                    manifest.stamps[path] = FileStamp(size: size, modified: modified, changed: changed, inode: UInt64(inode))
                default: return nil
                }
            } else if record(is: "Y"), count == 3 || count == 4 {
                guard let line = number(2) else { return nil }
                manifest.frontMatter[text(1)] = CachedFrontMatter(yaml: count == 4 ? text(3) : nil, bodyFirstLine: Int(line))
            } else if record(is: "G"), count == 2 {
                group = (text(1), BuildManifest.Group(files: [:], deps: [], links: []))
            } else if record(is: "I"), count == 3 {
                manifest.inputs[text(1)] = text(2)
            } else if record(is: "sizes"), count == 4 {
                // How many records of each kind: room made once, not grown step by step.
                guard let files = number(1), let frontMatter = number(2), let groups = number(3) else { return nil }
                manifest.files.reserveCapacity(Int(files))
                manifest.stamps.reserveCapacity(Int(files))
                manifest.frontMatter.reserveCapacity(Int(frontMatter))
                manifest.groups.reserveCapacity(Int(groups))
            } else if record(is: "binary"), count == 2 {
                guard text(1) == binary else { return nil }
                manifest.binary = binary
            } else if record(is: "settings"), count == 2 {
                manifest.settings = text(1)
            } else if record(is: "W"), count == 5 {
                guard let line = number(2), let column = number(3) else { return nil }
                manifest.warnings.append(BuildManifest.Warning(file: text(1), line: Int(line), column: Int(column), message: text(4)))
            } else if record(is: "-F"), count == 2 {
                let path = text(1)
                manifest.files[path] = nil
                manifest.stamps[path] = nil
            } else if record(is: "-Y"), count == 2 {
                manifest.frontMatter[text(1)] = nil
            } else if record(is: "-I"), count == 2 {
                manifest.inputs[text(1)] = nil
            } else if record(is: "-G"), count == 2 {
                manifest.groups[text(1)] = nil
            } else if record(is: "W*"), count == 1 {
                manifest.warnings = []
            } else if record(is: "end"), count == 1 {
                sawEnd = true
                if manifest.fullSize == 0 { manifest.fullSize = start }
            } else {
                return nil
            }
        }
        manifest.totalSize = bytes.count
        return sawEnd ? manifest : nil
    }

    private static func field(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(92) else { return String(decoding: bytes, as: UTF8.self) }
        var plain: [UInt8] = []
        plain.reserveCapacity(bytes.count)
        var escaped = false
        for byte in bytes {
            if escaped {
                switch byte {
                case 116: plain.append(9)
                case 110: plain.append(10)
                case 114: plain.append(13)
                default: plain.append(byte)
                }
                escaped = false
            } else if byte == 92 {
                escaped = true
            } else {
                plain.append(byte)
            }
        }
        return String(decoding: plain, as: UTF8.self)
    }
}

/// FNV-1a, 64 bits, as 16 hex digits: content hashes for change detection, not security.
enum Hash {
    static func value(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { format(value($0)) }
    }

    static func hex(_ data: Data) -> String {
        data.withUnsafeBytes { format(value($0)) }
    }

    static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { format(value(UnsafeRawBufferPointer($0))) }
    }

    /// One hash over several parts, each delimited so that ("ab", "c") ≠ ("a", "bc").
    static func combine(_ parts: [String]) -> String {
        var stream = Stream()
        for part in parts { stream.add(part) }
        return stream.hex
    }

    /// A hash fed part by part, with no string built to hold them all.
    struct Stream {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ part: String) {
            var part = part
            hash = part.withUTF8 { value(UnsafeRawBufferPointer($0), seed: hash) }
            hash ^= 0xff
            hash &*= 0x100_0000_01b3
        }

        var hex: String { format(hash) }
    }

    static func format(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
