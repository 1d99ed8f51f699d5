import Diagnostics
import Quantities

/// The two built-in choices that are values (`BuiltInAssumption`): the all-in power per unit
/// of each chip (`assumptions.power-per-<chip>.value`) and the chip a deal without one is
/// counted in (`default-chip`). Each is the story's record of that id in
/// `assumptions.yaml` when there is one, else the built-in rule. Run after the clusters'
/// power per unit is derived and before anything uses them.
extension ModelBuilder {
    mutating func resolveAssumedValues() {
        var chips = ordered("chips").map(\.id)
        for cluster in ordered("clusters") {
            if let chip = cluster.text("chip"), !chips.contains(chip) { chips.append(chip) }
        }
        checkDeclarations(chips: chips)
        for chip in chips { resolvePowerPerUnit(of: chip) }
        resolveDefaultChip()
    }

    /// Every declared assumption gives at most one of `value` and `expr`; an id that misses
    /// a built-in one by a letter or names an unknown chip (`power-per-h10`) is a warning,
    /// since it would silently stand beside the built-in choice instead of replacing it.
    private mutating func checkDeclarations(chips: [String]) {
        let builtIn = BuiltInAssumption.rules.map(\.id) + chips.map { BuiltInAssumption.powerPerUnit(chip: $0).id }
        for record in ordered("assumptions") {
            if record["value"] != nil, let expr = record["expr"], BuiltInAssumption(id: record.id, chips: chips)?.isRule != false {
                diagnostics.append(.error(at: expr.location, "assumption '\(record.id)' has both 'value' and 'expr': keep one"))
            }
            guard !builtIn.contains(record.id) else { continue }
            let hint = NearMiss.hint(for: record.id, among: builtIn)
            if record.id.hasPrefix("power-per-") {
                let chip = String(record.id.dropFirst("power-per-".count))
                diagnostics.append(.warning(at: record.location, "assumption '\(record.id)' names no known chip: unknown chip '\(chip)'\(NearMiss.hint(for: chip, among: chips)); as written it changes no derivation"))
            } else if !hint.isEmpty {
                diagnostics.append(.warning(at: record.location, "assumption '\(record.id)' is not a built-in one\(hint); as written it is an assumption of its own, which changes no derivation"))
            }
        }
    }

    private mutating func resolvePowerPerUnit(of chip: String) {
        let id = BuiltInAssumption.powerPerUnit(chip: chip).id
        let reference = "assumptions.\(id).value"
        let chipName = records["chips"]?[chip]?.displayName ?? chip
        if let record = records["assumptions"]?[id] {
            guard declaredValue(record) else { return }
            guard let value = figures[reference]?.value.quantity else {
                if let figure = figures[reference], figure.value.unverifiableReason == nil {
                    var why = ""
                    if case .text(let text) = figure.value {
                        do { _ = try Quantity.parse(text) } catch { why = ": \(error.message)" }
                    }
                    diagnostics.append(.error(at: figure.location, "assumption '\(id)' must be power per unit (1.5 kW), not \(figure.value.kindWords)\(why)"))
                    figures[reference] = nil
                }
                return
            }
            // `1.5 kW` is read as per unit, as `unit_price: $30k` is per unit.
            let perUnit = Dimension.power / .count
            if value.dimension == .power {
                // Per GPU when the chip's clusters count GPUs, as the built-in value would be.
                let counted = ordered("clusters").filter { $0.text("chip") == chip }.map { "clusters.\($0.id).units" }
                let noun = counted.compactMap { figures[$0]?.value.quantity?.noun }.first ?? "unit"
                figures[reference] = figures[reference]!.replacing(value: Quantity(
                    interval: value.interval, dimension: perUnit, qualifier: value.qualifier, noun: noun))
            } else if value.dimension != perUnit {
                diagnostics.append(.error(at: figures[reference]!.location,
                    "assumption '\(id)' must be power per unit (1.5 kW), not \(value.dimension.description) ('\(value.formatted(.en))')"))
                figures[reference] = nil
            }
            return
        }
        guard let cluster = ordered("clusters").first(where: { $0.text("chip") == chip && figures["clusters.\($0.id).power_per_unit"] != nil }),
              let value = quantity("clusters.\(cluster.id).power_per_unit") else { return }
        let clusterReference = "clusters.\(cluster.id).power_per_unit"
        let chipText = records["chips"]?[chip].map(displayNameText) ?? .text(chipName)
        derive(reference, label: ClaimText("derived_label_assumed_power", ["chip": chipText]), value: value,
               formula: ClaimText("derived_formula_assumed_power", ["cluster": readerNameText(cluster), "chip": chipText]),
               expression: clusterReference, inputs: [clusterReference], at: cluster.location, assumptions: [id])
    }

    /// Whether a declared assumption gives exactly one of `value` and `expr`; evaluates its `expr`.
    private mutating func declaredValue(_ record: Record) -> Bool {
        switch (record["value"], record["expr"]) {
        case (nil, nil):
            diagnostics.append(.error(at: record.location, "assumption '\(record.id)' needs a 'value' or an 'expr'"))
            return false
        case (_?, let expr?):
            diagnostics.append(.error(at: expr.location, "assumption '\(record.id)' has both 'value' and 'expr': keep one"))
            return false
        case (nil, _?):
            var visiting = Set<String>()
            return evaluateFormula("assumptions", record.id, visiting: &visiting)
        case (_?, nil):
            return figures["assumptions.\(record.id).value"] != nil
        }
    }

    private mutating func resolveDefaultChip() {
        let id = BuiltInAssumption.defaultChip.id
        guard let record = records["assumptions"]?[id] else {
            defaultChip = powerPerUnit(of: "h100") != nil ? "h100" : ordered("chips").first { powerPerUnit(of: $0.id) != nil }?.id
            return
        }
        guard let node = record["value"], let chip = node.text, node.scalar != .null, node.elements == nil else {
            diagnostics.append(.error(at: record["value"]?.location ?? record.location, "assumption '\(id)' needs a 'value': the id of a chip"))
            return
        }
        let known = ordered("chips").map(\.id)
        guard known.contains(chip) else {
            diagnostics.append(.error(at: node.location, "unknown chip '\(chip)'\(NearMiss.hint(for: chip, among: known))"))
            return
        }
        defaultChip = chip
    }

    /// The reference of the all-in power per unit of `chip` (`assumptions.power-per-h100.value`),
    /// nil when neither the data nor a cluster of that chip gives one.
    func powerPerUnit(of chip: String) -> String? {
        let reference = "assumptions.\(BuiltInAssumption.powerPerUnit(chip: chip).id).value"
        return figures[reference]?.value.quantity == nil ? nil : reference
    }

    /// The assumptions of the model: those the data declares, in file order, then the
    /// built-in choices some figure rests on that the data does not declare.
    func assumptionList() -> [Assumption] {
        let chips = Set(ordered("chips").map(\.id) + ordered("clusters").compactMap { $0.text("chip") })
        var list: [Assumption] = []
        for record in ordered("assumptions") {
            let builtIn = BuiltInAssumption(id: record.id, chips: chips)
            // `statement` is translatable prose (`statement: {en: …, es: …}`, `DataText`): the
            // default language's text under "en", as `Assumption.statement(in:)` reads it.
            var statements = record.translations["statement"] ?? [:]
            if let text = record.text("statement") { statements["en"] = text }
            let value = figures["assumptions.\(record.id).value"]
            let sources = record.sourceIDs.isEmpty ? (value?.sources ?? []) : record.sourceIDs.sorted()
            list.append(Assumption(id: record.id, builtIn: builtIn, declaredStatements: statements, value: value?.value,
                                   sources: sources, location: record.location, words: words(for: builtIn)))
        }
        let declared = Set(list.map(\.id))
        var used: [String] = []
        for reference in figures.keys.sorted() {
            for id in figures[reference]!.assumptions where !declared.contains(id) && !used.contains(id) { used.append(id) }
        }
        let order = ordered("chips").map { BuiltInAssumption.powerPerUnit(chip: $0.id).id } + BuiltInAssumption.rules.map(\.id)
        used.sort { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
        for id in used {
            guard let builtIn = BuiltInAssumption(id: id, chips: chips) else { continue }
            let value = figures["assumptions.\(id).value"]
            list.append(Assumption(id: id, builtIn: builtIn, declaredStatements: [:],
                                   value: builtIn == .defaultChip ? defaultChip.map { .text($0) } : value?.value,
                                   sources: value?.sources ?? [], location: nil, words: words(for: builtIn)))
        }
        return list
    }

    private func words(for builtIn: BuiltInAssumption?) -> [String: String] {
        switch builtIn {
        case .powerPerUnit(let chip)?:
            var words = ["chip": records["chips"]?[chip]?.displayName ?? chip]
            // The cluster is named only when the value used is its power per unit.
            let inputs = figures["assumptions.\(BuiltInAssumption.powerPerUnit(chip: chip).id).value"]?.inputs ?? []
            if let cluster = ordered("clusters").first(where: { $0.text("chip") == chip && inputs.contains("clusters.\($0.id).power_per_unit") }) {
                words["cluster"] = readerName(cluster)
            }
            return words
        case .defaultChip?:
            return defaultChip.map { ["chip": records["chips"]?[$0]?.displayName ?? $0] } ?? [:]
        default:
            return [:]
        }
    }
}

extension FigureValue {
    /// "text ('h100')", "a figure that cannot be computed": what a value is, in an error.
    var kindWords: String {
        switch self {
        case .quantity(let q): return "\(q.dimension.description) ('\(q.formatted(.en))')"
        case .text(let t): return "the text '\(t)'"
        case .unverifiable: return "a figure that cannot be computed"
        }
    }
}

extension Figure {
    /// The same figure with another value (a declared assumption read as per unit).
    func replacing(value: Quantity) -> Figure {
        Figure(reference: reference, label: label, value: .quantity(value), formula: formula, expression: expression,
               inputs: inputs, sources: sources, location: location, modality: modality, assumptions: assumptions)
    }
}
