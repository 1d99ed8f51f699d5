/// A date in data (`date: 2025-01-01`) read at the precision the data gives it
/// (`date_precision: year`), so that a reader sees "2025", not "2025-01-01": the first of
/// January that stands for "early 2025" must never print as a day.
///
/// Precision comes from `<field>_precision`, else the record's `date_precision`:
/// `year`, `month`, `day` (the default), `earliest` (this day or later) and `reported`
/// (by this day). Text that is not `YYYY-MM-DD` is shown as written.
public struct RecordDate: Sendable, Equatable {
    public enum Precision: String, Sendable, CaseIterable {
        case year, month, day, earliest, reported
    }

    /// `2025-01-01`, as written.
    public let text: String
    public let precision: Precision
    public let year: Int?
    public let month: Int?
    public let day: Int?

    public init(_ text: String, precision: String? = nil) {
        self.text = text
        self.precision = precision.flatMap { Precision(rawValue: $0.lowercased()) } ?? .day
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.map { Int($0) }
        if parts.count == 3, let y = numbers[0], let m = numbers[1], let d = numbers[2], parts[0].count == 4,
           (1...12).contains(m), (1...31).contains(d) {
            (year, month, day) = (y, m, d)
        } else if parts.count == 2, let y = numbers[0], let m = numbers[1], parts[0].count == 4, (1...12).contains(m) {
            (year, month, day) = (y, m, nil)
        } else if parts.count == 1, let y = numbers[0], parts[0].count == 4 {
            (year, month, day) = (y, nil, nil)
        } else {
            (year, month, day) = (nil, nil, nil)
        }
    }

    /// The date field `field` of `record`, at its precision; nil when the record has none.
    public init?(_ record: Record, _ field: String) {
        guard let text = record.text(field) else { return nil }
        self.init(text, precision: record.text("\(field)_precision") ?? record.text("date_precision"))
    }

    static let months: [String: [String]] = [
        "en": ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"],
        "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
               "septiembre", "octubre", "noviembre", "diciembre"],
    ]

    /// Month names short enough for a chart's date axis: CLDR's abbreviated month names,
    /// which Foundation gives for the skeleton `MMM yyyy` (en `Mar 2024`, es `mar 2024`,
    /// `sept 2025`: lower case, no period).
    static let axisMonths: [String: [String]] = [
        "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    ]

    /// A tick on a chart's date axis: the year alone (`2025`, never grouped), or the
    /// abbreviated month and year (`Mar 2024`, `sept 2025`), in `language` (a code such as
    /// `es` or `es-ES`; anything but Spanish reads English).
    public static func axisLabel(year: Int, month: Int?, language: String) -> String {
        guard let month, (1...12).contains(month) else { return String(year) }
        return "\(axisMonths[language.hasPrefix("es") ? "es" : "en"]![month - 1]) \(year)"
    }

    /// The date as far as it is known: "2025", "November 2025", "September 22, 2025",
    /// "September 22, 2025 or later", "by December 17, 2025" (en); "2025", "noviembre de 2025",
    /// "22 de septiembre de 2025", "22 de septiembre de 2025 o después", "17 de diciembre de
    /// 2025 o antes" (es: the RAE's order day–month–year joined by "de", month names in
    /// lower case; years never grouped). "Hasta el" would say "until", not "by".
    public func display(language: String = "en") -> String {
        guard let year else { return text }
        let spanish = language.hasPrefix("es")
        let names = Self.months[spanish ? "es" : "en"]!
        let shown: String
        switch (precision, month, day) {
        case (.year, _, _), (_, nil, _):
            return String(year)
        case (.month, let month?, _), (_, let month?, nil):
            shown = spanish ? "\(names[month - 1]) de \(year)" : "\(names[month - 1]) \(year)"
            return shown
        case (_, let month?, let day?):
            shown = spanish ? "\(day) de \(names[month - 1]) de \(year)" : "\(names[month - 1]) \(day), \(year)"
        }
        switch precision {
        case .earliest: return spanish ? "\(shown) o después" : "\(shown) or later"
        case .reported: return spanish ? "\(shown) o antes" : "by \(shown)"
        default: return shown
        }
    }

    /// The machine-readable form for `<time datetime>`: `2025`, `2025-11`, `2025-09-22`;
    /// nil when the text is not a date.
    public var machineReadable: String? {
        guard let year else { return nil }
        let y = String(year)
        guard precision != .year, let month else { return y }
        let m = month < 10 ? "0\(month)" : "\(month)"
        guard precision != .month, let day else { return "\(y)-\(m)" }
        return "\(y)-\(m)-\(day < 10 ? "0\(day)" : "\(day)")"
    }
}
