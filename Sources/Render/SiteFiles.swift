import Load
/// The files beside the pages that crawlers and feed readers want: sitemap, Atom feed,
/// robots.txt. Every URL is absolute from `base_url`.
enum SiteFiles {
    static func sitemap(pages: [Page], generated: [String] = [], config: SiteConfig) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        let entries = pages.map { ($0.url, $0.meta.lastModified) } + generated.map { ($0, nil as SiteDate?) }
        for (url, modified) in entries.sorted(by: { $0.0 < $1.0 }) {
            xml += "  <url><loc>\(Escape.xml(config.origin + config.basePath + url))</loc>"
            if let modified { xml += "<lastmod>\(modified.day)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// An Atom feed of the dated regular pages, newest first, then `extra` (the editions and
    /// corrections, `EditionFeed`, already as entries). The feed's own `updated` is the newest
    /// entry's date, never the build time: two builds give the same bytes.
    package static func feed(pages: [Page], config: SiteConfig, extra: [FeedEntry] = []) -> String {
        let entries = TemplateContext.byDate(pages.filter { $0.kind == .regular && $0.meta.date != nil })
        let updated = (entries.compactMap { $0.meta.lastModified?.rfc3339 } + extra.map(\.updated)).max() ?? "1970-01-01T00:00:00Z"
        let home = config.origin + config.basePath + "/"
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(config.language))">
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
