import Load
/// The files beside the pages that crawlers and feed readers want: sitemap, Atom feed,
/// robots.txt. Every URL is absolute from `base_url`.
enum SiteFiles {
    /// One sitemap for every language. On a site in several languages each URL lists its
    /// versions (itself included) and `x-default` as `<xhtml:link rel="alternate" hreflang>`
    /// (Google's "Tell Google about localized versions of your page", sitemap method):
    /// `alternates(url)` gives them as (hreflang, site-relative URL), empty for none.
    static func sitemap(pages: [Page], generated: [String] = [], config: SiteConfig,
                        alternates: (String) -> [(String, String)] = { _ in [] }) -> String {
        sitemap(entries: sitemapEntries(pages: pages, generated: generated, config: config, alternates: alternates), config: config)
    }

    /// The sitemap's `<url>` elements of `pages` and `generated`, sorted by URL: made beside
    /// the pages, then merged with the generated pages' (`merging`) once those are known.
    static func sitemapEntries(pages: [Page], generated: [String] = [], config: SiteConfig,
                               alternates: (String) -> [(String, String)] = { _ in [] }) -> [(url: String, xml: String)] {
        let entries = pages.map { ($0.url, $0.meta.lastModified) } + generated.map { ($0, nil as SiteDate?) }
        return entries.sorted(by: { $0.0 < $1.0 }).map { url, modified in
            var xml = "  <url><loc>\(Escape.xml(config.origin + config.basePath + url))</loc>"
            if let modified { xml += "<lastmod>\(modified.day)</lastmod>" }
            let links = alternates(url)
            for (hreflang, href) in links {
                xml += "\n    <xhtml:link rel=\"alternate\" hreflang=\"\(Escape.xml(hreflang))\" href=\"\(Escape.xml(config.origin + config.basePath + href))\"/>"
            }
            xml += links.isEmpty ? "</url>\n" : "\n  </url>\n"
            return (url, xml)
        }
    }

    /// Two lists of entries, each sorted by URL, as one.
    static func merging(_ a: [(url: String, xml: String)], _ b: [(url: String, xml: String)]) -> [(url: String, xml: String)] {
        guard !b.isEmpty else { return a }
        var merged: [(url: String, xml: String)] = []
        merged.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && !(b[j].url < a[i].url)) {
                merged.append(a[i]); i += 1
            } else {
                merged.append(b[j]); j += 1
            }
        }
        return merged
    }

    /// The sitemap of sorted `entries`.
    static func sitemap(entries: [(url: String, xml: String)], config: SiteConfig) -> String {
        let namespaces = config.isMultilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"" : ""
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\(namespaces)>

        """
        xml.reserveCapacity(entries.reduce(xml.utf8.count + 12) { $0 + $1.xml.utf8.count })
        for entry in entries { xml += entry.xml }
        xml += "</urlset>\n"
        return xml
    }

    /// An Atom feed of the dated regular pages in `language` (the default when nil), newest
    /// first, then `extra` (the editions and corrections, `EditionFeed`, already as entries),
    /// at `feed.xml` in that language's tree (`/es/feed.xml`). The feed's own `updated` is the
    /// newest entry's date, never the build time: two builds give the same bytes.
    package static func feed(pages: [Page], config: SiteConfig, language: String? = nil, extra: [FeedEntry] = []) -> String {
        let language = language ?? config.language
        let tree = language == config.language ? nil : language
        let config = config.localized(language)
        let entries = TemplateContext.byDate(pages.filter { $0.kind == .regular && $0.meta.date != nil && $0.language == tree })
        let updated = (entries.compactMap { $0.meta.lastModified?.rfc3339 } + extra.map(\.updated)).max() ?? "1970-01-01T00:00:00Z"
        let home = config.origin + config.basePath + config.treePath(language) + "/"
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(language))">
          <title>\(Escape.xml(config.title))</title>

        """
        if let description = config.description { xml += "  <subtitle>\(Escape.xml(description))</subtitle>\n" }
        xml += """
          <id>\(Escape.xml(home))</id>
          <link rel="alternate" type="text/html" href="\(Escape.xml(home))"/>
          <link rel="self" type="application/atom+xml" href="\(Escape.xml(home + "feed.xml"))"/>
          <updated>\(updated)</updated>
          <author><name>\(Escape.xml(config.author ?? config.title))</name></author>

        """
        for page in entries {
            let url = Escape.xml(permalink(page, config))
            xml += """
              <entry>
                <title>\(Escape.xml(page.meta.title))</title>
                <link rel="alternate" type="text/html" href="\(url)"/>
                <id>\(url)</id>
                <published>\(page.meta.date!.rfc3339)</published>
                <updated>\(page.meta.lastModified!.rfc3339)</updated>

            """
            if let summary = page.meta.description ?? page.meta.node?["summary"]?.text {
                xml += "    <summary>\(Escape.xml(summary))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        for entry in extra {
            xml += """
              <entry>
                <title>\(Escape.xml(entry.title))</title>
                <link rel="alternate" type="text/html" href="\(Escape.xml(entry.url))"/>
                <id>\(Escape.xml(entry.url))</id>
                <updated>\(entry.updated)</updated>
                <summary>\(Escape.xml(entry.summary))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return xml
    }

    static func robots(config: SiteConfig) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(config.origin + config.basePath)/sitemap.xml\n"
    }

    package static func permalink(_ page: Page, _ config: SiteConfig) -> String {
        config.origin + config.basePath + page.url
    }
}
