import Load
import Model

/// `/assumptions/`: every choice behind the figures that the data does not state as a fact
/// (`StoryModel.assumptions`), with the value used, where it comes from, and the figures
/// that rest on it; and the same names on each figure's entry on `/figures/`. Words in the
/// page's language (`assumption_…`, `assumptions_…` in `templates/i18n/<lang>.yaml`).
extension GeneratedPages {
    func assumptionsPage() -> GeneratedPage {
        let words = self.words
        let assumptions = model.assumptions.map { assumption -> [String: Any] in
            let dependents = model.figures(restingOn: assumption.id).filter(\.isQuantityLike)
            var entry: [String: Any] = [
                "id": assumption.id, "statement": assumption.statement(in: words.wording),
                "value": assumption.valueText(in: words.wording),
                "is_editors": assumption.isEditors, "sources": sourceList(assumption.sources),
                "figures": dependents.map { ["reference": $0.reference, "url": figureURL($0.reference), "value": text($0)] },
                "has_figures": !dependents.isEmpty, "figure_count": dependents.count,
            ]
            if model.figures[assumption.reference]?.isQuantityLike == true { entry["value_url"] = figureURL(assumption.reference) }
            return entry
        }
        var values: [String: Any] = ["assumptions": assumptions]
        for key in ["standfirst", "value", "source", "editor", "dependents", "no-dependents"] {
            let name = key.replacing("-", with: "_")
            values["words_" + name] = words["assumptions_" + name]
        }
        var page = GeneratedPage(url: "/assumptions/", title: words["assumptions_title"],
                                 template: "assumptions", values: values)
        // Each assumption's value and the figures resting on it, with their values.
        page.cited = Set(model.assumptions.flatMap { [$0.reference] + model.figures(restingOn: $0.id).filter(\.isQuantityLike).map(\.reference) })
            .union(sourcesNamed(model.assumptions.flatMap(\.sources)))
        return page
    }

    /// What a figure's entry on `/figures/` says of the assumptions it rests on:
    /// `assumptions` (id, url, last) and `assumptions_label`, or nothing.
    func assumptionNote(for figure: Figure) -> [String: Any] {
        let ids = model.assumptions(restedOnBy: figure.reference).map(\.id)
        guard !ids.isEmpty else { return [:] }
        return [
            "has_assumptions": true,
            "assumptions_label": words["figure_assumes"],
            "assumptions": ids.enumerated().map { ["id": $1, "url": "\(base)/assumptions/#\($1)", "last": $0 == ids.count - 1] },
        ]
    }
}
