import Foundation
import Testing
@testable import Serve

@Suite("Nothing outside the folder")
struct TraversalTests {
    @Test("hostile paths get 404 and never the secret")
    func hostilePaths() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("index.html", "<html><body>home</body></html>")
        try site.write("404.html", "<html><body>site 404</body></html>")
        try site.write("style.css", "body {}")
        // Symbolic links out of the folder: to a file, and to a folder.
        try FileManager.default.createSymbolicLink(atPath: site.site.appendingPathComponent("leak.txt").path,
                                                   withDestinationPath: site.root.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.site.appendingPathComponent("up").path,
                                                   withDestinationPath: "..")
        try await withServer(site: site) { server in
            let absolute = site.root.appendingPathComponent("secret.txt").path
            let targets = [
                "/../Package.swift",
                "/%2e%2e/Package.swift",
                "/%2E%2E/Package.swift",
                "/..%2fPackage.swift",
                "/..%2FPackage.swift",
                "/%2e%2e%2fPackage.swift",
                "/.%2e/Package.swift",
                "/power/../../Package.swift",
                "/./../Package.swift",
                "/..\\Package.swift",
                "/..%5cPackage.swift",
                "/%2e%2e/secret.txt",
                absolute,
                "/" + absolute,
                "/%2F" + String(absolute.dropFirst()),
                "http://127.0.0.1/../Package.swift",
                "/index.html%00.txt",
                "/%00",
                "/..%00/Package.swift",
                "/%ff%fe",
                "/leak.txt",
                "/up/secret.txt",
                "/up/Package.swift",
                "/up/",
                "Package.swift",
                "*",
            ]
            for target in targets {
                let response = try await server.get(target)
                #expect(response.status == 404, "\(target)")
                #expect(!response.rawText.contains(TestSite.secret), "\(target)")
            }
            // A raw NUL byte in the request line: no secret, whatever the answer.
            let raw = try await RawHTTP.exchange(port: server.port, bytes: Array("GET /../Package.swift\0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
            #expect(!String(decoding: raw, as: UTF8.self).contains(TestSite.secret))

            // A link that stays inside is fine.
            try FileManager.default.createSymbolicLink(atPath: site.site.appendingPathComponent("alias.css").path,
                                                       withDestinationPath: "style.css")
            let alias = try await server.get("/alias.css")
            #expect(alias.status == 200)
            #expect(alias.text == "body {}")
        }
    }

    @Test("decoding rejects what could leave the folder", arguments: [
        "/../x", "/%2e%2e/x", "/..%2fx", "/a/%2E%2E/%2E%2E/x", "/a%00b", "/a\\b", "/%zz", "x", "",
    ])
    func decodeRejects(target: String) {
        #expect(SiteResolver.decode(target: target) == nil)
    }

    @Test("decoding keeps ordinary paths")
    func decodeKeeps() {
        #expect(SiteResolver.decode(target: "/")?.components == [])
        #expect(SiteResolver.decode(target: "/")?.trailingSlash == true)
        #expect(SiteResolver.decode(target: "/a%20b/c.html")?.components == ["a b", "c.html"])
        #expect(SiteResolver.decode(target: "/power")?.trailingSlash == false)
        #expect(SiteResolver.decode(target: "/power/")?.trailingSlash == true)
        #expect(SiteResolver.decode(target: "/./a//b")?.components == ["a", "b"])
        #expect(SiteResolver.decode(target: "/..a/b..")?.components == ["..a", "b.."])
    }
}
