import Diagnostics

/// One page of the site: an authored Markdown file, or a folder's generated list page.
public struct Page: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A Markdown file (`content/power.md`, `content/index.md`).
        case regular
        /// A folder's list of its pages; `_index.md`, if present, gives it front matter and an introduction.
        case list
    }

    public var kind: Kind
    /// The path the user sees in messages, relative to the site root: `content/power.md`.
    public var sourcePath: String
    /// The folder inside `content/` the page belongs to: `""` for the root, `posts` for `content/posts/x.md`.
    public var section: String
    /// Site-relative URL, always with a trailing slash: `/`, `/power/`, `/posts/x/`.
    public var url: String
    public var meta: PageMeta
    /// The Markdown after the front matter.
    public var body: String
    /// The line of the source file on which `body` starts.
    public var bodyFirstLine: Int
    /// The front matter as written, for incremental builds: lists change when it does.
    var frontMatter: String = ""
    /// False when the file has no front matter at all (an `_index.md` may not).
    var hasFrontMatter = true
    /// The body has not been read: the page's file is unchanged since the last build, whose
    /// output is kept unless something else the page uses changed (`LoadedSite.withBody`).
    var bodyPending = false

    /// Where the page is written inside `output/`.
    public var outputPath: String {
        url == "/" ? "index.html" : String(url.dropFirst()) + "index.html"
    }

    /// The location the page's problems are reported at when nothing more precise exists.
    var location: SourceLocation { .start(of: sourcePath) }
}

/// Front matter: the fields Capex knows, plus everything else for templates.
public struct PageMeta: Sendable {
    public var title: String
    public var description: String?
    public var date: SiteDate?
    public var updated: SiteDate?
    public var draft: Bool = false
    public var slug: String?
    public var order: Int?
    public var template: String?
    public var lang: String?
    public var tags: [String] = []
    /// The whole front matter as written, so that templates reach any other field.
    public var node: YAMLNode?

    /// The newest of `updated` and `date`, for the sitemap and feed.
    var lastModified: SiteDate? { updated ?? date }
}
