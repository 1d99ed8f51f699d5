import Diagnostics
import Foundation
import Model
import Quantities

/// The history of the story's numbers: its editions (git tags `edition-*`), what changed
/// in each against the one before, and the corrections the editors wrote. Empty for a site
/// outside git, with no edition tag and no corrections: then the build is as before.
public struct StoryHistory: Sendable {
    /// One entry of `/changes/`: an edition against the one before it.
    public struct Entry: Sendable, Codable, Equatable {
        /// Nil for the working tree when its data differs from the latest edition's: the
        /// edition being built, not yet tagged.
        public var edition: Edition?
        public var previous: Edition?
        /// Nil for the first edition, which has nothing to compare with.
        public var diff: EditionDiff?

        /// The entry's id on `/changes/`.
        public var anchor: String { edition?.anchor ?? Self.unpublishedAnchor }
        public static let unpublishedAnchor = "unpublished"
    }

    /// One value of a figure in its history: at an edition, or (`edition` nil) in the
    /// working tree, not yet published.
    public struct Step: Sendable, Codable, Equatable {
        public var edition: Edition?
        public var state: EditionSnapshot.FigureState
    }

    /// How much the first edition held (`/changes/` says so, having nothing to compare it with).
    public struct Counts: Sendable, Codable, Equatable {
        public var figures = 0
        public var claims = 0
        public var records = 0
    }

    /// Oldest first.
    public var editions: [Edition] = []
    /// Newest first; the first is the edition being built.
    public var entries: [Entry] = []
    /// What the first edition held.
    public var first = Counts()
    /// The figures whose value changed at some edition or since the latest, by reference:
    /// their steps, oldest first (`history(of:)`). Kept instead of every edition's snapshot,
    /// so that the history is small enough to keep between builds (`HistoryCache`).
    var steps: [String: [Step]] = [:]
    /// Newest first.
    public var corrections: [Correction] = []
    /// For each corrected reference, every figure computed from it, transitively.
    var corrected: [String: Set<String>] = [:]
    /// For each record (`collection.id`), the ids of the corrections of it, of one of its
    /// fields, or of something one of its figures is computed from.
    var correctedRecords: [String: Set<String>] = [:]
    /// The figures that moved in the edition being built, by reference (asked once per cited figure).
    var movedNow: [String: EditionDiff.Moved] = [:]

    public init() {}

    /// Whether the build shows any of it: `/changes/`, notes and feed entries.
    public var isEmpty: Bool { editions.isEmpty && corrections.isEmpty }

    /// The entry of the edition being built, when it compares with an earlier one.
    public var latest: Entry? {
        guard let first = entries.first, first.diff != nil else { return nil }
        return first
    }

    /// How `reference` moved in the edition being built; nil when it did not.
    public func moved(_ reference: String) -> EditionDiff.Moved? {
        movedNow[reference]
    }

    /// The corrections of what a page cites, newest first: of a figure it cites (or of one
    /// that figure is computed from, or of the figure's record), and of a record it shows
    /// whole (`records`, `collection.id`: a line of `/deals/`, a company's deal) — the record,
    /// any of its fields, or anything one of its figures is computed from.
    public func corrections(citedBy cited: Set<String>, records: Set<String> = []) -> [Correction] {
        guard !corrections.isEmpty, !cited.isEmpty || !records.isEmpty else { return [] }
        let byRecord = records.reduce(into: Set<String>()) { $0.formUnion(correctedRecords[$1] ?? []) }
        return corrections.filter { correction in
            if byRecord.contains(correction.id) { return true }
            let dependents = corrected[correction.corrects] ?? []
            return cited.contains { correction.covers($0) || dependents.contains($0) }
        }
    }

    /// A figure's value at each edition where it changed, oldest first: the first edition
    /// that has it, then each that moved it, then the working tree if it moved it since.
    /// Empty for a figure whose value never changed (one step is no history).
    public func history(of reference: String) -> [Step] {
        steps[reference] ?? []
    }

    /// The steps of every figure that changed, from each edition's snapshot and the working tree's.
    static func steps(editions: [Edition], snapshots: [EditionSnapshot], current: EditionSnapshot) -> [String: [Step]] {
        var all: [String: [Step]] = [:]
        for (edition, snapshot) in zip(editions, snapshots) {
            for (reference, state) in snapshot.figures where all[reference]?.last?.state.value != state.value {
                all[reference, default: []].append(Step(edition: edition, state: state))
            }
        }
        for (reference, state) in current.figures {
            guard let last = all[reference]?.last, last.state.value != state.value else { continue }
            all[reference]!.append(Step(edition: nil, state: state))
        }
        return all.filter { $0.value.count > 1 }
    }

    /// A fingerprint of what a page citing `reference` shows because of the history (the
    /// mark of a moved figure, the updated note, corrections), for incremental builds.
    public func fingerprint(of reference: String) -> String {
        var parts: [String] = []
        if let moved = moved(reference), let latest {
            // The note and the mark name the edition (and the one before, for the working tree)
            // by its date and its number within its day.
            let named = [latest.edition, latest.previous].map { $0.map { "\($0.date) \($0.numberInDay)/\($0.editionsInDay)" } ?? "" }
            parts.append("moved \(latest.anchor) \(named.joined(separator: " ")) \(moved.old.value)")
        }
        for correction in corrections(citedBy: [reference]) {
            parts.append("corrected \(correction.id) \(correction.date) \(correction.wrong) \(correction.right) \(correction.translations.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.sorted { $0.key < $1.key })" }) \(correction.sources)")
        }
        return parts.joined(separator: "\n")
    }

    /// Reads the history of the site: each edition's snapshot (from `cache`, else from git),
    /// compared in order, the working tree last; and the corrections. An edition whose data
    /// cannot be read (`UnreadableEdition`: git failing, no data file, an error in its data)
    /// is left out with a warning naming its tag and the problem, at the old file's
    /// `tag:path:line:column` when there is one: the next edition is compared with the last
    /// readable one before it, and nothing is listed as added because an edition could not
    /// be read. The site still builds (an old tag is no reason to fail today's edition).
    ///
    /// `key`: what the comparison depends on (the binary, the edition tags, the working
    /// tree's data files and languages; `nil` to compute it every time). A build whose key
    /// is the last one's reads the comparison kept by that build (`HistoryCache`, with its
    /// warnings) instead of computing the working tree's snapshot and comparing again: an
    /// edit to a page costs nothing here (issue 13, within the incremental targets of issue 16).
    public static func read(
        git: GitHistory?, editions tagged: [Edition], model: StoryModel, cache: EditionCache, key: String? = nil,
        format: @escaping @Sendable (Figure, QuantityLocale) -> String
    ) -> (StoryHistory, [Diagnostic]) {
        var history = StoryHistory()
        var problems: [Diagnostic] = []
        let (corrections, correctionProblems) = Correction.all(in: model)
        history.corrections = corrections
        problems += correctionProblems
        history.corrected = dependents(of: Set(corrections.map(\.corrects)), in: model)
        history.correctedRecords = records(concernedBy: corrections, dependents: history.corrected)
        guard let git, !tagged.isEmpty else { return (history, problems) }
        if let key, let kept = cache.history(for: key), kept.tagged == tagged {
            kept.apply(to: &history)
            return (history, problems + kept.problems)
        }
        var readable: [Edition] = [], snapshots: [EditionSnapshot] = [], unreadable: [Diagnostic] = []
        for edition in tagged {
            do {
                snapshots.append(try cache.snapshot(at: edition.commit, git: git, format: format))
                readable.append(edition)
            } catch {
                unreadable.append(error.warning(tag: edition.tag))
            }
        }
        problems += unreadable
        guard !readable.isEmpty else {
            var without = StoryHistory(corrections: history)
            if let key { cache.keep(HistoryCache.Kept(without, tagged: tagged, problems: unreadable), for: key) }
            without.findMoved()
            return (without, problems)
        }
        // Numbered again without the editions left out: the pages name only those they show.
        let editions = readable.count == tagged.count ? readable : Edition.distinguished(readable)
        let current = EditionSnapshot(model: model, format: format)
        history.editions = editions
        var entries: [Entry] = []
        for index in editions.indices {
            let diff = index == 0 ? nil : EditionDiff(from: snapshots[index - 1], to: snapshots[index])
            entries.append(Entry(edition: editions[index], previous: index == 0 ? nil : editions[index - 1], diff: diff))
        }
        let sinceLatest = EditionDiff(from: snapshots.last!, to: current)
        if !sinceLatest.isEmpty {
            entries.append(Entry(edition: nil, previous: editions.last, diff: sinceLatest))
        }
        history.entries = entries.reversed()
        history.first = Counts(figures: snapshots[0].figures.count, claims: snapshots[0].claims.count, records: snapshots[0].records.count)
        history.steps = steps(editions: editions, snapshots: snapshots, current: current)
        history.findMoved()
        if let key { cache.keep(HistoryCache.Kept(history, tagged: tagged, problems: unreadable), for: key) }
        return (history, problems)
    }

    /// `movedNow`, from the entry of the edition being built.
    mutating func findMoved() {
        movedNow = [:]
        for moved in latest?.diff?.moved ?? [] { movedNow[moved.reference] = moved }
    }

    /// A history with only `other`'s corrections.
    private init(corrections other: StoryHistory) {
        corrections = other.corrections
        corrected = other.corrected
        correctedRecords = other.correctedRecords
    }

    /// The record (`collection.id`) a reference belongs to: its first two parts.
    static func record(of reference: String) -> String {
        reference.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).prefix(2).joined(separator: ".")
    }

    /// For each record, the corrections that concern it: of the record or a field of it
    /// (`corrects`), or of something a figure of it is computed from (`dependents`).
    static func records(concernedBy corrections: [Correction], dependents: [String: Set<String>]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for correction in corrections {
            result[record(of: correction.corrects), default: []].insert(correction.id)
            for figure in dependents[correction.corrects] ?? [] {
                result[record(of: figure), default: []].insert(correction.id)
            }
        }
        return result
    }

    /// For each reference (a figure, or `collection.id` for a record's fields), the figures
    /// computed from it, transitively.
    static func dependents(of references: Set<String>, in model: StoryModel) -> [String: Set<String>] {
        guard !references.isEmpty else { return [:] }
        var users: [String: [String]] = [:]
        for (reference, figure) in model.figures {
            for input in figure.inputs { users[input, default: []].append(reference) }
        }
        var result: [String: Set<String>] = [:]
        for reference in references {
            var found = Set<String>()
            var queue = model.figures.keys.filter { $0 == reference || $0.hasPrefix(reference + ".") }
            while let next = queue.popLast() {
                for user in users[next] ?? [] where found.insert(user).inserted { queue.append(user) }
            }
            result[reference] = found
        }
        return result
    }
}
