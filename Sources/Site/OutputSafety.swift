import Diagnostics
import Foundation

/// Whether a build may replace its output folder. A build swaps in a new folder and removes
/// the old one whole (`OutputWriter`), so an `--output` that names the site itself, a folder
/// above it or above the current folder, or somebody's own files would be deleted without a
/// word. Hugo writes into its destination and deletes nothing unless asked
/// (`--cleanDestinationDir`); capex replaces, so it refuses what it did not write.
///
/// Refused, each as one error at the output path:
/// - the output is the site's root, a folder above it, or the current folder or one above it;
/// - the output is inside the site's `content/` or `templates/` (it would be read as input);
/// - the output exists and is not a folder;
/// - the output is a folder with files in it that no capex build wrote: it has neither a
///   manifest in `.capex-cache/` nor the `sitemap.xml` and `robots.txt` every build writes.
enum OutputSafety {
    /// The reason `output` may not be replaced by a build of `root`, or nil when it may.
    static func problem(output: URL, root: URL, manifest: URL,
                        currentFolder: String = FileManager.default.currentDirectoryPath) -> Diagnostic? {
        let out = canonical(output.path), site = canonical(root.path), here = canonical(currentFolder)
        let at = SourceLocation.start(of: output.path)
        func refuse(_ why: String) -> Diagnostic {
            .error(at: at, "refusing to write the site to \(output.path): \(why); a build replaces its output folder whole, so give it a folder of its own, such as \(root.appendingPathComponent("output").path)")
        }
        if contains(out, site) { return refuse(out == site ? "it is the site's own folder" : "it holds the site's folder \(site)") }
        if contains(out, here) { return refuse(out == here ? "it is the current folder" : "it holds the current folder \(here)") }
        for input in ["content", "templates"] where contains(site + "/" + input, out) {
            return refuse("it is inside the site's \(input)/ folder, which the build reads")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else { return refuse("it is a file, not a folder") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        if entries.isEmpty || FileManager.default.fileExists(atPath: manifest.path) { return nil }
        if entries.contains("sitemap.xml") && entries.contains("robots.txt") { return nil }
        return refuse("it has files that no capex build wrote (\(entries.sorted().prefix(3).joined(separator: ", "))\(entries.count > 3 ? ", …" : ""))")
    }

    /// The absolute path with `.`/`..` and symbolic links resolved as far as the path exists.
    private static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var url = URL(fileURLWithPath: absolute).standardizedFileURL
        var tail: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            tail.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        let resolved = url.resolvingSymlinksInPath().path
        let joined = ([resolved == "/" ? "" : resolved] + tail).joined(separator: "/")
        return joined.isEmpty ? "/" : joined
    }

    /// Whether folder `outer` is `inner` or one of its ancestors.
    private static func contains(_ outer: String, _ inner: String) -> Bool {
        outer == "/" || inner == outer || inner.hasPrefix(outer + "/")
    }
}
