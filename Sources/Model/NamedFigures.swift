import Diagnostics
import Quantities

/// `figures` records: named expressions over references, evaluated in dependency order.
extension ModelBuilder {
    mutating func evaluateNamedFigures() {
        var visiting = Set<String>()
        for record in ordered("assumptions") where record["expr"] != nil {
            evaluateFormula("assumptions", record.id, visiting: &visiting)
        }
        for record in ordered("figures") {
            evaluateFormula("figures", record.id, visiting: &visiting)
        }
    }

    /// Evaluates `figures.<id>`, or `assumptions.<id>.value` from an assumption's `expr`,
    /// once; a formula that uses another evaluates that one first. An assumption with a
    /// `value` instead is a field as written: true when it is there.
    @discardableResult
    mutating func evaluateFormula(_ collection: String, _ id: String, visiting: inout Set<String>) -> Bool {
        let isAssumption = collection == "assumptions"
        let reference = isAssumption ? "assumptions.\(id).value" : "figures.\(id)"
        if figures[reference] != nil { return true }
        guard let record = records[collection]?[id] else { return false }
        if isAssumption && record["expr"] == nil { return false }
        let noun = isAssumption ? "assumption" : "figure"
        guard let exprNode = record["expr"], let text = exprNode.text else {
            diagnostics.append(.error(at: record.location, "figure '\(id)' has no 'expr'"))
            return false
        }
        guard visiting.insert(reference).inserted else {
            diagnostics.append(.error(at: exprNode.location, "\(noun) '\(id)' depends on itself"))
            return false
        }
        defer { visiting.remove(reference) }
        func at(_ offset: Int) -> SourceLocation {
            var location = exprNode.location
            location.column += offset
            return location
        }
        let expression: Expression
        do {
            expression = try Expression.parse(text)
        } catch {
            diagnostics.append(.error(at: at(error.offset), "\(noun) '\(id)': \(error.message)"))
            return false
        }
        var inputs: [String] = []
        let outer = unverifiableInput, outerFigure = namedFigureBeingEvaluated
        unverifiableInput = nil
        namedFigureBeingEvaluated = reference
        defer { unverifiableInput = outer; namedFigureBeingEvaluated = outerFigure }
        let evaluated = evaluate(expression, inputs: &inputs, visiting: &visiting, at: at)
        // A figure built on one that cannot be computed cannot be computed either: it says so
        // rather than failing the build.
        let value: FigureValue
        if let evaluated, unverifiableInput == nil {
            value = .quantity(evaluated)
        } else if let reason = unverifiableInput {
            value = .unverifiable(reason: reason.text(in: .english))
        } else {
            return false
        }
        var sources = Set<String>(record.sourceIDs)
        for input in inputs { sources.formUnion(figures[input]?.sources ?? []) }
        let label = record.text("label") ?? (isAssumption ? ClaimWording.english("assumption_figure_label", ["id": id]) : id)
        var figure = Figure(
            reference: reference, label: label, value: value,
            formula: isAssumption ? "the assumption's formula" : record.text("label") ?? "named figure", expression: expression.symbols,
            inputs: inputs, sources: sources.sorted(), location: exprNode.location,
            modality: Modality.derived(from: inputs.map { figures[$0]?.modality }), assumptions: isAssumption ? [id] : []
        )
        figure.labelTranslations = record.translations["label"] ?? [:]
        if record.text("label") == nil, isAssumption { figure.labelText = ClaimText("assumption_figure_label", ["id": .text(id)]) }
        if isAssumption {
            figure.formulaText = ClaimText("named_formula_assumption")
        } else if record.text("label") == nil {
            figure.formulaText = ClaimText("named_formula")
        }
        figure.reasonText = unverifiableInput
        figures[reference] = figure
        return true
    }

    private mutating func evaluate(_ expression: Expression, inputs: inout [String], visiting: inout Set<String>,
                                   at: (Int) -> SourceLocation) -> Quantity? {
        switch expression {
        case .number(let n, _):
            return Quantity(n)
        case .literal(let q, _, let offset):
            // The sensitivity analysis moves a range written in a formula as it moves a field.
            return namedFigureBeingEvaluated.flatMap { literalOverrides[RangeInput.literalKey($0, offset: offset)] } ?? q
        case .reference(let reference, let offset):
            return value(of: reference, offset: offset, inputs: &inputs, visiting: &visiting, at: at)
        case .selection(let collection, _, _, let offset):
            guard let references = select(expression, at: at(offset)) else { return nil }
            guard references.count == 1 else {
                diagnostics.append(.error(at: at(offset), "\(collection)[…] matches \(references.count) records here: wrap it in sum(), min(), max() or count()"))
                return nil
            }
            return value(of: references[0], offset: offset, inputs: &inputs, visiting: &visiting, at: at)
        case .negate(let inner, _):
            guard let q = evaluate(inner, inputs: &inputs, visiting: &visiting, at: at) else { return nil }
            return Quantity(-1) * q
        case .binary(let op, let a, let b, let offset):
            guard let left = evaluate(a, inputs: &inputs, visiting: &visiting, at: at),
                  let right = evaluate(b, inputs: &inputs, visiting: &visiting, at: at) else { return nil }
            // `+` and `−` keep deals of different standings apart, as sum() does (see `DealStanding`).
            if op == "+" || op == "-" {
                let (l, r) = (dealReferences(in: a), dealReferences(in: b))
                if !l.isEmpty, !r.isEmpty, let mixed = Self.mixedStandings(l + r, records["deals"] ?? [:]) {
                    diagnostics.append(.error(at: at(offset), "'\(op == "+" ? "+" : "−")' would \(op == "+" ? "add" : "subtract") deals of different standings (\(mixed)); "
                        + "totals never add money paid or signed, pledged and in talks: use deals of one standing"))
                    return nil
                }
            }
            do {
                let result: Quantity
                switch op {
                case "+": result = try left + right
                case "-": result = try left - right
                case "*": result = left * right
                default: result = try left / right
                }
                guard result.isFinite else {
                    diagnostics.append(.error(at: at(offset), "the result of '\(op == "*" ? "×" : op == "/" ? "÷" : String(op))' is too large to represent"))
                    return nil
                }
                return result
            } catch {
                diagnostics.append(.error(at: at(offset), error.message))
                return nil
            }
        case .call(let name, let arguments, let offset):
            var values: [Quantity] = []
            for argument in arguments {
                if case .selection(let collection, _, _, let o) = argument {
                    guard let references = select(argument, at: at(o)) else { return nil }
                    if name == "sum", collection == "deals", let mixed = Self.mixedStandings(references, records["deals"] ?? [:]) {
                        diagnostics.append(.error(at: at(o), "sum() would add deals of different standings (\(mixed)); "
                            + "totals never add money paid or signed, pledged and in talks: select one, as in deals[to=openai,status=signed]"))
                        return nil
                    }
                    for reference in references {
                        guard let q = value(of: reference, offset: o, inputs: &inputs, visiting: &visiting, at: at) else { return nil }
                        values.append(q)
                    }
                } else {
                    guard let q = evaluate(argument, inputs: &inputs, visiting: &visiting, at: at) else { return nil }
                    values.append(q)
                }
            }
            if name == "count" { return Quantity(Double(values.count)) }
            guard let first = values.first else {
                diagnostics.append(.error(at: at(offset), "\(name)() has nothing to work on: no record matches"))
                return nil
            }
            do {
                let result = try Self.combine(name, first, values.dropFirst())
                guard result.isFinite else {
                    diagnostics.append(.error(at: at(offset), "\(name)(): the result is too large to represent"))
                    return nil
                }
                return result
            } catch {
                diagnostics.append(.error(at: at(offset), "\(name)(): \(error.message)"))
                return nil
            }
        }
    }

    /// "paid or signed: a; in talks: b" when the deals behind `references` differ in
    /// standing (see `DealStanding`); nil when they share one.
    static func mixedStandings(_ references: [String], _ deals: [String: Record]) -> String? {
        var byStanding: [DealStanding: [String]] = [:]
        for reference in references {
            let id = reference.split(separator: ".").dropFirst().first.map(String.init) ?? ""
            byStanding[DealStanding(status: deals[id]?.text("status")), default: []].append(id)
        }
        guard byStanding.count > 1 else { return nil }
        return byStanding.keys.sorted().map { "\($0.words): " + byStanding[$0]!.joined(separator: ", ") }.joined(separator: "; ")
    }

    private static func combine(_ name: String, _ first: Quantity, _ rest: ArraySlice<Quantity>) throws(QuantityError) -> Quantity {
        if name == "sum" { return try Quantity.sum([first] + rest)! }
        var result = first
        for q in rest {
            switch name {
            default:
                let comparison = try q.compare(to: result)
                let keepNew = name == "min" ? comparison == .less : comparison == .greater
                if keepNew { result = q } else if comparison == .unknown {
                    // Overlapping ranges: the result spans the candidates' ends.
                    let low = name == "min" ? min(result.low, q.low) : max(result.low, q.low)
                    let high = name == "min" ? min(result.high, q.high) : max(result.high, q.high)
                    result = Quantity(low: min(low, high), high: max(low, high), dimension: result.dimension,
                                      qualifier: .approximate, hint: result.hint, noun: result.noun)
                }
            }
        }
        return result
    }

    private mutating func value(of reference: String, offset: Int, inputs: inout [String], visiting: inout Set<String>,
                                at: (Int) -> SourceLocation) -> Quantity? {
        if let id = Assumption.id(inValueReference: reference), figures[reference] == nil, records["assumptions"]?[id]?["expr"] != nil {
            guard evaluateFormula("assumptions", id, visiting: &visiting) else { return nil }
        }
        if reference.hasPrefix("figures."), figures[reference] == nil {
            let id = String(reference.dropFirst("figures.".count))
            guard evaluateFormula("figures", id, visiting: &visiting) else {
                if records["figures"]?[id] == nil && !isExplainedByEarlierError(reference) {
                    diagnostics.append(.error(at: at(offset), unknownReference(reference)))
                }
                return nil
            }
        }
        guard let figure = figures[reference] else {
            if !isExplainedByEarlierError(reference) { diagnostics.append(.error(at: at(offset), unknownReference(reference))) }
            return nil
        }
        if let reason = figure.value.unverifiableReason {
            if !inputs.contains(reference) { inputs.append(reference) }
            unverifiableInput = unverifiableInput ?? ClaimText("named_reason_input", ["reference": .text(reference),
                                                                                     "reason": .parts(figure.reasonText ?? ClaimText("derived_text", ["text": .text(reason)]))])
            return nil
        }
        guard let q = figure.value.quantity else {
            diagnostics.append(.error(at: at(offset), "\(reference) is text ('\(figure.value.formatted(.en))'), not a quantity"))
            return nil
        }
        if !inputs.contains(reference) { inputs.append(reference) }
        return q
    }

    /// The deal figures (`deals.<id>.<field>`) an expression rests on, through the figures it
    /// uses (named figures, and derived ones such as `companies.openai.received_signed`, whose
    /// inputs are deals): what decides whether `+` or `−` would mix standings.
    private mutating func dealReferences(in expression: Expression) -> [String] {
        switch expression {
        case .number, .literal: return []
        case .reference(let reference, _):
            var found: [String] = [], seen: Set<String> = [], pending = [reference]
            while let next = pending.popLast() {
                guard seen.insert(next).inserted else { continue }
                if next.hasPrefix("deals.") { found.append(next) } else { pending += figures[next]?.inputs ?? [] }
            }
            return found
        case .selection(let collection, _, _, let offset):
            return collection == "deals" ? (select(expression, at: SourceLocation(file: "", line: 0, column: offset)) ?? []) : []
        case .binary(_, let a, let b, _): return dealReferences(in: a) + dealReferences(in: b)
        case .negate(let inner, _): return dealReferences(in: inner)
        case .call(_, let arguments, _): return arguments.flatMap { dealReferences(in: $0) }
        }
    }

    /// The references a selection names, in file order; nil (with an error) for an unknown collection or field.
    private mutating func select(_ expression: Expression, at location: SourceLocation) -> [String]? {
        guard case .selection(let collection, let filters, let field, _) = expression else { return nil }
        guard records[collection] != nil else {
            if refusedCollections.contains(collection) { return nil }
            diagnostics.append(.error(at: location, "unknown collection '\(collection)'\(NearMiss.hint(for: collection, among: records.keys))"))
            return nil
        }
        let matching = ordered(collection).filter { record in
            filters.allSatisfy { record.text($0.0) == $0.1 }
        }
        return matching.map { "\(collection).\($0.id).\(field)" }.filter { figures[$0] != nil }
    }

    func unknownReference(_ reference: String) -> String {
        StoryModel(collections: Dictionary(uniqueKeysWithValues: collections.map { ($0.name, $0) }), figures: figures, claims: [])
            .unknownReferenceMessage(reference)
    }
}
