import Model

/// The inputs an output can depend on, named by keys, and their fingerprints for this
/// build. A group of outputs is re-rendered when a key it used has a new fingerprint.
///
/// - `file:<path>`: a source file's bytes (a page, a static file, an asset)
/// - `template:<name>`: a template's text, the site's own or the built-in one
/// - `figure:<reference>`: what a figure shows (value, derivation, sources)
/// - `pagelist`: every page's URL and front matter (lists, feed, sitemap, `site.pages`)
/// - `nav`: the top-level pages' URL and front matter (`site.nav`)
/// - `model`: all the data (generated pages, downloads, charts)
/// - `data:<collection>`: one data file (`data.<collection>` in a template)
/// - `assets`: every asset's hashed name (`assets.*` in a template)
/// - `figures`: every figure (`figures.*` in a template)
final class Fingerprints {
    private let site: LoadedSite
    private let fileHashes: [String: String]
    private var memo: [String: String] = [:]
    /// The last build's fingerprints of figures and data, when the data files are the same:
    /// they are the same too (set by `SiteRenderer.Reuse`).
    var unchangedData: [String: String] = [:]

    init(site: LoadedSite, fileHashes: [String: String]) {
        self.site = site
        self.fileHashes = fileHashes
    }

    func of(_ key: String) -> String {
        // A file's fingerprint is its hash: no need to remember it.
        if key.hasPrefix("file:") { return fileHashes[String(key.dropFirst(5))] ?? "missing" }
        if let known = memo[key] ?? unchangedData[key] { return known }
        let value = compute(key)
        memo[key] = value
        return value
    }

    private func compute(_ key: String) -> String {
        if key.hasPrefix("file:") { return fileHashes[String(key.dropFirst(5))] ?? "missing" }
        if key.hasPrefix("template:") { return site.templates.texts[String(key.dropFirst(9))].map(Hash.hex) ?? "missing" }
        if key.hasPrefix("figure:") {
            guard let figure = site.model.figures[String(key.dropFirst(7))] else { return "missing" }
            return Hash.hex(FigureText.derivation(of: figure, in: site.model, sourceNames: [:], locale: .en) + "|" + figure.sources.joined(separator: ","))
        }
        if key.hasPrefix("data:") {
            let name = String(key.dropFirst(5))
            return site.data.first { $0.name == name }.flatMap { fileHashes[$0.path] } ?? "missing"
        }
        switch key {
        case "pagelist":
            var stream = Hash.Stream()
            for page in site.pages {
                stream.add(page.url)
                stream.add(page.kind == .list ? "list" : "regular")
                stream.add(page.frontMatter)
            }
            return stream.hex
        case "nav": return Hash.combine(site.pages.filter(TemplateContext.isInNavigation).map { "\($0.url)\u{1}\($0.frontMatter)" })
        case "model": return Hash.combine(site.data.map { "\($0.path)\u{1}\(fileHashes[$0.path] ?? "")" })
        case "assets": return Hash.combine(site.assets.map(\.outputPath))
        case "figures": return Hash.combine(site.model.figures.keys.sorted().map { of("figure:" + $0) })
        default: return "unknown"
        }
    }
}

extension TemplateSet {
    /// The keys a template uses, read from its text: its own, its partials' (transitively),
    /// and what it reaches in the shared context. Templates are logic-less, so this is all
    /// they can see.
    func dependencies(of name: String) -> Set<String> {
        dependencyMap[name] ?? scanDependencies(of: name)
    }

    func scanDependencies(of name: String) -> Set<String> {
        var keys = Set<String>()
        var pending = [name]
        var visited = Set<String>()
        while let current = pending.popLast() {
            guard visited.insert(current).inserted, let text = texts[current] else { continue }
            keys.insert("template:" + current)
            if text.contains("site.pages") || text.contains("site.page_count") || text.contains("page.pages") { keys.insert("pagelist") }
            if text.contains("site.nav") || text.contains("site.has_nav") { keys.insert("nav") }
            if text.contains("assets.") { keys.insert("assets") }
            if text.contains("figures.") { keys.insert("figures") }
            for name in Self.names(after: "data.", in: text) { keys.insert("data:" + name) }
            pending += Self.partials(in: text)
        }
        return keys
    }

    /// `{{> partials/head}}` → `partials/head`.
    static func partials(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            names.append(rest[..<close.lowerBound].trimmingCharacters(in: " \t").description)
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// The identifiers following `prefix`: `data.firms` → `firms`.
    static func names(after prefix: String, in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let found = rest.range(of: prefix) {
            rest = rest[found.upperBound...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            if !name.isEmpty { names.insert(String(name.hasSuffix("_count") ? name.dropLast(6) : name)) }
        }
        return names
    }
}
