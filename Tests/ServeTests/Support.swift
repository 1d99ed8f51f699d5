import Foundation
import Testing
@testable import Serve
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - A site on disk

/// A temporary project: `site/` (served), `content/` and `templates/` (watched),
/// and secrets beside `site/` that must never be served.
struct TestSite: Sendable {
    let root: URL
    var site: URL { root.appendingPathComponent("site") }
    var content: URL { root.appendingPathComponent("content") }
    var templates: URL { root.appendingPathComponent("templates") }
    static let secret = "TOP-SECRET-7f3a9c"

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("serve-tests-\(UUID().uuidString)", isDirectory: true)
        for folder in [site, content, templates] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try write("Package.swift", "// \(Self.secret) package\n", in: root)
        try write("secret.txt", "\(Self.secret) beside the site\n", in: root)
        try write("content/power.md", "# Power\n", in: root)
        try write("templates/base.html", "<html>{{ body }}</html>\n", in: root)
    }

    func write(_ relative: String, _ text: String, in base: URL? = nil) throws {
        let url = (base ?? site).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

// MARK: - Output capture and rebuild recording

final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var outLines: [String] = []
    private var errLines: [String] = []

    var out: [String] { lock.withLock { outLines } }
    var err: [String] { lock.withLock { errLines } }

    var console: Console {
        Console(out: { text in self.lock.withLock { self.outLines.append(text) } },
                err: { text in self.lock.withLock { self.errLines.append(text) } })
    }
}

/// Records rebuild calls; can hold a rebuild open for a while and switch between success and failure.
actor Recorder {
    private(set) var calls: [[String]] = []
    private(set) var active = 0
    private(set) var maxActive = 0
    private(set) var finished = 0
    var delay: Duration = .zero
    var failing = false
    var failureMessage = "content/x.md:3:8: error: unknown shortcode 'chart'\nPower is {{< chart >}}\n       ^~~~~~~~~~~"

    func setDelay(_ delay: Duration) { self.delay = delay }
    func setFailing(_ failing: Bool) { self.failing = failing }

    func rebuild(_ paths: [String]) async -> RebuildOutcome {
        calls.append(paths)
        active += 1
        maxActive = max(maxActive, active)
        if delay > .zero { try? await Task.sleep(for: delay) }
        active -= 1
        finished += 1
        if failing {
            return RebuildOutcome(succeeded: false, message: failureMessage)
        }
        return RebuildOutcome(succeeded: true, message: "Rebuilt \(paths.joined(separator: ", ")) in 0.01 s")
    }
}

// MARK: - A running server

/// A `DevServer` on a free port (port 0), stopped by `stop()`.
struct RunningServer: Sendable {
    let port: Int
    let task: Task<Void, any Error>
    let capture: Capture
    let hub: LiveReloadHub

    static func start(
        site: TestSite,
        recorder: Recorder = Recorder(),
        watchMode: WatchMode = .automatic,
        port: Int = 0
    ) async throws -> RunningServer {
        let capture = Capture()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let (hubs, hubContinuation) = AsyncStream.makeStream(of: LiveReloadHub.self, bufferingPolicy: .bufferingNewest(1))
        var options = DevServer.Options()
        options.console = capture.console
        options.watchMode = watchMode
        options.onListening = { portContinuation.yield($0) }
        options.onHub = { hubContinuation.yield($0) }
        let server = DevServer(siteFolder: site.site, port: port, watched: [site.content, site.templates], options: options) { paths in
            await recorder.rebuild(paths)
        }
        let task = Task {
            defer { portContinuation.finish() }
            try await server.run()
        }
        let bound = try await withTimeout(.seconds(5)) { () -> Int? in
            for await port in ports { return port }
            return nil
        }
        guard let bound else {
            try await task.value  // rethrows why it stopped
            throw TestFailure("server stopped before listening")
        }
        let hub = try await withTimeout(.seconds(1)) { () -> LiveReloadHub? in
            for await hub in hubs { return hub }
            return nil
        }
        return RunningServer(port: bound, task: task, capture: capture, hub: hub!)
    }

    func stop() async throws {
        task.cancel()
        try await withTimeout(.seconds(5)) { try await task.value }
    }

    func get(_ target: String, method: String = "GET", headers: [String] = []) async throws -> HTTPResult {
        try await RawHTTP.request(port: port, method: method, target: target, headers: headers)
    }
}

/// Runs `body` with a server, and stops the server however `body` ends.
@discardableResult
func withServer<T: Sendable>(
    site: TestSite,
    recorder: Recorder = Recorder(),
    watchMode: WatchMode = .automatic,
    _ body: (RunningServer) async throws -> T
) async throws -> T {
    let server = try await RunningServer.start(site: site, recorder: recorder, watchMode: watchMode)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body`, failing if it takes longer than `limit`.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw TestFailure("timed out after \(limit)")
        }
        return value
    }
}

/// Polls `condition` until it holds or `limit` passes.
func eventually(_ limit: Duration = .seconds(3), _ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}

// MARK: - A raw HTTP/1.1 client

struct HTTPResult: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
    var raw: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    var rawText: String { String(decoding: raw, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

enum RawHTTP {
    /// Sends one request with `Connection: close` and reads the whole answer. The target is sent as is.
    static func request(port: Int, method: String = "GET", target: String, headers: [String] = []) async throws -> HTTPResult {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for header in headers { text += header + "\r\n" }
        text += "\r\n"
        let raw = try await exchange(port: port, bytes: Array(text.utf8))
        return try parse(raw, head: method == "HEAD")
    }

    /// Sends raw bytes, reads until the server closes (or 3 s pass). Runs on a thread of its own: blocking
    /// reads on the Swift concurrency pool, or on Dispatch's global queues, which share its few threads
    /// on Linux, would starve the server under test.
    static func exchange(port: Int, bytes: [UInt8], timeout: Double = 3) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try exchangeBlocking(port: port, bytes: bytes, timeout: timeout) })
            }.start()
        }
    }

    static func connectSocket(port: Int, timeout: Double) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw TestFailure("socket() failed") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw TestFailure("connect to port \(port) failed: errno \(errno)")
        }
        return fd
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw TestFailure("send failed: errno \(errno)") }
            sent += n
        }
    }

    static func exchangeBlocking(port: Int, bytes: [UInt8], timeout: Double) throws -> Data {
        let fd = try connectSocket(port: port, timeout: timeout)
        defer { close(fd) }
        try sendAll(fd, bytes)
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                received.append(contentsOf: buffer[0..<n])
            } else if n == 0 || errno == ECONNRESET {
                break
            } else {
                throw TestFailure("no answer within \(timeout) s (errno \(errno)); got \(received.count) bytes")
            }
        }
        return received
    }

    static func parse(_ raw: Data, head: Bool) throws -> HTTPResult {
        let bytes = [UInt8](raw)
        guard let end = find([13, 10, 13, 10], in: bytes) else { throw TestFailure("no header end in \(String(decoding: raw, as: UTF8.self))") }
        let headText = String(decoding: bytes[0..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw TestFailure("bad status line") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = decodeChunks(body)
        }
        return HTTPResult(status: status, headers: headers, body: Data(body), raw: raw)
    }

    /// Decodes chunked bytes as far as they are complete.
    static func decodeChunks(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while let lineEnd = find([13, 10], in: bytes, from: index) {
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { break }
            result += bytes[start..<(start + size)]
            index = start + size + 2
        }
        return result
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for i in start...(bytes.count - needle.count) where bytes[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }
}

// MARK: - An event-stream client

/// Keeps `GET /__capex/events` open on a thread of its own and collects what arrives.
final class EventClient: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [UInt8] = []
    private var stopped = false
    private let fd: Int32
    private let done = DispatchSemaphore(value: 0)

    init(port: Int) throws {
        fd = try RawHTTP.connectSocket(port: port, timeout: 0.1)
        try RawHTTP.sendAll(fd, Array("GET /__capex/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while !lock.withLock({ stopped }) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                lock.withLock { received += buffer[0..<n] }
            } else if n == 0 {
                break
            }
        }
        done.signal()
    }

    /// The event-stream text received so far (headers removed, chunks decoded).
    var text: String {
        let bytes = lock.withLock { received }
        guard let end = RawHTTP.find([13, 10, 13, 10], in: bytes) else { return "" }
        return String(decoding: RawHTTP.decodeChunks(Array(bytes[(end + 4)...])), as: UTF8.self)
    }

    var head: String {
        let bytes = lock.withLock { received }
        guard let end = RawHTTP.find([13, 10, 13, 10], in: bytes) else { return "" }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }

    /// The events received so far, as (name, data) pairs.
    var events: [(name: String, data: String)] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var name = "message"
            var data: [String] = []
            var sawField = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)); sawField = true }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))); sawField = true }
            }
            return sawField && !data.isEmpty ? (name, data.joined(separator: "\n")) : nil
        }
    }

    func waitForEvent(_ name: String, count: Int = 1, within limit: Duration = .seconds(3)) async -> Bool {
        await eventually(limit) { self.events.filter { $0.name == name }.count >= count }
    }

    func close() {
        lock.withLock { stopped = true }
        done.wait()
        closeDescriptor(fd)
    }
}

func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
