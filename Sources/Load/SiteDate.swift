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
        // On bytes where bytes are characters (issue 16: the search for a space through
        // `Character`s cost 0.9% of a 10,000-page build, which sorts and lists by date).
        switch text.utf8.withContiguousStorageIfAvailable({ Self.rfc3339(ascii: $0, hasSeconds: hasSeconds) }) {
        case .asWritten?: return text
        case .rewritten(let value)?: return value
        case .notASCII?, nil: break
        }
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

    private enum Written { case asWritten, rewritten(String), notASCII }

    /// `rfc3339`'s steps on the bytes of a text longer than a date, for ASCII without `\r`
    /// (where each byte is a `Character`): the first space becomes `T`, a `t` after the
    /// date `T`, a final `z` `Z`; `:00` goes in after the minutes when seconds are missing;
    /// `Z` goes at the end when no zone is given.
    private static func rfc3339(ascii bytes: UnsafeBufferPointer<UInt8>, hasSeconds: Bool) -> Written {
        guard bytes.count > 10, !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return .notASCII }
        let space = bytes.firstIndex(of: 0x20)
        func isSign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") }
        if space == nil, bytes[10] != UInt8(ascii: "t"), bytes[bytes.count - 1] != UInt8(ascii: "z"), hasSeconds,
           bytes[bytes.count - 1] == UInt8(ascii: "Z") || bytes.dropFirst(19).contains(where: isSign) {
            return .asWritten
        }
        var value = Array(bytes)
        if let space { value[space] = UInt8(ascii: "T") }
        if value[10] == UInt8(ascii: "t") { value[10] = UInt8(ascii: "T") }
        if value[value.count - 1] == UInt8(ascii: "z") { value[value.count - 1] = UInt8(ascii: "Z") }
        if !hasSeconds { value.insert(contentsOf: Array(":00".utf8), at: min(16, value.count)) }
        if !(value[value.count - 1] == UInt8(ascii: "Z") || value.dropFirst(19).contains(where: isSign)) { value.append(UInt8(ascii: "Z")) }
        return .rewritten(String(decoding: value, as: UTF8.self))
    }
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
