import Load
import Model
import Quantities

/// `/checks/`: every claim a source makes, checked against the figures (`ClaimCheck`).
extension GeneratedPages {
    func checksPage() -> GeneratedPage {
        let words = self.words
        let claims = model.claims.map { claim -> [String: Any] in
            var entry: [String: Any] = [
                "id": claim.id, "status": claim.status.rawValue, "status_label": words["status_" + claim.status.rawValue],
                "says": says(claim), "figure": claim.figure, "figure_url": figureURL(claim.figure),
                // A figure the data cannot compute (an unverifiable growth without the year
                // before) has no entry on /figures/: name it without a link to nowhere.
                "figure_listed": model.figures[claim.figure] != nil,
                "explanation": claim.text.text(in: ClaimWording(texts: words.texts, locale: locale)), "sources": sourceList(claim.sources), "has_sources": !claim.sources.isEmpty,
            ]
            if let note = claim.note(in: language) { entry["note"] = note }
            if let mark = correctionMark(cited: sourcesNamed(claim.sources).union([claim.figure]), records: ["claims.\(claim.id)"]) {
                entry["correction_html"] = mark
            }
            return entry
        }
        var values: [String: Any] = ["claims": claims]
        var tally: [String] = []
        for status in ClaimCheck.Status.allCases {
            let count = model.claims.filter { $0.status == status }.count
            values[status.rawValue] = count
            tally.append(words.count("count_" + status.rawValue, count))
        }
        // "12 consistent, 3 inconsistent, 2 unverifiable, 0 ambiguous", each in its number.
        values["tally"] = tally.joined(separator: ", ")
        var page = GeneratedPage(url: "/checks/", title: words["checks_title"], template: "checks", values: values)
        page.cited = Set(model.claims.map(\.figure)).union(sourcesNamed(model.claims.flatMap(\.sources)))
        page.records = Set(model.claims.map { "claims.\($0.id)" })
        return page
    }

    /// What the source says: as written in the data on an English page (`~$18B`); on a page
    /// in another language, the stated value in that language's compact form (`~18.000 M$`),
    /// since the data's notation is English. A comparison's statement is words: in the page's
    /// language where the data translates it.
    func says(_ claim: ClaimCheck) -> String {
        guard locale != .en, claim.stated != nil, let figure = model.figures["claims.\(claim.id).says"] else {
            return claim.says(in: language)
        }
        return FigureText.format(figure, locale: locale, options: FormatOptions(compact: true))
    }
}
