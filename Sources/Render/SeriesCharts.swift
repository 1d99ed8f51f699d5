import Charts
import Diagnostics
import Load
import Model
import Quantities

/// The chart kinds that read series from a block: lines over dates, and stacked bars whose
/// segments add up only within a bar.
extension SpecReader {
    package mutating func line(format: @escaping (Quantity) -> String, locale: QuantityLocale) -> ChartKind? {
        guard let points = points(), drawable(points, kind: "line") else { return nil }
        let dateField = text("x") ?? "date", seriesField = text("series")
        // With `values:`, `dates:` places each value (`2023`, `2024-06`, `2024-06-30`),
        // `labels:` names its point and `series:` the line; with `data:`, each record's `x`
        // field is its date and `series` the field that splits the lines.
        let dates = spec["dates"]?.elements?.map { $0.text ?? "" }
        if let dates, dates.count != points.count {
            fail("dates", "'dates' needs one date per value: \(counted(points.count, "value")), \(counted(dates.count, "date"))")
            return nil
        }
        var order: [String] = []
        var bySeries: [String: [LineChart.Point]] = [:]
        var colors: [String: String] = [:]
        for (index, point) in points.enumerated() {
            let written = dates?[index] ?? point.record?.text(dateField)
            guard let date = Self.date(written.map(CalendarDate.completing)) else {
                if let dates { fail("dates", "'\(dates[index])' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"); return nil }
                continue
            }
            // With `values:`, `series:` is the line's name as a reader sees it.
            let name = dates == nil ? seriesField.flatMap { field in point.record.map { label(of: $0, field: field) } } ?? (text("title") ?? "")
                                    : (seriesField ?? text("title") ?? "")
            if bySeries[name] == nil { order.append(name) }
            // A record's date reads at its precision, in the page's language, as on a timeline.
            let dateLabel = dates != nil ? point.label
                : point.record.flatMap { Self.dateLabel($0, field: dateField, locale: locale) } ?? written ?? ""
            bySeries[name, default: []].append(.init(date: date, dateLabel: dateLabel,
                                                     value: point.quantity.high, label: format(point.quantity)))
            colors[name] = colors[name] ?? point.color
        }
        guard !order.isEmpty else { fail("x", "no record has a date in '\(dateField)'"); return nil }
        let series = order.map { LineChart.Series(name: $0, color: colors[$0], points: bySeries[$0]!.sorted { $0.date < $1.date }) }
        return .line(LineChart(series: series, tickFormat: Self.ticks(for: points[0].quantity, locale: locale),
                               dateTickFormat: Self.dateTicks(locale: locale), axisTitle: text("axis")))
    }

    package mutating func stacked(format: @escaping (Quantity) -> String, locale: QuantityLocale) -> ChartKind? {
        guard let points = points(), drawable(points, kind: "stacked") else { return nil }
        guard let seriesField = text("series") else { fail(nil, "a stacked chart needs 'series': the field that splits each bar"); return nil }
        var categories: [String] = [], seriesNames: [String] = []
        var cells: [String: [String: Quantity]] = [:]
        var colors: [String: String] = [:]
        for point in points {
            guard let record = point.record else {
                // A stacked bar splits records by their fields: a figure that is no record's field has none.
                fail("values", "\(point.reference) is not a record's field: a stacked chart splits records by 'x' and 'series'")
                return nil
            }
            let category = label(of: record, field: text("x")), series = label(of: record, field: seriesField)
            if !categories.contains(category) { categories.append(category) }
            if !seriesNames.contains(series) { seriesNames.append(series) }
            colors[series] = colors[series] ?? point.color
            // Records that share a bar and a segment add up (two signed investments are one segment).
            if let earlier = cells[category]?[series] {
                do {
                    cells[category]![series] = try Quantity.sum([earlier, point.quantity])
                } catch {
                    fail("y", "cannot add the values of '\(category)', '\(series)': \(error.message)")
                    return nil
                }
            } else {
                cells[category, default: [:]][series] = point.quantity
            }
        }
        // Bars by deal standing read firm money first: paid or signed, pledged, in talks.
        if text("x") == "status", points.allSatisfy({ $0.record?.collection == "deals" }) {
            let firm = [DealStanding.signed, .pledged, .talks].map(words.standing)
            let rank = { (name: String) in firm.firstIndex(of: name) ?? 3 }
            categories = categories.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        }
        let rows = categories.map { category -> StackedChart.Category in
            let values = seriesNames.map { cells[category]?[$0] }
            // The bar's total at its end; a bar of one segment shows its value there alone, so
            // a narrow segment is never left without its number.
            let total = (try? Quantity.sum(values.compactMap { $0 })).flatMap { $0 }
            let single = values.compactMap { $0 }.count == 1
            return StackedChart.Category(name: category, segments: values.map { value in
                value.map { StackedChart.Segment(Self.value($0, format), label: single ? "" : format($0)) }
            }, totalLabel: total.map(format))
        }
        return .stacked(StackedChart(series: seriesNames.map { StackedChart.Series(name: $0, color: colors[$0]) }, categories: rows,
                                     orientation: text("orientation") == "vertical" ? .vertical : .horizontal,
                                     tickFormat: Self.ticks(for: points[0].quantity, locale: locale), axisTitle: text("axis")))
    }
}
