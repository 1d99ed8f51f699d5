import Foundation

/// Where the server's lines go: standard output and standard error by default, a capture in tests.
struct Console: Sendable {
    var out: @Sendable (String) -> Void
    var err: @Sendable (String) -> Void

    static let standard = Console(
        out: { FileHandle.standardOutput.write(Data(Console.terminated($0).utf8)) },
        err: { FileHandle.standardError.write(Data(Console.terminated($0).utf8)) }
    )

    static func terminated(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }
}

/// Collects changed paths between rebuilds.
actor ChangeQueue {
    private var pending: Set<String> = []
    private var lastChange = ContinuousClock.now

    func add(_ paths: Set<String>) {
        pending.formUnion(paths)
        lastChange = .now
    }

    /// How long until `quiet` has passed since the last change; nil if it has.
    func remainingQuiet(_ quiet: Duration) -> Duration? {
        let elapsed = ContinuousClock.now - lastChange
        return elapsed >= quiet ? nil : quiet - elapsed
    }

    /// The pending paths, sorted, and an empty queue.
    func take() -> [String] {
        defer { pending = [] }
        return pending.sorted()
    }
}

/// Runs the rebuilds: one at a time, after a burst of changes has been quiet for `debounce`;
/// changes arriving during a rebuild wait for the next one.
struct RebuildScheduler: Sendable {
    let debounce: Duration
    let rebuild: @Sendable ([String]) async -> RebuildOutcome
    let hub: LiveReloadHub
    let console: Console

    /// Feeds the queue from the watcher and runs rebuilds until cancelled or the watcher ends.
    func run(changes: AsyncStream<Set<String>>) async {
        let queue = ChangeQueue()
        // Wakes the rebuild loop; holding at most one wake-up is enough, as a rebuild takes all that is queued.
        let (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await batch in changes {
                    let kept = batch.filter { !IgnoreRules.isIgnored(path: $0) }
                    guard !kept.isEmpty else { continue }
                    await queue.add(kept)
                    wake.yield()
                }
                wake.finish()
            }
            group.addTask {
                for await _ in wakeUps {
                    while let remaining = await queue.remainingQuiet(debounce) {
                        try? await Task.sleep(for: remaining)
                        if Task.isCancelled { return }
                    }
                    let paths = await queue.take()
                    guard !paths.isEmpty, !Task.isCancelled else { continue }
                    let outcome = await rebuild(paths)
                    report(outcome)
                    await hub.publish(outcome)
                }
            }
            await group.waitForAll()
        }
    }

    func report(_ outcome: RebuildOutcome) {
        if outcome.succeeded {
            if !outcome.message.isEmpty { console.out(outcome.message) }
        } else {
            console.out("Rebuild failed")
            console.err(outcome.message.isEmpty ? "error: the rebuild failed" : outcome.message)
        }
    }
}
