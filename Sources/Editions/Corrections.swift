import Diagnostics
import Model

/// A correction the editors write in `content/data/corrections.yaml`: what was wrong, what
/// is right, the date, the source, and the figure (`deals.x.amount`) or record (`deals.x`)
/// it corrects. It is shown at the foot of every page citing what it corrects, or a figure
/// computed from it, on `/changes/` and in the feed.
public struct Correction: Sendable, Equatable {
    public var id: String
    /// A figure's reference, or `collection.id` for a whole record.
    public var corrects: String
    /// In the default language; `translations` holds the others (`wrong: {en: …, es: …}`).
    public var wrong: String
    public var right: String
    /// `wrong` and `right` in the site's other languages: field → language → text.
    public var translations: [String: [String: String]] = [:]
    /// As written (`2025-12-20`); shown at its precision by the pages.
    public var date: String
    public var sources: [String]
    public var location: SourceLocation

    /// The collection's name in `content/data/`.
    public static let collection = "corrections"

    /// Every correction of `model`, newest first (then by id), and an error at the field for
    /// each that lacks a field or corrects nothing the data holds (with a near miss).
    public static func all(in model: StoryModel) -> ([Correction], [Diagnostic]) {
        var corrections: [Correction] = [], problems: [Diagnostic] = []
        for record in model.records(collection) {
            var missing: [String] = []
            func field(_ name: String) -> String {
                guard let text = record.text(name), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    missing.append(name)
                    return ""
                }
                return text
            }
            let corrects = field("corrects"), wrong = field("wrong"), right = field("right"), date = field("date")
            if !missing.isEmpty {
                let list = missing.map { "'\($0)'" }.joined(separator: ", ")
                problems.append(.error(at: record.location, "correction '\(record.id)' needs \(list): a correction says what it corrects (a figure or a record), what was wrong, what is right, and when"))
                continue
            }
            // The model has already reported a `date` that is not one (every collection's is checked).
            if !isDay(date) { continue }
            let location = record["corrects"]?.location ?? record.location
            if let problem = problem(corrects, in: model, at: location) {
                problems.append(problem)
                continue
            }
            corrections.append(Correction(id: record.id, corrects: corrects, wrong: wrong, right: right,
                                          translations: record.translations.filter { $0.key == "wrong" || $0.key == "right" },
                                          date: date, sources: record.sourceIDs, location: record.location))
        }
        corrections.sort { ($1.date, $0.id) < ($0.date, $1.id) }
        return (corrections, problems)
    }

    /// `2025-12-16` (or a date and time), a real day of the calendar (`CalendarDate`).
    static func isDay(_ text: String) -> Bool {
        if case .success = CalendarDate.parse(text) { return true }
        return false
    }

    /// Nil when `reference` names a figure or a record of `model`; else the error, with a near miss.
    static func problem(_ reference: String, in model: StoryModel, at location: SourceLocation) -> Diagnostic? {
        let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
        if parts.count == 2, model.record(parts[0], parts[1]) != nil { return nil }
        // A field the record holds that is no figure (`source`, `url`): what the record's pages show.
        if parts.count == 3, model.record(parts[0], parts[1])?[parts[2]] != nil { return nil }
        switch model.resolve(reference, at: location) {
        case .success: return nil
        case .failure(let problem):
            return .error(at: location, "'corrects' names nothing the data holds: " + problem.message)
        }
    }

    /// What was wrong, in `language` (its translation, else the default language's text).
    public func wrong(in language: String) -> String { translations["wrong"]?[language] ?? wrong }
    /// What is right, in `language`.
    public func right(in language: String) -> String { translations["right"]?[language] ?? right }

    /// Whether a page citing `reference` cites what this corrects: the figure itself, a field
    /// of the corrected record, or a figure computed from either (`dependents`).
    func covers(_ reference: String) -> Bool {
        if reference == corrects || reference.hasPrefix(corrects + ".") { return true }
        // A record's `source` is the source of each of its figures.
        if corrects.hasSuffix(".source") { return reference.hasPrefix(corrects.dropLast("source".count)) }
        return false
    }
}
