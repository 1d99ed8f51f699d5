import Model

/// The small pieces generated pages build their lines from, so that a line reads as a
/// person reads it: a missing value drops together with its label and separator (never
/// "30 MW,  per unit" or "Oracle: (cloud)"), dates print at the precision the data gives
/// them, and a record's modality is said in words. Every function returns HTML.
struct RecordPhrases {
    let language: String

    /// Non-empty pieces joined by `separator`; nil when none is left.
    static func join(_ parts: [String?], separator: String = ", ") -> String? {
        let kept = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: separator)
    }

    /// ` (a, b)` after a line, or nothing when every piece is missing.
    static func parenthesized(_ parts: [String?], separator: String = ", ") -> String {
        join(parts, separator: separator).map { " <span class=\"meta\">(\($0))</span>" } ?? ""
    }

    /// `<time datetime="2025">2025</time>` for a `date_precision: year` date; the text as
    /// written (escaped) when it is not a date.
    func date(_ record: Record, _ field: String) -> String? {
        guard let date = RecordDate(record, field) else { return nil }
        return html(date)
    }

    func html(_ date: RecordDate) -> String {
        let shown = Escape.html(date.display(language: language))
        guard let machine = date.machineReadable else { return shown }
        return "<time datetime=\"\(machine)\">\(shown)</time>"
    }

    /// A record's date as a reader wants it: its `date`, else "as of" its `as_of`.
    func when(_ record: Record) -> String? {
        if let date = date(record, "date") { return date }
        return date(record, "as_of").map { "as of \($0)" }
    }

    /// The words for a record's `modality` (issue 10: what the sources say, with their
    /// modality): `planned`, `could`, `expected` ("expected by" its `as_of` or `date`),
    /// `disclosed` (with its `disclosed` date), `estimate`; any other value as written; nil
    /// when the record has none, which means a reported fact.
    func modality(_ record: Record) -> String? {
        guard let raw = record.text("modality")?.trimmingWhitespace(), !raw.isEmpty else { return nil }
        switch raw.lowercased() {
        case "planned": return "planned"
        case "could": return "could"
        case "estimate", "estimated": return "estimate"
        case "expected":
            return (date(record, "as_of") ?? date(record, "date")).map { "expected by \($0)" } ?? "expected"
        case "disclosed":
            return (date(record, "disclosed") ?? date(record, "date")).map { "disclosed \($0)" } ?? "disclosed"
        default: return Escape.html(raw)
        }
    }

    /// The modality as a label before a record's figures, "expected by December 2024: ",
    /// or nothing for a reported fact.
    func modalityLabel(_ record: Record) -> String {
        modality(record).map { "<span class=\"modality\">\($0)</span>: " } ?? ""
    }
}
