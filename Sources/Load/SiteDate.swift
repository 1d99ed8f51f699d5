import Model

/// A date from front matter or data, kept as written and compared as text: ISO 8601
/// dates sort correctly as strings, and keeping the text avoids any time-zone drift.
/// Only a real calendar date is one (`CalendarDate`): `2023-02-29` is not.
public struct SiteDate: Sendable, Hashable, Comparable {
    /// `2024-01-18` or `2024-01-18T09:30:00Z`.
    public let text: String
    /// Whether the time has seconds (RFC 3339 needs them; `09:30` gains `:00`).
    private let hasSeconds: Bool

    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard case .success(let date) = CalendarDate.parse(trimmed) else { return nil }
        self.text = trimmed
        self.hasSeconds = !date.hasTime || date.hasSeconds
    }

    /// The day part, `2024-01-18`.
    public var day: String { String(text.prefix(10)) }

    /// RFC 3339, as Atom wants it: a bare date becomes midnight UTC.
    public var rfc3339: String {
        if text.utf8.count == 10 { return text + "T00:00:00Z" }
        var value = text.replacingFirstSpaceWithT()
        if value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: 10)] == UInt8(ascii: "t") {
            value = String(value.prefix(10)) + "T" + value.dropFirst(11)
        }
        if value.hasSuffix("z") { value = value.dropLast() + "Z" }
        if !hasSeconds { value = String(value.prefix(16)) + ":00" + value.dropFirst(16) }
        // A zone is `Z`, or a sign after the time (never Foundation's `contains`, which goes through ICU).
        let hasZone = value.hasSuffix("Z") || value.utf8.dropFirst(19).contains { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        if !hasZone { value += "Z" }
        return value
    }

    public static func < (a: SiteDate, b: SiteDate) -> Bool { a.rfc3339 < b.rfc3339 }
}

extension String {
    package func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    fileprivate func replacingFirstSpaceWithT() -> String {
        guard let space = firstIndex(of: " ") else { return self }
        var copy = self
        copy.replaceSubrange(space...space, with: "T")
        return copy
    }
}
