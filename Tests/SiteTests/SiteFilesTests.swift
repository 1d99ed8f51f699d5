import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

@Suite("sitemap, feed, robots and 404")
struct SiteFilesTests {
    @Test func sitemapListsEveryPageWithAbsoluteURLs() throws {
        let site = try FixtureSite()
        site.build()
        let document = try XMLDocument(xmlString: site.read("sitemap.xml"))
        let locations = try document.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
        #expect(locations == [
            "https://example.org/story/", "https://example.org/story/about/", "https://example.org/story/data/",
            "https://example.org/story/figures/", "https://example.org/story/notes/", "https://example.org/story/notes/one/",
            "https://example.org/story/posts/", "https://example.org/story/posts/first/",
            "https://example.org/story/posts/renamed/",
        ])
        let modified = try document.nodes(forXPath: "//*[local-name()='lastmod']").compactMap(\.stringValue)
        // about's `updated` wins over its `date`.
        #expect(modified == ["2024-03-01", "2024-02-01", "2024-01-10", "2024-03-10"])
    }

    @Test func feedIsAtomWithNewestFirstAndNoBuildTime() throws {
        let site = try FixtureSite()
        site.build()
        let document = try XMLDocument(xmlString: site.read("feed.xml"))
        let root = try #require(document.rootElement())
        #expect(root.name == "feed")
        #expect(root.uri == "http://www.w3.org/2005/Atom")
        func values(_ path: String) throws -> [String] {
            try document.nodes(forXPath: path).compactMap(\.stringValue)
        }
        #expect(try values("/*/*[local-name()='title']") == ["Fixture & Co"])
        #expect(try values("/*/*[local-name()='updated']") == ["2024-03-10T00:00:00Z"])
        #expect(try values("//*[local-name()='entry']/*[local-name()='title']") == ["Third post", "Front page", "About <this> site", "First post"])
        #expect(try values("//*[local-name()='entry']/*[local-name()='id']").first == "https://example.org/story/posts/renamed/")
        #expect(try values("//*[local-name()='entry']/*[local-name()='summary']") == [#"What "this" is."#, "The first one."])
        let selfLink = try document.nodes(forXPath: "/*/*[local-name()='link'][@rel='self']/@href").first?.stringValue
        #expect(selfLink == "https://example.org/story/feed.xml")
    }

    @Test func baseURLFlagOverridesSiteYAML() throws {
        let site = try FixtureSite()
        site.build(baseURL: "https://news.example.com")
        #expect(site.read("sitemap.xml").contains("<loc>https://news.example.com/about/</loc>"))
        #expect(site.read("feed.xml").contains(#"href="https://news.example.com/feed.xml""#))
        #expect(site.read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://news.example.com/sitemap.xml\n")
        #expect(site.read("index.html").contains(#"href="/assets/style."#), "no base path on a root site")
    }

    @Test func robotsAndNotFoundPage() throws {
        let site = try FixtureSite()
        site.build()
        #expect(site.read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/story/sitemap.xml\n")
        let notFound = site.read("404.html")
        #expect(notFound.contains("<title>Page not found | Fixture &amp; Co</title>"))
        #expect(notFound.contains(#"href="/story/""#), "links work from any depth")
    }
}
