import Editions
import Model

/// A figure's history across the story's editions, as `/figures/` shows it under its value:
/// "History: edition of November 1, 2025: $10 billion → edition of December 15, 2025: $12 billion".
/// Its words are `figure_history…` in `templates/i18n/<lang>.yaml`.
extension GeneratedPages {
    /// The figure's values at the editions that changed it, as HTML; nil when it never
    /// changed (or the story has no editions).
    func figureHistory(_ reference: String) -> String? {
        let steps = history.history(of: reference)
        guard steps.count > 1 else { return nil }
        let language = changesLanguage
        let words = self.words
        let notes = EditionNotes(history: history, language: language, basePath: base, sourceNames: sourceNames, words: words)
        let shown = steps.map { step -> String in
            let value = Escape.html(step.state.text[language] ?? step.state.text["en"] ?? "")
            guard let edition = step.edition else { return "\(Escape.html(words["figure_history_unpublished"])): \(value)" }
            let label = notes.name(edition)
            return "<a href=\"\(base)/changes/#\(Escape.html(edition.anchor))\">\(Escape.html(label))</a>: \(value)"
        }
        return Escape.html(words["figure_history"]) + " " + shown.joined(separator: " → ")
    }
}
