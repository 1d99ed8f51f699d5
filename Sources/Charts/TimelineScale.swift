// The timeline's date axis: linear in time, except that it stretches where marks would overlap
// and compresses a long empty stretch between events into a marked axis break.

/// Maps day numbers to y on a vertical timeline.
///
/// The axis is cut at the domain ends and at every event date. Each piece keeps the common
/// scale (`baseHeight` over the whole domain) unless
/// - the marks at its two ends would overlap: it grows to `below + gap + above` (marks never
///   overlap, whatever the dates), or
/// - it lies between two events, is empty, longer than `breakShare` of the whole time span and
///   than `breakDays`, while other events are crowded (closer than their marks or labels
///   need): it shrinks to `breakLength` (or what its marks need) and is recorded in
///   `breaks`, to be drawn as an axis break; the room it saves goes to the other pieces, so
///   that a chart of one quiet year and one busy quarter gives the quarter the room.
struct TimelineScale {
    struct Piece {
        var from: Int
        var to: Int
        var top: Double
        var length: Double
        var isBreak: Bool
    }

    static let breakShare = 0.4
    static let breakDays = 180
    static let breakLength = 44.0

    let pieces: [Piece]
    let height: Double

    /// The compressed stretches, as (top, bottom) in y.
    var breaks: [(from: Int, to: Int, top: Double, bottom: Double)] {
        pieces.filter(\.isBreak).map { ($0.from, $0.to, $0.top, $0.top + $0.length) }
    }

    /// - Parameters:
    ///   - dates: distinct event day numbers, ascending, within `lo...hi`.
    ///   - extents: for each date, how far its marks reach above and below its y.
    ///   - labelSpacing: the room one event's label takes; events closer than this are crowded.
    init(lo: Int, hi: Int, dates: [Int], extents: [(above: Double, below: Double)], baseHeight: Double, gap: Double,
         labelSpacing: Double = 0) {
        var points: [(day: Int, above: Double, below: Double, isEvent: Bool)] = []
        if dates.first != lo { points.append((lo, 0, 0, false)) }
        for (i, d) in dates.enumerated() { points.append((d, extents[i].above, extents[i].below, true)) }
        if dates.last != hi { points.append((hi, 0, 0, false)) }
        let perDay = baseHeight / Double(max(1, hi - lo))
        var spans: [(a: Int, b: Int, natural: Double, needed: Double, isBreak: Bool)] = []
        var candidates: [Bool] = []
        for (a, b) in zip(points, points.dropFirst()) {
            let natural = Double(b.day - a.day) * perDay
            let needed = a.below + b.above + (a.isEvent && b.isEvent ? gap : 0)
            spans.append((a.day, b.day, natural, needed, false))
            candidates.append(a.isEvent && b.isEvent && b.day - a.day > Self.breakDays
                              && natural > Self.breakShare * baseHeight)
        }
        // Only a crowded chart gives up its empty stretches: evenly spread events keep a linear axis.
        let crowded = zip(points, points.dropFirst()).enumerated().contains { i, pair in
            pair.0.isEvent && pair.1.isEvent && !candidates[i] && spans[i].natural < max(spans[i].needed, labelSpacing)
        }
        for i in spans.indices where crowded && candidates[i] {
            spans[i].isBreak = true
            spans[i].needed = max(spans[i].needed, Self.breakLength)
        }
        // The room a break saves goes back to the other pieces, in proportion to their time:
        // find the stretch k with Σ max(natural·k, needed) = baseHeight − breaks (a few rounds suffice).
        let fixed = spans.filter(\.isBreak).reduce(0) { $0 + $1.needed }
        var k = 1.0
        if spans.contains(where: \.isBreak) {
            for _ in 0..<8 {
                let free = spans.filter { !$0.isBreak && $0.natural * k >= $0.needed }
                let pinned = spans.filter { !$0.isBreak && $0.natural * k < $0.needed }.reduce(0) { $0 + $1.needed }
                let naturalFree = free.reduce(0) { $0 + $1.natural }
                guard naturalFree > 0 else { break }
                k = max(1, (baseHeight - fixed - pinned) / naturalFree)
            }
        }
        var pieces: [Piece] = []
        var top = 0.0
        for span in spans {
            let length = span.isBreak ? span.needed : max(span.natural * k, span.needed)
            pieces.append(Piece(from: span.a, to: span.b, top: top, length: length, isBreak: span.isBreak))
            top += length
        }
        self.pieces = pieces
        self.height = max(top, 1)
    }

    /// The y of a day; linear within each piece.
    func y(_ day: Int) -> Double {
        guard let piece = pieces.first(where: { day <= $0.to }) ?? pieces.last else { return 0 }
        let span = Double(max(1, piece.to - piece.from))
        return piece.top + Double(min(max(day, piece.from), piece.to) - piece.from) / span * piece.length
    }

    /// True when `day` falls strictly inside a compressed stretch.
    func isInBreak(_ day: Int) -> Bool {
        pieces.contains { $0.isBreak && day > $0.from && day < $0.to }
    }
}
