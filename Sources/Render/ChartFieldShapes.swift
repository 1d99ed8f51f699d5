import Diagnostics
import Model

/// The shape every field of a ```` ```chart ```` block must have before it is read, so that
/// nothing written in a block is dropped in silence: a list field (`values`, `labels`,
/// `dates`) is a list of plain values, `labels` and `dates` give one entry per value, a
/// word field (`orientation`, `sort`, `shape`) is one of its words, every other field is
/// one plain value, and a field the chart's type does not read is an error at that field.
extension SpecReader {
    /// The fields each chart type reads, besides `id`, `type`, `title` and `description`.
    static let fieldsByType: [String: Set<String>] = {
        let points: Set<String> = ["values", "labels", "data", "where", "x", "y", "label"]
        return [
            "bar": points.union(["marker", "marker_label", "orientation", "sort", "axis"]),
            "scale": points.union(["shape"]),
            "line": points.union(["dates", "series", "axis"]),
            // A stacked chart names its bars by `x` and its segments by `series`: no `labels`.
            "stacked": points.subtracting(["labels"]).union(["series", "orientation", "axis"]),
            "timeline": ["data", "where", "date", "amount", "y", "label"],
            "flow": ["data", "where", "from", "to", "amount"],
            "tornado": ["figure"],
        ]
    }()

    /// The words a word field takes.
    static let fieldWords: [String: [String]] = [
        "orientation": ["horizontal", "vertical"],
        "sort": ["none", "ascending", "descending"],
        "shape": ["square", "circle"],
    ]

    static let listFields: Set<String> = ["values", "labels", "dates"]

    /// Appends a problem at each field of the block whose shape is wrong for `type`; true when none.
    mutating func checkFieldShapes(type: String) -> Bool {
        let before = problems.count
        let read = Self.fieldsByType[type] ?? []
        for entry in spec.entries ?? [] where ChartBlocks.keys.contains(entry.key) {
            let key = entry.key, value = entry.value
            if !["id", "type", "title", "description"].contains(key), !read.contains(key) {
                problems.append(.error(at: entry.keyLocation, "a \(type) chart does not read '\(key)'; it reads \(read.sorted().joined(separator: ", "))"))
                continue
            }
            if Self.listFields.contains(key) {
                guard let elements = value.elements else {
                    problems.append(.error(at: value.location, "'\(key)' is a list, as in \(key): [a, b]; found \(value.kindDescription)"))
                    continue
                }
                for element in elements where element.text == nil || element.scalar == .null {
                    problems.append(.error(at: element.location, "each of '\(key)' is one plain value; found \(element.kindDescription)"))
                }
            } else if key == "where" {
                guard let entries = value.entries else {
                    problems.append(.error(at: value.location, "'where' is a mapping of field: value, as in where: {kind: investment}; found \(value.kindDescription)"))
                    continue
                }
                for filter in entries where filter.value.text == nil {
                    problems.append(.error(at: filter.value.location, "'where: \(filter.key)' is one plain value; found \(filter.value.kindDescription)"))
                }
            } else if value.text == nil {
                problems.append(.error(at: value.location, "'\(key)' is one plain value; found \(value.kindDescription)"))
            } else if let words = Self.fieldWords[key], let word = value.text, value.scalar != .null, !words.contains(word) {
                problems.append(.error(at: value.location, "'\(key)' is one of \(words.joined(separator: ", ")); found '\(word)'\(NearMiss.hint(for: word, among: words))"))
            }
        }
        guard problems.count == before else { return false }
        // `labels` and `dates` go with `values`, one entry per value.
        let values = spec["values"]?.elements
        for key in ["labels", "dates"] {
            guard let node = spec[key], let given = node.elements else { continue }
            guard let values else {
                problems.append(.error(at: node.location, "'\(key)' goes with 'values', one per value; with 'data' the chart reads each record's fields"))
                continue
            }
            if given.count != values.count {
                let noun = key == "labels" ? "label" : "date"
                problems.append(.error(at: node.location, "'\(key)' needs one \(noun) per value: \(counted(values.count, "value")), \(counted(given.count, noun))"))
            }
        }
        return problems.count == before
    }
}
