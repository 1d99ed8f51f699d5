import Foundation
import Testing
@testable import Serve

@Suite("Starting and stopping")
struct LifecycleTests {
    @Test("a port in use gives a clear error")
    func portInUse() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await withServer(site: site) { first in
            await #expect(throws: ServeError.portInUse(first.port)) {
                let second = try await RunningServer.start(site: site, port: first.port)
                try? await second.stop()
            }
        }
        #expect(ServeError.portInUse(8000).description == "port 8000 is in use; try --port 8001")
        #expect(ServeError.portInUse(8000).localizedDescription == "port 8000 is in use; try --port 8001")
    }

    @Test("an invalid port is refused")
    func invalidPort() async throws {
        let server = DevServer(siteFolder: URL(fileURLWithPath: "/nonexistent"), port: 70000, watched: []) { _ in
            RebuildOutcome(succeeded: true, message: "")
        }
        await #expect(throws: ServeError.invalidPort(70000)) { try await server.run() }
    }

    @Test("prints the address, listens on 127.0.0.1 only, and stops when cancelled")
    func startAndStop() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("index.html", "<html><body>x</body></html>")
        let server = try await RunningServer.start(site: site)
        #expect(server.capture.out.first == "Serving http://127.0.0.1:\(server.port)/")
        let client = try EventClient(port: server.port)
        #expect(await client.waitForEvent("hello"))
        // run() returns normally on cancellation, with an event stream open.
        try await server.stop()
        client.close()
        await #expect(throws: (any Error).self) { _ = try await server.get("/") }
    }
}
