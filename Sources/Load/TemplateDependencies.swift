/// The inputs a template uses, named by the keys of `Fingerprints` (in Incremental):
/// worked out when the templates load, so that each build reads them once.
extension TemplateSet {
    /// The keys a template uses, read from its text: its own, its partials' (transitively),
    /// and what it reaches in the shared context. Templates are logic-less, so this is all
    /// they can see.
    package func dependencies(of name: String) -> Set<String> {
        dependencyMap[name] ?? scanDependencies(of: name)
    }

    func scanDependencies(of name: String) -> Set<String> {
        var keys = Set<String>()
        var pending = [name]
        var visited = Set<String>()
        while let current = pending.popLast() {
            guard visited.insert(current).inserted, let text = texts[current] else { continue }
            keys.insert("template:" + current)
            if text.contains("i18n.") { keys.insert("words") }
            if text.contains("site.pages") || text.contains("site.page_count") || text.contains("page.pages") { keys.insert("pagelist") }
            if text.contains("site.nav") || text.contains("site.has_nav") { keys.insert("nav") }
            if text.contains("assets.") { keys.insert("assets") }
            if text.contains("figures.") { keys.insert("figures") }
            for name in Self.names(after: "data.", in: text) { keys.insert("data:" + name) }
            pending += Self.partials(in: text)
        }
        return keys
    }

    /// `{{> partials/head}}` → `partials/head`.
    package static func partials(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            names.append(rest[..<close.lowerBound].trimmingCharacters(in: " \t").description)
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// The identifiers following `prefix`: `data.firms` → `firms`.
    package static func names(after prefix: String, in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let found = rest.range(of: prefix) {
            rest = rest[found.upperBound...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            if !name.isEmpty { names.insert(String(name.hasSuffix("_count") ? name.dropLast(6) : name)) }
        }
        return names
    }
}
