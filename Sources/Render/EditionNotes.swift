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

    /// The "Updated" note for a page citing `cited`; empty when none of them moved.
    func updatedNote(cited: Set<String>) -> String {
        guard let latest = history.latest, cited.contains(where: { history.moved($0) != nil }) else { return "" }
        let link = "<a href=\"\(basePath)/changes/#\(Escape.html(latest.anchor))\">\(Escape.html(phrase("updated.link")))</a>"
        let when: String
        if let edition = latest.edition {
            let time = "<time datetime=\"\(Escape.html(edition.day))\">\(Escape.html(date(edition.day)))</time>"
            when = " " + Escape.html(phrase("updated.dated")).replacingOccurrences(of: "{date}", with: time)
        } else {
            let day = latest.previous?.day ?? ""
            let time = "<time datetime=\"\(Escape.html(day))\">\(Escape.html(date(day)))</time>"
            when = ": " + Escape.html(phrase("updated.unpublished")).replacingOccurrences(of: "{date}", with: time)
        }
        return "<p class=\"edition-note\"><strong>\(Escape.html(phrase("updated")))</strong>\(when) \(link).</p>\n"
    }

    /// The first words of a moved figure's link title: when it changed and what it was; nil
    /// when it did not move.
    func movedTitle(_ reference: String) -> String? {
        guard let moved = history.moved(reference), let latest = history.latest else { return nil }
        let old = moved.old.text[language.hasPrefix("es") ? "es" : "en"] ?? moved.old.text["en"] ?? ""
        if let edition = latest.edition {
            return phrase("moved.title", ["date": date(edition.day), "old": old])
        }
        return phrase("moved.title.unpublished", ["date": date(latest.previous?.day ?? ""), "old": old])
    }

    /// The corrections of what a page cites, as the block at its foot; empty when none.
    func correctionsFoot(cited: Set<String>) -> String {
        let corrections = history.corrections(citedBy: cited)
        guard !corrections.isEmpty else { return "" }
        var html = "<aside class=\"corrections\">\n<h2>\(Escape.html(phrase("corrections")))</h2>\n<ul>\n"
        for correction in corrections { html += "<li>" + item(correction) + "</li>\n" }
        return html + "</ul>\n</aside>\n"
    }

    /// One correction: its date, what was wrong, what is right, its sources.
    func item(_ correction: Correction) -> String {
        let day = RecordDate(correction.date)
        var html = "<time datetime=\"\(Escape.html(day.machineReadable ?? correction.date))\">\(Escape.html(day.display(language: language)))</time> — "
        html += "\(Escape.html(phrase("correction.wrong"))) \(Escape.html(Self.sentence(correction.wrong))) "
        html += "\(Escape.html(phrase("correction.right"))) \(Escape.html(Self.sentence(correction.right)))"
        if !correction.sources.isEmpty {
            let names = correction.sources.map { id in
                sourceNames[id].map { "<a href=\"\(basePath)/sources/#\(Escape.html(id))\">\(Escape.html($0))</a>" } ?? Escape.html(id)
            }
            html += " \(Escape.html(phrase("correction.sources"))) " + names.joined(separator: "; ") + "."
        }
        return html
    }

    /// The text with a full stop, unless it ends with one already (or `!`, `?`, `…`).
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.last.map { ".!?…".contains($0) } == true ? trimmed : trimmed + "."
    }
}
