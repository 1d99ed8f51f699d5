import Load
import Model
import Quantities
import Render

/// `capex explain`: a figure's derivation as a reader follows it, inputs first expanded one level.
/// `language` picks the data's translations (label, a text figure, sources' titles) and the
/// number format; the default language's text stands in where the data has no translation.
public enum Explanation {
    public static func text(for figure: Figure, in model: StoryModel, language: String = "en") -> String {
        let locale = QuantityLocale(identifier: language) ?? .en
        var lines = ["\(figure.reference) = \(FigureText.format(figure, locale: locale))", "  \(figure.label(in: language))"]
        if let reason = figure.value.unverifiableReason { lines.append("  cannot be computed: \(reason)") }
        if let modality = figure.modality {
            let how = figure.isDerived ? " (the weakest of its inputs')" : ""
            lines.append("  stated as: \(modality.word)\(how), not a reported fact")
        }
        if var formula = figure.formula {
            if formula == figure.label { formula = figure.label(in: language) }
            lines.append("  formula: \(formula)")
            if let expression = figure.expression { lines.append("           \(expression)") }
        } else {
            lines.append("  as written at \(figure.location)")
        }
        if !figure.inputs.isEmpty {
            lines.append("  inputs:")
            for input in figure.inputs {
                guard let value = model.figures[input] else { continue }
                let how = value.formula.map { " (\($0 == value.label ? value.label(in: language) : $0))" } ?? " (\(value.location))"
                lines.append("    \(input) = \(FigureText.format(value, locale: locale))\(how)")
            }
        }
        let assumed = model.assumptions(restedOnBy: figure.reference).map(\.id)
        if !assumed.isEmpty { lines.append("  assumes: " + assumed.joined(separator: ", ") + " (see /assumptions/)") }
        if let drivers = model.rangeDrivers(of: figure.reference) {
            lines += RangeDriversText(model: model, language: "en").explainLines(drivers)
        }
        if !figure.sources.isEmpty {
            lines.append("  sources:")
            for id in figure.sources {
                let record = model.record("sources", id)
                let parts = [record?.text("publisher", language: language), record.flatMap { RecordDate($0, "date")?.display(language: language) },
                             record?.text("title", language: language).map { "“\($0)”" }, record?.text("url")]
                lines.append("    \(id): " + parts.compactMap { $0 }.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
