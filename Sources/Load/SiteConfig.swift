import Diagnostics

/// `content/site.yaml`: the site's title, address, language and Markdown options.
public struct SiteConfig: Sendable {
    public var title: String
    public var baseURL: String
    public var language: String
    public var languages: [String]
    public var author: String?
    public var description: String?
    public var unsafeHTML: Bool
    /// Every field as written, for templates (`{{site.any_field}}`).
    package var node: YAMLNode?

    package static let fileName = "site.yaml"

    /// Reads the config; a missing file is an error because the feed and sitemap need a title and address.
    package static func load(_ node: YAMLNode?, file: String, baseURLOverride: String?) -> (SiteConfig, [Diagnostic]) {
        var reader = FieldReader(node)
        var diagnostics: [Diagnostic] = []
        let title = reader.string("title")
        if title == nil, reader.location(of: "title") == nil {
            diagnostics.append(.error(at: .start(of: file), "site.yaml needs a 'title'"))
        }
        var baseURL = baseURLOverride ?? reader.string("base_url") ?? "http://localhost:8000/"
        if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            let location = baseURLOverride == nil
                ? (reader.location(of: "base_url") ?? .start(of: file))
                : SourceLocation(file: "--base-url", line: 1, column: 1)
            diagnostics.append(.error(at: location, "base_url must start with http:// or https://, not '\(baseURL)'"))
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        var unsafeHTML = false
        if let markdown = node?["markdown"] {
            var markdownReader = FieldReader(markdown)
            unsafeHTML = markdownReader.bool("unsafe_html") ?? false
            diagnostics += markdownReader.diagnostics
        }
        let language = reader.string("language") ?? "en"
        let config = SiteConfig(
            title: title ?? "Untitled",
            baseURL: baseURL,
            language: language,
            languages: reader.strings("languages") ?? [language],
            author: reader.string("author"),
            description: reader.string("description"),
            unsafeHTML: unsafeHTML,
            node: node
        )
        return (config, diagnostics + reader.diagnostics)
    }

    /// The path part of `base_url` without its trailing slash: `""` for a site at the
    /// root of its host, `/capex` for a GitHub Pages project site.
    public var basePath: String {
        let afterScheme = baseURL.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard afterScheme.count == 3 else { return "" }
        let rest = afterScheme[2]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        var path = String(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// `https://example.org` without the path: absolute URLs are origin + site-relative URL.
    public var origin: String {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        let path = basePath
        return path.isEmpty ? url : String(url.dropLast(path.count))
    }
}
