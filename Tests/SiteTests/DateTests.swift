import Diagnostics
import Foundation
import Model
import Testing
@testable import Incremental
@testable import Load
@testable import Render
@testable import Scaffold
@testable import Site
@testable import Write

/// Every date in front matter and data is a real calendar date or an error at it; inputs in
/// `Tests/Fixtures/text-inputs/impossible-dates.*`, columns counted by hand.
@Suite("dates are calendar dates")
struct DateTests {
    @Test func impossibleDatesInFrontMatterAreErrorsAtTheDigits() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        try TextInputTests.place("impossible-dates.md", at: "content/dates.md", in: site)
        let report = site.build()
        // `date: ` is 6 characters and the day starts 8 further: column 15.
        #expect(report.problemLines == [
            "content/dates.md:3:15: error: 'date': 2023-02-29 is not a date: February 2023 has 28 days",
            "content/dates.md:4:15: error: 'updated': there is no month 13 (months are 01 to 12)",
            "content/dates.md:5:20: error: 'published': 1900-02-29 is not a date: February 1900 has 28 days",
        ])
        #expect(FixtureSite.snapshot(of: site.output) == before, "a failed build leaves the last output")
    }

    @Test func impossibleDatesInDataAreErrorsAtTheDigits() throws {
        let site = try FixtureSite()
        try TextInputTests.place("impossible-dates.yaml", at: "content/data/events.yaml", in: site)
        try site.write("content/data/sources.yaml", "- id: s\n  publisher: P\n  title: T\n  date: 2024-06\n- id: t\n  publisher: P\n  title: T\n  date: 2024\n")
        #expect(site.build().problemLines == [
            "content/data/events.yaml:2:17: error: 'date': 2023-02-29 is not a date: February 2023 has 28 days",
            "content/data/events.yaml:4:20: error: 'date': there is no hour 25 (hours are 00 to 23)",
            "content/data/events.yaml:6:17: error: 'date': 2024-04-31 is not a date: April 2024 has 30 days",
            "content/data/events.yaml:9:19: error: 'announced': there is no month 00 (months are 01 to 12)",
            // `sources` has a `date` field: it must hold a whole date.
            "content/data/sources.yaml:4:9: error: 'date' must be a date such as 2024-01-18 or 2024-01-18T09:30:00Z, not the text '2024-06'",
            "content/data/sources.yaml:8:9: error: 'date' must be a date such as 2024-01-18 or 2024-01-18T09:30:00Z, not the number 2024",
        ])
    }

    /// A field that is a date by its name only may be a year or a month (context.yaml's
    /// `year: 2017`); a month must still exist, and a year has four digits.
    /// An unknown precision would be ignored and the date printed as a day, more precisely
    /// than the data knows it: an error at the value, naming the words allowed.
    @Test func anUnknownDatePrecisionIsAnErrorAtTheValue() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        try site.write("content/data/events.yaml", """
        - id: a
          date: 2025-03-01
          date_precision: fortnight
        - id: b
          date: 2025-03-01
          announced: 2025-02-01
          announced_precision: mnth
          date_precision: Year
        """)
        let report = site.build()
        #expect(report.problemLines == [
            "content/data/events.yaml:3:19: error: unknown date_precision 'fortnight'; one of year, month, day, earliest, reported",
            "content/data/events.yaml:7:24: error: unknown announced_precision 'mnth' (did you mean 'month'?); one of year, month, day, earliest, reported",
        ])
        #expect(FixtureSite.snapshot(of: site.output) == before, "a failed build leaves the last output")
    }

    @Test func fieldsNamedLikeDatesMayGiveAYearOrAMonth() throws {
        let site = try FixtureSite()
        try site.write("content/data/history.yaml", """
        - id: a
          year: 2017
          since: 1974-06
        - id: b
          since: 1974-13
          founded: 17
        """)
        #expect(site.build().problemLines == [
            "content/data/history.yaml:5:10: error: 'since' must be a date such as 2024-01-18 or 2024-01-18T09:30:00Z, not the text '1974-13'",
            "content/data/history.yaml:6:12: error: 'founded' must be a date such as 2024-01-18 or 2024-01-18T09:30:00Z, not the number 17",
        ])
    }

    @Test func aLeapDayIsPublishedInPageFeedAndSitemap() throws {
        let site = try FixtureSite()
        try site.write("content/leap.md", "---\ntitle: Leap\ndate: 2024-02-29\nupdated: 2024-03-01 09:30\n---\n\nBody.\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.problemLines)")
        #expect(site.read("leap/index.html").contains(#"<time datetime="2024-02-29T00:00:00Z">February 29, 2024</time>"#))
        #expect(site.read("feed.xml").contains("<published>2024-02-29T00:00:00Z</published>"))
        // RFC 3339 needs seconds: `09:30` gains `:00`.
        #expect(site.read("feed.xml").contains("<updated>2024-03-01T09:30:00Z</updated>"))
        #expect(site.read("sitemap.xml").contains("leap/</loc><lastmod>2024-03-01</lastmod>"))
    }

    @Test(arguments: [
        "2024-02-29", "2000-02-29", "1999-12-31", "2024-01-31", "2024-04-30", "2024-01-18T09:30:00Z", "2024-01-18t09:30:00z",
        "2024-01-18 09:30", "2024-01-18T23:59:59.999+02:00", "2024-01-18T00:00-05:30",
    ])
    func realDates(_ text: String) {
        #expect(SiteDate(text) != nil)
    }

    @Test(arguments: [
        ("2023-02-29", 8, "2023-02-29 is not a date: February 2023 has 28 days"),
        ("1900-02-29", 8, "1900-02-29 is not a date: February 1900 has 28 days"),
        ("2024-06-31", 8, "2024-06-31 is not a date: June 2024 has 30 days"),
        ("2024-01-00", 8, "2024-01-00 is not a date: there is no day 00"),
        ("2024-01-32", 8, "2024-01-32 is not a date: January 2024 has 31 days"),
        ("2024-13-01", 5, "there is no month 13 (months are 01 to 12)"),
        ("0999-01-01", 0, "the year 999 is before 1000; write a four-digit year"),
        ("2024-01-18T24:00", 11, "there is no hour 24 (hours are 00 to 23)"),
        ("2024-01-18T09:60", 14, "there is no minute 60 (minutes are 00 to 59)"),
        ("2024-01-18T09:30:61Z", 17, "there is no second 61 (seconds are 00 to 59)"),
        ("2024-01-18T9:30", 11, "the time must be written hh:mm or hh:mm:ss, as in 2024-01-18T09:30:00Z"),
        ("2024-01-18T09:30+5", 16, "the time zone must be Z or an offset such as +02:00"),
        ("2024-01-18T09:30:00.Z", 20, "a fraction of a second needs digits after the '.'"),
        ("2024-01-18X", 10, "after the date there may only be a time, as in 2024-01-18T09:30:00Z"),
        ("2024-1-18", 0, "not a date such as 2024-01-18 or 2024-01-18T09:30:00Z"),
    ])
    func impossibleDates(_ text: String, offset: Int, message: String) {
        #expect(SiteDate(text) == nil)
        guard case .failure(let problem) = CalendarDate.parse(text) else {
            Issue.record("\(text) accepted")
            return
        }
        #expect(problem.offset == offset)
        #expect(problem.message == message)
    }

    @Test func onlyValuesWrittenLikeDatesAreCheckedInFreeFields() {
        #expect(CalendarDate.looksLikeDate("2023-02-29"))
        #expect(CalendarDate.looksLikeDate("2023-02-29T10:00"))
        #expect(!CalendarDate.looksLikeDate("2023-02-29 was a Wednesday"))
        #expect(!CalendarDate.looksLikeDate("2023"))
        #expect(!CalendarDate.looksLikeDate("$30k–40k"))
    }
}
