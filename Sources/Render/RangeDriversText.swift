import Load
import Model
import Quantities

/// What drives a figure's range (`StoryModel.rangeDrivers`), written for a reader: lines for
/// `capex explain`, HTML for the figure's entry on `/figures/`, in `language`.
package struct RangeDriversText {
    package let model: StoryModel
    /// A language code (`en`, `es`); the words come from `RangeDriverWords` over `interfaceWords`.
    package let language: String

    /// The interface words of `language`: the figures' labels are said in them.
    package let interfaceWords: Words

    package init(model: StoryModel, language: String, interfaceWords: Words? = nil) {
        self.model = model
        self.language = language
        self.interfaceWords = interfaceWords ?? .builtIn(language)
    }

    package var words: RangeDriverWords { RangeDriverWords(interfaceWords) }
    package var locale: QuantityLocale { QuantityLocale(identifier: language) ?? .en }

    // MARK: pieces

    /// The figure at `reference` as it would read with the value `x` (base units).
    package func figure(_ reference: String, at x: Double, compact: Bool = false) -> String {
        guard let q = model.figures[reference]?.value.quantity else { return "" }
        // Approximate (or at face value) as the figure is: an end is never surer than the whole.
        let qualifier: Qualifier = q.qualifier.isBound ? .exact : q.qualifier
        return Quantity(low: x, high: x, dimension: q.dimension, qualifier: qualifier, hint: q.hint, noun: q.noun)
            .formatted(locale, FormatOptions(compact: compact))
    }

    /// `chips.h100.unit_price`, or "‘$10–11’ in the formula of figures.x"; with `readable`,
    /// the figures' labels instead of their references ("Nvidia H100: unit price"), for a chart.
    package func name(_ input: RangeInput, readable: Bool = false) -> String {
        let figure = readable ? model.figures[input.reference]?.label(in: interfaceWords) ?? input.reference : input.reference
        return input.literal.map { words.literal($0, figure) } ?? figure
    }

    package func value(_ input: RangeInput, compact: Bool = false) -> String {
        input.value.formatted(locale, FormatOptions(compact: compact))
    }

    /// A share of the spread as a percentage to two significant digits: `91%`, `8.7%`.
    package func share(_ fraction: Double) -> String {
        Quantity(fraction).with(hint: .percent).formatted(locale, FormatOptions(precision: 2))
    }

    /// Why there are no shares to give, or nil when there are.
    func nothingToShare(_ drivers: RangeDrivers) -> String? {
        switch drivers.spread {
        case .single: return words.singleValue
        case .bound:
            guard !drivers.unsharedRanges.isEmpty else { return words.boundFigureNoRange }
            return words.boundFigure(drivers.unsharedRanges.map { "\(name($0)), \(value($0))" }.joined(separator: "; "))
        case .range: return drivers.drivers.isEmpty || drivers.totalWidth == 0 ? words.formulaRange : nil
        }
    }

    // MARK: capex explain

    /// The "what drives the range" section of `capex explain`, indented as its other sections.
    package func explainLines(_ drivers: RangeDrivers) -> [String] {
        let heading = words.heading.prefix(1).lowercased() + words.heading.dropFirst()
        var lines: [String] = []
        if let none = nothingToShare(drivers) {
            lines.append("  \(heading): \(none)")
        } else {
            lines.append("  \(heading) (\(words.method)):")
            let shares = drivers.drivers.map { share($0.share) }
            let column = shares.map(\.count).max() ?? 0
            for (driver, text) in zip(drivers.drivers, shares) {
                let padded = text + String(repeating: " ", count: column - text.count)
                let ends = words.fromTo(figure(drivers.reference, at: driver.atLow), figure(drivers.reference, at: driver.atHigh))
                lines.append("    \(padded)  \(name(driver.input)) = \(value(driver.input)): \(ends)")
            }
        }
        for bound in drivers.bounds {
            lines.append("    \(words.boundNoWidth): \(name(bound)) = \(value(bound))")
        }
        if !drivers.singles.isEmpty {
            lines.append("  \(words.noSpread): " + drivers.singles.map { "\(name($0)) = \(value($0))" }.joined(separator: "; "))
        }
        return lines
    }

    // MARK: /figures/

    /// The section under a figure's entry on `/figures/`; nil for a figure with nothing to
    /// say (a single value with no ranged input). `url` links an input to its own entry.
    package func html(_ drivers: RangeDrivers, url: (String) -> String) -> String? {
        if drivers.spread == .single { return nil }
        if drivers.spread == .bound, drivers.unsharedRanges.isEmpty { return nil }
        func link(_ input: RangeInput) -> String {
            let code = "<a href=\"\(Escape.html(url(input.reference)))\"><code>\(Escape.html(input.reference))</code></a>"
            return input.literal.map { Escape.html("‘\($0)’") + " (" + code + ")" } ?? code
        }
        var html = "<div class=\"figure-drivers\">"
        if let none = nothingToShare(drivers) {
            html += "<p>\(Escape.html(words.heading)): \(Escape.html(none)).</p>"
        } else {
            html += "<p>\(Escape.html(words.heading)) (\(Escape.html(words.method))):</p><ol>"
            for driver in drivers.drivers {
                let ends = words.fromTo(figure(drivers.reference, at: driver.atLow), figure(drivers.reference, at: driver.atHigh))
                html += "<li><strong>\(Escape.html(share(driver.share)))</strong> \(link(driver.input)), "
                    + "\(Escape.html(value(driver.input))): \(Escape.html(ends))</li>"
            }
            html += "</ol>"
        }
        if !drivers.bounds.isEmpty {
            let bounds = drivers.bounds.map { "\(link($0)), \(Escape.html(value($0)))" }.joined(separator: "; ")
            html += "<p>\(Escape.html(words.boundNoWidth.prefix(1).uppercased() + words.boundNoWidth.dropFirst())): \(bounds).</p>"
        }
        if !drivers.singles.isEmpty {
            let singles = drivers.singles.map { "\(link($0)), \(Escape.html(value($0)))" }.joined(separator: "; ")
            html += "<p class=\"meta\">\(Escape.html(words.noSpread)): \(singles).</p>"
        }
        return html + "</div>"
    }
}
