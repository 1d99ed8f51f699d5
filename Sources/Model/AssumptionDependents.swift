/// Which figures rest on which assumptions, from the provenance: a figure rests on the
/// assumptions its own derivation makes (`Figure.assumptions`) and on every one its inputs
/// rest on, however far back.
extension StoryModel {
    /// The assumption with this id, if the model has one.
    public func assumption(_ id: String) -> Assumption? {
        assumptions.first { $0.id == id }
    }

    /// The assumptions `reference` rests on, in the order of `assumptions`.
    public func assumptions(restedOnBy reference: String) -> [Assumption] {
        (assumptionsByFigure[reference] ?? []).compactMap { assumption($0) }
    }

    /// The figures that rest on assumption `id`, sorted by reference; the assumption's own
    /// value (`assumptions.<id>.value`) is not among them.
    public func figures(restingOn id: String) -> [Figure] {
        let own = "assumptions.\(id).value"
        return allFigures.filter { $0.reference != own && assumptionsByFigure[$0.reference]?.contains(id) == true }
    }

    /// For every figure, the assumption ids it rests on (transitively through its inputs),
    /// ordered as `order` (ids not in it after, by name).
    static func restingOn(_ figures: [String: Figure], order: [String]) -> [String: [String]] {
        var memo: [String: Set<String>] = [:]
        var visiting: Set<String> = []
        func collect(_ reference: String) -> Set<String> {
            if let known = memo[reference] { return known }
            guard let figure = figures[reference], visiting.insert(reference).inserted else { return [] }
            defer { visiting.remove(reference) }
            var found = Set(figure.assumptions)
            for input in figure.inputs { found.formUnion(collect(input)) }
            memo[reference] = found
            return found
        }
        var result: [String: [String]] = [:]
        for reference in figures.keys {
            let ids = collect(reference)
            guard !ids.isEmpty else { continue }
            result[reference] = ids.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
        }
        return result
    }
}
