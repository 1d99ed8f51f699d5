import Diagnostics
import Load
import Model
import Quantities

/// Builds the plain dictionaries templates see. Dictionaries, not structs: swift-mustache
/// renders about three times faster from `[String: Any]` than through reflection.
struct TemplateContext {
    package let site: LoadedSite
    /// Shared by every page: `site`, `assets`, `data`; `site.pages` is added for the
    /// templates that use it (`shared(for:)`).
    private var shared: [String: Any]
    /// `shared` with `site.pages`, a summary of every page, made when a template that uses
    /// it is rendered first and then shared by all such pages (each page copied `shared` and
    /// its `site` to add the list). An incremental build that renders one page never makes
    /// the other 10,000.
    private let sharedWithPages: Lazy<[String: Any]>
    /// Templates that use the page list, their layout's included.
    private let templatesUsingPages: Set<String>
    /// Every page's summary, made once and shared by the contexts of all languages.
    let summaries: PageSummaries
    /// The language of the pages rendered with this context (I18N-PLAN decision 6): its
    /// tree's navigation, page list, feed and home, and the switcher's other languages.
    package let language: String

    /// The context of `language`'s tree (the default language's when nil); `summaries`:
    /// the pages' summaries, shared with the other languages' contexts (new ones when nil).
    init(site: LoadedSite, language: String? = nil, summaries: PageSummaries? = nil) {
        self.site = site
        let summaries = summaries ?? PageSummaries(site: site)
        self.summaries = summaries
        let config = site.config
        let language = language ?? config.language
        self.language = language
        let languageBase = config.basePath + config.treePath(language)
        var siteValues: [String: Any] = [:]
        if let entries = config.node?.entries {
            for entry in entries { siteValues[entry.key] = Self.value(entry.value) }
        }
        let localized = config.localized(language)
        siteValues["title"] = localized.title
        siteValues["description"] = localized.description
        siteValues["base_url"] = config.baseURL
        siteValues["base_path"] = config.basePath
        siteValues["language"] = language
        siteValues["language_path"] = languageBase
        siteValues["home_url"] = Self.home(in: language, site: site)
        siteValues["feed_url"] = languageBase + "/feed.xml"
        let pages = site.pages
        let trees = site.languageTrees
        // The default language's pages, each replaced by its translation where there is one.
        let isListed = { (page: Page) in page.kind == .regular && page.url != "/" && page.language == nil }
        let pageList = {
            Self.byDate(pages.indices.filter { isListed(pages[$0]) }, keys: summaries.listKey).map {
                Self.entry($0, in: language, site: site, trees: trees, summaries: summaries)
            }
        }
        siteValues["page_count"] = pages.count(where: isListed)
        // Which generated pages exist, so templates link only to those.
        let collections = site.model.collections
        siteValues["has_figures"] = !collections.isEmpty
        for name in ["claims", "sources", "deals", "companies"] {
            siteValues["has_" + (name == "claims" ? "checks" : name)] = collections[name] != nil
        }
        let nav = Self.inListOrder(pages.indices.filter { Self.isInNavigation(pages[$0]) && pages[$0].language == nil }, keys: summaries.listKey)
        siteValues["nav"] = nav.map { Self.entry($0, in: language, site: site, trees: trees, summaries: summaries) }
        siteValues["has_nav"] = !nav.isEmpty

        var assets: [String: Any] = [:]
        for asset in site.assets { assets[asset.templateKey] = config.basePath + "/" + asset.outputPath }
        var data: [String: Any] = [:]
        for collection in site.data {
            // Translated text in the context's language (`DataTranslations`).
            data[collection.name] = collection.records(in: language).map { Self.value($0) }
            data[collection.name + "_count"] = collection.records.count
        }
        shared = ["site": siteValues, "assets": assets, "data": data,
                  "i18n": site.translations.words(for: language).texts]
        let templates = site.templates
        let layoutUsesPages = templates.dependencies(of: "layout").contains("pagelist")
        templatesUsingPages = Set(templates.names.union(["layout", "404"]).filter { name in
            layoutUsesPages || templates.dependencies(of: name).contains("pagelist")
        })
        // Formatting every figure costs time on large sites; only when a template reads them.
        if site.templates.texts.values.contains(where: { $0.contains("figures.") }) {
            shared["figures"] = Self.figures(site, language: language)
        }
        let sharedValues = self.shared
        let listedSiteValues = siteValues
        sharedWithPages = Lazy {
            var values = sharedValues
            var siteValues = listedSiteValues
            siteValues["pages"] = pageList()
            values["site"] = siteValues
            return values
        }
    }

    /// Every figure, formatted in `language`, as `figures.<collection>.<id>.<field>`:
    /// templates reach the same values as prose (a nested field keeps its dots: `capex.2024`).
    package static func figures(_ site: LoadedSite, language: String? = nil) -> [String: Any] {
        let locale = QuantityLocale(identifier: language ?? site.config.language) ?? .en
        let words = site.translations.words(for: language ?? site.config.language)
        var byCollection: [String: [String: [String: Any]]] = [:]
        for (reference, figure) in site.model.figures {
            let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
            guard parts.count >= 2 else { continue }
            // A named figure (`figures.x`) has no field: templates write `figures.figures.x.value`.
            byCollection[parts[0], default: [:]][parts[1], default: [:]][parts.count == 3 ? parts[2] : "value"] = FigureText.format(figure, locale: locale, words: words)
        }
        return byCollection
    }

    /// What every page rendered with `template` sees before its own values.
    func shared(for template: String) -> [String: Any] {
        templatesUsingPages.contains(template) ? sharedWithPages.value : shared
    }

    /// What every page rendered with `template` in `language` sees: `i18n` holds that
    /// language's interface words (`{{i18n.<key>}}`).
    func shared(for template: String, language: String) -> [String: Any] {
        var values = shared(for: template)
        if language != self.language {
            values["i18n"] = site.translations.words(for: language).texts
            // A page written in another language (`lang: es` on an English site) says so: `<html lang="{{site.language}}">`.
            if var siteValues = values["site"] as? [String: Any] {
                siteValues["language"] = language
                values["site"] = siteValues
            }
        }
        return values
    }

    /// The context for the page at `index` of the site's pages (`page`, its body read), its
    /// rendered Markdown given as `content`, its share tags as `shareHTML` (`page.share_html`).
    package func context(for page: Page, at index: Int, content: String, shareHTML: String? = nil) -> [String: Any] {
        var context = shared(for: site.templates.templateName(for: page), language: page.meta.lang ?? page.language ?? site.config.language)
        var values = summaries.summary(index)
        values["content"] = content
        values["is_home"] = page.urlInTree == "/"
        values["is_list"] = page.kind == .list
        if page.kind == .list {
            // A translated list shows its folder's pages in its language, untranslated ones marked.
            let trees = site.languageTrees
            values["pages"] = Self.inListOrder(summaries.children(of: index), keys: summaries.listKey).map {
                Self.entry($0, in: language, site: site, trees: trees, summaries: summaries)
            }
        }
        if site.config.isMultilingual {
            let trees = site.languageTrees
            values.merge(languageValues(page: page.language ?? site.config.language) { other in
                trees.version(of: page, in: other).map { site.config.basePath + site.pages[$0].url }
            }) { $1 }
        }
        if let shareHTML { values["share_html"] = shareHTML }
        context["page"] = values
        return context
    }

    /// What a page shows of itself in lists, feeds and its own template.
    package static func summary(_ page: Page, config: SiteConfig) -> [String: Any] {
        summary(page, config: config, basePath: config.basePath, origin: config.origin)
    }

    /// `summary(_:config:)`, given `config.basePath` and `config.origin` (worked out on each read).
    static func summary(_ page: Page, config: SiteConfig, basePath: String, origin: String) -> [String: Any] {
        let meta = page.meta
        let entries = meta.node?.entries ?? []
        var values: [String: Any] = Dictionary(minimumCapacity: entries.count + 12)
        for entry in entries { values[entry.key] = value(entry.value) }
        values["title"] = meta.title
        values["menu"] = meta.node?["menu"]?.text ?? meta.title
        values["url"] = basePath + page.url
        values["permalink"] = origin + basePath + page.url
        values["tags"] = meta.tags
        values["has_tags"] = !meta.tags.isEmpty
        if let description = meta.description { values["description"] = description }
        if let date = meta.date {
            values["date"] = date.day
            values["date_iso"] = date.rfc3339
            values["date_display"] = DateText.display(date, language: meta.lang ?? page.language ?? config.language)
        }
        if let updated = meta.updated {
            values["updated"] = updated.day
            values["updated_iso"] = updated.rfc3339
        }
        return values
    }

    /// The default-language page at `index` as `language`'s tree lists it: its translation's
    /// summary, or its own marked as a fallback (`is_fallback`, `hreflang`, `fallback_note`: "(en inglés)").
    static func entry(_ index: Int, in language: String, site: LoadedSite, trees: LanguageTrees, summaries: PageSummaries) -> [String: Any] {
        guard language != site.config.language else { return summaries.summary(index) }
        let page = site.pages[index]
        if let version = trees.version(of: page, in: language) {
            // A folder list whose introduction is not translated is still this tree's page.
            return summaries.summary(version)
        }
        var values = summaries.summary(index)
        values["is_fallback"] = true
        values["hreflang"] = site.config.language
        values["fallback_note"] = LanguageNames.marker(pageIn: site.config.language, words: site.translations.words(for: language))
        // The date is the list's, not the page's: in the reader's language.
        if let date = page.meta.date { values["date_display"] = DateText.display(date, language: language) }
        return values
    }

    /// The home page of `language`'s tree: its own, else the default language's.
    static func home(in language: String, site: LoadedSite) -> String {
        let config = site.config
        guard language != config.language, let index = site.languageTrees.version(key: "folder:", in: language) else {
            return config.basePath + "/"
        }
        return config.basePath + site.pages[index].url
    }

    /// The switcher and the alternates of a page in `current`, whose version in another
    /// language is at `url(language)` (base path included; nil when it has none):
    /// - `translations`: the other languages, each with `lang`, `name` ("Español") and `url`
    ///   (that language's home when the page is not translated, with `is_missing`);
    /// - `alternates`: every version that exists, then `x-default` (the default language's),
    ///   with `hreflang`, `url` and `permalink`, for `<link rel="alternate" hreflang>`.
    func languageValues(page current: String, url: (String) -> String?) -> [String: Any] {
        let config = site.config
        var translations: [[String: Any]] = []
        var alternates: [[String: Any]] = []
        for other in config.languages {
            let found = other == current ? nil : url(other)
            let href = other == current ? url(current) : found
            if let href { alternates.append(["hreflang": other, "url": href, "permalink": config.origin + href]) }
            guard other != current else { continue }
            // A language with neither this page nor a home page has nowhere to go.
            if found == nil, other != config.language, site.languageTrees.version(key: "folder:", in: other) == nil { continue }
            translations.append([
                "lang": other, "name": LanguageNames.endonym(other, words: site.translations.words(for: other)),
                "url": found ?? Self.home(in: other, site: site), "is_missing": found == nil,
            ])
        }
        if let defaultURL = url(config.language) {
            alternates.append(["hreflang": "x-default", "url": defaultURL, "permalink": config.origin + defaultURL])
        }
        return [
            "language": current, "translations": translations, "has_translations": !translations.isEmpty,
            "alternates": alternates.count > 2 ? alternates : [], "languages_label": LanguageNames.switcherLabel(words: site.translations.words(for: current)),
        ]
    }

    /// Newest first; undated pages after dated ones, by title: the order of a blog's home
    /// (`ListKey.isNewer`).
    static func byDate(_ pages: [Page]) -> [Page] {
        byDate(Array(pages.indices), in: pages).map { pages[$0] }
    }

    /// The indices of `pages` in `byDate` order.
    static func byDate(_ indices: [Int], in pages: [Page]) -> [Int] {
        byDate(indices) { ListKey(pages[$0]) }
    }

    /// `indices` in `byDate` order, given each one's sort key (`PageSummaries.listKey`).
    static func byDate(_ indices: [Int], keys key: (Int) -> ListKey) -> [Int] {
        ordered(indices, keys: indices.map(key)) { $0.isNewer(than: $1) }
    }

    /// `indices` with `order` first (pages without come after), then newest first
    /// (`ListKey.isListedBefore`), given each one's sort key.
    static func inListOrder(_ indices: [Int], keys key: (Int) -> ListKey) -> [Int] {
        ordered(indices, keys: indices.map(key)) { $0.isListedBefore($1) }
    }

    private static func ordered(_ indices: [Int], keys: [ListKey], by isBefore: (ListKey, ListKey) -> Bool) -> [Int] {
        // Through a buffer: an array's element is copied (its strings retained) at each read.
        keys.withUnsafeBufferPointer { keys in keys.indices.sorted { isBefore(keys[$0], keys[$1]) } }.map { indices[$0] }
    }

    /// The masthead lists the top level: root pages and top-level folders, not the home page.
    package static func isInNavigation(_ page: Page) -> Bool { Page.isInNavigation(page) }

    /// YAML as templates want it: scalars as the text written (so `4.10` stays `4.10`),
    /// booleans as booleans (for sections), lists and mappings as such.
    package static func value(_ node: YAMLNode) -> Any {
        switch node.kind {
        case .scalar(.bool(let b), _): return b
        case .scalar(.null, _): return ""
        case .scalar(_, let text): return text
        case .sequence(let elements): return elements.map(value)
        case .mapping(let entries):
            var values: [String: Any] = [:]
            for entry in entries { values[entry.key] = value(entry.value) }
            return values
        }
    }
}

/// Dates as a reader sees them, in the page's language (`RecordDate` holds the month names).
enum DateText {
    /// `January 18, 2024` (en), `18 de enero de 2024` (es).
    package static func display(_ date: SiteDate, language: String) -> String {
        RecordDate(date.day).display(language: language)
    }
}
