import Diagnostics
import Foundation

/// The files of a site, listed once: Markdown pages, data files, templates, assets and
/// other files to copy. Paths are relative to the site root and sorted, so every later
/// stage sees them in the same order.
package struct ContentTree: Sendable {
    package var markdown: [String] = []
    package var data: [String] = []
    package var templates: [String] = []
    /// The site's interface words: `templates/i18n/<lang>.yaml` (`Translations`).
    package var words: [String] = []
    package var assets: [String] = []
    /// Files in `content/` that are neither Markdown nor data (images, PDFs): copied as they are.
    package var staticFiles: [String] = []
    var hasSiteConfig = false
    /// Entries the build cannot use (links out of the site, sockets, unreadable folders…)
    /// as errors, and files it does not read as warnings: nothing is left out silently.
    package var problems: [Diagnostic] = []
    /// The paths of the entries refused with an error: a data file or template refused
    /// here is not reported again as missing by what uses it.
    var refused: [String] = []
    /// The output folder's path, for `FolderListing`.
    private var output = ""

    /// Collections whose data file was refused: `deals` for a broken link `content/data/deals.yaml`.
    package var refusedCollections: Set<String> {
        Set(refused.filter { $0.hasPrefix("content/data/") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .map(DataCollection.name(ofFile:)))
    }

    /// Templates whose file was refused: `page` for a link out of the site at `templates/page.mustache`.
    var refusedTemplates: Set<String> {
        Set(refused.filter { $0.hasPrefix("templates/") && !$0.hasPrefix("templates/assets/") && $0.hasSuffix(".mustache") }
            .map { String($0.dropFirst("templates/".count).dropLast(".mustache".count)) })
    }

    /// `output` is where the build writes (default `root/output`): a link into it is refused.
    package static func scan(root: URL, output: URL? = nil) -> ContentTree {
        var tree = ContentTree()
        tree.output = (output ?? root.appendingPathComponent("output")).standardizedFileURL.path
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
                if [".markdown", ".mdown", ".mkdn", ".mkd", ".md"].contains(where: { path.lowercased().hasSuffix($0) }) {
                    tree.problems.append(.warning(at: .start(of: path), "copied as it is, not made a page: pages end in .md"))
                }
                tree.staticFiles.append(path)
            }
        }
        for path in tree.files(under: root, in: "templates") {
            if path.hasPrefix("templates/assets/") {
                tree.assets.append(path)
            } else if path.hasPrefix("templates/i18n/") {
                let name = path.dropFirst("templates/i18n/".count)
                if name.hasSuffix(".yaml"), !name.contains("/"), name.count > 5 {
                    tree.words.append(path)
                } else {
                    tree.problems.append(.warning(at: .start(of: path), "not read: templates/i18n/ holds one file of interface words per language, named by its code (en.yaml, es.yaml)"))
                }
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
        let listing = FolderListing.list(root.appendingPathComponent(folder).path, root: root.path, output: output)
        for problem in listing.problems {
            let path = problem.path.isEmpty ? folder : folder + "/" + problem.path
            problems.append(.error(at: .start(of: path), problem.message))
            refused.append(path)
        }
        return listing.files.map { folder + "/" + $0 }
    }
}
