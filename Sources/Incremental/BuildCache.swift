import Foundation
import Load
#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build wrote and what it used, kept in `.capex-cache/` beside the
/// output folder. The next build re-renders only the groups of outputs whose inputs changed
/// (by content hash), and trusts nothing in a cache it cannot read or did not write itself.
package struct BuildManifest: Equatable {
    /// One page and its charts, a generated page, the downloads, the site files…
    package struct Group: Equatable {
        /// Output path → hash of the bytes written.
        package var files: [String: String]
        /// Dependency keys (`file:…`, `template:…`, `figure:…`, `pagelist`, `model`…).
        package var deps: [String]
        /// Root-relative links in the group's HTML, checked again on every build.
        package var links: [String]

        package init(files: [String: String], deps: [String], links: [String]) {
            self.files = files
            self.deps = deps
            self.links = links
        }
    }

    package struct Warning: Equatable {
        package var file: String
        package var line: Int
        package var column: Int
        package var message: String

        package init(file: String, line: Int, column: Int, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }
    }

    /// The capex binary that wrote it: hashes, stamps and parsed front matter, and what
    /// each output was rendered from, are trusted only by the same binary (`isTrusted`);
    /// another binary may render differently, so it renders everything again (and writes
    /// only the files whose bytes changed, by the hashes of the files written).
    package var binary = BuildCache.binaryVersion
    /// The stamp of the executable file that wrote it (`BinaryIdentity.stamp`): the next
    /// build of the same file takes `binary` from here instead of hashing the file again.
    package var binaryStamp = BinaryIdentity.stamp

    /// Whether this binary wrote it, so that its inputs' hashes and what each group of
    /// outputs used can be trusted.
    package var isTrusted: Bool { binary == BuildCache.binaryVersion }
    /// The binary and the settings that change every output (base URL, drafts, site.yaml).
    package var settings: String
    /// Every input file → its hash: when none changed, nothing needs doing.
    package var files: [String: String]
    /// Input file → its size and times when it was hashed, if old enough to be trusted:
    /// a file whose stamp is unchanged is not read again.
    package var stamps: [String: FileStamp] = [:]
    /// Markdown file → its front matter, for files unchanged since (by hash): an edit to one
    /// page does not reparse the others.
    package var frontMatter: [String: CachedFrontMatter] = [:]
    /// Dependency key → its fingerprint when the groups using it were rendered; a `file:`
    /// key's fingerprint is the file's hash in `files`.
    package var inputs: [String: String]
    package var groups: [String: Group]
    /// The warnings of that build, reported again when nothing changed (and failing `--strict`).
    package var warnings: [Warning] = []
    /// Bytes on disk when loaded: the last full write, and everything appended since.
    var fullSize = 0
    var totalSize = 0
}

/// Where the manifest lives and how it is read and written.
///
/// The format is ours, one record per line with tab-separated fields (a backslash escapes
/// tab, newline, return and itself), so that the 10,000-page benchmark reads it in a few
/// milliseconds; Foundation's JSON coders took a quarter of a second. A file that does not
/// end with the `end` record was cut short and is ignored.
package struct BuildCache {
    package init(output: URL) {
        self.output = output
    }

    package let output: URL

    /// The first line; change it when the format or the hash changes.
    package static let format = "capex-cache 5"

    /// `.capex-cache/<output folder name>.manifest` beside the output folder.
    package var manifestURL: URL {
        output.deletingLastPathComponent().appendingPathComponent(".capex-cache")
            .appendingPathComponent(output.lastPathComponent + ".manifest")
    }

    /// The manifest if it is readable, in this format and the output folder is there,
    /// whichever binary wrote it: its binary and settings are the caller's to check
    /// (`isTrusted`), and the files it lists are what the output folder holds.
    package func load() -> BuildManifest? {
        guard let bytes = FileSystem.readBytes(manifestURL.path), access(output.path, F_OK) == 0,
              let manifest = ManifestFormat.decode(bytes) else { return nil }
        return manifest
    }

    /// Writes the manifest. When `previous` is what the file holds now, only the records
    /// that changed are appended to it, so that a build that rendered one page writes a few
    /// lines, not 6 MB; once the appended records outgrow the last full write, it is
    /// rewritten whole (to a temporary file, renamed over the old one).
    /// `rendered`: the groups that may differ from `previous`'s; the others are the same.
    /// Returns the manifest as the file now holds it (its sizes set), nil if it could not be written.
    @discardableResult
    package func save(_ manifest: BuildManifest, previous: BuildManifest? = nil, rendered: Set<String> = []) -> BuildManifest? {
        commit(prepare(manifest, previous: previous, rendered: rendered))
    }

    /// A manifest encoded for `commit`: the records to append to the file, or the whole file.
    package struct Prepared {
        fileprivate var manifest: BuildManifest
        /// Records to append (`append`), else the whole file; empty when nothing changed.
        fileprivate var bytes: [UInt8]
        fileprivate var append: Bool
    }

    /// `save`'s encoding, which touches no file: done beside the writing of the site (6 MB
    /// at 10,000 pages, 40 ms), the manifest committed once the site is in place.
    /// `inputChanges`: the records of the inputs, encoded ahead (`inputChanges(from:…)`) from
    /// this `previous` and `manifest`'s own files, stamps and front matter.
    package func prepare(_ manifest: BuildManifest, previous: BuildManifest? = nil, rendered: Set<String> = [],
                         inputChanges: InputChanges? = nil) -> Prepared {
        var manifest = manifest
        if let previous, previous.binary == manifest.binary, previous.binaryStamp == manifest.binaryStamp,
           previous.settings == manifest.settings {
            let inputs = inputChanges?.bytes ?? ManifestFormat.encodeInputChanges(
                from: previous, files: manifest.files, stamps: manifest.stamps, frontMatter: manifest.frontMatter)
            let delta = ManifestFormat.segment(
                inputs: inputs, outputs: ManifestFormat.encodeOutputChanges(from: previous, to: manifest, rendered: rendered))
            manifest.fullSize = previous.fullSize
            manifest.totalSize = previous.totalSize + delta.count
            if delta.isEmpty || manifest.totalSize <= 2 * previous.fullSize {
                return Prepared(manifest: manifest, bytes: delta, append: true)
            }
        }
        return Prepared(manifest: manifest, bytes: ManifestFormat.encode(manifest), append: false)
    }

    /// The manifest records of a build's inputs (files, stamps, front matter) that differ
    /// from `previous`'s: they need nothing of the render, so the build encodes them beside
    /// it (10,000 files compared, 10 ms) and hands them to `prepare` with a manifest that
    /// holds these same `files`, `stamps` and `frontMatter`.
    package struct InputChanges: Sendable {
        fileprivate let bytes: [UInt8]
    }

    /// `only`: the paths whose entries may differ from `previous`'s (`ManifestFormat.encodeInputChanges`).
    package static func inputChanges(from previous: BuildManifest, files: [String: String], stamps: [String: FileStamp],
                                     frontMatter: [String: CachedFrontMatter], only: [String]? = nil) -> InputChanges {
        InputChanges(bytes: ManifestFormat.encodeInputChanges(from: previous, files: files, stamps: stamps, frontMatter: frontMatter, only: only))
    }

    /// Writes a prepared manifest (`save`'s second half); returns it as the file now holds it.
    @discardableResult
    package func commit(_ prepared: Prepared) -> BuildManifest? {
        var manifest = prepared.manifest
        if prepared.append {
            if prepared.bytes.isEmpty { return manifest }
            let fd = open(manifestURL.path, O_WRONLY | O_APPEND | O_CLOEXEC)
            if fd >= 0 {
                let written = Self.write(prepared.bytes, to: fd)
                close(fd)
                if written { return manifest }
            }
        }
        let folder = manifestURL.deletingLastPathComponent().path
        mkdir(folder, 0o755)
        let temporary = folder + "/.\(manifestURL.lastPathComponent).\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        // An append that failed writes the whole file instead.
        let bytes = prepared.append ? ManifestFormat.encode(manifest) : prepared.bytes
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

    package func remove() {
        unlink(manifestURL.path)
    }

    /// The running binary: a hash of its executable's bytes (`BinaryIdentity`).
    package static var binaryVersion: String { BinaryIdentity.current }
}

extension BuildManifest {
    /// What this build knew of its inputs, for the next build's `InputFiles.read`.
    var knownInputs: KnownInputs { KnownInputs(files: files, stamps: stamps, frontMatter: frontMatter) }
}

extension BuildManifest {
    package init(settings: String, files: [String: String], stamps: [String: FileStamp] = [:],
                 frontMatter: [String: CachedFrontMatter] = [:], inputs: [String: String], groups: [String: Group],
                 warnings: [Warning] = []) {
        self.settings = settings
        self.files = files
        self.stamps = stamps
        self.frontMatter = frontMatter
        self.inputs = inputs
        self.groups = groups
        self.warnings = warnings
    }
}

extension InputFiles {
    /// Every input file of the site at `root`, skipping those whose stamp `previous` trusted.
    package static func read(root: URL, output: URL? = nil, previous: BuildManifest?, trustAfter: Double = 2) -> InputFiles {
        read(root: root, output: output, previous: previous?.knownInputs, trustAfter: trustAfter)
    }

    /// The files `scan` found, skipping those whose stamp `previous` trusted.
    package static func read(root: URL, scan: InputScan, previous: BuildManifest?) -> InputFiles {
        read(root: root, scan: scan, previous: previous?.knownInputs)
    }
}
