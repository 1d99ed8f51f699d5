import Load
import Model

/// The small pieces generated pages build their lines from, so that a line reads as a
/// person reads it: a missing value drops together with its label and separator (never
/// "30 MW,  per unit" or "Oracle: (cloud)"), dates print at the precision the data gives
/// them, and a record's modality is said in words. Every function returns HTML.
struct RecordPhrases {
    package let language: String
    /// The interface words of `language` ("as of", "expected by", the modalities).
    package let words: Words

    package init(language: String, words: Words? = nil) {
        self.language = language
        self.words = words ?? .builtIn(language)
    }

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
    package func date(_ record: Record, _ field: String) -> String? {
        guard let date = RecordDate(record, field) else { return nil }
        return html(date)
    }

    package func html(_ date: RecordDate) -> String {
        let shown = Escape.html(date.display(language: language))
        guard let machine = date.machineReadable else { return shown }
        return "<time datetime=\"\(machine)\">\(shown)</time>"
    }

    /// A record's date as a reader wants it: its `date`, else "as of" its `as_of`. In a line
    /// (`besideModality`), nil when the modality label already gives that date ("expected by
    /// December 2024"); a table's date column always shows it.
    package func when(_ record: Record, besideModality: Bool = true) -> String? {
        let field = record.text("date") != nil ? "date" : "as_of"
        if besideModality, field == modalityDateField(record) { return nil }
        guard let shown = date(record, field) else { return nil }
        return field == "date" ? shown : words.html("as_of", ["date": shown])
    }

    /// The date field the modality label of `record` shows, if any.
    func modalityDateField(_ record: Record) -> String? {
        switch record.modality {
        case .expected?: return ["as_of", "date"].first { record.text($0) != nil }
        case nil:
            // A per-field map whose date is a forecast (`modality: { units: estimate, as_of:
            // expected }`): the line opens "expected by December 2024", never "as of" it.
            return ["as_of", "date"].first { record.text($0) != nil && record.modality(of: $0) == .expected }
        case .disclosed?: return ["disclosed", "date", "as_of"].first { record.text($0) != nil }
        default: return nil
        }
    }

    /// The words for a record's `modality` when it gives one for all its facts (issue 10:
    /// what the sources say, with their modality), as `Modality.word` says them — "planned",
    /// "possible", "estimate" — with the date where the word needs one: "expected by" its
    /// `as_of` or `date`, "disclosed" with its `disclosed` date. Nil for a reported fact; a
    /// per-field map is said beside each figure instead (`figureNote`).
    package func modality(_ record: Record) -> String? {
        let shown = modalityDateField(record).flatMap { date(record, $0) }
        guard let modality = record.modality else { return shown.map { words.html("expected_by", ["date": $0]) } }
        switch modality {
        case .expected: return shown.map { words.html("expected_by", ["date": $0]) } ?? Escape.html(words.modality(.expected))
        case .disclosed: return shown.map { words.html("disclosed_on", ["date": $0]) } ?? Escape.html(words.modality(.disclosed))
        default:
            return Escape.html(words.modality(modality))
        }
    }

    /// " (estimate)" after a figure whose modality the record's own label does not already
    /// say: a field of a per-field map, or a figure derived from an estimate.
    func figureNote(_ figure: Figure, besides record: Record?) -> String {
        guard let modality = figure.modality, modality != record?.modality else { return "" }
        return " <span class=\"modality\">(\(Escape.html(words.modality(modality))))</span>"
    }

    /// The modality as a label before a record's figures, "expected by December 2024: ",
    /// or nothing for a reported fact.
    func modalityLabel(_ record: Record) -> String {
        modality(record).map { "<span class=\"modality\">\($0)</span>: " } ?? ""
    }
}
