import Diagnostics

/// The pages a build makes for folders (SPEC §2: a folder with pages gets a list page unless
/// it has its own `index.md`), in every language's tree.
extension SiteLoader {
    /// A list page for every folder that holds pages, unless the folder has its own `index.md`;
    /// in each other language's tree, one for every folder the default language lists, unless
    /// it has its own `index.<lang>.md` (with `_index.<lang>.md`'s introduction, else the
    /// default one's).
    func listPages(for pages: [Page], intros: [String: (FrontMatter.Parsed, String)], tree: ContentTree,
                           languages: [String]) -> [Page] {
        var folders = Set(intros.keys.map { String($0.prefix { $0 != "\u{0}" }) })
        folders.insert("")
        var lastFolder: Substring.UTF8View?
        for path in tree.markdown {
            // `content/a/b/x.md` → `a/b`, then `a` (a folder holding only subfolders still lists them).
            var folder = path.utf8.dropFirst("content/".count)
            folder = folder[..<(folder.lastIndex(of: UInt8(ascii: "/")) ?? folder.startIndex)]
            // Paths come sorted: most share the last one's folder.
            if let lastFolder, folder.elementsEqual(lastFolder) { continue }
            lastFolder = folder
            while !folder.isEmpty, folders.insert(String(folder)!).inserted {
                folder = folder[..<(folder.lastIndex(of: UInt8(ascii: "/")) ?? folder.startIndex)]
            }
        }
        /// The folders with their own `index.md` (`suffix` ""), or `index.es.md` (`.es`).
        func indexFolders(_ suffix: String) -> Set<String> {
            let file = "index" + suffix + ".md"
            return Set(tree.markdown.compactMap { path -> String? in
                if path == "content/" + file { return "" }
                guard path.hasSuffix("/" + file) else { return nil }
                return String(path.dropFirst("content/".count).dropLast(file.count + 1))
            })
        }
        let defaultIndexed = indexFolders("")
        var lists: [Page] = []
        for language in [nil] + languages.map(Optional.some) {
            let indexed = language.map { indexFolders("." + $0) } ?? defaultIndexed
            for folder in folders.sorted() where !indexed.contains(folder) && !defaultIndexed.contains(folder) {
                let intro = intros[folder + "\u{0}" + (language ?? "")] ?? intros[folder + "\u{0}"]
                if intro?.0.meta.draft == true && !options.includeDrafts { continue }
                let meta = intro?.0.meta ?? PageMeta(title: URLRules.title(forFolder: folder))
                var page = Page(
                    kind: .list,
                    sourcePath: intro?.1 ?? (folder.isEmpty ? "content" : "content/" + folder),
                    section: folder,
                    url: (language.map { "/" + $0 } ?? "") + (folder.isEmpty ? "/" : "/" + folder + "/"),
                    meta: meta,
                    body: intro?.0.body ?? "",
                    bodyFirstLine: intro?.0.bodyFirstLine ?? 1,
                    frontMatter: intro?.0.yaml ?? "",
                    bodyPending: intro?.0.bodyPending ?? false
                )
                page.language = language
                lists.append(page)
            }
        }
        return lists
    }
}
