import Editions
import Foundation
import Load
import Model

/// What a chapter shows because of the story's history: the "Updated" note under its title
/// when a figure it cites moved in the edition being built, the mark on that figure (its
/// title gives the old value), and the corrections of what it cites at its foot.
/// Its words are the `edition_…` keys of `templates/i18n/<lang>.yaml`.
struct EditionNotes {
    let history: StoryHistory
    /// `en` or `es`; any other language reads English.
    let language: String
    let basePath: String
    let sourceNames: [String: String]
    /// The interface words of `language`: the site's, else the built-in ones.
    var words: Words? = nil


    /// The phrase `key` in this language, `{name}` replaced by `values[name]`.
    func phrase(_ key: String, _ values: [String: String] = [:]) -> String {
        (words ?? .builtIn(language.hasPrefix("es") ? "es" : "en"))("edition_" + key.replacing(".", with: "_"), values)
    }

    /// `December 15, 2025` / `15 de diciembre de 2025` for a tag's or a correction's date.
    func date(_ day: String) -> String { RecordDate(day).display(language: language) }

    /// How the pages name an edition after a preposition: `edition of December 15, 2025`,
    /// or, when its day has several, `second edition of December 15, 2025` (a newsroom's
    /// numbered editions; `edition 11 of …` past the tenth).
    func name(_ edition: Edition) -> String {
        numbered(edition, plain: "of", ordinal: "of.nth", number: "of.numbered")
    }

    /// An edition's date as a dateline: `December 15, 2025`, or `December 15, 2025, second
    /// edition` when its day has several.
    func dateline(_ edition: Edition) -> String {
        numbered(edition, plain: nil, ordinal: "dateline.nth", number: "dateline.numbered")
    }

    private func numbered(_ edition: Edition, plain: String?, ordinal: String, number: String) -> String {
        let day = date(edition.day)
        guard edition.editionsInDay > 1 else { return plain.map { phrase($0, ["date": day]) } ?? day }
        guard edition.numberInDay <= 10 else { return phrase(number, ["date": day, "number": String(edition.numberInDay)]) }
        return phrase(ordinal, ["date": day, "nth": phrase("nth.\(edition.numberInDay)")])
    }

    /// The "Updated" note for a page citing `cited`; empty when none of them moved.
    func updatedNote(cited: Set<String>) -> String {
        guard let latest = history.latest, cited.contains(where: { history.moved($0) != nil }) else { return "" }
        let link = "<a href=\"\(basePath)/changes/#\(Escape.html(latest.anchor))\">\(Escape.html(phrase("updated.link")))</a>"
        let when: String
        if let edition = latest.edition {
            let time = "<time datetime=\"\(Escape.html(edition.day))\">\(Escape.html(dateline(edition)))</time>"
            when = " " + Escape.html(phrase("updated.dated")).replacingOccurrences(of: "{date}", with: time)
        } else {
            let name = latest.previous.map(self.name) ?? ""
            when = ": " + Escape.html(phrase("updated.unpublished", ["edition": name]))
        }
        return "<p class=\"edition-note\"><strong>\(Escape.html(phrase("updated")))</strong>\(when) \(link).</p>\n"
    }

    /// The first words of a moved figure's link title: when it changed and what it was; nil
    /// when it did not move.
    func movedTitle(_ reference: String) -> String? {
        guard let moved = history.moved(reference), let latest = history.latest else { return nil }
        let old = moved.old.text[language.hasPrefix("es") ? "es" : "en"] ?? moved.old.text["en"] ?? ""
        if let edition = latest.edition {
            return phrase("moved.title", ["edition": name(edition), "old": old])
        }
        return phrase("moved.title.unpublished", ["edition": latest.previous.map(name) ?? "", "old": old])
    }

    /// The corrections of what a page cites (figures, and records it shows whole), as the
    /// block at its foot, each item with the id `correction-<id>` that `mark` links to;
    /// empty when none.
    func correctionsFoot(cited: Set<String>, records: Set<String> = []) -> String {
        let corrections = history.corrections(citedBy: cited, records: records)
        guard !corrections.isEmpty else { return "" }
        var html = "<aside class=\"corrections\">\n<h2>\(Escape.html(phrase("corrections")))</h2>\n<ul>\n"
        for correction in corrections {
            html += "<li id=\"\(Escape.html(ChangesAnchors.correction(correction.id)))\">" + item(correction) + "</li>\n"
        }
        return html + "</ul>\n</aside>\n"
    }

    /// Beside an item of a generated page (a deal's row, a figure's entry): a link to each
    /// correction of what it shows, at the page's foot ("Correction of December 20, 2025");
    /// nil when none.
    func mark(cited: Set<String> = [], records: Set<String> = []) -> String? {
        let corrections = history.corrections(citedBy: cited, records: records)
        guard !corrections.isEmpty else { return nil }
        return corrections.map { correction in
            "<a class=\"corrected\" href=\"#\(Escape.html(ChangesAnchors.correction(correction.id)))\">"
                + Escape.html(phrase("corrected.mark", ["date": date(correction.date)])) + "</a>"
        }.joined(separator: "; ")
    }

    /// One correction: its date, what was wrong, what is right, its source or sources.
    func item(_ correction: Correction) -> String {
        let day = RecordDate(correction.date)
        var html = "<time datetime=\"\(Escape.html(day.machineReadable ?? correction.date))\">\(Escape.html(day.display(language: language)))</time> — "
        html += "\(Escape.html(phrase("correction.wrong"))) \(Escape.html(Self.sentence(correction.wrong(in: language)))) "
        html += "\(Escape.html(phrase("correction.right"))) \(Escape.html(Self.sentence(correction.right(in: language))))"
        if !correction.sources.isEmpty {
            let names = correction.sources.map { id in
                sourceNames[id].map { "<a href=\"\(basePath)/sources/#\(Escape.html(id))\">\(Escape.html($0))</a>" } ?? Escape.html(id)
            }
            let lead = phrase(correction.sources.count == 1 ? "correction.source" : "correction.sources")
            html += " \(Escape.html(lead)) " + names.joined(separator: "; ") + "."
        }
        return html
    }

    /// The text with a full stop, unless it ends with one already (or `!`, `?`, `…`).
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.last.map { ".!?…".contains($0) } == true ? trimmed : trimmed + "."
    }
}
