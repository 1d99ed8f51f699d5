import Diagnostics

/// How firmly a source states a fact. A record without `modality:` states reported facts:
/// things that happened, as the source tells them.
///
/// - `planned`: an intention announced ("Nvidia plans to invest up to $100B").
/// - `could`: a possibility the source or its speaker raises ("we could train Llama 4 on
///   more than 100,000").
/// - `expected`: a forecast ("Meta expects to spend up to $40B this year").
/// - `disclosed`: a fact whose date is when it was made public, not when it happened
///   ("in January Zuckerberg disclosed Meta had bought about 350,000 H100s").
/// - `estimate`: a number someone worked out, not counted or paid ("600,000 H100
///   equivalents" of mixed chips; "a cluster could draw about 150 MW").
///
/// Written on a record as one word for all its facts (`modality: planned`), or as a map from
/// field to word when fields differ (`modality: { capex: expected, capex_growth: expected }`).
public enum Modality: String, Sendable, CaseIterable, Comparable {
    case planned, could, expected, disclosed, estimate

    /// The word a reader sees beside a label or in a table: "Amazon invests (possible)".
    public var word: String {
        switch self {
        case .could: return "possible"
        default: return rawValue
        }
    }

    /// How far a derived figure is from a reported fact: the weaker input wins. `disclosed`
    /// is about a date, not a value, so it does not pass into figures computed from it.
    var weakness: Int {
        switch self {
        case .disclosed: return 0
        case .planned: return 1
        case .expected: return 2
        case .could: return 3
        case .estimate: return 4
        }
    }

    public static func < (a: Modality, b: Modality) -> Bool { a.weakness < b.weakness }

    /// The modality a figure computed from `inputs` carries: the weakest among them, except `disclosed`.
    public static func derived(from inputs: [Modality?]) -> Modality? {
        inputs.compactMap { $0 }.filter { $0 != .disclosed }.max()
    }
}

extension Record {
    /// The modality of one of the record's fields: the record's single word, or the field's
    /// entry in a `modality:` map; nil for a reported fact (or a word that is not a modality,
    /// which `ModelBuilder.checkModalities` reports).
    public func modality(of field: String) -> Modality? {
        guard let node = self["modality"] else { return nil }
        if let entries = node.entries {
            return entries.first { $0.key == field }?.value.text.flatMap(Modality.init(rawValue:))
        }
        return node.text.flatMap(Modality.init(rawValue:))
    }

    /// The record's own modality when it gives one word for all its facts.
    public var modality: Modality? {
        guard let node = self["modality"], node.entries == nil else { return nil }
        return node.text.flatMap(Modality.init(rawValue:))
    }
}

extension ModelBuilder {
    /// Every `modality:` must be one of the words, and a map must name fields the record has.
    mutating func checkModalities() {
        let words = Modality.allCases.map(\.rawValue)
        for collection in collections {
            for record in collection.records {
                // A claim's readings are mappings (`when`, `modality`, `as_of`), each modality a word.
                if let readings = record["readings"], readings.elements == nil {
                    diagnostics.append(.error(at: readings.location, "'readings' is a list of the ways the source states the figure, each with 'when' and 'modality'"))
                }
                for reading in record["readings"]?.elements ?? [] {
                    if reading.entries == nil || reading["when"] == nil {
                        diagnostics.append(.error(at: reading.location, "a reading needs 'when' (as the source puts it: \"by the end of 2024\"), and may add 'modality' and 'as_of'"))
                    }
                    guard let value = reading["modality"], let word = value.text, Modality(rawValue: word) == nil else { continue }
                    diagnostics.append(.error(at: value.location,
                        "unknown modality '\(word)'\(NearMiss.hint(for: word, among: words)); one of \(words.joined(separator: ", "))"))
                }
                guard let node = record["modality"], node.scalar != .null else { continue }
                let pairs: [(field: String?, node: YAMLNode)] = node.entries.map { $0.map { ($0.key, $0.value) } } ?? [(nil, node)]
                for (field, value) in pairs {
                    if let field, record[field] == nil {
                        let fields = (record.node.entries ?? []).map(\.key).filter { $0 != "modality" }
                        diagnostics.append(.error(at: value.location,
                            "modality names '\(field)', which record '\(record.id)' does not have\(NearMiss.hint(for: field, among: fields))"))
                    }
                    guard let word = value.text, Modality(rawValue: word) == nil else { continue }
                    diagnostics.append(.error(at: value.location,
                        "unknown modality '\(word)'\(NearMiss.hint(for: word, among: words)); one of \(words.joined(separator: ", ")), or leave it out for a reported fact"))
                }
            }
        }
    }
}
