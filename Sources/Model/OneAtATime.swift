import Quantities

/// One-at-a-time sensitivity over the model's own derivations: every ranged input is set to
/// its midpoint, then each in turn to its low and its high end, and every derived figure is
/// computed again (`ModelBuilder.deriveFigures`), so that a figure's value at each setting
/// follows the same rules as the published one, through nested derivations, named figures,
/// `sum`/`min`/`max` and selections. Method and its limits: `docs/sensitivity.md`.
extension StoryModel {
    /// What drives the range of the figure at `reference`; nil for a figure that is not a
    /// derived quantity (a field as written, text, or a figure that cannot be computed).
    public func rangeDrivers(of reference: String) -> RangeDrivers? {
        rangeDrivers(of: [reference])[reference]
    }

    /// `rangeDrivers(of:)` for many figures at once, sharing the recomputations: two per
    /// ranged input among all of theirs, plus one with every input at its midpoint.
    public func rangeDrivers(of references: [String]) -> [String: RangeDrivers] {
        var inputsOf: [String: [RangeInput]] = [:]
        for reference in references {
            guard let figure = figures[reference], figure.isDerived, figure.value.quantity != nil else { continue }
            inputsOf[reference] = leafInputs(of: reference)
        }
        // The ranged inputs of the figures whose value is a range: only those are swept.
        var swept: [RangeInput] = [], seen: Set<RangeInput> = []
        for reference in inputsOf.keys.sorted() where spread(of: reference) == .range {
            for input in inputsOf[reference]! where input.kind == .range && seen.insert(input).inserted { swept.append(input) }
        }
        let midpoints = Dictionary(uniqueKeysWithValues: swept.map { ($0, point($0.value, ($0.value.low + $0.value.high) / 2)) })
        let atMidpoints = recomputed(midpoints)
        // Inputs that no analysed figure shares move together: each figure still sees one
        // of its own inputs move at a time, and a site of many independent ranges needs a
        // few recomputations, not two per input.
        let groups = Self.independentGroups(swept, sharedBy: inputsOf.filter { spread(of: $0.key) == .range }.map(\.value))
        var atEnds: [RangeInput: (low: [String: Figure], high: [String: Figure])] = [:]
        for group in groups {
            var low = midpoints, high = midpoints
            for input in group {
                low[input] = point(input.value, input.value.low)
                high[input] = point(input.value, input.value.high)
            }
            let ends = (low: recomputed(low), high: recomputed(high))
            for input in group { atEnds[input] = ends }
        }
        var result: [String: RangeDrivers] = [:]
        for (reference, inputs) in inputsOf {
            let spread = spread(of: reference)
            let ranged = inputs.filter { $0.kind == .range }
            var drivers: [RangeDriver] = []
            var middle: Double?
            if spread == .range, let mid = Self.midpoint(reference, in: atMidpoints) {
                middle = mid
                var measured: [(input: RangeInput, low: Double, high: Double, width: Double)] = []
                for input in ranged {
                    guard let ends = atEnds[input], let low = Self.midpoint(reference, in: ends.low),
                          let high = Self.midpoint(reference, in: ends.high) else { continue }
                    measured.append((input, low, high, max(low, mid, high) - min(low, mid, high)))
                }
                let total = measured.reduce(0) { $0 + $1.width }
                drivers = measured.enumerated().sorted { a, b in
                    a.element.width != b.element.width ? a.element.width > b.element.width : a.offset < b.offset
                }.map { _, m in
                    RangeDriver(input: m.input, atLow: m.low, atHigh: m.high, width: m.width, share: total > 0 ? m.width / total : 0)
                }
            }
            result[reference] = RangeDrivers(
                reference: reference, spread: spread, drivers: drivers,
                unsharedRanges: spread == .range ? [] : ranged,
                bounds: inputs.filter { $0.kind == .bound }, singles: inputs.filter { $0.kind == .single },
                atMidpoints: middle)
        }
        return result
    }

    /// `inputs` in groups such that no list in `sharedBy` holds two inputs of one group
    /// (greedy colouring of the graph "both feed one figure", in the inputs' order).
    static func independentGroups(_ inputs: [RangeInput], sharedBy figures: [[RangeInput]]) -> [[RangeInput]] {
        var neighbours: [RangeInput: Set<RangeInput>] = [:]
        for leaves in figures {
            let ranged = leaves.filter { $0.kind == .range }
            for a in ranged { neighbours[a, default: []].formUnion(ranged.filter { $0 != a }) }
        }
        var groups: [[RangeInput]] = [], groupOf: [RangeInput: Int] = [:]
        for input in inputs {
            let taken = Set((neighbours[input] ?? []).compactMap { groupOf[$0] })
            let group = (0..<groups.count).first { !taken.contains($0) } ?? groups.count
            if group == groups.count { groups.append([]) }
            groups[group].append(input)
            groupOf[input] = group
        }
        return groups
    }

    func spread(of reference: String) -> RangeDrivers.Spread {
        guard let q = figures[reference]?.value.quantity else { return .single }
        if q.qualifier.isBound { return .bound }
        return q.low < q.high ? .range : .single
    }

    /// The inputs at the bottom of a figure's provenance, each once, in the order the
    /// derivations name them (depth first): fields as written, and ranges written in
    /// the formulas of the named figures on the way.
    func leafInputs(of reference: String) -> [RangeInput] {
        var found: [RangeInput] = [], visited: Set<String> = []
        func visit(_ reference: String) {
            guard visited.insert(reference).inserted, let figure = figures[reference] else { return }
            guard figure.isDerived else {
                if let q = figure.value.quantity { found.append(RangeInput(reference: reference, value: q)) }
                return
            }
            for literal in rangedLiterals(of: reference) where !found.contains(literal) { found.append(literal) }
            for input in figure.inputs { visit(input) }
        }
        visit(reference)
        return found
    }

    /// The ranges written inside a named figure's formula (`'$10–11'`): inputs without a reference.
    func rangedLiterals(of reference: String) -> [RangeInput] {
        let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == "figures", let text = record("figures", parts[1])?.text("expr"),
              let expression = try? Expression.parse(text) else { return [] }
        var found: [RangeInput] = []
        func walk(_ e: Expression) {
            switch e {
            case .literal(let q, let written, let offset):
                if q.low < q.high, !q.qualifier.isBound {
                    found.append(RangeInput(reference: reference, literal: written, value: q, offset: offset))
                }
            case .binary(_, let a, let b, _): walk(a); walk(b)
            case .negate(let inner, _): walk(inner)
            case .call(_, let arguments, _): arguments.forEach(walk)
            case .number, .reference, .selection: break
            }
        }
        walk(expression)
        return found
    }

    /// `value` moved to the single number `x`, keeping its unit, display and qualifier.
    func point(_ value: Quantity, _ x: Double) -> Quantity {
        Quantity(low: x, high: x, dimension: value.dimension, qualifier: value.qualifier, hint: value.hint, noun: value.noun)
    }

    /// Every figure computed again from the fields as written, with `settings` in place of
    /// their inputs' values.
    func recomputed(_ settings: [RangeInput: Quantity]) -> [String: Figure] {
        var builder = ModelBuilder(collections: collections.keys.sorted().map { collections[$0]! })
        builder.figures = figures.filter { !$0.value.isDerived }
        for (input, value) in settings {
            if let offset = input.offset {
                builder.literalOverrides[RangeInput.literalKey(input.reference, offset: offset)] = value
            } else if let figure = builder.figures[input.reference] {
                builder.figures[input.reference] = figure.with(value: .quantity(value))
            }
        }
        builder.deriveFigures()
        return builder.figures
    }

    static func midpoint(_ reference: String, in figures: [String: Figure]) -> Double? {
        guard let q = figures[reference]?.value.quantity, q.isFinite else { return nil }
        return (q.low + q.high) / 2
    }
}

extension Figure {
    /// The same figure with another value (its provenance unchanged).
    func with(value: FigureValue) -> Figure {
        Figure(reference: reference, label: label, value: value, formula: formula, expression: expression,
               inputs: inputs, sources: sources, location: location, modality: modality)
    }
}
