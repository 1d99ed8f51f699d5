import Editions
import Foundation
import Load
import Model

/// The ids of entries on `/changes/`.
enum ChangesAnchors {
    static func correction(_ id: String) -> String { "correction-" + id }
}

/// `/changes/`: the story's editions, newest first, each with its date, its message and what
/// changed since the one before (figures moved, added and removed, claims whose verdict
/// changed, records added, removed and edited), then the corrections, in the page's words
/// (`changes_…` in `templates/i18n/<lang>.yaml`).
extension GeneratedPages {

    /// The site's language among those the page is written in.
    var changesLanguage: String { language.hasPrefix("es") ? "es" : "en" }

    func changesPhrase(_ key: String, _ values: [String: String] = [:]) -> String {
        words("changes_" + key.replacing(".", with: "_"), values)
    }

    func changesPage() -> GeneratedPage {
        let notes = EditionNotes(history: history, language: language, basePath: base, sourceNames: sourceNames, words: words)
        let entries = history.entries.map { entry -> [String: Any] in
            var values: [String: Any] = ["anchor": entry.anchor]
            if let edition = entry.edition {
                values["heading"] = edition.tag
                values["date_iso"] = edition.day
                values["date"] = notes.dateline(edition)
                if !edition.message.isEmpty { values["message"] = edition.message }
            } else {
                values["heading"] = changesPhrase("unpublished", ["edition": entry.previous.map(notes.name) ?? ""])
            }
            guard let diff = entry.diff else {
                // Only the first edition has nothing to compare with.
                let first = history.first
                func counted(_ count: Int, _ one: String, _ many: String) -> String {
                    "\(count) " + changesPhrase(count == 1 ? one : many)
                }
                values["summary"] = changesPhrase("first", [
                    "figures": counted(first.figures, "figure", "figures"),
                    "claims": counted(first.claims, "claim", "claims"),
                    "records": counted(first.records, "record", "records"),
                ])
                return values
            }
            let sections = changeSections(diff)
            if sections.isEmpty { values["summary"] = changesPhrase("nothing") }
            values["sections"] = sections
            return values
        }
        let corrections = history.corrections.map { correction -> [String: Any] in
            var link = "<code>\(Escape.html(correction.corrects))</code>"
            if model.figures[correction.corrects]?.isQuantityLike == true { link = "<a href=\"\(figureURL(correction.corrects))\">\(link)</a>" }
            return ["anchor": ChangesAnchors.correction(correction.id),
                    "html": "\(Escape.html(changesPhrase("corrects"))) \(link): " + notes.item(correction)]
        }
        return GeneratedPage(url: "/changes/", title: changesPhrase("title"), template: "changes", values: [
            "intro": changesPhrase("intro"), "entries": entries,
            "corrections_title": changesPhrase("corrections"), "corrections": corrections, "has_corrections": !corrections.isEmpty,
        ])
    }

    /// The non-empty lists of one edition's changes, each item as HTML.
    private func changeSections(_ diff: EditionDiff) -> [[String: Any]] {
        let language = changesLanguage
        // A figure the story still has is named in the page's words; one it no longer has,
        // by the label its edition kept (the default language's).
        func label(_ reference: String, _ state: EditionSnapshot.FigureState) -> String {
            model.figures[reference]?.label(in: words) ?? state.label
        }
        func value(_ state: EditionSnapshot.FigureState) -> String { Escape.html(state.text[language] ?? state.text["en"] ?? "") }
        func figure(_ reference: String, linked: Bool = true) -> String {
            let code = "<code>\(Escape.html(reference))</code>"
            return linked ? "<a href=\"\(figureURL(reference))\">\(code)</a>" : code
        }
        func sources(_ ids: [String]) -> String {
            guard !ids.isEmpty else { return "" }
            return " (\(Escape.html(changesPhrase(ids.count == 1 ? "source" : "sources"))) " + ids.map { Escape.html(sourceNames[$0] ?? $0) }.joined(separator: "; ") + ")"
        }
        var sections: [[String: Any]] = []
        func add(_ key: String, _ items: [String]) {
            if !items.isEmpty { sections.append(["title": changesPhrase(key), "items": items]) }
        }
        add("moved", diff.moved.map { moved in
            var html = "\(figure(moved.reference)) — \(Escape.html(label(moved.reference, moved.new))): <del>\(value(moved.old))</del> → <ins>\(value(moved.new))</ins>"
            let causes = moved.causes.filter { $0.reference != moved.reference }
            if !causes.isEmpty {
                html += ". \(Escape.html(changesPhrase("because"))) " + causes.map { cause in
                    let change = cause.old.value.isEmpty
                        ? Escape.html(changesPhrase("was.absent")) + ": " + value(cause.new)
                        : "\(Escape.html(changesPhrase("changed"))): \(value(cause.old)) → \(value(cause.new))"
                    return "\(figure(cause.reference)) \(change)\(sources(cause.new.sources))"
                }.joined(separator: "; ")
            } else if !moved.new.derived {
                html += sources(moved.new.sources)
            }
            return html + "."
        })
        add("added", diff.added.map { "\(figure($0.reference)) — \(Escape.html(label($0.reference, $0.state))): \(value($0.state))" })
        add("removed", diff.removed.map { "\(figure($0.reference, linked: false)) — \(Escape.html(label($0.reference, $0.state))): \(value($0.state))" })
        add("verdicts", diff.verdicts.map { verdict in
            let link = model.collections["claims"] != nil ? "<a href=\"\(base)/checks/#\(Escape.html(verdict.id))\"><code>\(Escape.html(verdict.id))</code></a>" : "<code>\(Escape.html(verdict.id))</code>"
            return "\(link) (\(Escape.html(changesPhrase("quoted", ["text": verdict.new.says]))), \(figure(verdict.new.figure, linked: model.figures[verdict.new.figure] != nil))): "
                + "\(Escape.html(changesPhrase("status." + verdict.old.status))) → \(Escape.html(changesPhrase("status." + verdict.new.status)))"
        })
        add("records.added", diff.recordsAdded.map { "<code>\(Escape.html($0))</code>" })
        add("records.removed", diff.recordsRemoved.map { "<code>\(Escape.html($0))</code>" })
        add("records.edited", diff.recordsEdited.map { "<code>\(Escape.html($0))</code>" })
        return sections
    }
}

/// A diff in one sentence, for the feed: "2 figures moved, 1 claim's verdict changed, 1 record added."
struct ChangeCounts {
    let language: String
    /// The words of `language` (`changes_count_…`): the site's, else the built-in ones.
    var words: Words? = nil


    func sentence(_ diff: EditionDiff?) -> String {
        let words = self.words ?? .builtIn(language)
        guard let diff else { return words["changes_count_first"].capitalizedFirst + "." }
        let counts: [(String, Int)] = [
            ("moved", diff.moved.count), ("added", diff.added.count), ("removed", diff.removed.count),
            ("verdicts", diff.verdicts.count), ("records.added", diff.recordsAdded.count),
            ("records.removed", diff.recordsRemoved.count), ("records.edited", diff.recordsEdited.count),
        ]
        let parts = counts.filter { $0.1 > 0 }.map { words.count("changes_count_" + $0.0.replacing(".", with: "_"), $0.1) }
        return (parts.isEmpty ? words["changes_count_nothing"].capitalizedFirst : parts.joined(separator: ", ")) + "."
    }
}
