import Diagnostics
import Quantities

/// `capex explain REF --assume ID=VALUE`: the model built again with some values changed,
/// in memory only (nothing is written, and `capex build` has no such option).
///
/// `ID` is an assumption (`power-per-h100`, `default-chip`; `StoryModel.assumptions`) or a
/// field of a record (`chips.h100.unit_price`); `VALUE` is written as in the data
/// (`2 kW`, `$25k–30k`, `b200`). The value replaces the one written (or, for a built-in
/// assumption the data does not declare, becomes its declaration), and is then read by the
/// same rules as the data: a unit error in it is an error naming the `--assume` argument.
public enum WhatIf {
    /// One `--assume ID=VALUE`.
    public struct Change: Sendable {
        /// The argument as typed, for messages.
        public let argument: String
        public let id: String
        public let value: String
        /// Where the value starts in the argument (1-based), for errors in it.
        let valueColumn: Int

        /// `ID=VALUE`; nil when there is no `=` or either side is empty.
        public init?(_ argument: String) {
            guard let equals = argument.firstIndex(of: "=") else { return nil }
            let id = argument[..<equals].trimmingSpaces, value = argument[argument.index(after: equals)...]
            let leading = value.prefix { $0 == " " }.count
            guard !id.isEmpty, !value.trimmingSpaces.isEmpty else { return nil }
            self.argument = argument
            self.id = id
            self.value = value.trimmingSpaces
            self.valueColumn = argument.distance(from: argument.startIndex, to: equals) + 2 + leading
        }

        /// Where errors in the value are reported: the argument itself, at the value.
        public var location: SourceLocation { SourceLocation(file: "--assume \(argument)", line: 1, column: valueColumn) }
    }

    /// The outcome: the model with the changes, and the reference each change set (its
    /// `assumptions.<id>.value` or the field), in the order given.
    public struct Outcome: Sendable {
        public let model: StoryModel
        public let references: [String]
        /// Errors the new values cause elsewhere in the data (a division by a price of $0
        /// in another formula): reported beside the result, which they do not stop.
        public let consequences: [Problem]
    }

    /// A problem with the changes: an unknown id, a value the data's rules refuse, or a
    /// figure the change makes impossible to compute. `message` has no location when the
    /// problem is in the argument itself.
    public struct Problem: Error, Sendable {
        public let message: String
        /// Where in the data a problem the change caused shows, nil for one in the argument.
        public let location: SourceLocation?
    }

    /// Every problem the changes have, in the order found.
    public struct Problems: Error, Sendable {
        public let all: [Problem]
    }

    /// Builds the model again from `model`'s records with `changes` applied.
    public static func apply(_ changes: [Change], to model: StoryModel) -> Result<Outcome, Problems> {
        var collections = model.collections
        var references: [String] = []
        var assumedBy: [String: String] = [:]
        var problems: [Problem] = []
        for change in changes {
            switch target(of: change, in: model) {
            case .failure(let problem): problems.append(problem)
            case .success(let target):
                // Two values for one thing: which one the reader meant is not ours to guess.
                if let first = assumedBy[target.reference] {
                    problems.append(Problem(message: "--assume \(change.argument): \(target.reference) is already assumed by --assume \(first); give each value once", location: nil))
                    continue
                }
                assumedBy[target.reference] = change.argument
                references.append(target.reference)
                let name = target.collection
                let existing = collections[name] ?? RecordCollection(name: name, path: "content/data/\(name).yaml", records: [])
                collections[name] = replacing(target.field, of: target.record, with: change, removing: target.removing, in: existing)
            }
        }
        guard problems.isEmpty else { return .failure(Problems(all: problems)) }
        let ordered = collections.keys.sorted().map { collections[$0]! }
        let (after, diagnostics) = StoryModel.build(ordered)
        var consequences: [Problem] = []
        for diagnostic in diagnostics where diagnostic.severity == .error {
            if diagnostic.location.file.hasPrefix("--assume ") {
                problems.append(Problem(message: "\(diagnostic.location.file): \(diagnostic.message)", location: nil))
            } else {
                consequences.append(Problem(message: diagnostic.message, location: diagnostic.location))
            }
        }
        // A field the schema does not type (an assumption's value) must keep its dimension.
        for (change, reference) in zip(changes, references) where problems.isEmpty {
            guard let before = model.figures[reference]?.value.quantity else { continue }
            switch after.figures[reference]?.value {
            case .quantity(let now) where now.dimension != before.dimension:
                problems.append(Problem(message: "--assume \(change.argument): \(change.id) is \(before.dimension.description) (\(before.formatted(.en))), not \(now.dimension.description) ('\(change.value)')", location: nil))
            case .text?:
                let why: String
                do { _ = try Quantity.parse(change.value); why = "" } catch { why = ": \(error.message)" }
                problems.append(Problem(message: "--assume \(change.argument): \(change.id) is a quantity (\(before.formatted(.en))), and '\(change.value)' is not one\(why)", location: nil))
            default: break
            }
        }
        return problems.isEmpty ? .success(Outcome(model: after, references: references, consequences: consequences))
            : .failure(Problems(all: problems))
    }

    struct Target {
        var collection: String
        var record: String
        var field: String
        var reference: String
        /// A field the change takes away (an assumption's `expr`, when it is given a value).
        var removing: String?
    }

    /// What `change.id` names: an assumption's value, or a written field of a record.
    static func target(of change: Change, in model: StoryModel) -> Result<Target, Problem> {
        let id = Assumption.id(inValueReference: change.id) ?? change.id
        if let assumption = model.assumption(id) {
            guard assumption.takesValue else {
                return .failure(Problem(message: "--assume \(change.argument): '\(id)' is a rule the derivations follow, not a value; assume a value it reads instead (a field such as valuations.ID.value, or a deal's valuation)", location: nil))
            }
            return .success(Target(collection: "assumptions", record: id, field: "value", reference: assumption.reference, removing: "expr"))
        }
        // The power per unit of a chip no figure uses yet (`--assume default-chip=b200 --assume power-per-b200=1.2kW`).
        let chips = model.records("chips").map(\.id) + model.records("clusters").compactMap { $0.text("chip") }
        if let builtIn = BuiltInAssumption(id: id, chips: chips), !builtIn.isRule {
            return .success(Target(collection: "assumptions", record: id, field: "value", reference: "assumptions.\(id).value", removing: "expr"))
        }
        let parts = change.id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let assumptionIDs = model.assumptions.filter(\.takesValue).map(\.id)
        func unknown(_ what: String, _ hint: String) -> Result<Target, Problem> {
            let ids = assumptionIDs.isEmpty ? "an ID is a field of a record (the data declares no assumption)"
                : "an ID is an assumption (\(assumptionIDs.joined(separator: ", "))) or a field of a record"
            return .failure(Problem(message: "--assume \(change.argument): \(what)\(hint); \(ids), as in chips.h100.unit_price", location: nil))
        }
        guard parts.count == 3 else {
            return unknown("unknown assumption '\(change.id)'", NearMiss.hint(for: change.id, among: assumptionIDs + model.collections.keys))
        }
        guard let collection = model.collections[parts[0]] else {
            return unknown("unknown collection '\(parts[0])'", NearMiss.hint(for: parts[0], among: model.collections.keys))
        }
        guard let record = collection.records.first(where: { $0.id == parts[1] }) else {
            return unknown("no record '\(parts[1])' in \(parts[0])", NearMiss.hint(for: parts[1], among: collection.records.map(\.id)))
        }
        let written = (record.node.entries ?? []).map(\.key).filter { !Schema.bookkeeping.contains($0) }
        let typed = Schema.collections[parts[0]].map { Array($0.keys) } ?? []
        if written.contains(parts[2]) || typed.contains(parts[2]) {
            return .success(Target(collection: parts[0], record: parts[1], field: parts[2], reference: change.id))
        }
        if let figure = model.figures[change.id], figure.isDerived {
            let inputs = figure.inputs.isEmpty ? "" : ": assume one of its inputs (\(figure.inputs.joined(separator: ", ")))"
            return .failure(Problem(message: "--assume \(change.argument): \(change.id) is derived (\(figure.formula ?? "")), not written in the data\(inputs)", location: nil))
        }
        var hint = NearMiss.hint(for: parts[2], among: written + typed)
        // `price` for `unit_price`: a field one of whose words is the one typed.
        if hint.isEmpty, let whole = (typed.sorted() + written).first(where: { $0.split(separator: "_").contains(Substring(parts[2])) }) {
            hint = " (did you mean '\(whole)'?)"
        }
        return unknown("\(parts[0]).\(parts[1]) has no field '\(parts[2])'", hint)
    }

    /// `collection` with `record`'s `field` set to the change's value (the record is added
    /// when an assumption the data does not declare is given a value).
    static func replacing(_ field: String, of id: String, with change: Change, removing: String?,
                          in collection: RecordCollection) -> RecordCollection {
        let location = change.location
        let value = YAMLNode(.scalar(.string(change.value), text: change.value), at: location)
        var records = collection.records
        let index = records.firstIndex { $0.id == id } ?? {
            let idNode = YAMLNode(.scalar(.string(id), text: id), at: location)
            records.append(Record(collection: collection.name, id: id, location: location,
                                  node: YAMLNode(.mapping([.init(key: "id", keyLocation: location, value: idNode)]), at: location)))
            return records.count - 1
        }()
        let record = records[index]
        var entries = (record.node.entries ?? []).filter { $0.key != removing }
        if let at = entries.firstIndex(where: { $0.key == field }) {
            entries[at].value = value
        } else {
            entries.append(.init(key: field, keyLocation: location, value: value))
        }
        records[index] = Record(collection: record.collection, id: record.id, location: record.location,
                                node: YAMLNode(.mapping(entries), at: record.node.location), translations: record.translations)
        return RecordCollection(name: collection.name, path: collection.path, records: records, refusedIDs: collection.refusedIDs)
    }

    /// Whether `reference` is computed from `target`, however far back.
    public static func rests(_ reference: String, on target: String, in model: StoryModel) -> Bool {
        var pending = [reference], seen: Set<String> = []
        while let next = pending.popLast() {
            if next == target { return true }
            guard seen.insert(next).inserted else { continue }
            pending += model.figures[next]?.inputs ?? []
        }
        // A rule or chip changes a figure without being one of its inputs.
        if let id = Assumption.id(inValueReference: target) { return model.assumptions(restedOnBy: reference).contains { $0.id == id } }
        return false
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
