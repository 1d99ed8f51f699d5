import Editions
import Foundation
import Model

/// The corrections on the pages the build generates (issue 13: "a correction appears at the
/// foot of each page that cites what it corrects"): each page says which figures it shows
/// and which records it shows whole (`GeneratedPage.cited`, `.records`); its foot lists the
/// corrections of those, and the corrected item itself (a deal's row, a figure's entry, a
/// claim, a source, a company's line) links to its correction there.
extension GeneratedPages {
    /// The history's words in the pages' language.
    var editionNotes: EditionNotes {
        EditionNotes(history: history, language: language, basePath: base, sourceNames: sourceNames, words: words)
    }

    /// Links to the corrections of the figures `cited` and the records `records` (`collection.id`),
    /// for the item showing them; nil when none (always, for a story without corrections).
    func correctionMark(cited: Set<String> = [], records: Set<String> = []) -> String? {
        guard !history.corrections.isEmpty else { return nil }
        return editionNotes.mark(cited: cited, records: records)
    }

    /// The page with its corrections' block: what `cited` and `records` name.
    func withCorrections(_ page: GeneratedPage) -> GeneratedPage {
        guard !history.corrections.isEmpty else { return page }
        var page = page
        page.foot = editionNotes.correctionsFoot(cited: page.cited, records: page.records)
        return page
    }

    /// `collection.id`, the name corrections give a record.
    static func recordReference(_ record: Record) -> String { "\(record.collection).\(record.id)" }

    /// The names a line about `record` shows of the records it links to: `companies.acme.name`
    /// for `from: acme`, `chips.h100.name` for `chip: h100` (the collections the pages name
    /// their records from). A correction of that company or chip concerns the line too.
    func namesShown(by record: Record) -> Set<String> {
        // Nothing to look up without corrections: no cost to a story that has none.
        guard !history.corrections.isEmpty else { return [] }
        var names = Set<String>()
        for entry in record.node.entries ?? [] where entry.key != "id" {
            guard let value = entry.value.text else { continue }
            for collection in ["companies", "chips"] where model.record(collection, value) != nil {
                names.insert("\(collection).\(value).name")
            }
        }
        return names
    }

    /// The fields a page shows of the sources it names ("The Wire, January 15, 2025", after
    /// a figure or a claim): a correction of such a source, or of its name or date, concerns
    /// the page. Empty without corrections.
    func sourcesNamed(_ ids: some Sequence<String>) -> Set<String> {
        guard !history.corrections.isEmpty else { return [] }
        return Set(ids.flatMap { id in ["publisher", "title", "date"].map { "sources.\(id).\($0)" } })
    }
}

extension GeneratedPage {
    /// `body` (the page's template, rendered) with the corrections' block at the end of its
    /// article, or after it when the template has none: a site's own template cannot drop it.
    func insertingFoot(into body: String) -> String {
        guard !foot.isEmpty else { return body }
        guard let end = body.range(of: "</article>", options: .backwards) else { return body + foot }
        return body.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: foot)
    }
}
