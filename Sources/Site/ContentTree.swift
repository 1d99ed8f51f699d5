import Diagnostics
import Foundation

/// The files of a site, listed once: Markdown pages, data files, templates, assets and
/// other files to copy. Paths are relative to the site root and sorted, so every later
/// stage sees them in the same order.
struct ContentTree: Sendable {
    var markdown: [String] = []
    var data: [String] = []
    var templates: [String] = []
    var assets: [String] = []
    /// Files in `content/` that are neither Markdown nor data (images, PDFs): copied as they are.
    var staticFiles: [String] = []
    var hasSiteConfig = false
    /// Entries the build cannot use (links out of the site, sockets, unreadable folders…)
    /// as errors, and files it does not read as warnings: nothing is left out silently.
    var problems: [Diagnostic] = []

    static func scan(root: URL) -> ContentTree {
        var tree = ContentTree()
        for path in tree.files(under: root, in: "content") {
            if path == "content/" + SiteConfig.fileName {
                tree.hasSiteConfig = true
            } else if path.hasPrefix("content/data/") {
                if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                    tree.data.append(path)
                } else {
                    tree.problems.append(.warning(at: .start(of: path), "not read: content/data/ holds data files ending in .yaml; move other files elsewhere in content/ to publish them"))
                }
            } else if path.hasSuffix(".md") {
                tree.markdown.append(path)
            } else {
                tree.staticFiles.append(path)
            }
        }
        for path in tree.files(under: root, in: "templates") {
            if path.hasPrefix("templates/assets/") {
                tree.assets.append(path)
            } else if path.hasSuffix(".mustache") {
                tree.templates.append(path)
            } else {
                tree.problems.append(.warning(at: .start(of: path), "not read: templates end in .mustache, and files to publish go in templates/assets/"))
            }
        }
        return tree
    }

    /// Every regular file below `root/folder` (links inside the site followed), hidden
    /// files and folders skipped; what cannot be used is added to `problems`.
    private mutating func files(under root: URL, in folder: String) -> [String] {
        let listing = FolderListing.list(root.appendingPathComponent(folder).path, root: root.path)
        for problem in listing.problems {
            problems.append(.error(at: .start(of: problem.path.isEmpty ? folder : folder + "/" + problem.path), problem.message))
        }
        return listing.files.map { folder + "/" + $0 }
    }
}
