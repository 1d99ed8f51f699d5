import Foundation
import Load

/// The manifest's text form. A full write is:
///
///     capex-cache 5
///     binary  <hash>  <stamp>   settings  <hash>
///     sizes  <files>  <front matters>  <groups>
///     F  <path>  <hash>  [<size>  <mtime ns>  <ctime ns>  <inode>]
///     Y  <path>  <body first line>  <scans>  [<front matter>]
///     I  <dependency key>  <fingerprint>
///     G  <group key>, then its  o <path> <hash>,  d <dependency>,  l <link>  lines
///     W  <file>  <line>  <column>  <message>
///     end
///
/// and later builds append segments of changes, each closed by `end`: the same records
/// replace earlier ones, `-F`, `-Y`, `-I` and `-G` remove them, and `W*` clears the warnings.
/// `<scans>` is what the front matter's byte scans found (`FrontMatterScans`): empty when not
/// known, else `-` followed by `a` (may change the address) and `l` (may hold `lang`).
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
            let scans = cached.scans.map { "-" + ($0.mayChangeAddress ? "a" : "") + ($0.mayHoldLang ? "l" : "") } ?? ""
            if let yaml = cached.yaml {
                line("Y", path, String(cached.bodyFirstLine), scans, yaml)
            } else {
                line("Y", path, String(cached.bodyFirstLine), scans)
            }
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

    package static func encode(_ manifest: BuildManifest) -> [UInt8] {
        var writer = Writer()
        writer.out.reserveCapacity(8 << 20)
        writer.field(BuildCache.format)
        writer.out.append(10)
        writer.line("binary", manifest.binary, manifest.binaryStamp)
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
        segment(inputs: encodeInputChanges(from: old, files: new.files, stamps: new.stamps, frontMatter: new.frontMatter),
                outputs: encodeOutputChanges(from: old, to: new, rendered: rendered))
    }

    /// The records of the inputs (`F`, `-F`, `Y`, `-Y`) that turn `old`'s into these: the part
    /// of a segment that needs nothing of the render, so that it is encoded beside it.
    /// `only`: the paths whose entries may differ from `old`'s (`InputFiles.changed` and
    /// `LoadedSite.frontMatterParsed`), so that a build that read a few files compares a few
    /// entries, not 10,000 of each table; nil compares them all.
    static func encodeInputChanges(from old: BuildManifest, files: [String: String], stamps: [String: FileStamp],
                                   frontMatter: [String: CachedFrontMatter], only: [String]? = nil) -> [UInt8] {
        var writer = Writer()
        guard let only else {
            for (path, hash) in files where old.files[path] != hash || old.stamps[path] != stamps[path] {
                writer.file(path, hash, stamps[path])
            }
            for path in old.files.keys where files[path] == nil { writer.line("-F", path) }
            for (path, cached) in frontMatter where old.frontMatter[path] != cached { writer.frontMatter(path, cached) }
            for path in old.frontMatter.keys where frontMatter[path] == nil { writer.line("-Y", path) }
            return writer.out
        }
        // A path named twice (read, then parsed) is written once.
        var seen = Set<String>(minimumCapacity: only.count)
        for path in only where seen.insert(path).inserted {
            if let hash = files[path] {
                if old.files[path] != hash || old.stamps[path] != stamps[path] { writer.file(path, hash, stamps[path]) }
            } else if old.files[path] != nil {
                writer.line("-F", path)
            }
            if let cached = frontMatter[path] {
                if old.frontMatter[path] != cached { writer.frontMatter(path, cached) }
            } else if old.frontMatter[path] != nil {
                writer.line("-Y", path)
            }
        }
        return writer.out
    }

    /// The other records (`I`, `-I`, `G`, `-G`, `W*`, `W`) that turn `old` into `new`.
    static func encodeOutputChanges(from old: BuildManifest, to new: BuildManifest, rendered: Set<String>) -> [UInt8] {
        var writer = Writer()
        for (key, fingerprint) in new.inputs where old.inputs[key] != fingerprint { writer.line("I", key, fingerprint) }
        for key in old.inputs.keys where new.inputs[key] == nil { writer.line("-I", key) }
        for key in rendered { if let group = new.groups[key], old.groups[key] != group { writer.group(key, group) } }
        for key in old.groups.keys where new.groups[key] == nil { writer.line("-G", key) }
        if new.warnings != old.warnings {
            writer.line("W*")
            writer.warnings(new.warnings)
        }
        return writer.out
    }

    /// Records of both kinds as one segment closed by `end`; empty if there are none.
    static func segment(inputs: [UInt8], outputs: [UInt8]) -> [UInt8] {
        guard !inputs.isEmpty || !outputs.isEmpty else { return [] }
        var writer = Writer()
        writer.out = inputs + outputs
        writer.line("end")
        return writer.out
    }

    /// The manifest, whichever binary wrote it (its `binary`: the caller decides what to
    /// trust); nil, as early as it can tell, unless it is whole and in this format.
    package static func decode(_ bytes: [UInt8]) -> BuildManifest? {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> BuildManifest? {
        var manifest = BuildManifest(binary: "", settings: "", files: [:], inputs: [:], groups: [:])
        var group: (key: String, value: BuildManifest.Group)?
        var sawHeader = false, sawEnd = false
        // The fields of the current line, as byte ranges: turned into strings only when kept.
        // A buffer, not an array in a variable: the helpers below read it without the
        // exclusivity checks a captured variable costs on every call (no record has more
        // than 7 fields; a line with more than 8 is no record).
        let ranges = UnsafeMutableBufferPointer<Range<Int>>.allocate(capacity: 8)
        defer { ranges.deallocate() }
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
        guard let base = bytes.baseAddress else { return nil }
        /// A `<scans>` field: `.some(nil)` when empty, nil when malformed.
        func scans(_ index: Int) -> FrontMatterScans?? {
            let range = ranges[index]
            guard !range.isEmpty else { return .some(nil) }
            guard base[range.lowerBound] == UInt8(ascii: "-") else { return nil }
            var found = FrontMatterScans(mayChangeAddress: false, mayHoldLang: false)
            for i in range.dropFirst() {
                switch base[i] {
                case UInt8(ascii: "a"): found.mayChangeAddress = true
                case UInt8(ascii: "l"): found.mayHoldLang = true
                default: return nil
                }
            }
            return found
        }
        func record(is name: StaticString) -> Bool {
            let range = ranges[0]
            guard range.count == name.utf8CodeUnitCount else { return false }
            // Most records are one letter: compared without a call.
            if range.count == 1 { return base[range.lowerBound] == name.utf8Start.pointee }
            return memcmp(base + range.lowerBound, name.utf8Start, range.count) == 0
        }
        /// The offset of the first `byte` in `from..<to`, found by `memchr` (which reads a word at a time).
        func find(_ byte: Int32, from: Int, to: Int) -> Int? {
            guard from < to, let hit = memchr(base + from, byte, to - from) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        var start = 0
        while start < bytes.count {
            guard let end = find(10, from: start, to: bytes.count) else { return nil }
            var count = 0
            var fieldStart = start
            while let tab = find(9, from: fieldStart, to: end) {
                guard count < 7 else { return nil }
                ranges[count] = fieldStart..<tab
                count += 1
                fieldStart = tab + 1
            }
            ranges[count] = fieldStart..<end
            count += 1
            start = end + 1
            sawEnd = false
            if !sawHeader {
                guard count == 1, text(0) == BuildCache.format else { return nil }
                sawHeader = true
                continue
            }
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
            } else if record(is: "Y"), count == 4 || count == 5 {
                guard let line = number(2), let scans = scans(3) else { return nil }
                manifest.frontMatter[text(1)] = CachedFrontMatter(yaml: count == 5 ? text(4) : nil, bodyFirstLine: Int(line), scans: scans)
            } else if record(is: "G"), count == 2 {
                // Room for a page's usual dependencies (its file, the layout, its template, a
                // language): made once, not grown from one.
                var deps: [String] = []
                deps.reserveCapacity(4)
                group = (text(1), BuildManifest.Group(files: [:], deps: deps, links: []))
            } else if record(is: "I"), count == 3 {
                manifest.inputs[text(1)] = text(2)
            } else if record(is: "sizes"), count == 4 {
                // How many records of each kind: room made once, not grown step by step.
                guard let files = number(1), let frontMatter = number(2), let groups = number(3) else { return nil }
                manifest.files.reserveCapacity(Int(files))
                manifest.stamps.reserveCapacity(Int(files))
                manifest.frontMatter.reserveCapacity(Int(frontMatter))
                manifest.groups.reserveCapacity(Int(groups))
            } else if record(is: "binary"), count == 2 || count == 3 {
                // Without a stamp: written by a capex before `BinaryIdentity`, never trusted.
                manifest.binary = text(1)
                manifest.binaryStamp = count == 3 ? text(2) : ""
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

    /// A field's text with its escapes undone. The runs between backslashes are copied
    /// whole (found by `memchr`): every cached front matter has its newlines escaped, and
    /// going byte by byte through 3 MB of them was a tenth of the decode.
    private static func field(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, memchr(base, 92, bytes.count) != nil else {
            return String(decoding: bytes, as: UTF8.self)
        }
        // Unescaping only shortens the text; a lone trailing backslash (never written) is dropped.
        let plain = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
            var from = 0, to = 0
            while from < bytes.count {
                guard let hit = memchr(base + from, 92, bytes.count - from) else {
                    (out.baseAddress! + to).initialize(from: base + from, count: bytes.count - from)
                    to += bytes.count - from
                    break
                }
                let slash = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                (out.baseAddress! + to).initialize(from: base + from, count: slash - from)
                to += slash - from
                guard slash + 1 < bytes.count else { from = slash + 1; break }
                switch base[slash + 1] {
                case 116: out[to] = 9
                case 110: out[to] = 10
                case 114: out[to] = 13
                case let other: out[to] = other
                }
                to += 1
                from = slash + 2
            }
            count = to
        }
        return String(decoding: plain, as: UTF8.self)
    }
}
