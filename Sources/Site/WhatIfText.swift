import Model
import Quantities
import Render

/// What `capex explain REF --assume ID=VALUE` prints: the figure before and after the
/// change, what was changed (with the value it replaces), then the derivation as it runs
/// with the new values. Terminal text, in English, like the rest of `capex explain`.
public enum WhatIfText {
    public static func text(for reference: String, before: StoryModel, changes: [WhatIf.Change], outcome: WhatIf.Outcome) -> String {
        let old = before.figures[reference].map { FigureText.format($0, locale: .en) } ?? "not computed"
        let figure = outcome.model.figures[reference]
        let new = figure.map { FigureText.format($0, locale: .en) } ?? "not computed with these values"
        var lines = ["\(reference) = \(old) → \(new)"]
        for (change, target) in zip(changes, outcome.references) {
            let was = before.figures[target].map { FigureText.format($0, locale: .en) }
                ?? before.assumption(change.id).map { $0.valueText(in: .english) } ?? "not given"
            let now = outcome.model.figures[target].map { FigureText.format($0, locale: .en) } ?? change.value
            lines.append("  what if: \(change.id) = \(now) (was \(was))")
            if !WhatIf.rests(reference, on: target, in: before) {
                lines.append("    \(reference) does not rest on \(change.id): unchanged")
            }
        }
        if let figure {
            var explanation = Explanation.text(for: figure, in: outcome.model)
            // A value given on the command line is "as written" in its argument, not at a line of it.
            for change in changes { explanation = explanation.replacing("(\(change.location))", with: "(--assume \(change.argument))") }
            lines += explanation.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init)
        }
        return lines.joined(separator: "\n")
    }
}
