import Diagnostics

/// One page of the site: an authored Markdown file, or a folder's generated list page.
///
/// A value with its fields in one shared box, copied on write: lists, sorts, filters and
/// each page's render task copy pages by the tens of thousands, and a copy of thirteen
/// fields costs a retain and a release for each of its nine references; a copy of the box,
/// one (`$s4Load4PageVwcp`: 6% of a 10,000-page build's CPU, in swift_retain, before it).
public struct Page: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A Markdown file (`content/power.md`, `content/index.md`).
        case regular
        /// A folder's list of its pages; `_index.md`, if present, gives it front matter and an introduction.
        case list
    }

    /// The fields; replaced by a copy before a change when another page shares it.
    private final class Fields: @unchecked Sendable {
        // Sendable: a box is changed only while one page alone holds it (`fields(changing:)`).
        var kind: Kind
        var sourcePath: String
        var section: String
        var url: String
        var language: String?
        var lazyMeta: Lazy<PageMeta>
        var template: String?
        var isDraft: Bool
        var body: String
        var bodyFirstLine: Int
        var frontMatter: String
        var hasFrontMatter: Bool
        var bodyPending: Bool
        var mayHoldLang: Bool?

        init(kind: Kind, sourcePath: String, section: String, url: String, language: String?, lazyMeta: Lazy<PageMeta>,
             template: String?, isDraft: Bool, body: String, bodyFirstLine: Int, frontMatter: String, hasFrontMatter: Bool,
             bodyPending: Bool) {
            self.kind = kind
            self.sourcePath = sourcePath
            self.section = section
            self.url = url
            self.language = language
            self.lazyMeta = lazyMeta
            self.template = template
            self.isDraft = isDraft
            self.body = body
            self.bodyFirstLine = bodyFirstLine
            self.frontMatter = frontMatter
            self.hasFrontMatter = hasFrontMatter
            self.bodyPending = bodyPending
        }

        func copy() -> Fields {
            let copy = Fields(kind: kind, sourcePath: sourcePath, section: section, url: url, language: language, lazyMeta: lazyMeta,
                              template: template, isDraft: isDraft, body: body, bodyFirstLine: bodyFirstLine, frontMatter: frontMatter,
                              hasFrontMatter: hasFrontMatter, bodyPending: bodyPending)
            copy.mayHoldLang = mayHoldLang
            return copy
        }
    }

    private var fields: Fields

    /// The box, made this page's own first.
    private mutating func changing() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public var kind: Kind {
        get { fields.kind }
        set { changing().kind = newValue }
    }
    /// The path the user sees in messages, relative to the site root: `content/power.md`.
    public var sourcePath: String {
        get { fields.sourcePath }
        set { changing().sourcePath = newValue }
    }
    /// The folder inside `content/` the page belongs to: `""` for the root, `posts` for `content/posts/x.md`.
    public var section: String {
        get { fields.section }
        set { changing().section = newValue }
    }
    /// Site-relative URL, always with a trailing slash: `/`, `/power/`, `/posts/x/`; a
    /// translation's starts with its language's tree: `/es/dinero/`.
    public var url: String {
        get { fields.url }
        set { changing().url = newValue }
    }
    /// The language of a translation (`es` for `content/money.es.md`, a list page of the
    /// `/es/` tree); nil for a page of the default language.
    public var language: String? {
        get { fields.language }
        set { changing().language = newValue }
    }
    /// The front matter's fields; for a page loaded from the cache, parsed when first read.
    public var meta: PageMeta {
        get { fields.lazyMeta.value }
        set {
            let fields = changing()
            fields.lazyMeta = Lazy(ready: newValue)
            fields.template = newValue.template
            fields.isDraft = newValue.draft
        }
    }
    /// `meta.template` and `meta.draft`, known without parsing: every build needs them for
    /// every page, most builds need nothing else from a page they do not render.
    package var template: String? { fields.template }
    var isDraft: Bool { fields.isDraft }
    /// The Markdown after the front matter.
    public var body: String {
        get { fields.body }
        set { changing().body = newValue }
    }
    /// The line of the source file on which `body` starts.
    public var bodyFirstLine: Int {
        get { fields.bodyFirstLine }
        set { changing().bodyFirstLine = newValue }
    }
    /// The front matter as written, for incremental builds: lists change when it does.
    package var frontMatter: String {
        get { fields.frontMatter }
        set {
            let fields = changing()
            fields.frontMatter = newValue
            fields.mayHoldLang = nil
        }
    }
    /// False when the file has no front matter at all (an `_index.md` may not).
    var hasFrontMatter: Bool {
        get { fields.hasFrontMatter }
        set { changing().hasFrontMatter = newValue }
    }
    /// Whether `frontMatter` may hold `lang`, as the cache's scan of these bytes found
    /// (`FrontMatterScans`); nil when not known, and `frontMatter` is scanned.
    var mayHoldLang: Bool? {
        get { fields.mayHoldLang }
        set { changing().mayHoldLang = newValue }
    }
    /// The body has not been read: the page's file is unchanged since the last build, whose
    /// output is kept unless something else the page uses changed (`LoadedSite.withBody`).
    var bodyPending: Bool {
        get { fields.bodyPending }
        set { changing().bodyPending = newValue }
    }

    package init(kind: Kind, sourcePath: String, section: String, url: String, meta: PageMeta, body: String, bodyFirstLine: Int,
         frontMatter: String = "", hasFrontMatter: Bool = true, bodyPending: Bool = false) {
        self.init(kind: kind, sourcePath: sourcePath, section: section, url: url, lazyMeta: Lazy(ready: meta),
                  template: meta.template, isDraft: meta.draft, body: body, bodyFirstLine: bodyFirstLine,
                  frontMatter: frontMatter, hasFrontMatter: hasFrontMatter, bodyPending: bodyPending)
    }

    /// A page whose front matter is parsed by `parse` when first read; `template` and
    /// `isDraft` must be what it will give.
    package init(kind: Kind, sourcePath: String, section: String, url: String, lazyMeta: Lazy<PageMeta>, template: String?, isDraft: Bool,
         body: String, bodyFirstLine: Int, frontMatter: String, hasFrontMatter: Bool, bodyPending: Bool) {
        fields = Fields(kind: kind, sourcePath: sourcePath, section: section, url: url, language: nil, lazyMeta: lazyMeta,
                        template: template, isDraft: isDraft, body: body, bodyFirstLine: bodyFirstLine,
                        frontMatter: frontMatter, hasFrontMatter: hasFrontMatter, bodyPending: bodyPending)
    }

    /// What a page and its translations share: `content/money` for `content/money.md` and
    /// `content/money.es.md`; `folder:posts` for the folder's list or its `index.md` (and
    /// `folder:` for the home page), whichever each language has.
    package var translationKey: String {
        if kind == .list { return "folder:" + section }
        var key = sourcePath.dropLast(3)
        if let language { key = key.dropLast(language.count + 1) }
        if key.hasSuffix("/index") || key == "content/index" {
            return "folder:" + section
        }
        return String(key)
    }

    /// The URL inside the page's language tree: `/dinero/` for `/es/dinero/`.
    package var urlInTree: Substring {
        guard let language else { return url[...] }
        return url.dropFirst(language.count + 1)
    }

    /// Where the page is written inside `output/`.
    public var outputPath: String {
        url == "/" ? "index.html" : String(url.dropFirst()) + "index.html"
    }

    /// The location the page's problems are reported at when nothing more precise exists.
    package var location: SourceLocation { .start(of: sourcePath) }
}

/// Front matter: the fields Capex knows, plus everything else for templates.
public struct PageMeta: Sendable {
    package init(title: String, description: String? = nil, date: SiteDate? = nil, updated: SiteDate? = nil,
                 draft: Bool = false, slug: String? = nil, order: Int? = nil, template: String? = nil,
                 lang: String? = nil, tags: [String] = [], node: YAMLNode? = nil) {
        self.title = title
        self.description = description
        self.date = date
        self.updated = updated
        self.draft = draft
        self.slug = slug
        self.order = order
        self.template = template
        self.lang = lang
        self.tags = tags
        self.node = node
    }

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
    package var lastModified: SiteDate? { updated ?? date }
}

extension Page {
    /// The masthead lists the top level: root pages and top-level folders, not the home page.
    package static func isInNavigation(_ page: Page) -> Bool {
        // `/power/`: one segment, two slashes (inside its language's tree: `/es/dinero/`).
        guard page.urlInTree.utf8.count(where: { $0 == UInt8(ascii: "/") }) == 2 else { return false }
        return page.meta.node?["nav"]?.scalar != .bool(false)
    }
}
