import Foundation

/// Maps `items` on every core, keeping their order. Pages are independent values, so
/// the work splits into chunks with no shared state but the result slots.
/// Inlinable, so that each caller's copy is specialized for its types: called generically
/// across modules, every element's copy and slot went through value witnesses (a tenth of
/// the outputs check of a 10,000-page rebuild was generic-metadata lookups).
@inlinable
package func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    let count = items.count
    guard count > 1 else { return items.map(transform) }
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunkSize = max(1, count / (cores * 8))
    let chunks = (count + chunkSize - 1) / chunkSize
    let slots = UnsafeMutablePointer<R?>.allocate(capacity: count)
    slots.initialize(repeating: nil, count: count)
    defer { slots.deallocate() }
    withoutActuallyEscaping(transform) { transform in
        let box = UncheckedBox((items, transform, slots))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let (items, transform, slots) = box.value
            let end = min(count, (chunk + 1) * chunkSize)
            for index in (chunk * chunkSize)..<end {
                slots[index] = transform(items[index])
            }
        }
    }
    // Moved out, not copied: a copy of 10,000 pages costs a retain and a release per field.
    return (0..<count).map { (slots + $0).move()! }
}

/// Carries values into `concurrentPerform`; each chunk writes only its own slots.
@usableFromInline
package struct UncheckedBox<Value>: @unchecked Sendable {
    @usableFromInline let value: Value
    @inlinable init(_ value: Value) { self.value = value }
}

/// A value handed to another thread where the compiler cannot see that this is safe: the
/// data load the loader waits for (a `DispatchGroup`), the values freed in the background
/// once nothing else holds them.
package final class UncheckedSendable<Value>: @unchecked Sendable {
    package let value: Value
    package init(_ value: Value) { self.value = value }
}

/// Runs `work` on a thread of its own (8 MB of stack, as the main thread's), `group`
/// entered until it returns. Not a block on the global queue: that waits for one of its
/// workers, and `parallelMap` (`concurrentPerform`) holds them all while it runs, so the
/// data's model, started before the pages' parse, began only when the parse ended
/// (30 ms into the load of a one-page rebuild at 10,000 pages).
package func startThread(group: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
    group.enter()
    let thread = Thread {
        work()
        group.leave()
    }
    thread.stackSize = 8 << 20
    thread.start()
}

/// A value made once, on first use, by whichever thread needs it first (or given ready).
package final class Lazy<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: (() -> Value)?
    /// A value given ready, read without the lock: it never changes.
    private let ready: Value?

    package init(_ make: @escaping () -> Value) {
        self.make = make
        ready = nil
    }

    package init(ready value: Value) {
        make = nil
        ready = value
    }

    package var value: Value {
        if let ready { return ready }
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make!()
        made = value
        return value
    }
}

/// A value being made on another thread, started at once; `value` waits for it. A build
/// starts one where it knows work it will need later that needs nothing of what comes
/// between (the last build's manifest, decoded while the inputs are listed; the template
/// check, run beside the URL fields' check).
package final class Pending<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the worker, read only after `done` (which orders the two).
    private var made: Value?

    package init(_ make: @escaping () -> Value) {
        let work = UncheckedSendable(make)
        startThread(group: done) { [self] in made = work.value() }
    }

    /// A value already made.
    package init(ready value: Value) {
        made = value
    }

    /// The value, once made (waiting for it if need be).
    package var value: Value {
        done.wait()
        return made!
    }
}
