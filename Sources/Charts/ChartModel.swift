// Core public types shared by every chart kind: the chart itself, values, dates, formatters.

/// Formats a plain number (an axis tick) for display, e.g. `10e9` → `"$10B"`; supplied by the caller.
public typealias ValueFormatter = @Sendable (Double) -> String

/// Formats a date-axis tick; the unit says whether the tick is a year boundary or a month boundary.
public typealias DateTickFormatter = @Sendable (ChartDate, DateTickUnit) -> String

/// The granularity of a date-axis tick.
public enum DateTickUnit: Sendable, Equatable {
    case year
    case month
}

/// One chart to render: a page-unique id, an accessible title and summary, and the kind-specific data.
public struct Chart: Sendable {
    /// Page-unique id (lowercase letters, digits, hyphens; other characters are replaced by `-`).
    public var id: String
    /// Accessible title, emitted as the SVG `<title>` (not drawn; the page shows its own heading).
    public var title: String
    /// One-sentence summary for the SVG `<desc>`; generated from the data when nil.
    public var summary: String?
    /// The kind of chart and its data.
    public var kind: ChartKind

    public init(id: String, title: String, summary: String? = nil, kind: ChartKind) {
        self.id = id
        self.title = title
        self.summary = summary
        self.kind = kind
    }
}

/// The chart kinds, each carrying its data.
public enum ChartKind: Sendable {
    case bar(BarChart)
    case stacked(StackedChart)
    case line(LineChart)
    case timeline(TimelineChart)
    case flow(FlowChart)
    case scale(ScaleChart)
    case tornado(TornadoChart)
}

/// A plotted amount: an interval `low...high` (equal when exact), how it is qualified, and the caller's label.
public struct ChartValue: Sendable, Equatable {
    /// How the interval relates to the true value.
    public enum Qualifier: String, Sendable, Equatable {
        /// The value is the interval as given.
        case exact
        /// The true value is at least `high` ("> $500B", "≥ 10 GW"): a bar's edges run on, dashed.
        case atLeast
        /// The true value is at most `high` ("up to $100B"): drawn hatched from zero.
        case atMost
        /// The value is approximate ("~$300B"): drawn like exact; the label carries the "~".
        case approximate
    }

    /// Lower end (finite, possibly negative; normalised so that `low <= high`). Bar charts
    /// draw negative values from a zero line; the other kinds are given none (their callers
    /// refuse them), and the table always shows the value as given.
    public var low: Double
    /// Upper end.
    public var high: Double
    /// Open end or approximation.
    public var qualifier: Qualifier
    /// The already-formatted label, e.g. `$10.5–14B`.
    public var label: String

    /// An exact (or qualified) single value.
    public init(_ value: Double, label: String, qualifier: Qualifier = .exact) {
        self.init(low: value, high: value, label: label, qualifier: qualifier)
    }

    /// An interval value.
    public init(low: Double, high: Double, label: String, qualifier: Qualifier = .exact) {
        let a = low.isFinite ? low : 0
        let b = high.isFinite ? high : 0
        self.low = min(a, b)
        self.high = max(a, b)
        self.qualifier = qualifier
        self.label = label
    }

    /// True when the value is an interval rather than a point.
    var isRange: Bool { high > low }

    /// The end drawn solid, from zero: the end nearer zero when both ends have one sign
    /// (`low` above zero, `high` below it), zero for a range across it; for `atMost` points
    /// nothing is certain, so the solid part is empty.
    var solidEnd: Double {
        if qualifier == .atMost && !isRange { return 0 }
        return low >= 0 ? low : high <= 0 ? high : 0
    }

    /// The end farther from zero on the side the bar grows: `high`, or `low` for a value
    /// wholly below zero.
    var farEnd: Double { high <= 0 && low < 0 ? low : high }

    /// Midpoint used for sorting and summaries.
    var mid: Double { (low + high) / 2 }
}

/// A calendar day (proleptic Gregorian) on a date axis.
public struct ChartDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date; month and day are clamped into valid ranges.
    public init(_ year: Int, _ month: Int = 1, _ day: Int = 1) {
        self.year = year
        self.month = min(12, max(1, month))
        self.day = min(ChartDate.daysIn(year: year, month: self.month), max(1, day))
    }

    public static func < (a: ChartDate, b: ChartDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil), independent of time zones.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`, for tables and CSV.
    var iso: String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(abs(v))
            return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Default English tick labels: `2024` for years, `Mar 2024` for months.
    public static let defaultTickFormat: DateTickFormatter = { date, unit in
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        switch unit {
        case .year: return String(date.year)
        case .month: return "\(names[date.month - 1]) \(date.year)"
        }
    }
}

/// Orientation of bar and stacked charts.
public enum Orientation: Sendable, Equatable {
    /// Bars grow to the right; category names sit above each bar (best for long names on phones).
    case horizontal
    /// Columns grow upwards; category names are wrapped under each column.
    case vertical
}

/// Ordering of bars.
public enum SortOrder: Sendable, Equatable {
    /// Keep the caller's order.
    case none
    /// Smallest first (by the high end, then the low end; ties keep the caller's order).
    case ascending
    /// Largest first.
    case descending
}

/// Plain locale-independent tick labels (`0`, `2.5`, `10`) used when the caller gives no formatter.
public let plainNumberFormat: ValueFormatter = { SVGNumber.format($0, maxDecimals: 6) }
