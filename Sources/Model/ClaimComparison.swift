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
    static func compareStated(_ stated: Quantity, with computed: Quantity, tolerance: Double) -> (ClaimCheck.Status, String) {
        let statedText = stated.formatted(.en), computedText = computed.formatted(.en)
        let range = span(computed, widenedBy: 0)
        func low(_ v: Double) -> String { plain(v, like: computed, rounding: .down) }
        func high(_ v: Double) -> String { plain(v, like: computed, rounding: .up) }
        // An open end is said in words, never as an infinity ("−$∞ trillion").
        func from(_ v: Double) -> String { v.isFinite ? low(v) : "no stated floor" }
        func to(_ v: Double) -> String { v.isFinite ? high(v) : "no stated limit" }
        // A figure at face value bounds the true value on neither side: nothing can be checked against it.
        if computed.qualifier == .faceValue {
            return (.unverifiable, "The computed \(computedText) comes from inputs that are bounds pulling opposite ways, so it has no bound either way: the data can neither confirm nor rule out the stated \(statedText).")
        }
        switch stated.qualifier {
        case .atLeast(let strict, _):
            let bound = plain(stated.low, like: stated)
            let meets: (Double) -> Bool = { strict ? $0 > stated.low : $0 >= stated.low }
            let intro = "The stated \(statedText) is a lower bound: it holds for any value \(strict ? "above" : "of at least") \(bound)."
            if meets(range.low) {
                return (.consistent, "\(intro) The computed \(computedText) meets it whatever its exact value: its lowest, \(low(range.low)), is \(strict ? "above" : "at least") \(bound).")
            }
            if meets(range.high) {
                return (.unverifiable, "\(intro) The computed \(computedText) runs from \(from(range.low)) to \(to(range.high)), on both sides of it, so the data cannot decide.")
            }
            return (.inconsistent, "\(intro) The computed \(computedText) falls short of it: its highest, \(high(range.high)), is \(strict ? "not above" : "below") \(bound).")
        case .atMost(let strict, _):
            let bound = plain(stated.high, like: stated)
            let meets: (Double) -> Bool = { strict ? $0 < stated.high : $0 <= stated.high }
            let intro = "The stated \(statedText) is an upper bound: it holds for any value \(strict ? "below" : "of at most") \(bound)."
            if meets(range.high) {
                return (.consistent, "\(intro) The computed \(computedText) meets it whatever its exact value: its highest, \(high(range.high)), is \(strict ? "below" : "at most") \(bound).")
            }
            if meets(range.low) {
                return (.unverifiable, "\(intro) The computed \(computedText) runs from \(from(range.low)) to \(to(range.high)), on both sides of it, so the data cannot decide.")
            }
            return (.inconsistent, "\(intro) The computed \(computedText) goes beyond it: its lowest, \(low(range.low)), is \(strict ? "not below" : "above") \(bound).")
        case .exact, .approximate, .faceValue:
            let allowed = span(stated, widenedBy: tolerance)
            let percent = Quantity(tolerance).with(hint: .percent).formatted(.en)
            if allowed.low <= range.high && range.low <= allowed.high {
                // A one-sided bound allows the stated value without pinning the figure down:
                // possible, not confirmed.
                if case .atLeast = computed.qualifier {
                    return (.unverifiable, "The data gives only a lower bound, \(computedText): \(statedText) is possible, not confirmed.")
                }
                if case .atMost = computed.qualifier {
                    return (.unverifiable, "The data gives only an upper bound, \(computedText): \(statedText) is possible, not confirmed.")
                }
                return (.consistent, "The stated \(statedText) agrees with the computed \(computedText): within ±\(percent) of the stated value, the two overlap.")
            }
            let side = allowed.low > range.high ? "above" : "below"
            return (.inconsistent, "The stated \(statedText) lies \(side) the computed \(computedText), beyond the ±\(percent) tolerance.")
        }
    }

    // MARK: comparisons

    /// `compare: a > b` (or `<`, `≥`, `≤`, `>=`, `<=`) over two references.
    mutating func comparisonClaim(_ record: Record, tolerance: Double)
        -> (figure: String, says: String, stated: Quantity?, status: ClaimCheck.Status, explanation: String)? {
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
        let percent = Quantity(tolerance).with(hint: .percent).formatted(.en)
        func reading(_ q: Quantity) -> String { q.qualifier == .approximate ? " (read as ±\(percent))" : "" }
        func low(_ v: Double, _ q: Quantity) -> String { v.isFinite ? Self.plain(v, like: q, rounding: .down) : "unbounded" }
        func high(_ v: Double, _ q: Quantity) -> String { v.isFinite ? Self.plain(v, like: q, rounding: .up) : "unbounded" }
        let setting = "\(nameA.capitalizedFirst), \(a.formatted(.en)), against \(nameB), \(b.formatted(.en))"
        let status: ClaimCheck.Status, why: String
        if let open = [(a, nameA), (b, nameB)].first(where: { $0.0.qualifier == .faceValue }) {
            status = .unverifiable
            why = "\(setting): \(open.1) is at face value, from inputs that are bounds pulling opposite ways, so it has no bound either way and the data cannot say which is larger."
        } else if spanA.low > spanB.high || (op.count == 2 || op == "≥" || op == "≤") && spanA.low >= spanB.high {
            status = .consistent
            why = "\(setting): the lowest the first can be, \(low(spanA.low, a))\(reading(a)), is above the highest the second can be, \(high(spanB.high, b))\(reading(b)), so the first is the larger."
        } else if spanA.high <= spanB.low {
            status = .inconsistent
            why = "\(setting): the highest the first can be, \(high(spanA.high, a)), is not above the lowest the second can be, \(low(spanB.low, b)), so the first is not the larger."
        } else {
            status = .unverifiable
            why = "\(setting): their ranges overlap (\(low(spanA.low, a))–\(high(spanA.high, a)) and \(low(spanB.low, b))–\(high(spanB.high, b))), so the data cannot say which is larger."
        }
        return (sides[0], says, nil, status, why)
    }

    /// `financials.meta-2024.revenue_growth` → "revenue growth" (the record's name is on the page).
    private func name(_ reference: String) -> String {
        (reference.split(separator: ".").last.map(String.init) ?? reference).replacingUnderscores()
    }

    // MARK: readings

    /// When the claim's `readings` give the figure with different dates or modalities: the
    /// sentence that says so, and which reading the data follows.
    func readingsDisagree(_ record: Record, figure: String, says: String) -> String? {
        guard let list = record["readings"]?.elements, list.count >= 2 else { return nil }
        let readings = list.map { node -> (modality: String, when: String, asOf: String?) in
            let modality = node["modality"]?.text.flatMap(Modality.init(rawValue:))?.word ?? "reported"
            let asOf = node["as_of"]?.text
            return (modality, node["when"]?.text ?? asOf.map { "as of \($0)" } ?? "at an unstated time", asOf)
        }
        let distinct = Set(readings.map { "\($0.modality)|\($0.when)" })
        guard distinct.count >= 2 else { return nil }
        let listed = readings.map { "\($0.when) (\($0.modality))" }
        let joined = listed.dropLast().joined(separator: ", ") + " and " + listed.last!
        let count = readings.count == 2 ? "two" : "\(readings.count)"
        var sentence = "The source gives \(says) in \(count) ways that cannot all be meant: \(joined). The data cannot tell which it means."
        let parts = figure.split(separator: ".").map(String.init)
        if parts.count >= 2, let holder = records[parts[0]]?[parts[1]], let asOf = holder.text("as_of"),
           let chosen = readings.first(where: { $0.asOf == asOf }) {
            // The date as the data knows it ("December 2024"), not as typed ("2024-12-31").
            let shown = RecordDate(holder, "as_of")?.display() ?? asOf
            sentence += " This site follows the reading \(chosen.when) (\(parts[0]).\(parts[1]).as_of is \(shown))."
        }
        return sentence
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
