import Charts
import Model
import Quantities

extension SpecReader {
    /// `type: tornado` with `figure: REF`: what drives the range of one derived figure whose
    /// value is a range (`StoryModel.rangeDrivers`), one bar per ranged input, in the page's
    /// language. A figure that is written in the data, or is not a range, is an error at `figure`.
    mutating func tornado(locale: QuantityLocale) -> ChartKind? {
        guard let reference = text("figure") else {
            fail(nil, "a tornado chart needs 'figure': the reference of a derived figure whose value is a range")
            return nil
        }
        guard let figure = resolve(reference, at: spec["figure"]?.location ?? spec.location), let quantity = figure.value.quantity else { return nil }
        let phrases = RangeDriversText(model: model, language: locale.rawValue, interfaceWords: words)
        guard let drivers = model.rangeDrivers(of: reference) else {
            fail("figure", "\(reference) is written in the data, not derived: its range is the source's, with no inputs to share it")
            return nil
        }
        guard drivers.spread == .range else {
            fail("figure", "\(reference) is \(quantity.formatted(.en)), not a range: a tornado chart shows what drives a range")
            return nil
        }
        guard let midpoint = drivers.atMidpoints, drivers.totalWidth > 0 else {
            fail("figure", "\(reference) is \(quantity.formatted(.en)), but no input moves it on its own (a min or max of overlapping values): a tornado chart would have no bar")
            return nil
        }
        // The bars also change when only the inputs do (two terms of a sum trading widths):
        // a page with a chart depends on the whole model (`SiteRenderer`), so it is redrawn.
        references.append(reference)
        let words = phrases.words
        let compact = { (x: Double) in phrases.figure(reference, at: x, compact: true) }
        let bars = drivers.drivers.map { driver in
            TornadoChart.Bar(input: "\(phrases.name(driver.input, readable: true)), \(phrases.value(driver.input, compact: true))",
                             atLow: driver.atLow, atLowLabel: compact(driver.atLow),
                             atHigh: driver.atHigh, atHighLabel: compact(driver.atHigh), shareLabel: phrases.share(driver.share))
        }
        let top = drivers.drivers[0]
        let summary = words.chartSummary(figure.label(in: phrases.interfaceWords), bars.count, phrases.name(top.input, readable: true), compact(top.atLow), compact(top.atHigh),
                                         phrases.share(top.share))
        let columns = TornadoChart.Columns(input: words.chartColumns.input, atLow: words.chartColumns.atLow,
                                           atHigh: words.chartColumns.atHigh, share: words.chartColumns.share)
        return .tornado(TornadoChart(bars: bars, baseline: midpoint, baselineLabel: "\(words.chartBaseline): \(compact(midpoint))",
                                     lowEndLegend: words.chartLowEnd, highEndLegend: words.chartHighEnd, columns: columns,
                                     summary: summary, tickFormat: Self.ticks(for: quantity, locale: locale)))
    }
}
