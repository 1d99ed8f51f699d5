import Load
import Model
import Quantities
import Render

/// `capex explain`: a figure's derivation as a reader follows it, inputs first expanded one level.
public enum Explanation {
    public static func text(for figure: Figure, in model: StoryModel) -> String {
        var lines = ["\(figure.reference) = \(FigureText.format(figure, locale: .en))", "  \(figure.label)"]
        if let reason = figure.value.unverifiableReason { lines.append("  cannot be computed: \(reason)") }
        if let modality = figure.modality {
            let how = figure.isDerived ? " (the weakest of its inputs')" : ""
            lines.append("  stated as: \(modality.word)\(how), not a reported fact")
        }
        if let formula = figure.formula {
            lines.append("  formula: \(formula)")
            if let expression = figure.expression { lines.append("           \(expression)") }
        } else {
            lines.append("  as written at \(figure.location)")
        }
        if !figure.inputs.isEmpty {
            lines.append("  inputs:")
            for input in figure.inputs {
                guard let value = model.figures[input] else { continue }
                let how = value.formula.map { " (\($0))" } ?? " (\(value.location))"
                lines.append("    \(input) = \(FigureText.format(value, locale: .en))\(how)")
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
                let parts = [record?.text("publisher"), record.flatMap { RecordDate($0, "date")?.display() }, record?.text("title").map { "“\($0)”" }, record?.text("url")]
                lines.append("    \(id): " + parts.compactMap { $0 }.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
