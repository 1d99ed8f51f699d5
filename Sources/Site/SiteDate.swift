/// A date from front matter or data, kept as written and compared as text: ISO 8601
/// dates sort correctly as strings, and keeping the text avoids any time-zone drift.
public struct SiteDate: Sendable, Hashable, Comparable {
    /// `2024-01-18` or `2024-01-18T09:30:00Z`.
    public let text: String

    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        let scalars = Array(trimmed.utf8)
        guard scalars.count >= 10 else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard scalars[i] >= 48, scalars[i] <= 57 else { return nil }
                value = value * 10 + Int(scalars[i] - 48)
            }
            return value
        }
        guard let year = digits(0..<4), scalars[4] == 45, let month = digits(5..<7), scalars[7] == 45,
              let day = digits(8..<10), year >= 1000, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        if scalars.count > 10 {
            // A time part: `T` or a space, then anything ISO 8601 allows; checked loosely.
            guard scalars[10] == 84 || scalars[10] == 32, scalars.count >= 16 else { return nil }
        }
        self.text = trimmed
    }

    /// The day part, `2024-01-18`.
    public var day: String { String(text.prefix(10)) }

    /// RFC 3339, as Atom wants it: a bare date becomes midnight UTC.
    public var rfc3339: String {
        if text.count == 10 { return text + "T00:00:00Z" }
        var value = text.replacingFirstSpaceWithT()
        // A zone is `Z`, or a sign after the time (never Foundation's `contains`, which goes through ICU).
        let hasZone = value.hasSuffix("Z") || value.utf8.dropFirst(19).contains { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        if !hasZone { value += "Z" }
        return value
    }

    public static func < (a: SiteDate, b: SiteDate) -> Bool { a.rfc3339 < b.rfc3339 }
}

extension String {
    func trimmingWhitespace() -> String {
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
