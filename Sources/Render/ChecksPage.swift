import Load
import Model

/// `/checks/`: every claim a source makes, checked against the figures (`ClaimCheck`).
extension GeneratedPages {
    func checksPage() -> GeneratedPage {
        let claims = model.claims.map { claim -> [String: Any] in
            var entry: [String: Any] = [
                "id": claim.id, "status": claim.status.rawValue, "status_label": claim.status.rawValue.capitalizedFirst,
                "says": claim.says, "figure": claim.figure, "figure_url": figureURL(claim.figure),
                // A figure the data cannot compute (an unverifiable growth without the year
                // before) has no entry on /figures/: name it without a link to nowhere.
                "figure_listed": model.figures[claim.figure] != nil,
                "explanation": claim.explanation, "sources": sourceList(claim.sources), "has_sources": !claim.sources.isEmpty,
            ]
            if let note = claim.note { entry["note"] = note }
            return entry
        }
        var values: [String: Any] = ["claims": claims]
        for status in ClaimCheck.Status.allCases {
            values[status.rawValue] = model.claims.filter { $0.status == status }.count
        }
        return GeneratedPage(url: "/checks/", title: "Checks", template: "checks", values: values)
    }
}
