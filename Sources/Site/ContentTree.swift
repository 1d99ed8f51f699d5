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

    static func scan(root: URL) -> ContentTree {
        var tree = ContentTree()
        for path in files(under: root, in: "content") {
            if path == "content/" + SiteConfig.fileName {
                tree.hasSiteConfig = true
            } else if path.hasPrefix("content/data/") {
                if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { tree.data.append(path) }
            } else if path.hasSuffix(".md") {
                tree.markdown.append(path)
            } else {
                tree.staticFiles.append(path)
            }
        }
        for path in files(under: root, in: "templates") {
            if path.hasPrefix("templates/assets/") {
                tree.assets.append(path)
            } else if path.hasSuffix(".mustache") {
                tree.templates.append(path)
            }
        }
        return tree
    }

    /// Every regular file below `root/folder`, hidden files and folders skipped.
    static func files(under root: URL, in folder: String) -> [String] {
        FileSystem.listFiles(under: root.appendingPathComponent(folder).path).map { folder + "/" + $0 }
    }
}
