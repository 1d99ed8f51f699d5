import Diagnostics
import Foundation
import Load
import Model

/// What a page says of itself when it is shared or read by a search engine: the values
/// behind its Open Graph and Twitter tags (`SocialTags`) and its JSON-LD (`StructuredData`).
struct PageShare {
    /// Which schema.org type and `og:type` the page takes.
    enum Kind: Equatable {
        /// `/`: `website`, schema.org `WebSite`.
        case home
        /// A chapter (a Markdown page other than the home and lists): `article`, `NewsArticle`.
        case article
        /// `/data/`: `website`, `Dataset` with its files as `distribution`.
        case dataset
        /// Lists and the other generated pages: `website`, `WebPage`.
        case page
    }

    var kind: Kind
    var title: String
    var description: String
    /// Absolute: `https://example.org/capex/money/`.
    var url: String
    /// `en`, `es`: the page's language.
    var language: String
    var image: ShareImage?
    var published: SiteDate?
    /// `updated` in front matter, else `published`.
    var modified: SiteDate?
    /// The http(s) addresses of the sources behind the figures and charts the page cites, sorted.
    var basedOn: [String] = []
    /// `/data/`'s files: absolute URL and media type.
    var distribution: [(url: String, format: String)] = []
}

/// An image for a shared page: a chart's PNG or the site's default image.
struct ShareImage: Equatable {
    /// Absolute URL.
    var url: String
    var width: Int?
    var height: Int?
    var alt: String
}

/// What every page's share values draw on, read once per build: the site's default image
/// (site.yaml `image`, with `image_alt`; its pixel size read from the file when it is a PNG
/// in `content/`), the author and publisher, and each source's address.
struct ShareSite {
    let config: SiteConfig
    let defaultImage: ShareImage?
    /// Source id → its `url`, only http(s) ones.
    let sourceURLs: [String: String]
    /// `content/card.png`: the default image when it is a file of the site.
    let imageFile: String?
    /// The site's interface words, for the images' alt text.
    let translations: Translations

    /// A warning when site.yaml names an image in the site that the build does not copy.
    var problems: [Diagnostic] {
        guard let imageFile, defaultImage == nil, let node = config.node?["image"] else { return [] }
        return [.warning(at: node.location, "site.yaml's image '\(node.text ?? "")' is not a file in content/ (\(imageFile) was not found); pages are shared without an image")]
    }

    init(site: LoadedSite) {
        config = site.config
        translations = site.translations
        var urls: [String: String] = [:]
        for record in site.model.records("sources") {
            if let url = record.text("url"), url.hasPrefix("https://") || url.hasPrefix("http://") { urls[record.id] = url }
        }
        sourceURLs = urls
        (defaultImage, imageFile) = Self.image(site: site)
    }

    /// What a page's share tags use besides its own text, as manifest keys: the default
    /// image's file (its pixel size), and the sources' addresses when the page cites figures.
    func dependencies(citing: Bool) -> [String] {
        (imageFile.map { ["file:" + $0] } ?? []) + (citing ? ["data:sources"] : [])
    }

    /// site.yaml `image`: an absolute http(s) URL, or a path in the site (`/card.png`, `card.png`).
    private static func image(site: LoadedSite) -> (ShareImage?, String?) {
        let config = site.config
        guard let written = config.node?["image"]?.text?.trimmingCharacters(in: .whitespaces), !written.isEmpty else { return (nil, nil) }
        let alt = config.node?["image_alt"]?.text ?? config.title
        if written.hasPrefix("https://") || written.hasPrefix("http://") { return (ShareImage(url: written, alt: alt), nil) }
        let path = written.hasPrefix("/") ? String(written.dropFirst()) : written
        var image = ShareImage(url: config.origin + config.basePath + "/" + path, alt: alt)
        let file = URL(fileURLWithPath: site.root.isEmpty ? "." : site.root).appendingPathComponent("content/" + path)
        guard site.staticFiles.contains("content/" + path) else { return (nil, "content/" + path) }
        if let handle = try? FileHandle(forReadingFrom: file), let head = try? handle.read(upToCount: 24),
           let size = PNGHeader.size(head) {
            image.width = size.width
            image.height = size.height
        }
        return (image, "content/" + path)
    }

    /// The share values of a page: `charts` are the charts it shows (the first with a PNG
    /// gives the image), `cited` the references its prose and charts cite.
    func share(kind: PageShare.Kind, title: String, description: String?, path: String, language: String,
               published: SiteDate? = nil, updated: SiteDate? = nil, charts: [ChartOutput] = [],
               cited: Set<String> = [], model: StoryModel) -> PageShare {
        var image = defaultImage
        if let chart = charts.first(where: { $0.png != nil }), let png = chart.png {
            let size = PNGHeader.size(png)
            // The PNG of the page's own language, written in its tree (`/es/charts/…`).
            image = ShareImage(url: config.origin + config.basePath + config.treePath(language) + "/charts/\(chart.id).png", width: size?.width, height: size?.height,
                               alt: NewsroomWords.word("image_alt_chart", translations.words(for: NewsroomWords.code(language)), ["title": chart.title]))
        }
        var sources = Set<String>()
        for reference in cited { sources.formUnion(model.figures[reference]?.sources ?? []) }
        for chart in charts { sources.formUnion(chart.sources) }
        return PageShare(
            kind: kind, title: title, description: description ?? config.localized(language).description ?? title,
            url: config.origin + config.basePath + path, language: language, image: image,
            published: published, modified: updated ?? published,
            basedOn: Set(sources.compactMap { sourceURLs[$0] }).sorted()
        )
    }

    /// The `<meta>` tags and the JSON-LD `<script>` of a page, for `{{{page.share_html}}}`.
    func headHTML(_ share: PageShare) -> String {
        SocialTags(config: config).html(share) + "\n" + StructuredData(config: config).script(share)
    }
}
