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
    /// `site.pages`: a summary of every page, made when a template that uses it is rendered
    /// first. An incremental build that renders one page never makes the other 10,000.
    private let pageList: Lazy<[[String: Any]]>
    /// Templates that use the page list, their layout's included.
    private let templatesUsingPages: Set<String>

    package init(site: LoadedSite) {
        self.site = site
        let config = site.config
        var siteValues: [String: Any] = [:]
        if let entries = config.node?.entries {
            for entry in entries { siteValues[entry.key] = Self.value(entry.value) }
        }
        siteValues["title"] = config.title
        siteValues["base_url"] = config.baseURL
        siteValues["base_path"] = config.basePath
        siteValues["language"] = config.language
        siteValues["home_url"] = config.basePath + "/"
        siteValues["feed_url"] = config.basePath + "/feed.xml"
        let pages = site.pages
        let isListed = { (page: Page) in page.kind == .regular && page.url != "/" }
        pageList = Lazy { Self.byDate(pages.filter(isListed)).map { Self.summary($0, config: config) } }
        siteValues["page_count"] = pages.count(where: isListed)
        // Which generated pages exist, so templates link only to those.
        let collections = site.model.collections
        siteValues["has_figures"] = !collections.isEmpty
        for name in ["claims", "sources", "deals", "companies"] {
            siteValues["has_" + (name == "claims" ? "checks" : name)] = collections[name] != nil
        }
        let nav = Self.inListOrder(site.pages.filter { Self.isInNavigation($0) })
        siteValues["nav"] = nav.map { Self.summary($0, config: config) }
        siteValues["has_nav"] = !nav.isEmpty

        var assets: [String: Any] = [:]
        for asset in site.assets { assets[asset.templateKey] = config.basePath + "/" + asset.outputPath }
        var data: [String: Any] = [:]
        for collection in site.data {
            // Translated text in the context's language (`DataTranslations`).
            data[collection.name] = collection.records(in: config.language).map { Self.value($0) }
            data[collection.name + "_count"] = collection.records.count
        }
        shared = ["site": siteValues, "assets": assets, "data": data]
        let templates = site.templates
        let layoutUsesPages = templates.dependencies(of: "layout").contains("pagelist")
        templatesUsingPages = Set(templates.names.union(["layout", "404"]).filter { name in
            layoutUsesPages || templates.dependencies(of: name).contains("pagelist")
        })
        // Formatting every figure costs time on large sites; only when a template reads them.
        if site.templates.texts.values.contains(where: { $0.contains("figures.") }) {
            shared["figures"] = Self.figures(site)
        }
    }

    /// Every figure, formatted in the site's language, as `figures.<collection>.<id>.<field>`:
    /// templates reach the same values as prose (a nested field keeps its dots: `capex.2024`).
    package static func figures(_ site: LoadedSite) -> [String: Any] {
        let locale = QuantityLocale(identifier: site.config.language) ?? .en
        var byCollection: [String: [String: [String: Any]]] = [:]
        for (reference, figure) in site.model.figures {
            let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
            guard parts.count >= 2 else { continue }
            // A named figure (`figures.x`) has no field: templates write `figures.figures.x.value`.
            byCollection[parts[0], default: [:]][parts[1], default: [:]][parts.count == 3 ? parts[2] : "value"] = FigureText.format(figure, locale: locale)
        }
        return byCollection
    }

    /// What every page rendered with `template` sees before its own values.
    func shared(for template: String) -> [String: Any] {
        guard templatesUsingPages.contains(template) else { return shared }
        var values = shared
        var siteValues = values["site"] as! [String: Any]
        siteValues["pages"] = pageList.value
        values["site"] = siteValues
        return values
    }

    /// The context for one page, its rendered Markdown given as `content`.
    package func context(for page: Page, content: String) -> [String: Any] {
        var context = shared(for: site.templates.templateName(for: page))
        var values = Self.summary(page, config: site.config)
        values["content"] = content
        values["is_home"] = page.url == "/"
        values["is_list"] = page.kind == .list
        if page.kind == .list {
            let children = site.pages.filter { Self.isChild($0, of: page) }
            values["pages"] = Self.inListOrder(children).map { Self.summary($0, config: site.config) }
        }
        context["page"] = values
        return context
    }

    /// What a page shows of itself in lists, feeds and its own template.
    package static func summary(_ page: Page, config: SiteConfig) -> [String: Any] {
        var values: [String: Any] = [:]
        if let entries = page.meta.node?.entries {
            for entry in entries { values[entry.key] = value(entry.value) }
        }
        let meta = page.meta
        values["title"] = meta.title
        values["menu"] = page.meta.node?["menu"]?.text ?? meta.title
        values["url"] = config.basePath + page.url
        values["permalink"] = config.origin + config.basePath + page.url
        values["tags"] = meta.tags
        values["has_tags"] = !meta.tags.isEmpty
        if let description = meta.description { values["description"] = description }
        if let date = meta.date {
            values["date"] = date.day
            values["date_iso"] = date.rfc3339
            values["date_display"] = DateText.display(date, language: meta.lang ?? config.language)
        }
        if let updated = meta.updated {
            values["updated"] = updated.day
            values["updated_iso"] = updated.rfc3339
        }
        return values
    }

    /// Newest first; undated pages after dated ones, by title: the order of a blog's home.
    static func byDate(_ pages: [Page]) -> [Page] {
        pages.sorted { a, b in
            switch (a.meta.date, b.meta.date) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (a.meta.title, a.url) < (b.meta.title, b.url)
            }
        }
    }

    /// `order` first (pages without come after), then newest first.
    static func inListOrder(_ pages: [Page]) -> [Page] {
        let dated = byDate(pages)
        let rank = Dictionary(uniqueKeysWithValues: dated.enumerated().map { ($1.url, $0) })
        return dated.sorted { a, b in
            switch (a.meta.order, b.meta.order) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return rank[a.url]! < rank[b.url]!
            }
        }
    }

    /// The masthead lists the top level: root pages and top-level folders, not the home page.
    package static func isInNavigation(_ page: Page) -> Bool { Page.isInNavigation(page) }

    /// Direct children: the pages of the folder, and the list or index page of each subfolder.
    static func isChild(_ candidate: Page, of list: Page) -> Bool {
        guard candidate.url != list.url else { return false }
        if candidate.kind == .regular && candidate.section == list.section && !candidate.sourcePath.hasSuffix("/index.md") {
            return true
        }
        // A subfolder's own page (its list, or its index.md) sits one level below.
        let folder = candidate.kind == .list || candidate.sourcePath.hasSuffix("/index.md") ? candidate.section : nil
        guard let folder, !folder.isEmpty else { return false }
        let parent = folder.split(separator: "/").dropLast().joined(separator: "/")
        return parent == list.section
    }

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
