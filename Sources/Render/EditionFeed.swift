import Editions
import Foundation
import Load
import Model

/// An entry of the Atom feed that is not a page: an edition or a correction.
package struct FeedEntry: Sendable {
    package var title: String
    /// Absolute: the entry's anchor on `/changes/`; also its Atom id.
    package var url: String
    /// RFC 3339 in UTC.
    package var updated: String
    package var summary: String
}

/// The feed's entries for the story's history: one per edition (what moved in it) and one
/// per correction, newest first each. Every string a reader sees is here, by language code.
struct EditionFeed {
    let history: StoryHistory
    let config: SiteConfig
    let sourceNames: [String: String]
    /// The feed's language (its tree's): the default language when nil.
    var treeLanguage: String? = nil
    /// The words of the feed's language (`feed_…`, `changes_count_…`, `edition_…`): the site's,
    /// else the built-in ones.
    var words: Words? = nil


    private var language: String { (treeLanguage ?? config.language).hasPrefix("es") ? "es" : "en" }
    private var base: String { config.basePath + config.treePath(treeLanguage ?? config.language) }

    private func phrase(_ key: String, _ values: [String: String]) -> String {
        (words ?? .builtIn(language))("feed_" + key.replacing(".", with: "_"), values)
    }

    func entries() -> [FeedEntry] {
        guard !history.isEmpty else { return [] }
        let changes = config.origin + base + "/changes/#"
        let notes = EditionNotes(history: history, language: language, basePath: base, sourceNames: [:], words: words)
        var entries: [FeedEntry] = []
        for entry in history.entries {
            guard let edition = entry.edition else { continue }
            let counts = ChangeCounts(language: language, words: words).sentence(entry.diff)
            let summary = [edition.message, counts].filter { !$0.isEmpty }.joined(separator: " — ")
            entries.append(FeedEntry(title: notes.name(edition).capitalizedFirst,
                                     url: changes + edition.anchor, updated: edition.published, summary: summary))
        }
        for correction in history.corrections {
            let written = treeLanguage ?? config.language
            let summary = "\(notes.phrase("correction.wrong")) \(EditionNotes.sentence(correction.wrong(in: written))) \(notes.phrase("correction.right")) \(EditionNotes.sentence(correction.right(in: written)))"
            entries.append(FeedEntry(title: phrase("correction.title", ["what": correction.corrects]),
                                     url: changes + ChangesAnchors.correction(correction.id),
                                     updated: SiteDate(correction.date)?.rfc3339 ?? correction.date, summary: summary))
        }
        return entries
    }
}
