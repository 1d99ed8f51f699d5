import Diagnostics

/// A date as a page or a record writes it, checked against the Gregorian calendar:
/// `2024-01-18`, or a date and time as RFC 3339 allows (`2024-01-18T09:30:00Z`,
/// `2024-01-18 09:30`, `2024-01-18T09:30:00.5+02:00`). `2023-02-29`, month 13, day 00,
/// hour 24 are refused with the reason and the column where the text goes wrong;
/// `2024-02-29` and `2000-02-29` are leap days, `1900-02-29` is not.
public struct CalendarDate: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Whether a time follows the date, and whether it has seconds.
    public var hasTime = false
    public var hasSeconds = false

    /// Why a text is not a date, and where (0-based, in Unicode scalars).
    public struct Problem: Error, Sendable {
        public var message: String
        public var offset: Int
    }

    public static let forms = "a date such as 2024-01-18 or 2024-01-18T09:30:00Z"

    /// Days in `month` of `year` (Gregorian: a leap year divides by 4, and by 400 if by 100).
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    /// Whether `text` is written like a date (`dddd-dd-dd`, alone or before a time), so that
    /// a field of any name holding it is checked as one: `2023-02-29` is never published.
    public static func looksLikeDate(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 48, first <= 57 else { return false }
        let b = Array(text.utf8.prefix(12))
        func digit(_ i: Int) -> Bool { i < b.count && b[i] >= 48 && b[i] <= 57 }
        guard b.count >= 10, (0..<4).allSatisfy(digit), b[4] == 45, digit(5), digit(6), b[7] == 45, digit(8), digit(9) else {
            return false
        }
        return b.count == 10 || ((b[10] == 84 || b[10] == 116 || b[10] == 32) && digit(11))
    }

    public static func parse(_ text: String) -> Result<CalendarDate, Problem> {
        let b = Array(text.utf8)
        func fail(_ message: String, _ offset: Int) -> Result<CalendarDate, Problem> {
            .failure(Problem(message: message, offset: offset))
        }
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var value = 0
            for i in at..<(at + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        /// The two digits at `at`, as written.
        func written(_ at: Int) -> String { String(decoding: b[at..<(at + 2)], as: UTF8.self) }
        guard let year = number(0, 4), b.count >= 10, b[4] == 45, let month = number(5, 2), b[7] == 45, let day = number(8, 2)
        else { return fail("not \(forms)", 0) }
        guard year >= 1000 else { return fail("the year \(year) is before 1000; write a four-digit year", 0) }
        guard (1...12).contains(month) else { return fail("there is no month \(written(5)) (months are 01 to 12)", 5) }
        let length = days(inMonth: month, of: year)
        guard (1...length).contains(day) else {
            let why = day == 0 ? "there is no day 00" : "\(monthNames[month - 1]) \(year) has \(length) days"
            return fail("\(text.prefix(10)) is not a date: \(why)", 8)
        }
        var date = CalendarDate(year: year, month: month, day: day)
        guard b.count > 10 else { return .success(date) }
        // A time: `T` (or `t`, or one space), hh:mm, then :ss, a fraction, a zone.
        guard b[10] == 84 || b[10] == 116 || b[10] == 32 else {
            return fail("after the date there may only be a time, as in 2024-01-18T09:30:00Z", 10)
        }
        guard let hour = number(11, 2), b.count > 13, b[13] == 58, let minute = number(14, 2) else {
            return fail("the time must be written hh:mm or hh:mm:ss, as in 2024-01-18T09:30:00Z", 11)
        }
        guard hour <= 23 else { return fail("there is no hour \(written(11)) (hours are 00 to 23)", 11) }
        guard minute <= 59 else { return fail("there is no minute \(written(14)) (minutes are 00 to 59)", 14) }
        date.hasTime = true
        var index = 16
        if index < b.count, b[index] == 58 {
            guard let second = number(index + 1, 2) else { return fail("the seconds must be two digits", index + 1) }
            guard second <= 59 else { return fail("there is no second \(written(index + 1)) (seconds are 00 to 59)", index + 1) }
            date.hasSeconds = true
            index += 3
            if index < b.count, b[index] == 46 {
                index += 1
                let start = index
                while index < b.count, b[index] >= 48, b[index] <= 57 { index += 1 }
                guard index > start else { return fail("a fraction of a second needs digits after the '.'", start) }
            }
        }
        guard index < b.count else { return .success(date) }
        if b[index] == 90 || b[index] == 122, index + 1 == b.count { return .success(date) }
        if b[index] == 43 || b[index] == 45, index + 6 == b.count, let zoneHour = number(index + 1, 2), b[index + 3] == 58,
           let zoneMinute = number(index + 4, 2) {
            guard zoneHour <= 23, zoneMinute <= 59 else { return fail("the time zone must be -23:59 to +23:59", index) }
            return .success(date)
        }
        return fail("the time zone must be Z or an offset such as +02:00", index)
    }

    /// The problem with a date-valued field, as an error at the field (nil if it is a date).
    /// Every value in `node` (a field's value, lists and mappings searched) that is written
    /// like a date but is none, as errors at the value: `released: 2023-02-29` in a record
    /// or in front matter is refused whatever the field is called.
    public static func problems(in node: YAMLNode, field: String) -> [Diagnostic] {
        switch node.kind {
        case .scalar(.string(let text), _):
            guard looksLikeDate(text) else { return [] }
            return problem(with: text, field: field, at: node.location).map { [$0] } ?? []
        case .scalar:
            return []
        case .sequence(let items):
            return items.flatMap { problems(in: $0, field: field) }
        case .mapping(let entries):
            return entries.flatMap { problems(in: $0.value, field: field + "." + $0.key) }
        }
    }

    /// A year (`2023`) or a year and month (`2024-06`) completed to its first day
    /// (`2023-01-01`, `2024-06-01`); any other text as it is.
    public static func completing(_ text: String) -> String {
        switch text.count {
        case 4: text + "-01-01"
        case 7: text + "-01"
        default: text
        }
    }

    /// Whether `text` is a year (`2017`, from 1000) or a year and month (`2025-11`, month 01–12):
    /// the precision a field named like a date may have. The calendar's own rules decide.
    public static func isYearOrMonth(_ text: String) -> Bool {
        guard text.count == 4 || text.count == 7, case .success = parse(completing(text)) else { return false }
        return true
    }

    /// `written` says what the value is when it is no date at all ("the text 'yesterday'").
    public static func problem(with text: String, field: String, at location: SourceLocation, written: String? = nil) -> Diagnostic? {
        guard case .failure(let problem) = parse(text) else { return nil }
        guard problem.offset > 0 || !problem.message.hasPrefix("not ") else {
            return .error(at: location, "'\(field)' must be \(forms), not \(written ?? "the text '\(text)'")")
        }
        var at = location
        at.column += problem.offset
        return .error(at: at, "'\(field)': \(problem.message)")
    }
}
