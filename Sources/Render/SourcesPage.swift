import Load
import Model

/// `/sources/`: every source, what it says, and the figures that rest on it.
extension GeneratedPages {
    /// Every source with a link a reader can follow: its title, or "the article on
    /// <host>" when the title was not preserved; only `http`/`https` addresses become links.
    func sourcesPage() -> GeneratedPage {
        let phrases = self.phrases, words = self.words
        var cited = Set<String>()
        let sources = model.records("sources").map { record -> [String: Any] in
            let citing = model.figures(citing: record.id).filter(\.isQuantityLike)
            let title = record.text("title", language: language)
            var entry: [String: Any] = [
                "id": record.id, "publisher": record.text("publisher", language: language) ?? title ?? record.id,
                "language": record.text("language") ?? "", "figure_count": citing.count, "has_figures": !citing.isEmpty,
                "figure_count_words": words.count("source_figures", citing.count),
                "figures": citing.map { ["reference": $0.reference, "url": figureURL($0.reference), "value": text($0)] },
            ]
            if let date = phrases.date(record, "date") { entry["date_html"] = date }
            if let url = record.text("url"), let host = Self.webHost(url) {
                entry["link_url"] = url
                entry["link_text"] = title ?? words("source_article_on", ["host": host])
                if title == nil { entry["title_missing"] = true }
            } else {
                if let title { entry["title"] = title }
                if let url = record.text("url") { entry["address"] = url } else { entry["no_address"] = true }
            }
            if let note = record.text("note", language: language) { entry["note"] = note }
            if let mark = correctionMark(cited: Set(citing.map(\.reference)), records: [Self.recordReference(record)]) { entry["correction_html"] = mark }
            cited.formUnion(citing.map(\.reference))
            return entry
        }
        var page = GeneratedPage(url: "/sources/", title: words["sources_title"], template: "sources", values: ["sources": sources])
        page.cited = cited
        page.records = Set(model.records("sources").map(Self.recordReference))
        return page
    }

    /// The host of an `http` or `https` address (`www.mitrade.com`); nil for anything else,
    /// which is shown as text, not as a link.
    static func webHost(_ url: String) -> String? {
        let lower = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return nil }
        let host = url.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return String(host.split(separator: "@").last ?? host[...])
    }
}
