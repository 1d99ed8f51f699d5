import Foundation
import Load
#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on standard error while many pages render: shown only on a terminal, for
/// builds of more than a few hundred pages, and never with `--quiet`.
final class BuildProgress: @unchecked Sendable {
    static let threshold = 300

    private let total: Int
    private let lock = NSLock()
    private var done = 0
    private var running = true
    private var thread: Thread?

    /// Nil when there is nothing worth showing.
    package init?(total: Int, enabled: Bool) {
        guard enabled, total > Self.threshold, isatty(STDERR_FILENO) != 0 else { return nil }
        self.total = total
        let thread = Thread { [unowned self] in
            while self.isRunning {
                Self.draw(Self.line(done: self.count, total: self.total))
                usleep(100_000)
            }
        }
        self.thread = thread
        thread.start()
    }

    package func tick() {
        lock.lock(); done += 1; lock.unlock()
    }

    package func finish() {
        lock.lock(); running = false; lock.unlock()
        Self.draw("")
    }

    private var isRunning: Bool { lock.lock(); defer { lock.unlock() }; return running }
    private var count: Int { lock.lock(); defer { lock.unlock() }; return done }

    /// `Rendering pages [#######.............]  3500/10002`
    package static func line(done: Int, total: Int, width: Int = 30) -> String {
        let filled = total == 0 ? width : min(width, done * width / total)
        return "Rendering pages [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            + "] \(done)/\(total)"
    }

    private static func draw(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }
}
