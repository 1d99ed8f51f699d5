import Diagnostics
import Foundation
import Model

/// The site as read from disk: config, pages with their URLs, data, templates and assets.
/// Nothing is rendered yet.
package struct LoadedSite: Sendable {
    package var config: SiteConfig
    /// Regular and list pages, sorted by URL.
    package var pages: [Page]
    package var data: [DataCollection]
    package var model: StoryModel
    package var templates: TemplateSet
    /// The interface words of each language (`templates/i18n/<lang>.yaml`, built-in and the site's).
    package var translations = Translations.load(languages: ["en"], siteFiles: [:]).0
    package var assets: [Asset]
    package var staticFiles: [String]
    /// Every Markdown file's front matter, for the next build's cache.
    package var frontMatterCache: [String: CachedFrontMatter] = [:]
    /// The files whose front matter was parsed from their text this time, not taken from the
    /// cache: with `InputFiles.changed`, the only entries of `frontMatterCache` that may differ
    /// from the last build's.
    package var frontMatterParsed: [String] = []
    /// The site's folder, to read the bodies of pages loaded from the cache.
    package var root = ""
    /// Which pages translate which, for a site in several languages (empty otherwise).
    package var languageTrees: LanguageTrees {
        get { lazyTrees ?? LanguageTrees(pages: pages, config: config) }
        set { lazyTrees = newValue }
    }
    var lazyTrees: LanguageTrees?

    /// The page with its body, read now if the load stage left it unread; nil with an error
    /// if the file changed since (the next build picks the change up).
    package func withBody(_ page: Page) -> (Page, Diagnostic?) {
        guard page.bodyPending else { return (page, nil) }
        guard let bytes = FileSystem.readBytes(root + "/" + page.sourcePath) else {
            return (page, .error(at: page.location, "cannot read file"))
        }
        let text: String
        switch SourceText.decode(bytes, file: page.sourcePath) {
        case .success(let decoded): text = decoded
        case .failure(let problem): return (page, problem)
        }
        let (yaml, body, bodyFirstLine) = FrontMatter.split(text)
        guard (yaml ?? "") == page.frontMatter, bodyFirstLine == page.bodyFirstLine else {
            return (page, .error(at: page.location, "the file changed during the build; build again"))
        }
        var page = page
        page.body = body
        page.bodyPending = false
        return (page, nil)
    }
}

/// The load stage: reads every input file and checks what can be checked without rendering.
package struct SiteLoader {
    package var root: URL
    package var options: LoadOptions
    /// The files, already read; read here when nil.
    package var inputs: InputFiles?

    package init(root: URL, options: LoadOptions, inputs: InputFiles? = nil) {
        self.root = root
        self.options = options
        self.inputs = inputs
    }

    package func load() -> (LoadedSite?, Diagnostics) {
        var diagnostics = Diagnostics()
        let tree = inputs?.tree ?? ContentTree.scan(root: root, output: options.outputFolder)
        let configPath = "content/" + SiteConfig.fileName
        diagnostics.append(contentsOf: tree.problems)

        var configNode: YAMLNode?
        // A site.yaml that cannot be read or parsed is one error, not also "needs a title".
        var configRejected = true
        if tree.hasSiteConfig {
            do {
                configNode = try YAMLLoader.parse(read(configPath).get(), file: configPath)
                configRejected = false
            } catch {
                diagnostics.append(error)
            }
        } else {
            diagnostics.error(at: .start(of: configPath), "no site.yaml: every site needs content/site.yaml with at least a 'title'")
        }
        let (config, configProblems) = SiteConfig.load(configNode, file: configPath, baseURLOverride: options.baseURL)
        if !configRejected { diagnostics.append(contentsOf: configProblems) }

        // The data and its model load on one thread while the pages parse on the others.
        var data: [DataCollection] = [], dataProblems: [Diagnostic] = []
        var model: StoryModel?, modelProblems: [Diagnostic] = []
        let modelDone = DispatchGroup()
        let session = options.memory
        // The languages too: they decide which translations the data may carry.
        let dataHashes = tree.data.map { inputs?.hashes[$0] ?? "" } + ["languages: " + config.languages.joined(separator: ", ")]
        let dataBox = UncheckedSendable { [tree, self] in
            if inputs != nil, let known = session?.model(for: dataHashes) {
                (data, dataProblems, model, modelProblems) = known
                return
            }
            var refused = tree.refusedCollections
            var collectionPaths: [String: String] = [:]
            data = tree.data.compactMap { path -> DataCollection? in
                let name = DataCollection.name(ofFile: path)
                // The file name is the collection's name in references: it must be one.
                guard DataCollection.isValidName(name) else {
                    dataProblems.append(.error(at: .start(of: path), "'\(name)' cannot name a collection: a data file's name before '.yaml' is its name in references (deals.x.amount), so use letters, digits, '-' or '_' only"))
                    refused.insert(name)
                    return nil
                }
                if let first = collectionPaths[name] {
                    dataProblems.append(.error(at: .start(of: path), "collection '\(name)' is already read from \(first): one file per collection"))
                    return nil
                }
                collectionPaths[name] = path
                let text: String
                switch read(path) {
                case .success(let decoded): text = decoded
                case .failure(let problem): dataProblems.append(problem); refused.insert(name); return nil
                }
                var (collection, problems) = DataCollection.load(path: path, text: text)
                dataProblems += problems
                if collection == nil { refused.insert(DataCollection.name(ofFile: path)) }
                if collection != nil { dataProblems += DataTranslations(languages: config.languages).read(&collection!) }
                return collection
            }
            let (built, problems) = StoryModel.build(data.map(\.recordCollection), refusedCollections: refused)
            (model, modelProblems) = (built, problems)
            if inputs != nil {
                session?.remember(hashes: dataHashes, collections: data, problems: dataProblems, model: built, modelProblems: problems)
            }
        }
        startThread(group: modelDone) { dataBox.value() }
        // The templates and the interface words too: they need no page.
        var loadedTemplates: TemplateSet?, loadedTranslations: Translations?, templateProblems: [Diagnostic] = []
        var loadedURLFields: URLFields?
        let templatesDone = DispatchGroup()
        let templatesBox = UncheckedSendable { [tree, self] in
            var templateTexts: [String: String] = [:], unreadable: Set<String> = []
            for path in tree.templates {
                switch read(path) {
                case .success(let text): templateTexts[path] = text
                // Reported here; the template set then sees it empty, not missing: one fault, one error.
                case .failure(let problem): templateProblems.append(problem); unreadable.insert(path)
                }
            }
            var wordFiles: [String: String] = [:]
            for path in tree.words {
                switch read(path) {
                case .success(let text): wordFiles[path] = text
                case .failure(let problem): templateProblems.append(problem)
                }
            }
            let (translations, wordProblems) = Translations.load(languages: config.languageOrder, siteFiles: wordFiles)
            templateProblems += wordProblems
            let (templates, problems) = TemplateSet.load(paths: tree.templates, refused: tree.refusedTemplates.union(
                unreadable.map { String($0.dropFirst("templates/".count).dropLast(".mustache".count)) })) { templateTexts[$0] ?? "" }
            templateProblems += problems
            (loadedTemplates, loadedTranslations) = (templates, translations)
            // The URL attributes the templates fill: a scan of every template (6 ms of a
            // one-page rebuild at 10,000 pages), made here beside the pages' parse.
            if !config.unsafeHTML { loadedURLFields = URLFields(templates: Array(templates.texts.values)) }
        }
        startThread(group: templatesDone) { templatesBox.value() }
        // Also on the way out early (a model with errors): nothing is left running.
        defer { templatesDone.wait() }

        var pages: [Page] = []
        // By folder, then language ("" for the default): `_index.md`, `_index.es.md`.
        var sectionIntros: [String: (FrontMatter.Parsed, String)] = [:]
        let translated = Array(config.languages.dropFirst())
        // A page's URL depends on the languages: what the session parsed under others is stale.
        let languageStamp = translated.isEmpty ? "" : "|" + translated.joined(separator: ",")
        // Unchanged files keep the cached front matter they came with; parsed files add theirs.
        var frontMatterCache = inputs?.frontMatter ?? [:]
        var frontMatterParsed: [String] = []
        // A page comes from the session if it has one (`capex serve`), else from the cached
        // front matter if its file is unchanged (its body is read only if it is rendered
        // again), else from its file.
        // `fresh`: parsed from the file, with the scans the next build's cache keeps of its
        // front matter (made here, on every core; the page keeps its `lang` scan for this build).
        var parsed = parallelMap(tree.markdown) { path -> (ParsedFile?, [Diagnostic], fresh: Bool, scans: FrontMatterScans?) in
            if inputs != nil, let (file, problems) = session?.parsedPage(path, hash: inputs?.hashes[path].map { $0 + languageStamp }) {
                return (file, problems, false, nil)
            }
            if inputs?.contents[path] == nil, let cached = inputs?.frontMatter[path] {
                let (file, problems) = Self.parsePage(path: path, cached: cached, languages: translated)
                return (file, problems, false, nil)
            }
            var (file, problems) = Self.parsePage(path: path, text: read(path), languages: translated)
            var scans: FrontMatterScans?
            switch file {
            case .page(var page)?:
                scans = page.hasFrontMatter ? FrontMatterScans(page.frontMatter) : nil
                page.mayHoldLang = scans?.mayHoldLang
                file = .page(page)
            case .sectionIntro(_, _, let frontMatter, _)?:
                scans = frontMatter.yaml.map(FrontMatterScans.init)
            case nil:
                break
            }
            return (file, problems, true, scans)
        }
        if let session, let hashes = inputs?.hashes {
            var kept: [String: (hash: String, file: ParsedFile, problems: [Diagnostic])] = [:]
            kept.reserveCapacity(parsed.count)
            for (path, (file, problems, _, _)) in zip(tree.markdown, parsed) {
                if let file, let hash = hashes[path] { kept[path] = (hash + languageStamp, file, problems) }
            }
            session.remember(parsed: kept)
        }
        // Taken from the end, so that each page is moved, not copied (then put back in order).
        var pageProblems: [(Int, [Diagnostic])] = []
        var index = parsed.count
        while let (result, problems, fresh, scans) = parsed.popLast() {
            index -= 1
            if !problems.isEmpty { pageProblems.append((index, problems)) }
            guard let result else { continue }
            switch result {
            case .page(let page):
                if fresh {
                    frontMatterCache[page.sourcePath] = CachedFrontMatter(
                        yaml: page.hasFrontMatter ? page.frontMatter : nil, bodyFirstLine: page.bodyFirstLine, scans: scans
                    )
                    frontMatterParsed.append(page.sourcePath)
                }
                if page.isDraft && !options.includeDrafts { continue }
                pages.append(page)
            case .sectionIntro(let section, let language, let frontMatter, let path):
                if fresh {
                    frontMatterCache[path] = CachedFrontMatter(yaml: frontMatter.yaml, bodyFirstLine: frontMatter.bodyFirstLine, scans: scans)
                    frontMatterParsed.append(path)
                }
                sectionIntros[section + "\u{0}" + (language ?? "")] = (frontMatter, path)
            }
        }
        for (_, problems) in pageProblems.reversed() { diagnostics.append(contentsOf: problems) }
        pages.reverse()
        pages += listPages(for: pages, intros: sectionIntros, tree: tree, languages: translated)
        pages.sort { $0.url < $1.url }
        diagnostics.append(contentsOf: URLRules.duplicateURLs(in: pages))
        // Translations of nothing, pages without a translation, pages in another language's
        // tree; on a site in one language, only `money.es.md` files it takes for pages.
        diagnostics.append(contentsOf: translated.isEmpty ? LanguageTrees.strayTranslations(in: pages, config: config)
                                                          : LanguageTrees.problems(in: pages, config: config))
        diagnostics.append(contentsOf: LanguageTrees.langFields(in: pages, config: config))

        modelDone.wait()
        diagnostics.append(contentsOf: dataProblems)
        guard let model else { return (nil, diagnostics) }
        diagnostics.append(contentsOf: modelProblems)
        if !data.isEmpty {
            for page in pages where GeneratedPageNames.reservedURLs.contains(String(page.urlInTree)) || page.urlInTree.hasPrefix("/companies/") {
                diagnostics.error(at: page.location, "URL \(page.url) belongs to a page capex generates from the data; move or rename this page")
            }
        }

        templatesDone.wait()
        let (templates, translations) = (loadedTemplates!, loadedTranslations!)
        diagnostics.append(contentsOf: templateProblems)
        for page in pages {
            if let problem = templates.checkTemplate(for: page) { diagnostics.append(problem) }
        }

        var assetProblems: [Diagnostic] = []
        let assets = tree.assets.compactMap { path -> Asset? in
            guard let bytes = (inputs?.contents[path] ?? FileSystem.readBytes(root.path + "/" + path)).map({ Data($0) }) else {
                assetProblems.append(.error(at: .start(of: path), "cannot read file (check its permissions)"))
                return nil
            }
            return Asset(sourcePath: path, bytes: bytes)
        }

        var site = LoadedSite(
            config: config, pages: pages, data: data, model: model, templates: templates,
            assets: assets, staticFiles: tree.staticFiles, frontMatterCache: frontMatterCache, root: root.path
        )
        site.frontMatterParsed = frontMatterParsed
        site.languageTrees = LanguageTrees(pages: pages, config: config)
        site.translations = translations
        // The templates' check runs beside the URL fields' (9 and 6 ms of a one-page rebuild
        // at 10,000 pages); its problems come last, as before.
        let templateCheck = TemplateCheck(
            templates: templates, site: site, dataNames: tree.data.map(DataCollection.name(ofFile:)) + tree.refusedCollections.sorted(),
            dataHadErrors: (dataProblems + modelProblems).contains { $0.severity == .error }
        )
        let templateCheckProblems = Pending(templateCheck.run)

        if let urlFields = loadedURLFields {
            // base_url has its own rule (http or https only).
            if let configNode { diagnostics.append(contentsOf: urlFields.problems(in: configNode, skipping: ["base_url"])) }
            for collection in data {
                for record in collection.records { diagnostics.append(contentsOf: urlFields.problems(in: record)) }
            }
            let suspect = parallelMap(pages) { !$0.frontMatter.isEmpty && URLFields.mightHoldDangerousURL($0.frontMatter) }
            for (page, suspect) in zip(pages, suspect) where suspect {
                if let node = page.meta.node { diagnostics.append(contentsOf: urlFields.problems(in: node)) }
            }
        }
        for path in tree.staticFiles where inputs?.hashes[path] == "unreadable" {
            diagnostics.error(at: .start(of: path), "cannot read file (check its permissions)")
        }
        diagnostics.append(contentsOf: assetProblems)
        diagnostics.append(contentsOf: templateCheckProblems.value)
        return (site, diagnostics)
    }

    /// A text input, decoded by `SourceText`: the error says where a file is not UTF-8.
    package func read(_ path: String) -> Result<String, Diagnostic> {
        guard let bytes = inputs?.contents[path] ?? FileSystem.readBytes(root.path + "/" + path) else {
            return .failure(.error(at: .start(of: path), "cannot read file"))
        }
        return SourceText.decode(bytes, file: path)
    }

    package enum ParsedFile {
        case page(Page)
        /// `_index.md` (language nil) or a translation of it (`_index.es.md`).
        case sectionIntro(section: String, language: String?, FrontMatter.Parsed, path: String)
    }

    /// `languages`: the site's languages other than the default, whose translations are
    /// `name.<lang>.md`.
    static func parsePage(path: String, text read: Result<String, Diagnostic>, languages: [String] = []) -> (ParsedFile?, [Diagnostic]) {
        let text: String
        switch read {
        case .success(let decoded): text = decoded
        case .failure(let problem): return (nil, [problem])
        }
        return parsePage(path: path, languages: languages) { requireTitle, folder in
            FrontMatter.parse(text, file: path, requireTitle: requireTitle, defaultTitle: URLRules.title(forFolder: folder))
        }
    }

    /// A page from the front matter the last build split off its unchanged file.
    static func parsePage(path: String, cached: CachedFrontMatter, languages: [String] = []) -> (ParsedFile?, [Diagnostic]) {
        // The last build parsed these bytes without an error. If the front matter cannot hold
        // the three fields every build needs from every page, parsing waits until a field is
        // read, which for most pages of a one-page rebuild is never.
        // The scans the last build made of these bytes, when it kept them.
        let (folder, name, language) = folderNameAndLanguage(path, languages: languages)
        if name != "_index", let yaml = cached.yaml,
           !(cached.scans?.mayChangeAddress ?? mentions(["template", "draft", "slug"], in: yaml, orBackslash: true)),
           case .success(let url) = URLRules.url(folder: folder, name: name, slug: nil, language: language) {
            let meta = Lazy<PageMeta> {
                FrontMatter.parse(yaml: yaml, file: path, requireTitle: true, defaultTitle: URLRules.title(forFolder: folder)).0.meta
            }
            var page = Page(
                kind: .regular, sourcePath: path, section: folder, url: url, lazyMeta: meta, template: nil, isDraft: false,
                body: "", bodyFirstLine: cached.bodyFirstLine, frontMatter: yaml, hasFrontMatter: true, bodyPending: true
            )
            page.language = language
            page.mayHoldLang = cached.scans?.mayHoldLang
            return (.page(page), [])
        }
        return parsePage(path: path, languages: languages) { requireTitle, folder in
            var (parsed, problems) = FrontMatter.parse(yaml: cached.yaml, file: path, requireTitle: requireTitle,
                                                       defaultTitle: URLRules.title(forFolder: folder))
            parsed.bodyFirstLine = cached.bodyFirstLine
            parsed.bodyPending = true
            return (parsed, problems)
        }
    }

    private static func parsePage(
        path: String, languages: [String], frontMatter parse: (_ requireTitle: Bool, _ folder: String) -> (FrontMatter.Parsed, [Diagnostic])
    ) -> (ParsedFile?, [Diagnostic]) {
        let (folder, name, language) = folderNameAndLanguage(path, languages: languages)
        let isIntro = name == "_index"
        let (frontMatter, problems) = parse(!isIntro, folder)
        if frontMatter.rejected { return (nil, problems) }
        if isIntro {
            return (.sectionIntro(section: folder, language: language, frontMatter, path: path), problems)
        }
        var diagnostics = problems
        let url: String
        switch URLRules.url(folder: folder, name: name, slug: frontMatter.meta.slug, language: language) {
        case .success(let value):
            url = value
        case .failure(let message):
            // A page without a URL of its own is left out after its error: given a stand-in
            // URL it would also be reported as clashing with the page that has that URL.
            diagnostics.append(.error(at: frontMatter.node?["slug"]?.location ?? .start(of: path), message))
            return (nil, diagnostics)
        }
        var page = Page(
            kind: .regular, sourcePath: path, section: folder, url: url,
            meta: frontMatter.meta, body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine,
            frontMatter: frontMatter.yaml ?? "", hasFrontMatter: frontMatter.yaml != nil, bodyPending: frontMatter.bodyPending
        )
        page.language = language
        return (.page(page), diagnostics)
    }

    /// `content/posts/x.es.md` → folder `posts`, name `x`, language `es` when `es` is one of
    /// `languages` (the site's other languages); else the name keeps its dot (`x.es`).
    private static func folderNameAndLanguage(_ path: String, languages: [String]) -> (folder: String, name: String, language: String?) {
        let (folder, name) = folderAndName(path)
        guard !languages.isEmpty, let dot = name.lastIndex(of: ".") else { return (folder, name, nil) }
        let suffix = String(name[name.index(after: dot)...])
        guard languages.contains(suffix), dot > name.startIndex else { return (folder, name, nil) }
        return (folder, String(name[..<dot]), suffix)
    }

    /// `content/posts/x.md` → folder `posts`, name `x` (on bytes: splitting Characters cost
    /// more than parsing the front matter).
    private static func folderAndName(_ path: String) -> (folder: String, name: String) {
        let relative = path.utf8.dropFirst("content/".count)
        let slash = relative.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(relative[..<$0])! } ?? ""
        let name = String(relative[(slash.map(relative.index(after:)) ?? relative.startIndex)...].dropLast(3))!
        return (folder, name)
    }
}

/// Whether `text` holds any of `words` anywhere, or a backslash when `orBackslash`: one
/// pass over the bytes, a bit mask saying which bytes may start a match, a word compared
/// only where its first byte is (a `memcmp` at every position for every word cost 20 ms of
/// a one-page rebuild at 10,000 pages). Words start with an ASCII byte other than `\`.
func mentions(_ words: [StaticString], in text: String, orBackslash: Bool = false) -> Bool {
    // Bit b of `low` (b < 64) or of `high` (64 ≤ b < 128): byte b may start a match.
    var low: UInt64 = 0, high: UInt64 = orBackslash ? 1 << (92 - 64) : 0
    var firsts: [UInt8] = []
    firsts.reserveCapacity(words.count)
    for word in words {
        let first = word.utf8Start.pointee
        firsts.append(first)
        if first < 64 { low |= 1 << first } else if first < 128 { high |= 1 << (first - 64) }
    }
    var text = text
    return text.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        for index in 0..<count {
            let byte = base[index]
            let candidate = byte < 64 ? (low >> byte) & 1 : byte < 128 ? (high >> (byte - 64)) & 1 : 0
            if candidate == 0 { continue }
            if byte == 92 { return true }
            for (word, first) in zip(words, firsts) where first == byte {
                let length = word.utf8CodeUnitCount
                if index + length <= count, memcmp(base + index, word.utf8Start, length) == 0 { return true }
            }
        }
        return false
    }
}
