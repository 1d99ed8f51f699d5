import Foundation

/// One edition of the story: a git tag named `edition-*` on the repository that holds the
/// site, with the commit it names, its date and its message.
public struct Edition: Sendable, Hashable, Codable {
    /// `edition-2025-12-15`.
    public var tag: String
    /// The commit the tag names (a tag object is peeled to its commit): 40 hex digits.
    public var commit: String
    /// The tag's date (an annotated tag's own, else its commit's), ISO 8601 with offset.
    public var date: String
    /// The tag's message (a lightweight tag gives its commit's), trimmed.
    public var message: String

    /// An id for the edition's entry on `/changes/` (`#edition-2025-12-15`): the tag, with
    /// anything but letters, digits, `-`, `_` and `.` made a `-`; `distinguished` makes it
    /// unique when two tags read the same that way (`-2`, `-3` after the later ones).
    public var anchor: String
    /// Which of its day's editions this is (1 for the first) and how many editions were
    /// tagged that day: two editions of one day are told apart by it (a newsroom's "second
    /// edition"). Set by `distinguished`; 1 and 1 until then.
    public var numberInDay = 1
    public var editionsInDay = 1

    public init(tag: String, commit: String, date: String, message: String) {
        self.tag = tag
        self.commit = commit
        self.date = date
        self.message = message
        anchor = String(tag.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
    }

    /// `2025-12-15`: the day of `date`, as the tagger's clock wrote it.
    public var day: String { String(date.prefix(10)) }

    /// The moment of `date`, to order editions tagged in different time zones; nil when
    /// git gave something else than ISO 8601.
    var instant: Date? { ISO8601DateFormatter().date(from: date) }

    /// `editions` oldest first (by moment, then tag), each numbered within its day and with
    /// an anchor no other edition has.
    public static func distinguished(_ editions: [Edition]) -> [Edition] {
        var sorted = editions.sorted { a, b in
            switch (a.instant, b.instant) {
            case let (x?, y?) where x != y: return x < y
            case (.some, .some): return a.tag < b.tag
            default: return (a.date, a.tag) < (b.date, b.tag)
            }
        }
        var perDay: [String: Int] = [:]
        for edition in sorted { perDay[edition.day, default: 0] += 1 }
        var seen: [String: Int] = [:], used = Set<String>()
        for index in sorted.indices {
            let day = sorted[index].day
            seen[day, default: 0] += 1
            sorted[index].numberInDay = seen[day]!
            sorted[index].editionsInDay = perDay[day]!
            let base = sorted[index].anchor
            var anchor = base, next = 2
            while used.contains(anchor) {
                anchor = "\(base)-\(next)"
                next += 1
            }
            used.insert(anchor)
            sorted[index].anchor = anchor
        }
        return sorted
    }
}
