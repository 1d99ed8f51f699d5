// Date axes: day numbers, nice year/month ticks.

/// A tick on a date axis.
struct DateTick: Equatable {
    var date: ChartDate
    var unit: DateTickUnit
}

enum DateTicks {
    /// Adds `months` to the first day of `date`'s month.
    static func monthStart(_ date: ChartDate, plus months: Int) -> ChartDate {
        let total = date.year * 12 + (date.month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        return ChartDate(y, total - y * 12 + 1, 1)
    }

    /// Candidate ticks: first day of every `stepMonths`-th month (aligned to multiples of the step), within the range.
    static func candidates(from lo: Int, to hi: Int, stepMonths: Int) -> [ChartDate] {
        let first = DateFromDays.date(lo)
        var m = monthStart(first, plus: 0)
        let index = m.year * 12 + m.month - 1
        let aligned = index - ((index % stepMonths) + stepMonths) % stepMonths
        m = monthStart(ChartDate(0, 1, 1), plus: aligned)
        var out: [ChartDate] = []
        while m.dayNumber <= hi {
            if m.dayNumber >= lo { out.append(m) }
            m = monthStart(m, plus: stepMonths)
        }
        return out
    }

    /// Picks ticks for the day range `lo...hi` along `length` units: whole years when at least two year
    /// boundaries fit (steps 1, 2, 5, 10, … years), otherwise months (steps 1, 2, 3, 6).
    /// `labelSize` gives each label's extent along the axis.
    static func ticks(from lo: Int, to hi: Int, length: Double, minGap: Double = 12,
                      labelSize: (DateTick) -> Double) -> [DateTick] {
        let spanDays = max(1, Double(hi - lo))
        func fits(_ ticks: [DateTick], stepDays: Double) -> Bool {
            let spacing = length * stepDays / spanDays
            return (ticks.map(labelSize).max() ?? 0) + minGap <= spacing
        }
        for years in [1, 2, 5, 10, 20, 25, 50, 100] {
            let t = candidates(from: lo, to: hi, stepMonths: 12 * years).map { DateTick(date: $0, unit: .year) }
            if t.count < 2 { break }
            if fits(t, stepDays: 365.25 * Double(years)) { return t }
        }
        for months in [1, 2, 3, 6] {
            let t = candidates(from: lo, to: hi, stepMonths: months).map { DateTick(date: $0, unit: .month) }
            if t.count >= 1 && fits(t, stepDays: 30.44 * Double(months)) { return t }
        }
        let years = candidates(from: lo, to: hi, stepMonths: 12).map { DateTick(date: $0, unit: .year) }
        return years.isEmpty ? [] : [years[0]]
    }
}

/// Converts day numbers back to civil dates (Howard Hinnant's civil_from_days).
enum DateFromDays {
    static func date(_ z0: Int) -> ChartDate {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return ChartDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
