import Foundation
import Testing
@testable import Serve

@Suite("Static serving")
struct StaticServingTests {
    static let files: [(path: String, contentType: String)] = [
        ("/style.css", "text/css; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/logo.svg", "image/svg+xml; charset=utf-8"),
        ("/feed.xml", "application/xml; charset=utf-8"),
        ("/data.json", "application/json; charset=utf-8"),
        ("/table.csv", "text/csv; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/images/chart.png", "image/png"),
        ("/images/photo.JPG", "image/jpeg"),
        ("/images/photo.webp", "image/webp"),
        ("/fonts/body.woff2", "font/woff2"),
        ("/favicon.ico", "image/x-icon"),
        ("/download.bin", "application/octet-stream"),
    ]

    func makeSite() throws -> TestSite {
        let site = try TestSite()
        try site.write("index.html", "<!doctype html><html><body><h1>Home</h1></body></html>\n")
        try site.write("power/index.html", "<!doctype html><html><body><h1>Power</h1></body></html>\n")
        try site.write("empty-folder/readme.txt", "no index here\n")
        try site.write("404.html", "<!doctype html><html><body><h1>Lost: the site's own 404</h1></body></html>\n")
        for file in Self.files {
            try site.write(String(file.path.dropFirst()), "content of \(file.path)\n")
        }
        return site
    }

    @Test("content types, with utf-8 for text")
    func contentTypes() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site: site) { server in
            for file in Self.files {
                let response = try await server.get(file.path)
                #expect(response.status == 200, "\(file.path)")
                #expect(response.header("Content-Type") == file.contentType, "\(file.path)")
                #expect(response.text == "content of \(file.path)\n", "\(file.path)")
            }
            let home = try await server.get("/")
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
        }
    }

    @Test("index.html for folders, a redirect without the trailing slash")
    func folders() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site: site) { server in

            let home = try await server.get("/")
            #expect(home.status == 200)
            #expect(home.text.contains("<h1>Home</h1>"))

            let power = try await server.get("/power/")
            #expect(power.status == 200)
            #expect(power.text.contains("<h1>Power</h1>"))

            let redirect = try await server.get("/power")
            #expect(redirect.status == 302)
            #expect(redirect.header("Location") == "/power/")

            let withQuery = try await server.get("/power?lang=en")
            #expect(withQuery.header("Location") == "/power/?lang=en")

            let direct = try await server.get("/power/index.html")
            #expect(direct.status == 200)

            // A folder without index.html, and a file asked for as a folder.
            #expect(try await server.get("/empty-folder/").status == 404)
            #expect(try await server.get("/empty-folder").status == 404)
            #expect(try await server.get("/style.css/").status == 404)
        }
    }

    @Test("the site's 404.html with status 404; a built-in page when it has none")
    func notFound() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site: site) { server in
            let missing = try await server.get("/no/such/page")
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "text/html; charset=utf-8")
            #expect(missing.text.contains("Lost: the site's own 404"))

            try FileManager.default.removeItem(at: site.site.appendingPathComponent("404.html"))
            let fallback = try await server.get("/no/such/page")
            #expect(fallback.status == 404)
            #expect(fallback.text.contains("404 Not Found"))
        }
    }

    @Test("a language tree's own 404.html for a page missing in it; the site's elsewhere")
    func notFoundPerLanguage() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write("es/404.html", "<!doctype html><html lang=\"es\"><body><h1>Página no encontrada</h1></body></html>\n")
        try await withServer(site: site) { server in
            for target in ["/es/no-such-page/", "/es/a/b/c", "/es/nada"] {
                let missing = try await server.get(target)
                #expect(missing.status == 404, "\(target)")
                #expect(missing.text.contains("Página no encontrada"), "\(target)")
            }
            let elsewhere = try await server.get("/no/such/page")
            #expect(elsewhere.status == 404)
            #expect(elsewhere.text.contains("Lost: the site's own 404"))
        }
    }

    @Test("HEAD: headers and length of GET, no body")
    func head() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site: site) { server in
            for target in ["/", "/style.css", "/nothing-here"] {
                let get = try await server.get(target)
                let head = try await server.get(target, method: "HEAD")
                #expect(head.status == get.status, "\(target)")
                #expect(head.header("Content-Type") == get.header("Content-Type"), "\(target)")
                #expect(head.header("Content-Length") == String(get.body.count), "\(target)")
                #expect(head.body.isEmpty, "\(target)")
            }
        }
    }

    @Test("only GET and HEAD")
    func otherMethods() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site: site) { server in
            for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
                let response = try await server.get("/", method: method, headers: ["Content-Length: 0"])
                #expect(response.status == 405, "\(method)")
                #expect(response.header("Allow") == "GET, HEAD")
            }
        }
    }

    @Test("the folder may be replaced wholesale by rename between requests")
    func replacedFolder() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site: site) { server in
            #expect(try await server.get("/").text.contains("<h1>Home</h1>"))

            let staging = site.root.appendingPathComponent("site-new")
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data("<html><body><h1>Second build</h1></body></html>".utf8).write(to: staging.appendingPathComponent("index.html"))
            try FileManager.default.moveItem(at: site.site, to: site.root.appendingPathComponent("site-old"))
            try FileManager.default.moveItem(at: staging, to: site.site)

            let after = try await server.get("/")
            #expect(after.status == 200)
            #expect(after.text.contains("<h1>Second build</h1>"))
            #expect(try await server.get("/style.css").status == 404)
        }
    }

    @Test("content type table", arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("a/b/page.HTM", "text/html; charset=utf-8"),
        ("main.mjs", "text/javascript; charset=utf-8"),
        ("site.webmanifest", "application/manifest+json; charset=utf-8"),
        ("font.woff", "font/woff"),
        ("photo.jpeg", "image/jpeg"),
        ("Makefile", "application/octet-stream"),
        (".hidden", "application/octet-stream"),
    ])
    func contentTypeTable(name: String, expected: String) {
        #expect(ContentTypes.forPath(name) == expected)
    }
}
