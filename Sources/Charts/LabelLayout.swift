// Collision avoidance for labels: 1-D spreading (end labels, timeline, flow) and candidate search.

enum LabelLayout {
    /// Positions items along one axis so that none overlap, each as close as possible to its desired centre.
    ///
    /// Items keep the order of their desired centres. Overlapping items are merged into clusters centred on
    /// the mean of their wishes (least-squares displacement); clusters are then pushed below `minStart`
    /// and, where possible, above `maxEnd`. Returns the start (top) of every item, in input order.
    static func spread(desired: [Double], sizes: [Double], gap: Double,
                       minStart: Double? = nil, maxEnd: Double? = nil) -> [Double] {
        let count = desired.count
        if count == 0 { return [] }
        let order = (0..<count).sorted { desired[$0] != desired[$1] ? desired[$0] < desired[$1] : $0 < $1 }

        struct Cluster { var members: [Int]; var start: Double; var length: Double }
        var clusters: [Cluster] = []

        func bestStart(_ members: [Int]) -> Double {
            var offset = 0.0, sum = 0.0
            for m in members {
                sum += desired[m] - sizes[m] / 2 - offset
                offset += sizes[m] + gap
            }
            return sum / Double(members.count)
        }

        for i in order {
            clusters.append(Cluster(members: [i], start: desired[i] - sizes[i] / 2, length: sizes[i]))
            while clusters.count >= 2 {
                let last = clusters[clusters.count - 1], prev = clusters[clusters.count - 2]
                if prev.start + prev.length + gap <= last.start { break }
                let members = prev.members + last.members
                let merged = Cluster(members: members, start: bestStart(members),
                                     length: prev.length + gap + last.length)
                clusters.removeLast(2)
                clusters.append(merged)
            }
        }

        if let maxEnd {
            var limit = maxEnd
            for k in clusters.indices.reversed() {
                if clusters[k].start + clusters[k].length > limit { clusters[k].start = limit - clusters[k].length }
                limit = clusters[k].start - gap
            }
        }
        if let minStart {
            var limit = minStart
            for k in clusters.indices {
                if clusters[k].start < limit { clusters[k].start = limit }
                limit = clusters[k].start + clusters[k].length + gap
            }
        }

        var result = [Double](repeating: 0, count: count)
        for c in clusters {
            var pos = c.start
            for m in c.members {
                result[m] = pos
                pos += sizes[m] + gap
            }
        }
        return result
    }

    /// Index of the first candidate box that overlaps none of `taken` (grown by `pad`) and lies within `bounds`.
    static func firstFree(_ candidates: [Box], taken: [Box], pad: Double = 2, bounds: Box? = nil) -> Int? {
        for (i, c) in candidates.enumerated() {
            if let b = bounds, c.x < b.x - 0.01 || c.maxX > b.maxX + 0.01 || c.y < b.y - 0.01 || c.maxY > b.maxY + 0.01 {
                continue
            }
            if !taken.contains(where: { c.intersects($0, pad: pad) }) { return i }
        }
        return nil
    }
}

/// Tracks the vertical extent of everything drawn, so the viewBox can be fitted to the content.
struct Extent {
    var minY = Double.infinity
    var maxY = -Double.infinity

    mutating func add(_ y: Double) {
        minY = min(minY, y)
        maxY = max(maxY, y)
    }

    mutating func add(_ b: Box) {
        add(b.y)
        add(b.maxY)
    }

    var height: Double { maxY.isFinite && minY.isFinite ? maxY - minY : 0 }
    var top: Double { minY.isFinite ? minY : 0 }
}
