import Foundation
import Incremental
import Load

/// The render stage's one parallel phase: the site's own outputs (generated pages, feeds,
/// sitemap, downloads, 404 pages) and the pages, all as jobs of one `concurrentPerform`.
/// The site's jobs come first, each on its own, because each is long (the figures page, a
/// 10,000-entry feed); the pages follow in chunks. Cores take the next job as they come
/// free, so no long job is left to run alone after the pages, as the site files once did
/// (0.5 s of one core at 10,000 pages while the other core waited).
///
/// Returns the site jobs' results in the order given and `item(i)` for each `i < count`.
func parallelPhase<Task, Item>(tasks: [() -> Task], count: Int, _ item: (Int) -> Item) -> (tasks: [Task], items: [Item]) {
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunkSize = max(1, count / (cores * 8))
    let chunks = (count + chunkSize - 1) / chunkSize
    let taskSlots = UnsafeMutablePointer<Task?>.allocate(capacity: max(1, tasks.count))
    taskSlots.initialize(repeating: nil, count: max(1, tasks.count))
    let itemSlots = UnsafeMutablePointer<Item?>.allocate(capacity: max(1, count))
    itemSlots.initialize(repeating: nil, count: max(1, count))
    // Every slot is moved out below (a spare one holds nil): only the memory is left to free.
    defer {
        taskSlots.deallocate()
        itemSlots.deallocate()
    }
    withoutActuallyEscaping(item) { item in
        let box = UncheckedSendable((tasks, item, taskSlots, itemSlots))
        // libdispatch hands out the iterations in order, each to the next free thread.
        DispatchQueue.concurrentPerform(iterations: tasks.count + chunks) { job in
            let (tasks, item, taskSlots, itemSlots) = box.value
            if job < tasks.count {
                taskSlots[job] = tasks[job]()
                return
            }
            let chunk = job - tasks.count
            for index in (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize) {
                itemSlots[index] = item(index)
            }
        }
    }
    // Moved out, not copied.
    return ((0..<tasks.count).map { (taskSlots + $0).move()! }, (0..<count).map { (itemSlots + $0).move()! })
}

/// One group of outputs made in the parallel phase, ready for the manifest: its files with
/// their hashes (taken in the job, not after it) and what it used.
struct MadeGroup {
    var key: String
    var files: [(String, OutputPlan.Content)]
    var hashes: [String: String]
    var deps: [String]
    var links: [String] = []

    /// `hashed`: hashes already taken (a page's own file, hashed as its bytes were made).
    /// A copied file's hash is its source's (`fingerprint`), as the manifest records it.
    init(key: String, files: [(String, OutputPlan.Content)], deps: Set<String>, links: [String] = [],
         hashed: [String: String] = [:], fingerprint: (String) -> String? = { _ in nil }) {
        self.key = key
        self.files = files
        self.deps = deps.sorted()
        self.links = links
        var hashes: [String: String] = [:]
        for (path, content) in files {
            switch content {
            case .bytes(let data): hashes[path] = hashed[path] ?? Hash.content(data)
            case .copy(let source): hashes[path] = fingerprint("file:" + source) ?? "copy"
            }
        }
        self.hashes = hashes
    }

    /// A group of text files.
    init(key: String, texts: [(String, String)], deps: Set<String>) {
        self.init(key: key, files: texts.map { ($0.0, .bytes(Data($0.1.utf8))) }, deps: deps)
    }
}
