import Diagnostics

/// What a template can reach below a name: the union of every value the pipeline may
/// give it there (all pages' front matter, all records of a collection). A list is seen
/// through, as a Mustache section iterates it; an open shape accepts any name (a value
/// whose fields are not known in advance).
final class ContextShape {
    package private(set) var children: [String: ContextShape] = [:]
    private(set) var isOpen = false

    package init(open: Bool = false) { isOpen = open }

    package static var open: ContextShape { ContextShape(open: true) }

    /// The shape below `name`, made (empty) if new.
    @discardableResult
    func child(_ name: String) -> ContextShape {
        if let existing = children[name] { return existing }
        let made = ContextShape()
        children[name] = made
        return made
    }

    package func set(_ name: String, _ shape: ContextShape) {
        if let existing = children[name] { existing.merge(shape) } else { children[name] = shape }
    }

    package func has(_ name: String) -> Bool { isOpen || children[name] != nil }

    func lookup(_ name: String) -> ContextShape? {
        isOpen ? self : children[name]
    }

    package func merge(_ other: ContextShape) {
        if other.isOpen { isOpen = true }
        for (name, shape) in other.children { set(name, shape) }
    }

    /// Adds what a YAML value holds: a mapping's keys, a list's elements' keys.
    package func merge(_ node: YAMLNode) {
        switch node.kind {
        case .mapping(let entries):
            for entry in entries { child(entry.key).merge(entry.value) }
        case .sequence(let elements):
            for element in elements { merge(element) }
        case .scalar:
            break
        }
    }
}
