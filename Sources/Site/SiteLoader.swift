import Diagnostics
import Foundation
import Model

/// The site as read from disk: config, pages with their URLs, data, templates and assets.
/// Nothing is rendered yet.
struct LoadedSite: Sendable {
    var config: SiteConfig
    /// Regular and list pages, sorted by URL.
    var pages: [Page]
    var data: [DataCollection]
    var model: StoryModel
    var templates: TemplateSet
    var assets: [Asset]
    var staticFiles: [String]
}

/// The load stage: reads every input file and checks what can be checked without rendering.
struct SiteLoader {
    var root: URL
    var options: BuildOptions
    /// The files, already read; read here when nil.
    var inputs: InputFiles?

    func load() -> (LoadedSite?, Diagnostics) {
        var diagnostics = Diagnostics()
        let tree = inputs?.tree ?? ContentTree.scan(root: root)
        let configPath = "content/" + SiteConfig.fileName

        var configNode: YAMLNode?
        if tree.hasSiteConfig {
            do {
                configNode = try YAMLLoader.parse(read(configPath) ?? "", file: configPath)
            } catch {
                diagnostics.append(error)
            }
        } else {
            diagnostics.error(at: .start(of: configPath), "no site.yaml: every site needs content/site.yaml with at least a 'title'")
        }
        let (config, configProblems) = SiteConfig.load(configNode, file: configPath, baseURLOverride: options.baseURL)
        diagnostics.append(contentsOf: configProblems)

        let sources = parallelMap(tree.markdown) { path in (path, read(path)) }
        var pages: [Page] = []
        var sectionIntros: [String: (FrontMatter.Parsed, String)] = [:]
        let parsed = parallelMap(sources) { path, text in
            Self.parsePage(path: path, text: text)
        }
        for (result, problems) in parsed {
            diagnostics.append(contentsOf: problems)
            guard let result else { continue }
            switch result {
            case .page(let page):
                if page.meta.draft && !options.includeDrafts { continue }
                pages.append(page)
            case .sectionIntro(let section, let frontMatter, let path):
                sectionIntros[section] = (frontMatter, path)
            }
        }
        pages += listPages(for: pages, intros: sectionIntros, tree: tree)
        pages.sort { $0.url < $1.url }
        diagnostics.append(contentsOf: URLRules.duplicateURLs(in: pages))

        let data = tree.data.compactMap { path -> DataCollection? in
            let (collection, problems) = DataCollection.load(path: path, text: read(path) ?? "")
            diagnostics.append(contentsOf: problems)
            return collection
        }

        let (model, modelProblems) = StoryModel.build(data.map(\.recordCollection))
        diagnostics.append(contentsOf: modelProblems)
        if !data.isEmpty {
            for page in pages where GeneratedPages.reservedURLs.contains(page.url) || page.url.hasPrefix("/companies/") {
                diagnostics.error(at: page.location, "URL \(page.url) belongs to a page capex generates from the data; move or rename this page")
            }
        }

        let (templates, templateProblems) = TemplateSet.load(paths: tree.templates) { read($0) ?? "" }
        diagnostics.append(contentsOf: templateProblems)
        for page in pages {
            if let problem = templates.checkTemplate(for: page) { diagnostics.append(problem) }
        }

        let assets = tree.assets.compactMap { path -> Asset? in
            guard let bytes = (inputs?.contents[path] ?? FileSystem.readBytes(root.path + "/" + path)).map({ Data($0) }) else {
                diagnostics.error(at: .start(of: path), "cannot read asset")
                return nil
            }
            return Asset(sourcePath: path, bytes: bytes)
        }

        let site = LoadedSite(
            config: config, pages: pages, data: data, model: model, templates: templates,
            assets: assets, staticFiles: tree.staticFiles
        )
        return (site, diagnostics)
    }

    func read(_ path: String) -> String? {
        if let bytes = inputs?.contents[path] { return String(decoding: bytes, as: UTF8.self) }
        return FileSystem.readText(root.path + "/" + path)
    }

    enum ParsedFile {
        case page(Page)
        case sectionIntro(section: String, FrontMatter.Parsed, path: String)
    }

    static func parsePage(path: String, text: String?) -> (ParsedFile?, [Diagnostic]) {
        guard let text else { return (nil, [.error(at: .start(of: path), "cannot read file")]) }
        let relative = String(path.dropFirst("content/".count))
        let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
        let name = String(relative.split(separator: "/").last!.dropLast(3))
        let isIntro = name == "_index"
        let (frontMatter, problems) = FrontMatter.parse(
            text, file: path, requireTitle: !isIntro,
            defaultTitle: URLRules.title(forFolder: folder)
        )
        if isIntro {
            return (.sectionIntro(section: folder, frontMatter, path: path), problems)
        }
        var diagnostics = problems
        let url: String
        switch URLRules.url(folder: folder, name: name, slug: frontMatter.meta.slug) {
        case .success(let value):
            url = value
        case .failure(let message):
            diagnostics.append(.error(at: frontMatter.node?["slug"]?.location ?? .start(of: path), message))
            url = URLRules.url(folder: folder, name: name, slug: nil).value ?? "/"
        }
        let page = Page(
            kind: .regular, sourcePath: path, section: folder, url: url,
            meta: frontMatter.meta, body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine,
            frontMatter: frontMatter.yaml
        )
        return (.page(page), diagnostics)
    }

    /// A list page for every folder that holds pages, unless the folder has its own `index.md`.
    private func listPages(for pages: [Page], intros: [String: (FrontMatter.Parsed, String)], tree: ContentTree) -> [Page] {
        var folders = Set(intros.keys)
        for path in tree.markdown {
            let relative = path.dropFirst("content/".count)
            var parts = relative.split(separator: "/").dropLast()
            folders.insert(parts.joined(separator: "/"))
            // A folder holding only subfolders still lists them.
            while !parts.isEmpty {
                parts = parts.dropLast()
                folders.insert(parts.joined(separator: "/"))
            }
        }
        let indexFolders = Set(tree.markdown.compactMap { path -> String? in
            guard path.hasSuffix("/index.md") else { return nil }
            return String(path.dropFirst("content/".count).dropLast("index.md".count + (path == "content/index.md" ? 0 : 1)))
        })
        var lists: [Page] = []
        for folder in folders.sorted() where !indexFolders.contains(folder) {
            let intro = intros[folder]
            if intro?.0.meta.draft == true && !options.includeDrafts { continue }
            let meta = intro?.0.meta ?? PageMeta(title: URLRules.title(forFolder: folder))
            lists.append(Page(
                kind: .list,
                sourcePath: intro?.1 ?? (folder.isEmpty ? "content" : "content/" + folder),
                section: folder,
                url: folder.isEmpty ? "/" : "/" + folder + "/",
                meta: meta,
                body: intro?.0.body ?? "",
                bodyFirstLine: intro?.0.bodyFirstLine ?? 1,
                frontMatter: intro?.0.yaml ?? ""
            ))
        }
        return lists
    }
}
