import Testing
@testable import Load

/// Issue 16: `SiteDate.rfc3339` works on bytes where each byte is a character. It must write
/// what the first version wrote through `Character`s: that version is the reference here,
/// run over every form of date and time `CalendarDate` accepts.
@Suite("RFC 3339 dates: the byte path writes what the Character path wrote")
struct RFC3339Tests {
    /// The first `rfc3339` (commit 7ca883b), given the text and whether it has seconds.
    static func reference(_ text: String, hasSeconds: Bool) -> String {
        if text.utf8.count == 10 { return text + "T00:00:00Z" }
        var value = text
        if let space = value.firstIndex(of: " ") { value.replaceSubrange(space...space, with: "T") }
        if value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: 10)] == UInt8(ascii: "t") {
            value = String(value.prefix(10)) + "T" + value.dropFirst(11)
        }
        if value.hasSuffix("z") { value = value.dropLast() + "Z" }
        if !hasSeconds { value = String(value.prefix(16)) + ":00" + value.dropFirst(16) }
        let hasZone = value.hasSuffix("Z") || value.utf8.dropFirst(19).contains { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        if !hasZone { value += "Z" }
        return value
    }

    @Test("the forms an author writes", arguments: [
        ("2024-01-18", "2024-01-18T00:00:00Z"), ("2024-01-18 09:30", "2024-01-18T09:30:00Z"),
        ("2024-01-18t09:30:00z", "2024-01-18T09:30:00Z"), ("2024-01-18T09:30:00+01:00", "2024-01-18T09:30:00+01:00"),
        ("2024-01-18T09:30-05:00", "2024-01-18T09:30:00-05:00"), ("2015-01-01T21:16:00+00:00", "2015-01-01T21:16:00+00:00"),
        ("2024-01-18T09:30:00.250Z", "2024-01-18T09:30:00.250Z"), ("2024-01-18T09:30:00", "2024-01-18T09:30:00Z"),
    ])
    func authorForms(text: String, expected: String) throws {
        let date = try #require(SiteDate(text))
        #expect(date.rfc3339 == expected)
    }

    @Test("every combination of separator, seconds, fraction and zone agrees with the reference")
    func combinations() throws {
        var checked = 0
        for separator in ["T", "t", " "] {
            for seconds in ["", ":05", ":59.5", ":00.123456"] {
                for zone in ["", "Z", "z", "+01:00", "-05:00", "+0100", "-08", " Z", "+00:00"] {
                    let text = "2024-02-29" + separator + "23:59" + seconds + zone
                    guard let date = SiteDate(text) else { continue }
                    #expect(date.rfc3339 == Self.reference(date.text, hasSeconds: !seconds.isEmpty), "\(text)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 60)
    }
}
