/// What changed between two editions' snapshots, figure by figure: the figures whose value
/// moved (with the inputs that moved under them), the figures added and removed, the claims
/// whose verdict changed, and the records added, removed or edited. Every list is sorted.
public struct EditionDiff: Sendable, Equatable, Codable {
    /// A figure whose value moved.
    public struct Moved: Sendable, Equatable, Codable {
        public var reference: String
        public var old: EditionSnapshot.FigureState
        public var new: EditionSnapshot.FigureState
        /// The fields as written (and formulas) whose change moved it, by reference, each
        /// with its state before and after: the figure itself when it is written, not derived.
        public var causes: [Cause]
    }

    /// A field as written, or a formula, that changed.
    public struct Cause: Sendable, Equatable, Codable {
        public var reference: String
        public var old: EditionSnapshot.FigureState
        public var new: EditionSnapshot.FigureState
    }

    /// A figure added or removed, with its state in the edition that has it.
    public struct Listed: Sendable, Equatable, Codable {
        public var reference: String
        public var state: EditionSnapshot.FigureState
    }

    /// A claim whose verdict changed.
    public struct Verdict: Sendable, Equatable, Codable {
        public var id: String
        public var old: EditionSnapshot.ClaimState
        public var new: EditionSnapshot.ClaimState
    }

    public var moved: [Moved] = []
    public var added: [Listed] = []
    public var removed: [Listed] = []
    public var verdicts: [Verdict] = []
    /// `collection.id` of each record.
    public var recordsAdded: [String] = []
    public var recordsRemoved: [String] = []
    public var recordsEdited: [String] = []

    public var isEmpty: Bool {
        moved.isEmpty && added.isEmpty && removed.isEmpty && verdicts.isEmpty
            && recordsAdded.isEmpty && recordsRemoved.isEmpty && recordsEdited.isEmpty
    }

    /// Compares `old` (the earlier edition) with `new`.
    public init(from old: EditionSnapshot, to new: EditionSnapshot) {
        for reference in new.figures.keys.sorted() {
            let now = new.figures[reference]!
            guard let before = old.figures[reference] else {
                added.append(Listed(reference: reference, state: now))
                continue
            }
            guard before.value != now.value else { continue }
            moved.append(Moved(reference: reference, old: before, new: now, causes: Self.causes(of: reference, old, new)))
        }
        removed = old.figures.keys.filter { new.figures[$0] == nil }.sorted().map { Listed(reference: $0, state: old.figures[$0]!) }
        for id in new.claims.keys.sorted() {
            guard let before = old.claims[id], let now = new.claims[id], before.status != now.status else { continue }
            verdicts.append(Verdict(id: id, old: before, new: now))
        }
        recordsAdded = new.records.keys.filter { old.records[$0] == nil }.sorted()
        recordsRemoved = old.records.keys.filter { new.records[$0] == nil }.sorted()
        recordsEdited = new.records.keys.filter { key in old.records[key].map { $0.hash != new.records[key]!.hash } ?? false }.sorted()
    }

    /// The fields as written under `reference` whose value moved, found by walking its inputs
    /// in the new edition; a derived figure none of whose inputs moved was moved by its formula.
    static func causes(of reference: String, _ old: EditionSnapshot, _ new: EditionSnapshot) -> [Cause] {
        var found: [String: Cause] = [:]
        var seen = Set<String>()
        func walk(_ reference: String) -> Bool {
            guard seen.insert(reference).inserted else { return found[reference] != nil }
            guard let now = new.figures[reference] else { return false }
            let before = old.figures[reference]
            guard before?.value != now.value else { return false }
            var below = false
            for input in now.inputs where walk(input) { below = true }
            if !below, let before {
                found[reference] = Cause(reference: reference, old: before, new: now)
            } else if !below {
                // A new input (a record added to a sum): it is the cause, with no value before.
                found[reference] = Cause(reference: reference, old: EditionSnapshot.FigureState(
                    label: now.label, value: "", text: [:], inputs: [], sources: [], derived: now.derived, file: now.file, line: now.line
                ), new: now)
            }
            return true
        }
        _ = walk(reference)
        return found.keys.sorted().map { found[$0]! }
    }
}
