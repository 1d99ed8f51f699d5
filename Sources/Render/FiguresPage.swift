import Load
import Model

/// `/figures/`: every figure the story states or derives, with its derivation and sources.
extension GeneratedPages {
    /// Every figure, by collection, with a contents list of the collections. Text fields
    /// (names, dates, notes) are not figures and are left out; a figure that cannot be
    /// computed is listed with the reason.
    func figuresPage() -> GeneratedPage {
        let words = self.words
        let listed = model.allFigures.filter(\.isQuantityLike)
        let drivers = model.rangeDrivers(of: listed.map(\.reference))
        let driversText = RangeDriversText(model: model, language: language, interfaceWords: words)
        let byCollection = Dictionary(grouping: listed) { String($0.reference.prefix { $0 != "." }) }
        let groups = byCollection.keys.sorted().map { collection -> [String: Any] in
            let figures = byCollection[collection]!.map { figure -> [String: Any] in
                var entry: [String: Any] = [
                    "reference": figure.reference, "anchor": figure.anchor, "label": figure.label(in: words),
                    "value": text(figure), "file": figure.location.file, "line": figure.location.line,
                    "sources": sourceList(figure.sources), "has_sources": !figure.sources.isEmpty,
                    "inputs": figure.inputs.map { ["reference": $0, "url": figureURL($0), "value": text(model.figures[$0])] },
                    "has_inputs": !figure.inputs.isEmpty,
                ]
                if let formula = figure.formula(in: words) { entry["formula"] = formula }
                if let expression = figure.expression { entry["expression"] = expression }
                if let reason = figure.unverifiableReason(in: words) { entry["unverifiable"] = oneFullStop(words("figure_cannot_compute", ["reason": reason])) }
                entry.merge(assumptionNote(for: figure)) { $1 }
                if let section = drivers[figure.reference].flatMap({ driversText.html($0, url: figureURL) }) { entry["drivers"] = section }
                if let history = figureHistory(figure.reference) { entry["history"] = history }
                if let mark = correctionMark(cited: sourcesNamed(figure.sources).union([figure.reference])) { entry["correction_html"] = mark }
                return entry
            }
            return ["collection": collection, "anchor": "figures-\(collection)", "count": figures.count,
                    "title": words.collection(collection), "figures": figures]
        }
        var page = GeneratedPage(url: "/figures/", title: words["figures_title"], template: "figures", values: ["groups": groups])
        page.cited = Set(listed.map(\.reference)).union(sourcesNamed(listed.flatMap(\.sources)))
        return page
    }
}
