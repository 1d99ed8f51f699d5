import Foundation
import Load

/// A page's schema.org description as JSON-LD (`<script type="application/ld+json">`):
/// `NewsArticle` for a chapter, `WebSite` for the home page, `Dataset` for `/data/`,
/// `WebPage` for the others. The properties are those of Google's Article and Dataset rich
/// results (developers.google.com/search/docs/appearance/structured-data/article, …/dataset):
/// headline, image, datePublished, dateModified, author with a name and url, publisher;
/// name, description, distribution (DataDownload with encodingFormat and contentUrl).
///
/// site.yaml: `author` (a name; `author_url`, and `author_type: Person | Organization`,
/// Person when absent), `publisher` (a name; the site's title when absent), `license`.
struct StructuredData {
    let config: SiteConfig

    /// The object for `share`, as Foundation JSON values.
    func object(_ share: PageShare) -> [String: Any] {
        var object: [String: Any] = ["@context": "https://schema.org", "url": share.url, "inLanguage": share.language,
                                     "description": share.description]
        switch share.kind {
        case .home:
            object["@type"] = "WebSite"
            object["name"] = config.title
            object["publisher"] = publisher
        case .article:
            object["@type"] = "NewsArticle"
            object["headline"] = share.title
            object["mainEntityOfPage"] = share.url
            object["author"] = [author]
            object["publisher"] = publisher
            if let published = share.published { object["datePublished"] = Self.date(published) }
            if let modified = share.modified { object["dateModified"] = Self.date(modified) }
        case .dataset:
            object["@type"] = "Dataset"
            object["name"] = share.title
            object["creator"] = author
            object["publisher"] = publisher
            object["isAccessibleForFree"] = true
            if let license = config.node?["license"]?.text { object["license"] = license }
            object["distribution"] = share.distribution.map {
                ["@type": "DataDownload", "encodingFormat": $0.format, "contentUrl": $0.url] as [String: Any]
            }
        case .page:
            object["@type"] = "WebPage"
            object["name"] = share.title
            object["isPartOf"] = ["@type": "WebSite", "name": config.title, "url": config.baseURL] as [String: Any]
        }
        if let image = share.image, share.kind != .home {
            var value: [String: Any] = ["@type": "ImageObject", "url": image.url]
            if let width = image.width, let height = image.height {
                value["width"] = width
                value["height"] = height
            }
            object["image"] = [value]
        }
        if !share.basedOn.isEmpty, share.kind != .home { object["isBasedOn"] = share.basedOn }
        return object
    }

    /// The `<script>` element: keys sorted (the same bytes every build), slashes left
    /// readable, and every `<` written `\u003c` so that no value can close the script
    /// (`</script>`) or open a comment (`<!--`).
    func script(_ share: PageShare) -> String {
        "<script type=\"application/ld+json\">" + Self.json(object(share)) + "</script>"
    }

    static func json(_ object: [String: Any]) -> String {
        if let text = JSONText.encode(object) { return text }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// A bare date stays a date (`2025-12-17`: the page does not say the hour); a time is RFC 3339.
    static func date(_ date: SiteDate) -> String {
        date.text.utf8.count == 10 ? date.text : date.rfc3339
    }

    private var author: [String: Any] {
        let name = config.author ?? config.node?["publisher"]?.text ?? config.title
        let type = config.node?["author_type"]?.text == "Organization" ? "Organization" : "Person"
        var value: [String: Any] = ["@type": config.author == nil ? "Organization" : type, "name": name]
        value["url"] = config.node?["author_url"]?.text ?? config.baseURL
        return value
    }

    private var publisher: [String: Any] {
        ["@type": "Organization", "name": config.node?["publisher"]?.text ?? config.title, "url": config.baseURL]
    }
}
