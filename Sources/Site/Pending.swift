import Foundation
import Load

/// A value being made on another thread, started at once; `value` waits for it. The build
/// starts one where it knows work it will need later that needs nothing of what comes
/// between (the last build's manifest, decoded while the inputs are listed).
final class Pending<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the worker, read only after `done` (which orders the two).
    private var made: Value?

    init(_ make: @escaping () -> Value) {
        let work = UncheckedSendable(make)
        DispatchQueue.global().async(group: done) { [self] in made = work.value() }
    }

    /// A value already made.
    init(ready value: Value) {
        made = value
    }

    /// The value, once made (waiting for it if need be).
    var value: Value {
        done.wait()
        return made!
    }
}
