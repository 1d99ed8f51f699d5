import Load
import Model

/// `/checks/`: every claim a source makes, checked against the figures (`ClaimCheck`).
extension GeneratedPages {
    func checksPage() -> GeneratedPage {
        let language = locale.rawValue
        let claims = model.claims.map { claim -> [String: Any] in
            var entry: [String: Any] = [
                "id": claim.id, "status": claim.status.rawValue, "status_label": claim.status.rawValue.capitalizedFirst,
                "says": claim.says(in: language), "figure": claim.figure, "figure_url": figureURL(claim.figure),
                "explanation": claim.explanation, "sources": sourceList(claim.sources), "has_sources": !claim.sources.isEmpty,
            ]
            if let note = claim.note(in: language) { entry["note"] = note }
            return entry
        }
        var values: [String: Any] = ["claims": claims]
        for status in ClaimCheck.Status.allCases {
            values[status.rawValue] = model.claims.filter { $0.status == status }.count
        }
        return GeneratedPage(url: "/checks/", title: "Checks", template: "checks", values: values)
    }
}
