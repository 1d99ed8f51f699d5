import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The engine of `capex serve`: serves the built site on 127.0.0.1, watches the source folders,
/// asks the generator to rebuild when they change, and reloads the open browser tabs.
public struct DevServer: Sendable {
    public let siteFolder: URL
    public let port: Int
    public let watched: [URL]
    let rebuild: @Sendable ([String]) async -> RebuildOutcome
    var options: Options

    /// Knobs the public initializer leaves at their defaults; tests and the demo set them.
    struct Options: Sendable {
        /// Quiet time after the last change of a burst before rebuilding.
        var debounce: Duration = .milliseconds(150)
        /// Overridden by the environment variable `CAPEX_WATCH` (`inotify`, `polling`) when `.automatic`.
        var watchMode: WatchMode = .automatic
        var pollInterval: Duration = .milliseconds(250)
        /// How often open event streams get a comment line, so that closed tabs are noticed.
        var heartbeat: Duration = .seconds(15)
        var console: Console = .standard
        /// Called with the bound port once the server listens (the real one when `port` is 0).
        var onListening: (@Sendable (Int) -> Void)?
        /// Called with the live-reload hub once it exists (tests look at its state).
        var onHub: (@Sendable (LiveReloadHub) -> Void)?
    }

    /// - siteFolder: the folder served (the generator's output/). It may be replaced wholesale by rename between requests: resolve every request against the path, never keep a directory handle.
    /// - watched: folders whose changes trigger a rebuild (content/, templates/).
    /// - rebuild: called after a burst of changes settles, with the changed paths (relative to their watched folder's parent, sorted); runs one at a time, never concurrently.
    public init(siteFolder: URL, port: Int, watched: [URL], rebuild: @escaping @Sendable ([String]) async -> RebuildOutcome) {
        self.init(siteFolder: siteFolder, port: port, watched: watched, options: Options(), rebuild: rebuild)
    }

    init(siteFolder: URL, port: Int, watched: [URL], options: Options, rebuild: @escaping @Sendable ([String]) async -> RebuildOutcome) {
        self.siteFolder = siteFolder
        self.port = port
        self.watched = watched
        self.options = options
        self.rebuild = rebuild
    }

    /// Binds 127.0.0.1:port (throws a clear error if the port is taken: "port 8000 is in use; try --port 8001"), prints "Serving http://127.0.0.1:PORT/", then runs until cancelled.
    /// Returns normally when cancelled.
    public func run() async throws {
        guard (0...65535).contains(port) else { throw ServeError.invalidPort(port) }
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: UInt16(port))
        let hub = LiveReloadHub()
        options.onHub?(hub)
        let server = HTTPServer(
            config: HTTPServer.Configuration(address: address, timeout: 30, logger: .disabled),
            handler: SiteHandler(siteFolder: siteFolder, hub: hub)
        )
        let console = options.console
        let (watcher, warnings) = FolderWatcher.start(folders: watched, mode: resolvedWatchMode, pollInterval: options.pollInterval)
        defer { watcher.stop() }
        // Polling sees a burst only at its ticks: a burst spread over two ticks must still give one rebuild.
        var debounce = options.debounce
        if watcher.mode == .polling {
            debounce = max(debounce, options.pollInterval + .milliseconds(100))
        }
        let scheduler = RebuildScheduler(debounce: debounce, rebuild: rebuild, hub: hub, console: console)
        let port = self.port
        let options = self.options

        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await server.run()
                    } catch let SocketError.failed(type, code, message) {
                        if code == EADDRINUSE { throw ServeError.portInUse(port) }
                        throw ServeError.cannotListen(port: port, reason: "\(type.lowercased()): \(message)")
                    }
                }
                group.addTask {
                    try await server.waitUntilListening(timeout: 30)
                    let bound = await server.boundPort ?? port
                    console.out("Serving http://127.0.0.1:\(bound)/")
                    for warning in warnings { console.err(warning) }
                    options.onListening?(bound)
                    await withTaskGroup(of: Void.self) { inner in
                        inner.addTask { await scheduler.run(changes: watcher.changes) }
                        inner.addTask {
                            while !Task.isCancelled {
                                try? await Task.sleep(for: options.heartbeat)
                                await hub.heartbeat()
                            }
                        }
                        await inner.next()
                        inner.cancelAll()
                    }
                }
                // Whichever ends first (the server failing, or the watcher ending) ends the whole.
                defer { group.cancelAll() }
                try await group.next()
                group.cancelAll()
                await hub.finishAll()
                await server.stop(timeout: 0)
            }
        } catch {
            await hub.finishAll()
            await server.stop(timeout: 0)
            if Task.isCancelled, !(error is ServeError) { return }
            throw error
        }
    }

    private var resolvedWatchMode: WatchMode {
        if options.watchMode == .automatic,
           let value = ProcessInfo.processInfo.environment["CAPEX_WATCH"]?.lowercased() {
            if value.hasPrefix("poll") { return .polling }
            if value == "inotify" { return .inotify }
        }
        return options.watchMode
    }
}

extension HTTPServer {
    /// The port the server listens on, once it does.
    var boundPort: Int? {
        switch listeningAddress {
        case .ip4(_, let port)?: Int(port)
        case .ip6(_, let port)?: Int(port)
        default: nil
        }
    }
}
