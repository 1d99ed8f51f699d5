import Load

/// The Open Graph (ogp.me) and Twitter card tags of a page: what a link preview shows.
/// Every value is escaped for an attribute; the image tags come only with an image.
struct SocialTags {
    let config: SiteConfig

    func html(_ share: PageShare) -> String {
        var tags: [(String, String, String)] = [
            ("property", "og:title", share.title),
            ("property", "og:description", share.description),
            ("property", "og:url", share.url),
            ("property", "og:type", share.kind == .article ? "article" : "website"),
            ("property", "og:site_name", config.title),
            ("property", "og:locale", NewsroomWords.ogLocale(share.language)),
        ]
        if let image = share.image {
            tags.append(("property", "og:image", image.url))
            if let width = image.width, let height = image.height {
                tags.append(("property", "og:image:width", String(width)))
                tags.append(("property", "og:image:height", String(height)))
            }
            tags.append(("property", "og:image:alt", image.alt))
        }
        if share.kind == .article {
            // Open Graph's article properties take ISO 8601 date-times.
            if let published = share.published { tags.append(("property", "article:published_time", published.rfc3339)) }
            if let modified = share.modified { tags.append(("property", "article:modified_time", modified.rfc3339)) }
        }
        tags.append(("name", "twitter:card", share.image == nil ? "summary" : "summary_large_image"))
        tags.append(("name", "twitter:title", share.title))
        tags.append(("name", "twitter:description", share.description))
        if let image = share.image {
            tags.append(("name", "twitter:image", image.url))
            tags.append(("name", "twitter:image:alt", image.alt))
        }
        return tags.map { "<meta \($0.0)=\"\($0.1)\" content=\"\(Escape.html($0.2))\">" }.joined(separator: "\n")
    }
}
