import Diagnostics

extension ModelBuilder {
    /// Every `date_precision:` (and `<field>_precision:`) must be one of `RecordDate.Precision`'s
    /// words: an unknown one (`fortnight`) would otherwise be ignored and the date printed as a
    /// day, more precisely than the data knows it (issue 10: a number is never stated more
    /// strongly than its inputs). The error is at the value and lists the allowed words.
    mutating func checkDatePrecisions() {
        let words = RecordDate.Precision.allCases.map(\.rawValue)
        for collection in collections {
            for record in collection.records {
                for entry in record.node.entries ?? [] where entry.key.hasSuffix("_precision") {
                    let (key, value) = (entry.key, entry.value)
                    guard let word = value.text else {
                        diagnostics.append(.error(at: value.location,
                            "'\(key)' is one word: one of \(words.joined(separator: ", "))"))
                        continue
                    }
                    guard RecordDate.Precision(rawValue: word.lowercased()) == nil else { continue }
                    diagnostics.append(.error(at: value.location,
                        "unknown \(key) '\(word)'\(NearMiss.hint(for: word.lowercased(), among: words)); one of \(words.joined(separator: ", "))"))
                }
            }
        }
    }
}
