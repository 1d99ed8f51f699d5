import Diagnostics
import Load

/// A link written in a translation's Markdown to a page of the default language's tree when
/// the translation's own tree has that page (`[checks](/checks/)` in `money.es.md`, where
/// `/es/checks/` exists) sends its reader to the wrong language: a warning at the link,
/// naming the address to write instead. Links the templates make (navigation, switcher,
/// links marked as untranslated) are not the author's and are not looked at.
struct CrossTreeLinks {
    let config: SiteConfig
    /// Site-relative default-language URL → language → that language's URL.
    private var versions: [String: [String: String]] = [:]

    /// `generated`: the generated pages' URLs in every tree (`/figures/`, `/es/figures/`).
    init(site: LoadedSite, generated: [String]) {
        config = site.config
        let trees = site.languageTrees
        for page in site.pages where page.language == nil {
            for language in config.languages.dropFirst() {
                if let index = trees.version(of: page, in: language) { versions[page.url, default: [:]][language] = site.pages[index].url }
            }
        }
        let made = Set(generated)
        for url in generated where !config.languages.dropFirst().contains(where: { url.hasPrefix("/\($0)/") }) {
            for language in config.languages.dropFirst() where made.contains(config.treePath(language) + url) {
                versions[url, default: [:]][language] = config.treePath(language) + url
            }
        }
    }

    /// One warning per target per translated page whose Markdown has the link.
    func warnings(in pages: [(Page, [String])]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (page, targets) in pages {
            guard let language = page.language else { continue }
            var seen = Set<String>()
            for target in targets where seen.insert(target).inserted {
                guard target.hasPrefix(config.basePath + "/") else { continue }
                let path = String(target.dropFirst(config.basePath.count).prefix { $0 != "#" && $0 != "?" })
                guard let own = versions[path]?[language] else { continue }
                // Not in the Markdown: a template's link, made on purpose.
                guard let at = Self.written(String(target.dropFirst(config.basePath.count)), in: page) else { continue }
                let rest = target.dropFirst(config.basePath.count + path.count)
                problems.append(.warning(at: at, "link to \(target) goes to the '\(config.language)' page; this '\(language)' page's own is \(config.basePath + own + rest)"))
            }
        }
        return problems
    }

    /// `[label]: ` at the start of a line (up to three spaces in): a reference definition's start.
    private static func isDefinition(_ text: Substring) -> Bool {
        var rest = text.drop { $0 == " " }
        guard text.count - rest.count <= 3, rest.first == "[" else { return false }
        guard let close = rest.firstIndex(of: "]") else { return false }
        let label = rest[rest.index(after: rest.startIndex)..<close]
        rest = rest[rest.index(after: close)...]
        guard rest.first == ":", !label.isEmpty, !label.contains("[") else { return false }
        return rest.dropFirst().allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Where the page's Markdown has `target` as a whole link destination: `](/x/)`,
    /// `](/x/ "title")`, `<…>` or a reference definition `[a]: /x/`; nil when it has not.
    static func written(_ target: String, in page: Page) -> SourceLocation? {
        var line = page.bodyFirstLine
        for text in page.body.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = text[...]
            while let range = rest.range(of: target) {
                let before = text[..<range.lowerBound], after = text[range.upperBound...]
                let opens = before.hasSuffix("(") || before.hasSuffix("(<") || isDefinition(before)
                let closes = after.isEmpty || after.first == ")" || after.first == " " || after.first == ">" || after.first == "\t"
                if opens && closes {
                    return SourceLocation(file: page.sourcePath, line: line, column: text.distance(from: text.startIndex, to: range.lowerBound) + 1)
                }
                rest = text[range.upperBound...]
            }
            line += 1
        }
        return nil
    }
}
