import Foundation
import Diagnostics
import Quantities

/// How a claim is decided, each rule saying in its explanation which comparison it made.
///
/// - A value stated as about or exact (`~$18B`) agrees with the computed figure when the two
///   ranges overlap once the stated one is widened by the tolerance (±10% unless given).
/// - A bound (`≥ 2M`, `> 42%`, `up to $40B`) is compared as stated, with no tolerance: it
///   holds when every value the computed figure allows meets it, fails when none does, and
///   cannot be decided when the computed range straddles it.
/// - A comparison (`a > b`) holds when the lowest `a` can be is above the highest `b` can be,
///   fails when the highest `a` can be is at or below the lowest `b` can be, and is otherwise
///   undecided; a value stated as about is read as ±tolerance.
/// - Readings that give one figure with different dates or modalities make a claim ambiguous.
extension ModelBuilder {
    /// The range a quantity allows, open ends as infinities, widened by a relative tolerance.
    static func span(_ q: Quantity, widenedBy tolerance: Double) -> (low: Double, high: Double) {
        var low = q.low, high = q.high
        switch q.qualifier {
        case .atLeast: high = .infinity
        case .atMost: low = -.infinity
        case .exact, .approximate: break
        case .faceValue: (low, high) = (-.infinity, .infinity)
        }
        // Only finite ends widen: ∞ × 0 would be NaN.
        if low.isFinite { low -= abs(low) * tolerance }
        if high.isFinite { high += abs(high) * tolerance }
        return (low, high)
    }

    /// `q`'s dimension and noun at a single value, with no qualifier: "6.67 million GPUs".
    /// The lowest a figure allows rounds down and the highest up (`rounding`), so that an end
    /// never reads past the bound it is ("≥ ~6.66 million": its lowest is 6.66 million, not 6.67).
    static func plain(_ value: Double, like q: Quantity, rounding: Rounding = .nearest) -> String {
        Quantity(low: value, high: value, dimension: q.dimension, hint: q.hint, noun: q.noun)
            .formatted(.en, FormatOptions(rounding: rounding))
    }

    /// A stated value against a computed one: the status and the sentence that says why.
    static func compareStated(_ stated: Quantity, with computed: Quantity, tolerance: Double) -> (ClaimCheck.Status, ClaimText) {
        let range = span(computed, widenedBy: 0)
        let values: [String: ClaimText.Value] = ["stated": .quantity(stated), "computed": .quantity(computed)]
        func with(_ more: [String: ClaimText.Value]) -> [String: ClaimText.Value] { values.merging(more) { $1 } }
        // An open end is said in words, never as an infinity ("−$∞ trillion").
        let low = ClaimText.Value.end(range.low, like: computed, rounding: .down, open: "claim_no_floor")
        let high = ClaimText.Value.end(range.high, like: computed, rounding: .up, open: "claim_no_limit")
        // A figure at face value bounds the true value on neither side: nothing can be checked against it.
        if computed.qualifier == .faceValue {
            return (.unverifiable, ClaimText("claim_face_value", values))
        }
        switch stated.qualifier {
        case .atLeast(let strict, _):
            let bound = ClaimText.Value.end(stated.low, like: stated, rounding: .nearest, open: "claim_unbounded")
            let meets: (Double) -> Bool = { strict ? $0 > stated.low : $0 >= stated.low }
            let suffix = strict ? "_strict" : ""
            let intro = ClaimText("claim_lower_bound" + suffix, with(["bound": bound]))
            if meets(range.low) {
                return (.consistent, intro.then(ClaimText("claim_lower_met" + suffix, with(["low": low, "bound": bound]))))
            }
            if meets(range.high) {
                return (.unverifiable, intro.then(ClaimText("claim_straddles", with(["low": low, "high": high]))))
            }
            return (.inconsistent, intro.then(ClaimText("claim_lower_short" + suffix, with(["high": high, "bound": bound]))))
        case .atMost(let strict, _):
            let bound = ClaimText.Value.end(stated.high, like: stated, rounding: .nearest, open: "claim_unbounded")
            let meets: (Double) -> Bool = { strict ? $0 < stated.high : $0 <= stated.high }
            let suffix = strict ? "_strict" : ""
            let intro = ClaimText("claim_upper_bound" + suffix, with(["bound": bound]))
            if meets(range.high) {
                return (.consistent, intro.then(ClaimText("claim_upper_met" + suffix, with(["high": high, "bound": bound]))))
            }
            if meets(range.low) {
                return (.unverifiable, intro.then(ClaimText("claim_straddles", with(["low": low, "high": high]))))
            }
            return (.inconsistent, intro.then(ClaimText("claim_upper_beyond" + suffix, with(["low": low, "bound": bound]))))
        case .exact, .approximate, .faceValue:
            let allowed = span(stated, widenedBy: tolerance)
            let percent = ClaimText.Value.quantity(Quantity(tolerance).with(hint: .percent))
            if allowed.low <= range.high && range.low <= allowed.high {
                // A one-sided bound allows the stated value without pinning the figure down:
                // possible, not confirmed.
                if case .atLeast = computed.qualifier { return (.unverifiable, ClaimText("claim_only_lower", values)) }
                if case .atMost = computed.qualifier { return (.unverifiable, ClaimText("claim_only_upper", values)) }
                return (.consistent, ClaimText("claim_agrees", with(["percent": percent])))
            }
            return (.inconsistent, ClaimText(allowed.low > range.high ? "claim_above" : "claim_below", with(["percent": percent])))
        }
    }

    // MARK: comparisons

    /// `compare: a > b` (or `<`, `≥`, `≤`, `>=`, `<=`) over two references.
    mutating func comparisonClaim(_ record: Record, tolerance: Double)
        -> (figure: String, says: String, stated: Quantity?, status: ClaimCheck.Status, explanation: ClaimText)? {
        guard let node = record["compare"], let text = node.text else { return nil }
        let operators = [">=", "<=", "≥", "≤", ">", "<"]
        guard let op = operators.first(where: { text.contains($0) }) else {
            diagnostics.append(.error(at: node.location, "'compare' sets two references against each other, as in 'a.x.y > b.x.z'"))
            return nil
        }
        let sides = text.components(separatedBy: op).map { $0.trimmingCharacters(in: .whitespaces) }
        guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
            diagnostics.append(.error(at: node.location, "'compare' sets two references against each other, as in 'a.x.y > b.x.z'"))
            return nil
        }
        var values: [Quantity] = []
        for side in sides {
            guard let figure = figures[side] else {
                diagnostics.append(.error(at: node.location, unknownReference(side)))
                return nil
            }
            guard let q = figure.value.quantity else {
                let what = figure.value.unverifiableReason.map { "cannot be computed (\($0))" } ?? "is text"
                diagnostics.append(.error(at: node.location, "\(side) \(what), not a quantity to compare"))
                return nil
            }
            values.append(q)
        }
        guard values[0].dimension == values[1].dimension else {
            diagnostics.append(.error(at: node.location,
                "'compare' sets \(values[0].dimension.description) against \(values[1].dimension.description)"))
            return nil
        }
        let says = record.text("statement") ?? text
        let above = op.hasPrefix(">") || op == "≥"
        let (a, b) = above ? (values[0], values[1]) : (values[1], values[0])
        let (nameA, nameB) = above ? (name(sides[0]), name(sides[1])) : (name(sides[1]), name(sides[0]))

        let spanA = Self.span(a, widenedBy: a.qualifier == .approximate ? tolerance : 0)
        let spanB = Self.span(b, widenedBy: b.qualifier == .approximate ? tolerance : 0)
        let percent = ClaimText.Value.quantity(Quantity(tolerance).with(hint: .percent))
        func reading(_ q: Quantity) -> ClaimText.Value { q.qualifier == .approximate ? .parts(ClaimText("claim_read_as", ["percent": percent])) : .text("") }
        func low(_ v: Double, _ q: Quantity) -> ClaimText.Value { .end(v, like: q, rounding: .down, open: "claim_unbounded") }
        func high(_ v: Double, _ q: Quantity) -> ClaimText.Value { .end(v, like: q, rounding: .up, open: "claim_unbounded") }
        // "Revenue growth, > 22%, against opex growth, ~9%": the first name starts the sentence.
        let setting: [String: ClaimText.Value] = ["first_name": .capitalized(nameA), "first": .quantity(a),
                                                  "second_name": nameB, "second": .quantity(b)]
        func with(_ more: [String: ClaimText.Value]) -> [String: ClaimText.Value] { setting.merging(more) { $1 } }
        let status: ClaimCheck.Status, why: ClaimText
        if let open = [(a, nameA), (b, nameB)].first(where: { $0.0.qualifier == .faceValue }) {
            status = .unverifiable
            why = ClaimText("claim_compare_face_value", with(["open": open.1]))
        } else if spanA.low > spanB.high || (op.count == 2 || op == "≥" || op == "≤") && spanA.low >= spanB.high {
            status = .consistent
            why = ClaimText("claim_compare_larger", with(["low": low(spanA.low, a), "low_reading": reading(a), "high": high(spanB.high, b), "high_reading": reading(b)]))
        } else if spanA.high <= spanB.low {
            status = .inconsistent
            why = ClaimText("claim_compare_not_larger", with(["high": high(spanA.high, a), "low": low(spanB.low, b)]))
        } else {
            status = .unverifiable
            why = ClaimText("claim_compare_overlap", with(["first_low": low(spanA.low, a), "first_high": high(spanA.high, a),
                                                           "second_low": low(spanB.low, b), "second_high": high(spanB.high, b)]))
        }
        return (sides[0], says, nil, status, why)
    }

    /// `financials.meta-2024.revenue_growth` → "revenue growth" (the record's name is on the page):
    /// the field's name, said in the page's words.
    private func name(_ reference: String) -> ClaimText.Value {
        .field(reference.split(separator: ".").last.map(String.init) ?? reference)
    }

    // MARK: readings

    /// When the claim's `readings` give the figure with different dates or modalities: the
    /// sentence that says so, and which reading the data follows.
    func readingsDisagree(_ record: Record, figure: String, says: String) -> ClaimText? {
        guard let list = record["readings"]?.elements, list.count >= 2 else { return nil }
        let readings = list.map { node -> (modality: ClaimText.Value, when: ClaimText.Value, asOf: String?, same: String) in
            let word = node["modality"]?.text.flatMap(Modality.init(rawValue:))
            let asOf = node["as_of"]?.text
            // `when` is words, written once or as `{en: …, es: …}`; `as_of` is a date, said in the
            // page's language at its precision (`as_of_precision`, else `date_precision`).
            let written = Self.translatedText(node["when"], translatedInto: dataLanguages)
            let when: ClaimText.Value = written.map { .translated($0.text, $0.translations) }
                ?? asOf.map { date in
                    let precision = node["as_of_precision"]?.text ?? node["date_precision"]?.text
                    return .parts(ClaimText("claim_reading_as_of", ["date": .date(RecordDate(date, precision: precision))]))
                } ?? .word("claim_reading_unstated")
            let same = "\(word?.rawValue ?? "reported")|\(written?.text ?? asOf.map { "as of \($0)" } ?? "")"
            return (word.map { .word("modality_" + $0.rawValue) } ?? .word("claim_reading_reported"), when, asOf, same)
        }
        guard Set(readings.map(\.same)).count >= 2 else { return nil }
        let listed = readings.map { ClaimText("claim_reading", ["when": $0.when, "modality": $0.modality]) }
        let count: ClaimText.Value = readings.count == 2 ? .word("claim_readings_two") : .text("\(readings.count)")
        // The figure as the data reads it, in the page's number format ("~600.000 GPU" in Spanish);
        // as written only when it does not read as a quantity.
        let said: ClaimText.Value = quantity("claims.\(record.id).says").map { .quantity($0) } ?? .text(says)
        var sentence = ClaimText("claim_readings", ["says": said, "count": count, "readings": .list(listed)])
        let parts = figure.split(separator: ".").map(String.init)
        if parts.count >= 2, let holder = records[parts[0]]?[parts[1]], let asOf = holder.text("as_of"),
           let chosen = readings.first(where: { $0.asOf == asOf }) {
            // The date as the data knows it ("December 2024"), not as typed ("2024-12-31").
            let shown: ClaimText.Value = RecordDate(holder, "as_of").map { .date($0) } ?? .text(asOf)
            sentence = sentence.then(ClaimText("claim_follows_reading", ["when": chosen.when, "reference": .text("\(parts[0]).\(parts[1]).as_of"), "date": shown]))
        }
        return sentence
    }
}

extension ModelBuilder {
    /// A text field inside a record's list (a reading's `when`): written once, or as a mapping
    /// keyed by language code (`{en: …, es: …}`), whose default-language text (the key that is
    /// not one of `translatedInto`, the languages other than the default) is the text and the
    /// others its translations. Nil when the node is neither.
    static func translatedText(_ node: YAMLNode?, translatedInto: [String]) -> (text: String, translations: [String: String])? {
        guard let node else { return nil }
        if let text = node.text { return (text, [:]) }
        guard let entries = node.entries, let first = entries.first(where: { !translatedInto.contains($0.key) }) ?? entries.first,
              let text = first.value.text else { return nil }
        var translations: [String: String] = [:]
        for entry in entries where entry.key != first.key { translations[entry.key] = entry.value.text }
        return (text, translations)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
