import Diagnostics
import Quantities

/// A source's own statement held against what the data gives. Findings, not errors: an
/// inconsistent claim is content for the checks page.
///
/// A claim record takes one of two forms:
/// - a figure: `says: ~$18B` and `figure: purchases.meta-h100-2024.spend` (with an optional
///   `tolerance`, default 10%, for a value stated as about or exact; a bound is compared as stated);
/// - a comparison: `compare: financials.x.revenue_growth > financials.x.opex_growth` and
///   `statement:` (the source's words), for a source that sets one figure above another.
/// Either may add `readings:`, the ways the source states the same figure
/// (`- { modality: expected, when: by the end of 2024, as_of: 2024-12-31 }`); readings that
/// disagree make the claim `ambiguous`.
public struct ClaimCheck: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// The data bears the statement out.
        case consistent
        /// The data contradicts it.
        case inconsistent
        /// The data cannot decide it; the explanation says what is missing.
        case unverifiable
        /// The source states it in two ways that cannot both be meant.
        case ambiguous
    }

    public let id: String
    public let status: Status
    /// What the source says, as written (`~$18B`), or a comparison's `statement`.
    public let says: String
    public let stated: Quantity?
    /// The reference of the figure the claim is about (a comparison's first side).
    public let figure: String
    public let tolerance: Double
    /// Sentences a reader can follow, naming the comparison made, in any language.
    public let text: ClaimText
    /// The explanation in English.
    public var explanation: String { text.text(in: .english) }
    public let sources: [String]
    public let note: String?
    public let location: SourceLocation
    /// The claim record's text in other languages (`statement`, `note`, `label`), field →
    /// language → text; `says` and `note` above are the default language's.
    public var translations: [String: [String: String]] = [:]

    /// `says` in `language`: a comparison's `statement` is words and may be translated;
    /// a figure as the source states it (`~$18B`) is written once.
    public func says(in language: String) -> String {
        translations["statement"]?[language] ?? says
    }

    /// `note` in `language`, else in the default language.
    public func note(in language: String) -> String? {
        translations["note"]?[language] ?? note
    }
}

extension ModelBuilder {
    mutating func checkClaims() {
        for record in ordered("claims") {
            guard let tolerance = claimTolerance(record) else { continue }
            let outcome: (figure: String, says: String, stated: Quantity?, status: ClaimCheck.Status, explanation: ClaimText)?
            if record["compare"] != nil {
                outcome = comparisonClaim(record, tolerance: tolerance)
            } else {
                outcome = figureClaim(record, tolerance: tolerance)
            }
            guard var outcome else { continue }
            if let ambiguity = readingsDisagree(record, figure: outcome.figure, says: outcome.says) {
                outcome.status = .ambiguous
                // Held against a field as written, the number only agrees with itself: say nothing of it.
                let derived = figures[outcome.figure]?.isDerived ?? false
                outcome.explanation = derived || record["compare"] != nil ? ambiguity.then(outcome.explanation) : ambiguity
            }
            var sources = Set(record.sourceIDs)
            sources.formUnion(figures[outcome.figure]?.sources ?? [])
            var claim = ClaimCheck(
                id: record.id, status: outcome.status, says: outcome.says, stated: outcome.stated, figure: outcome.figure,
                tolerance: tolerance, text: outcome.explanation, sources: sources.sorted(),
                note: record.text("note"), location: record.location
            )
            claim.translations = record.translations
            claims.append(claim)
        }
    }

    /// A claim's `tolerance` as a fraction (`10%` → 0.1), 0.1 when it gives none. Nil, with an
    /// error at the value, when it is below zero, a range or a bound: a tolerance widens the
    /// stated value by one amount on both sides, so a negative one would narrow it past
    /// itself and call a stated value that equals the data's "beyond the ±−50% tolerance".
    private mutating func claimTolerance(_ record: Record) -> Double? {
        guard let node = record["tolerance"], node.scalar != .null else { return 0.10 }
        // Not a percentage at all: already reported where the field was read.
        guard let stated = quantity("claims.\(record.id).tolerance") else { return nil }
        if stated.low != stated.high || !stated.low.isFinite || stated.qualifier.isBound {
            diagnostics.append(.error(at: node.location, "'tolerance' must be one percentage, such as 10%, not a range or a bound ('\(node.text ?? "")')"))
            return nil
        }
        if stated.low < 0 {
            diagnostics.append(.error(at: node.location, "'tolerance' cannot be below zero ('\(node.text ?? "")'): it widens the stated value on both sides, as ±10% does"))
            return nil
        }
        return stated.low
    }

    /// `says` against `figure`. Nil when the claim is malformed (reported as a diagnostic).
    private mutating func figureClaim(_ record: Record, tolerance: Double)
        -> (figure: String, says: String, stated: Quantity?, status: ClaimCheck.Status, explanation: ClaimText)? {
        guard let figureNode = record["figure"], let reference = figureNode.text else {
            diagnostics.append(.error(at: record.location, "claim '\(record.id)' needs a 'figure' (the reference it is about) or a 'compare'"))
            return nil
        }
        guard let saysNode = record["says"] else {
            diagnostics.append(.error(at: record.location, "claim '\(record.id)' needs 'says': the figure as the source states it"))
            return nil
        }
        let says = saysNode.text ?? ""
        let stated = quantity("claims.\(record.id).says")
        // A claim about a figure that does not exist is a mistake in the data, not a finding.
        guard figures[reference] != nil || isComputableLater(reference) || isExplainedByEarlierError(reference) else {
            diagnostics.append(.error(at: figureNode.location, unknownReference(reference)))
            return nil
        }
        guard let stated, let computed = figures[reference]?.value.quantity else {
            // The stated figure in the page's number format ("más del 42 %"); as written only when it is no quantity.
            let said: ClaimText.Value = stated.map { .quantity($0) } ?? .text(says)
            let why = whyNotComputed(reference, stated: said) ?? ClaimText("claim_not_computed", ["reference": .text(reference), "stated": said])
            return (reference, says, stated, .unverifiable, why)
        }
        guard stated.dimension == computed.dimension else {
            diagnostics.append(.error(
                at: saysNode.location,
                "claim '\(record.id)' states \(stated.dimension.description) but \(reference) is \(computed.dimension.description)"
            ))
            return nil
        }
        var (status, sentence) = Self.compareStated(stated, with: computed, tolerance: tolerance)
        if status == .inconsistent, let needed = whatItWouldNeed(stated, reference: reference) { sentence = sentence.then(needed) }
        return (reference, says, stated, status, sentence)
    }

    /// A field the schema or a derivation defines, on a record that exists: the data just
    /// lacks what it needs (a deal with no amount has no amount per year).
    private func isComputableLater(_ reference: String) -> Bool {
        let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, records[parts[0]]?[parts[1]] != nil else { return false }
        return Schema.field(parts[2], in: parts[0]) != nil || Schema.derivedFields[parts[0]]?.contains(parts[2]) == true
            || (parts[0] == "financials" && (parts[2].hasPrefix("prior_") || parts[2].hasSuffix("_growth_computed")))
    }

    /// Why a derived figure the data lacks could not be computed, when the model can say, and
    /// that the `stated` figure cannot be checked.
    private func whyNotComputed(_ reference: String, stated: ClaimText.Value) -> ClaimText? {
        if let reason = figures[reference]?.value.unverifiableReason {
            return ClaimText("claim_not_computed_because", ["reference": .text(reference), "reason": .text(reason), "stated": stated])
        }
        let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "financials", parts[2].hasSuffix("_growth_computed"),
              let record = records["financials"]?[parts[1]] else { return nil }
        let field = String(parts[2].dropLast("_growth_computed".count))
        let company = record.text("company").flatMap { records["companies"]?[$0]?.displayName } ?? record.text("company") ?? "the company"
        let year = Int(record.text("year") ?? "").map { String($0 - 1) } ?? "the year before"
        var values: [String: ClaimText.Value] = ["company": .text(company), "field": .field(field), "year": .text(year), "stated": stated]
        if figures["financials.\(record.id).prior_\(field)"] != nil {
            values["prior"] = .text("financials.\(record.id).prior_\(field)")
            return ClaimText("claim_growth_needs_prior", values)
        }
        return ClaimText("claim_growth_needs", values)
    }

    /// For a product of two inputs (units × price): what the first input would have to be
    /// for the stated value to hold, at the second input's computed value.
    private func whatItWouldNeed(_ stated: Quantity, reference: String) -> ClaimText? {
        guard let figure = figures[reference], figure.inputs.count == 2, figure.expression?.contains(" × ") == true,
              let varying = figures[figure.inputs[0]], let fixed = figures[figure.inputs[1]],
              let fixedValue = fixed.value.quantity, let varyingValue = varying.value.quantity,
              let needed = try? stated / fixedValue, needed.isFinite
        else { return nil }
        let neededValue = Quantity(interval: needed.interval, dimension: needed.dimension, qualifier: needed.qualifier, noun: varyingValue.noun)
        let fixedName = fixed.reference.split(separator: ".").last.map(String.init) ?? "other_input"
        let varyingName = varying.reference.split(separator: ".").last.map(String.init) ?? "input"
        // "~450,000–600,000 GPUs" names what it counts; only a bare number says which input it is.
        let named = varyingValue.noun == nil && !neededValue.formatted(.en).hasSuffix(varyingName.replacingUnderscores())
        return ClaimText(named ? "claim_would_need_named" : "claim_would_need", [
            "fixed": .field(fixedName), "fixed_value": .quantity(fixedValue), "needed": .quantity(neededValue),
            "varying": .field(varyingName), "varying_value": .quantity(varyingValue),
        ])
    }
}
