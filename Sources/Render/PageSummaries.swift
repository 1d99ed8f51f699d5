import Foundation
import Load

/// What each page shows of itself (`TemplateContext.summary`), made once per build and
/// shared: a page's own template, the home page's `site.pages`, its folder's list and every
/// language's context read the same dictionary. On a 10,000-page site this was made three
/// times a page, its dates formatted each time. Made on first use, by whichever thread
/// needs it: a build that renders one page makes one summary (and a list's, its pages').
///
/// Also the folders' pages, grouped once (`children(of:)`), where each list page filtered
/// every page of the site.
final class PageSummaries: @unchecked Sendable {
    /// The site's pages, indexed as `LoadedSite.pages`.
    let pages: [Page]
    let config: SiteConfig
    /// `config.basePath` and `config.origin`, which are worked out from `base_url` on every read.
    let basePath: String
    let origin: String
    private let lock = NSLock()
    private var made: [[String: Any]?]
    /// Each page's sort key (`listKey(_:)`), made on first use like `made`.
    private var keys: [ListKey?]
    /// The default language's pages by the folder whose list shows them (`listFolder(of:)`).
    private let folders: Lazy<[String: [Int]]>

    init(site: LoadedSite) {
        pages = site.pages
        config = site.config
        basePath = config.basePath
        origin = config.origin
        made = Array(repeating: nil, count: pages.count)
        keys = Array(repeating: nil, count: pages.count)
        let pages = pages
        folders = Lazy {
            var byFolder: [String: [Int]] = [:]
            for index in pages.indices where pages[index].language == nil {
                if let folder = Self.listFolder(of: pages[index]) { byFolder[folder, default: []].append(index) }
            }
            return byFolder
        }
    }

    /// The summary of the page at `index`.
    func summary(_ index: Int) -> [String: Any] {
        lock.lock()
        if let summary = made[index] {
            lock.unlock()
            return summary
        }
        lock.unlock()
        // Made outside the lock; two threads that both make one make the same.
        let summary = TemplateContext.summary(pages[index], config: config, basePath: basePath, origin: origin)
        lock.lock()
        made[index] = summary
        lock.unlock()
        return summary
    }

    /// The sort key of the page at `index`, made once: the home page's list, its folder's
    /// list and the masthead each sorted by it, and each read the page's front matter and
    /// wrote its date out again (issue 16).
    func listKey(_ index: Int) -> ListKey {
        lock.lock()
        if let key = keys[index] {
            lock.unlock()
            return key
        }
        lock.unlock()
        let key = ListKey(pages[index])
        lock.lock()
        keys[index] = key
        lock.unlock()
        return key
    }

    /// The default language's pages the list page at `index` shows, in site order.
    func children(of index: Int) -> [Int] {
        let list = pages[index]
        return (folders.value[list.section] ?? []).filter { pages[$0].url != list.url }
    }

    /// The folder whose list shows `page`: a list's direct children are the pages of its
    /// folder and the list or `index.md` of each subfolder. So a regular page's own folder;
    /// for a subfolder's list or `index.md`, the folder above; nil for the root's.
    static func listFolder(of page: Page) -> String? {
        let isIndex = page.sourcePath.hasSuffix("/index.md")
        if page.kind == .regular && !isIndex { return page.section }
        guard !page.section.isEmpty else { return nil }
        return page.section.split(separator: "/").dropLast().joined(separator: "/")
    }
}

/// What lists sort pages by, read once a page: a sort compares each page about 2 log₂ n
/// times, and each comparison of two `SiteDate`s writes both out as RFC 3339 again.
struct ListKey {
    let date: SiteDate?
    /// `date.rfc3339`, which `SiteDate`'s `<` compares.
    let instant: String?
    let order: Int?
    let title: String
    let url: String

    init(_ page: Page) {
        let meta = page.meta
        date = meta.date
        instant = meta.date?.rfc3339
        order = meta.order
        title = meta.title
        url = page.url
    }

    /// Newest first; undated pages after dated ones, by title (then address).
    func isNewer(than other: ListKey) -> Bool {
        switch (date, other.date) {
        // As `SiteDate`'s own `!=` and `>`: different texts, compared as RFC 3339.
        case let (x?, y?) where x != y: return instant! > other.instant!
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (title, url) < (other.title, other.url)
        }
    }

    /// `order` first (pages without come after), then newest first.
    func isListedBefore(_ other: ListKey) -> Bool {
        switch (order, other.order) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return isNewer(than: other)
        }
    }
}
