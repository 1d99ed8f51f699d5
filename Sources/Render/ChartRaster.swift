import Charts
import Foundation
import Load

/// Draws charts as PNG at twice their viewBox size (`/charts/<id>.png`, for social cards
/// and sharing) with `rsvg-convert` (Debian `librsvg2-bin`), several at once, and keeps each
/// PNG in a cache folder under the hash of the SVG it was drawn from: a chart whose SVG did
/// not change is never drawn again, whatever else changed on its page.
package struct ChartRaster: Sendable {
    /// The `rsvg-convert` executable.
    package let executable: String
    /// `.capex-cache/png/`: `<hash of the SVG>.png`.
    package let cacheFolder: URL
    /// Pixels per viewBox unit.
    package static let scale = 2

    /// The cache entries this build asked for (`prune` keeps only those).
    private let used = UsedKeys()

    package init(executable: String, cacheFolder: URL) {
        self.executable = executable
        self.cacheFolder = cacheFolder
    }

    /// Removes the cached PNGs this build did not use: called after a build that drew every
    /// chart (a full one), so that the cache holds the site's current charts only.
    /// A PNG drawn in the last `recent` seconds is kept too: it may be another output
    /// folder's, whose build is running now (the cache sits beside every manifest).
    package func prune(recent: TimeInterval = 3600) {
        let keep = used.keys
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path) else { return }
        let cutoff = Date().addingTimeInterval(-recent)
        for name in names where name.hasSuffix(".png") && !keep.contains(String(name.dropLast(4))) {
            let file = cacheFolder.appendingPathComponent(name)
            let drawn = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]) as? Date
            if let drawn, drawn > cutoff { continue }
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// The rasterizer on `searchPath` (a `PATH`: folders joined by `:`), or nil when none of
    /// its folders holds an executable `rsvg-convert`.
    package static func find(searchPath: String?) -> String? {
        for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/rsvg-convert"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// What was made of one chart: its PNG, or why there is none.
    package enum Outcome: Sendable {
        case png(Data)
        case failed(String)
    }

    /// PNGs of `svgs` (keyed by chart id), drawn in parallel for those not in the cache.
    package func pngs(_ svgs: [String: String]) -> [String: Outcome] {
        let variants = svgs.mapValues { RasterVariant.light($0) }
        let keys = variants.mapValues { Self.key(for: $0) }
        used.insert(keys.values)
        try? FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        // One drawing per distinct SVG that the cache lacks.
        var toDraw: [String: String] = [:]
        for (id, key) in keys where !FileManager.default.fileExists(atPath: cached(key).path) { toDraw[key] = variants[id] }
        let drawn = Dictionary(uniqueKeysWithValues: zip(toDraw.keys, parallelMap(Array(toDraw), { draw($0.value, key: $0.key) })))
        var outcomes: [String: Outcome] = [:]
        for (id, key) in keys {
            if let problem = drawn[key] ?? nil { outcomes[id] = .failed(problem); continue }
            if let data = try? Data(contentsOf: cached(key)) { outcomes[id] = .png(data); continue }
            // The cache is shared by the builds of every output folder beside it: another
            // build's prune may have taken the file between the look and the read. Draw again.
            if let problem = draw(variants[id]!, key: key) { outcomes[id] = .failed(problem); continue }
            outcomes[id] = (try? Data(contentsOf: cached(key))).map(Outcome.png) ?? .failed("the PNG was not written to \(cached(key).path)")
        }
        return outcomes
    }

    /// The cache's name for an SVG: its hash and its length (the hash is 64 bits).
    static func key(for svg: String) -> String {
        let bytes = Array(svg.utf8)
        return Hash.hex(bytes) + "-" + String(bytes.count, radix: 16)
    }

    private func cached(_ key: String) -> URL { cacheFolder.appendingPathComponent(key + ".png") }

    /// Runs `rsvg-convert` on one SVG into the cache (written beside, then renamed, so a PNG in
    /// the cache is always whole); nil on success, else what went wrong.
    private func draw(_ svg: String, key: String) -> String? {
        let unique = UUID().uuidString
        let input = cacheFolder.appendingPathComponent("\(key)-\(unique).svg")
        let output = cacheFolder.appendingPathComponent("\(key)-\(unique).png.part")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        do {
            try Data(svg.utf8).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--zoom", String(Self.scale), "--format", "png", "--output", output.path, input.path]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                return "rsvg-convert exited with status \(process.terminationStatus)" + (text.isEmpty ? "" : ": " + text)
            }
            try FileManager.default.moveItem(at: output, to: cached(key))
            return nil
        } catch {
            // Another build may have put the same PNG there first.
            return FileManager.default.fileExists(atPath: cached(key).path) ? nil : "\(error)"
        }
    }
}

/// Keys gathered from the threads that draw.
private final class UsedKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var set = Set<String>()
    func insert<S: Sequence>(_ keys: S) where S.Element == String { lock.withLock { set.formUnion(keys) } }
    var keys: Set<String> { lock.withLock { set } }
}

/// The pixel size a PNG says it has, from its header (PNG spec §11.2.2: the IHDR chunk
/// first, width and height as big-endian 32-bit numbers at bytes 16–23).
package enum PNGHeader {
    package static func size(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}

/// A chart's size in viewBox units, read from its `<svg viewBox="x y w h">`.
package enum ChartViewBox {
    package static func size(_ svg: String) -> (width: Double, height: Double)? {
        guard let start = svg.range(of: "viewBox=\"") , let end = svg[start.upperBound...].firstIndex(of: "\"") else { return nil }
        let numbers = svg[start.upperBound..<end].split(separator: " ").compactMap { Double($0) }
        return numbers.count == 4 && numbers[2] > 0 && numbers[3] > 0 ? (numbers[2], numbers[3]) : nil
    }
}
