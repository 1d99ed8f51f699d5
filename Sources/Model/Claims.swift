import Diagnostics
import Quantities

/// A source's own figure held against what its inputs give. Findings, not errors: an
/// inconsistent claim is content for the checks page.
public struct ClaimCheck: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case consistent, inconsistent, unverifiable
    }

    public let id: String
    public let status: Status
    /// What the source says, as written (`~$18B`).
    public let says: String
    public let stated: Quantity?
    /// The reference of the figure the claim is about.
    public let figure: String
    public let tolerance: Double
    /// One or two sentences a reader can follow.
    public let explanation: String
    public let sources: [String]
    public let note: String?
    public let location: SourceLocation
}

extension ModelBuilder {
    mutating func checkClaims() {
        for record in ordered("claims") {
            guard let figureNode = record["figure"], let reference = figureNode.text else {
                diagnostics.append(.error(at: record.location, "claim '\(record.id)' needs a 'figure': the reference it is about"))
                continue
            }
            guard let saysNode = record["says"] else {
                diagnostics.append(.error(at: record.location, "claim '\(record.id)' needs 'says': the figure as the source states it"))
                continue
            }
            let says = saysNode.text ?? ""
            let stated = quantity("claims.\(record.id).says")
            let tolerance = quantity("claims.\(record.id).tolerance")?.low ?? 0.10
            let base = (record: record, says: says, stated: stated, reference: reference, tolerance: tolerance)
            // A claim about a figure that does not exist is a mistake in the data, not a finding.
            guard figures[reference] != nil || isComputableLater(reference) || isExplainedByEarlierError(reference) else {
                diagnostics.append(.error(at: figureNode.location, unknownReference(reference)))
                continue
            }
            guard let stated, let computed = figures[reference]?.value.quantity else {
                claims.append(check(base, .unverifiable, "The figure \(reference) cannot be computed from the data, so the stated \(says) cannot be checked."))
                continue
            }
            guard stated.dimension == computed.dimension else {
                diagnostics.append(.error(
                    at: saysNode.location,
                    "claim '\(record.id)' states \(stated.dimension.description) but \(reference) is \(computed.dimension.description)"
                ))
                continue
            }
            let statedRange = Self.span(stated, widenedBy: tolerance)
            let computedRange = Self.span(computed, widenedBy: 0)
            let overlaps = statedRange.low <= computedRange.high && computedRange.low <= statedRange.high
            let statedText = stated.formatted(.en)
            let computedText = computed.formatted(.en)
            let percent = Quantity(tolerance).with(hint: .percent).formatted(.en)
            if overlaps {
                claims.append(check(base, .consistent,
                    "The stated \(statedText) agrees with the computed \(computedText) (within ±\(percent))."))
            } else {
                let side = statedRange.low > computedRange.high ? "above" : "below"
                var sentence = "The stated \(statedText) lies \(side) the computed \(computedText), beyond the ±\(percent) tolerance."
                if let needed = whatItWouldNeed(stated, reference: reference) { sentence += " " + needed }
                claims.append(check(base, .inconsistent, sentence))
            }
        }
    }

    /// A field the schema or a derivation defines, on a record that exists: the data just
    /// lacks what it needs (a deal with no amount has no amount per year).
    private func isComputableLater(_ reference: String) -> Bool {
        let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, records[parts[0]]?[parts[1]] != nil else { return false }
        return Schema.field(parts[2], in: parts[0]) != nil || Schema.derivedFields[parts[0]]?.contains(parts[2]) == true
            || (parts[0] == "financials" && parts[2].hasPrefix("prior_"))
    }

    private func check(_ base: (record: Record, says: String, stated: Quantity?, reference: String, tolerance: Double),
                       _ status: ClaimCheck.Status, _ explanation: String) -> ClaimCheck {
        var sources = Set(base.record.sourceIDs)
        sources.formUnion(figures[base.reference]?.sources ?? [])
        return ClaimCheck(
            id: base.record.id, status: status, says: base.says, stated: base.stated, figure: base.reference,
            tolerance: base.tolerance, explanation: explanation, sources: sources.sorted(),
            note: base.record.text("note"), location: base.record.location
        )
    }

    /// The range a quantity allows, open ends as infinities, widened by a relative tolerance.
    static func span(_ q: Quantity, widenedBy tolerance: Double) -> (low: Double, high: Double) {
        var low = q.low, high = q.high
        switch q.qualifier {
        case .atLeast: high = .infinity
        case .atMost: low = -.infinity
        case .exact, .approximate: break
        }
        // Only finite ends widen: ∞ × 0 would be NaN.
        if low.isFinite { low -= abs(low) * tolerance }
        if high.isFinite { high += abs(high) * tolerance }
        return (low, high)
    }

    /// For a product of two inputs (units × price): what the first input would have to be
    /// for the stated value to hold, at the second input's computed value.
    private func whatItWouldNeed(_ stated: Quantity, reference: String) -> String? {
        guard let figure = figures[reference], figure.inputs.count == 2, figure.expression?.contains(" × ") == true,
              let varying = figures[figure.inputs[0]], let fixed = figures[figure.inputs[1]],
              let fixedValue = fixed.value.quantity, let varyingValue = varying.value.quantity,
              let needed = try? stated / fixedValue
        else { return nil }
        let neededText = Quantity(interval: needed.interval, dimension: needed.dimension, qualifier: needed.qualifier,
                                  noun: varyingValue.noun).formatted(.en)
        let fixedName = fixed.reference.split(separator: ".").last.map { String($0).replacingUnderscores() } ?? "other input"
        let varyingName = varying.reference.split(separator: ".").last.map { String($0).replacingUnderscores() } ?? "input"
        return "At the \(fixedName) of \(fixedValue.formatted(.en)), it would need \(neededText) (\(varyingName)), not \(varyingValue.formatted(.en))."
    }
}
