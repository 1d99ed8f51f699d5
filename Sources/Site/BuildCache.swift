import Foundation

/// What the last successful build wrote and what it used, kept in `.capex-cache/` beside the
/// output folder. The next build re-renders only the groups of outputs whose inputs changed
/// (by content hash), and trusts nothing in a cache it cannot read or did not write itself.
struct BuildManifest: Codable, Equatable {
    /// One page and its charts, a generated page, the downloads, the site files…
    struct Group: Codable, Equatable {
        /// Output path → hash of the bytes written.
        var files: [String: String]
        /// Dependency keys (`file:…`, `template:…`, `figure:…`, `pagelist`, `model`…).
        var deps: [String]
        /// Root-relative links in the group's HTML, checked again on every build.
        var links: [String]
    }

    static let format = 1

    var format = BuildManifest.format
    /// The capex binary and the settings that change every output (base URL, drafts, site.yaml).
    var settings: String
    /// Every input file → its hash: when none changed, nothing needs doing.
    var files: [String: String]
    /// Dependency key → its fingerprint when the groups using it were rendered.
    var inputs: [String: String]
    var groups: [String: Group]
    /// The warnings of that build, reported again when nothing changed (and failing `--strict`).
    var warnings: [Warning] = []

    struct Warning: Codable, Equatable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }
}

/// Where the manifest lives and how it is read and written.
struct BuildCache {
    let output: URL

    /// `.capex-cache/<output folder name>.json` beside the output folder.
    var manifestURL: URL {
        output.deletingLastPathComponent().appendingPathComponent(".capex-cache")
            .appendingPathComponent(output.lastPathComponent + ".json")
    }

    /// The manifest if it is ours, readable, for these settings, and the output folder is there.
    func load(settings: String) -> BuildManifest? {
        guard let bytes = FileSystem.readBytes(manifestURL.path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: Data(bytes)),
              manifest.format == BuildManifest.format, manifest.settings == settings,
              FileManager.default.fileExists(atPath: output.path) else { return nil }
        return manifest
    }

    func save(_ manifest: BuildManifest) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(manifest) else { return }
        let folder = manifestURL.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(manifestURL.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        guard (try? data.write(to: temporary)) != nil else { return }
        rename(temporary.path, manifestURL.path)
    }

    func remove() {
        unlink(manifestURL.path)
    }

    /// A hash of the running binary: a new capex rebuilds everything.
    static let binaryVersion: String = {
        guard let bytes = FileSystem.readBytes("/proc/self/exe") else { return "unknown" }
        return Hash.hex(bytes)
    }()
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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            var part = part
            hash = part.withUTF8 { value(UnsafeRawBufferPointer($0), seed: hash) }
            hash ^= 0xff
            hash &*= 0x100_0000_01b3
        }
        return format(hash)
    }

    static func format(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
