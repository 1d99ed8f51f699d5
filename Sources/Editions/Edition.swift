import Foundation
import Model

/// One edition of the story: a git tag named `edition-*` on the repository that holds the
/// site, with the commit it names, its date and its message.
///
/// Its day is the date in its name when it has one (`edition-2025-11-01`,
/// `edition-2025-11-01-evening`): the editors' statement of when that edition was published,
/// whenever the tag was made (a tag made today for last month's edition). A tag without a
/// date in its name (`edition-budget`) is dated by the tag itself.
public struct Edition: Sendable, Hashable, Codable {
    /// `edition-2025-12-15`.
    public var tag: String
    /// The commit the tag names (a tag object is peeled to its commit): 40 hex digits.
    public var commit: String
    /// The tag's date (an annotated tag's own, else its commit's), ISO 8601 with offset: when
    /// the tag was made. Orders the editions of one day.
    public var date: String
    /// `2025-12-15`: the edition's day, the one the pages show. The date in the tag's name
    /// (`namedDay`), else the day of `date` as the tagger's clock wrote it.
    public var day: String
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
        day = Self.namedDay(tag) ?? String(date.prefix(10))
        anchor = Self.anchorBase(tag)
    }

    /// The tag with anything but letters, digits, `-`, `_` and `.` made a `-`.
    static func anchorBase(_ tag: String) -> String {
        String(tag.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
    }

    /// The date a tag's name gives, `YYYY-MM-DD` right after `edition-`, at the end of the
    /// name or before anything but a digit (`edition-2025-12-15`, `edition-2025-12-15-noon`,
    /// `edition-2025-12-15+noon`), when it is a day of the calendar; nil otherwise.
    public static func namedDay(_ tag: String) -> String? {
        guard let written = writtenDay(tag), case .success = CalendarDate.parse(written) else { return nil }
        return written
    }

    /// The ten characters after `edition-` when they are written as a date (`2025-13-45`
    /// too): a name that looks dated but is no day of the calendar is reported (`GitHistory`).
    static func writtenDay(_ tag: String) -> String? {
        guard tag.hasPrefix("edition-") else { return nil }
        let rest = Array(tag.dropFirst("edition-".count))
        guard rest.count >= 10 else { return nil }
        for (index, character) in rest.prefix(10).enumerated() {
            let isDash = index == 4 || index == 7
            guard isDash ? character == "-" : (character.isASCII && character.isNumber) else { return nil }
        }
        if rest.count > 10, rest[10].isASCII, rest[10].isNumber { return nil }
        return String(rest.prefix(10))
    }

    /// When the edition was published, RFC 3339 in UTC (the feed's `updated`): the tag's
    /// moment when it was made on the edition's day, else the start of that day in UTC.
    public var published: String {
        if day == String(date.prefix(10)), let instant {
            return ISO8601DateFormatter().string(from: instant)
        }
        return day + "T00:00:00Z"
    }

    /// The moment of `date`, to order editions tagged in different time zones; nil when
    /// git gave something else than ISO 8601.
    var instant: Date? { ISO8601DateFormatter().date(from: date) }

    /// `editions` oldest first (by day, then the tag's moment, then the tag), each numbered
    /// within its day and with an anchor no other edition has.
    public static func distinguished(_ editions: [Edition]) -> [Edition] {
        var sorted = editions.sorted { a, b in
            if a.day != b.day { return a.day < b.day }
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
            let base = anchorBase(sorted[index].tag)
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
