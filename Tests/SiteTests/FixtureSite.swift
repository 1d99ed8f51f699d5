import Diagnostics
import Foundation
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// A copy of a fixture site in a fresh temporary folder, to build and mutate freely.
struct FixtureSite {
    let root: URL

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The repository itself: its content/ and templates/ are the real site.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(_ name: String = "basic") throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("capex-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: root)
    }

    var output: URL { root.appendingPathComponent("output") }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    @discardableResult
    func build(output: URL? = nil, baseURL: String? = nil, drafts: Bool = false, strict: Bool = false,
               trustStampsAfter delay: Double? = nil, session: BuildSession? = nil) -> BuildReport {
        var options = BuildOptions(root: root, output: output, baseURL: baseURL, includeDrafts: drafts, strict: strict)
        if let delay { options.stampTrustDelay = delay }
        options.session = session
        return SiteBuilder.build(options)
    }

    func read(_ path: String, in folder: URL? = nil) -> String {
        let url = (folder ?? output).appendingPathComponent(path)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// Every file below `folder`, relative and sorted.
    static func files(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = folder.standardizedFileURL.path + "/"
        return enumerator.compactMap { item -> String? in
            guard let url = item as? URL,
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return String(url.standardizedFileURL.path.dropFirst(prefix.count))
        }.sorted()
    }

    /// Path → bytes of every file below `folder`.
    static func snapshot(of folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in files(in: folder) {
            result[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return result
    }
}

extension BuildReport {
    /// `file:line:column: error: message` lines, sorted, for assertions.
    var problemLines: [String] { diagnostics.sorted.map(\.description) }
}
