import Load
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
/// - `translations`: which pages exist in which language, at which URL (every page of a
///   site in several languages: its switcher, alternates and links marked untranslated)
/// - `words`: the interface words of every language (`i18n.*` in a template, generated pages)
package final class Fingerprints {
    private let site: LoadedSite
    private let fileHashes: [String: String]
    /// A figure's derivation as text (the render stage's `FigureText.derivation`): what a
    /// figure's fingerprint is made of, with its sources.
    private let derivation: (Figure) -> String
    private var memo: [String: String] = [:]
    /// The last build's fingerprints of figures and data, when the data files are the same:
    /// they are the same too (set by `Reuse`).
    var unchangedData: [String: String] = [:]

    package init(site: LoadedSite, fileHashes: [String: String], derivation: @escaping (Figure) -> String) {
        self.site = site
        self.fileHashes = fileHashes
        self.derivation = derivation
    }

    package func of(_ key: String) -> String {
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
            // Its words in other languages too: a page in Spanish shows those (`DataTranslations`).
            let translated = (figure.labelTranslations.sorted { $0.key < $1.key } + figure.textTranslations.sorted { $0.key < $1.key })
                .map { "\($0.key)=\($0.value)" }.joined(separator: "|")
            return Hash.hex(derivation(figure) + "|" + figure.sources.joined(separator: ",") + "|" + translated)
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
                stream.addContent(page.frontMatter)
            }
            return stream.hex
        case "nav": return Hash.combine(site.pages.filter(Page.isInNavigation).map { "\($0.url)\u{1}\($0.frontMatter)" })
        case "model": return Hash.combine(site.data.map { "\($0.path)\u{1}\(fileHashes[$0.path] ?? "")" })
        case "words":
            return Hash.combine(site.translations.byLanguage.keys.sorted().map { language in
                let texts = site.translations.byLanguage[language]!.texts
                return language + "\u{1}" + texts.keys.sorted().map { "\($0)\u{2}\(texts[$0]!)" }.joined(separator: "\u{1}")
            })
        case "assets": return Hash.combine(site.assets.map(\.outputPath))
        case "translations":
            return Hash.combine(site.pages.map { "\($0.translationKey)\u{1}\($0.language ?? "")\u{1}\($0.url)\u{1}\($0.sourcePath)" })
        case "figures": return Hash.combine(site.model.figures.keys.sorted().map { of("figure:" + $0) })
        default: return "unknown"
        }
    }
}
