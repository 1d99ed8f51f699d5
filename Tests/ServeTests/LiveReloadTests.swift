import Foundation
import Testing
@testable import Serve

@Suite("Live reload")
struct LiveReloadTests {
    @Test("the script is in served HTML, not in the file on disk, and only in HTML")
    func injection() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let page = "<!doctype html><html><body><h1>Home</h1></body></html>\n"
        try site.write("index.html", page)
        try site.write("bare.html", "<p>No body element</p>")
        try site.write("404.html", "<html><BODY>lost</BODY></html>")
        try site.write("style.css", "body { color: red }")
        try await withServer(site: site) { server in

            let home = try await server.get("/")
            #expect(home.text.contains(LiveReloadScript.marker))
            #expect(home.text.contains("new EventSource(\"/__capex/events\")"))
            #expect(home.text.hasPrefix("<!doctype html><html><body><h1>Home</h1><script>"))
            #expect(home.text.hasSuffix("</script></body></html>\n"))
            #expect(home.header("Content-Length") == String(home.body.count))
            let onDisk = try String(contentsOf: site.site.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(onDisk == page)

            let bare = try await server.get("/bare.html")
            #expect(bare.text.hasPrefix("<p>No body element</p><script>"))
            #expect(bare.text.hasSuffix("</script>"))

            let missing = try await server.get("/missing")
            #expect(missing.status == 404)
            #expect(missing.text.contains(LiveReloadScript.marker))
            #expect(missing.text.hasSuffix("</script></BODY></html>"))

            let css = try await server.get("/style.css")
            #expect(css.text == "body { color: red }")
        }
    }

    @Test("injection goes before the last </body>, in any case")
    func injectionPlacement() {
        let html = Data("<body>a</body><!-- </body> -->x</BoDy >".utf8)
        let result = String(decoding: LiveReloadScript.inject(into: html, token: "t"), as: UTF8.self)
        #expect(result.hasPrefix("<body>a</body><!-- </body> -->x<script>"))
        #expect(result.hasSuffix("</script></BoDy >"))
        #expect(result.contains("var token = \"t\";"))
        // The script never closes its own element early.
        #expect(!LiveReloadScript.source.contains("</script"))
        #expect(LiveReloadScript.source.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("event stream: reload after a good build, the error after a failed one")
    func eventStream() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("index.html", "<html><body>home</body></html>")
        let recorder = Recorder()
        try await withServer(site: site, recorder: recorder) { server in
            let client = try EventClient(port: server.port)
            defer { client.close() }
            #expect(await client.waitForEvent("hello"))
            #expect(client.head.contains("Content-Type: text/event-stream"))

            try site.write("content/power.md", "# Power, edited\n", in: site.root)
            #expect(await client.waitForEvent("reload"))

            await recorder.setFailing(true)
            try site.write("content/power.md", "# Power {{< chart >}}\n", in: site.root)
            #expect(await client.waitForEvent("build-error"))
            let error = client.events.last { $0.name == "build-error" }
            #expect(error?.data == "content/x.md:3:8: error: unknown shortcode 'chart'\nPower is {{< chart >}}\n       ^~~~~~~~~~~")

            // A tab opened while the last build failed gets the error at once.
            let late = try EventClient(port: server.port)
            defer { late.close() }
            #expect(await late.waitForEvent("build-error"))
            #expect(late.events.last { $0.name == "build-error" }?.data.contains("error: unknown shortcode") == true)

            // The next good build clears it: both reload.
            await recorder.setFailing(false)
            try site.write("content/power.md", "# Power, fixed\n", in: site.root)
            #expect(await client.waitForEvent("reload", count: 2))
            #expect(await late.waitForEvent("reload"))
            #expect(await server.hub.lastFailure == nil)

            // The terminal: a line per rebuild on standard output, the errors on standard error.
            #expect(server.capture.out.contains("Rebuilt content/power.md in 0.01 s"))
            #expect(server.capture.out.contains("Rebuild failed"))
            #expect(server.capture.err.contains { $0.hasPrefix("content/x.md:3:8: error: unknown shortcode") })
        }
    }

    @Test("a page served from an older build reloads when it connects")
    func staleTokenReloads() async throws {
        let hub = LiveReloadHub(serverID: "abc")
        #expect(await hub.token == "abc-0")
        await hub.publish(RebuildOutcome(succeeded: true, message: "ok"))
        #expect(await hub.token == "abc-1")
        await hub.publish(RebuildOutcome(succeeded: false, message: "bad"))
        #expect(await hub.token == "abc-1")
        #expect(await hub.lastFailure == "bad")
        var iterator = await hub.subscribe().makeAsyncIterator()
        let first = String(decoding: await iterator.next() ?? [], as: UTF8.self)
        #expect(first == "retry: 1000\n\nevent: hello\ndata: abc-1\n\n")
        let second = String(decoding: await iterator.next() ?? [], as: UTF8.self)
        #expect(second == "event: build-error\ndata: bad\n\n")
        await hub.finishAll()
        #expect(await iterator.next() == nil)
    }

    @Test("event data lines split on every kind of line break")
    func eventEncoding() {
        let bytes = ServerSentEvent.encode(event: "build-error", data: "a\r\nb\rc\nd")
        #expect(String(decoding: bytes, as: UTF8.self) == "event: build-error\ndata: a\ndata: b\ndata: c\ndata: d\n\n")
        #expect(ServerSentEvent.lines(of: "") == [""])
        #expect(ServerSentEvent.lines(of: "x\n") == ["x", ""])
    }

    @Test("closed tabs are forgotten")
    func closedClients() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await withServer(site: site) { server in
            let client = try EventClient(port: server.port)
            #expect(await client.waitForEvent("hello"))
            #expect(await server.hub.clientCount == 1)
            client.close()
            // The next write to the closed connection fails and drops it.
            #expect(await eventually(.seconds(3)) {
                await server.hub.heartbeat()
                return await server.hub.clientCount == 0
            })
        }
    }
}
