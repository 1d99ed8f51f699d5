@preconcurrency import CYaml
import Diagnostics

/// Builds located `YAMLNode`s from libyaml's parse events (libyaml is the parser inside
/// Yams; Yams' own `compose` is not used, see below), resolving plain scalars with the
/// YAML 1.2 core schema (`YAMLCoreSchema`).
///
/// Yams' `compose` hands back aliases already replaced by their anchor's node and marked
/// where the anchor was, hashes whole keys to find duplicates (an alias to a large node as
/// a key costs as much as the node expanded), and recurses once per level of nesting.
/// Composing here lets capex refuse, at the alias's own line and column:
/// - an alias that would take the file past `aliasBudget` nodes reached through aliases
///   ("billion laughs": nine levels of nine aliases is 387 million nodes from 500 bytes);
/// - nesting deeper than `maxDepth` (libyaml's own limit is 1,000 levels; ours is lower so
///   that every later walk over the nodes stays shallow);
/// - a mapping key that is not a scalar (capex's keys are field names).
struct YAMLComposer {
    /// Nodes one file may reach through aliases, counting each node of an aliased list or
    /// mapping: far more than any story's data needs (an alias to a source id is one node).
    static let aliasBudget = 10_000
    /// Bytes of scalar text one file may reach through aliases: a long text aliased a few
    /// thousand times stays within `aliasBudget` nodes but stands for gigabytes once
    /// exported (a 200 KB text aliased 5,000 times is 1 GB).
    static let aliasTextBudget = 1_000_000
    /// Levels of lists and mappings inside each other (capex's own files need about five).
    static let maxDepth = 100

    static let tooDeep = "YAML nested more than \(maxDepth) levels deep: capex refuses it rather than risk running out of stack"

    package let file: String
    /// Added to libyaml's 0-based line: front matter starts on line 2 of its page.
    let lineOffset: Int

    private struct Anchored {
        var node: YAMLNode
        /// Nodes in `node`, itself included.
        var size: Int
        /// Bytes of scalar text in `node`.
        var bytes: Int
    }

    private struct Open {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        var items: [YAMLNode] = []
        var entries: [YAMLNode.Entry] = []
        var pendingKey: YAMLNode?
        var size = 1
        var bytes = 0
        var keys: [String: SourceLocation] = [:]
    }

    /// The one document `parser` reads, nil if the text has none; a second document is an error.
    func compose(_ parser: inout yaml_parser_t, text: String) throws(Diagnostic) -> YAMLNode? {
        var anchors: [String: Anchored] = [:]
        var stack: [Open] = []
        var root: YAMLNode?
        var documents = 0
        var aliased = 0, aliasedBytes = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw YAMLLoader.diagnostic(for: parser, text: text, file: file, lineOffset: lineOffset)
            }
            defer { yaml_event_delete(&event) }
            let location = self.location(event.start_mark)
            var finished: (node: YAMLNode, size: Int, bytes: Int, anchor: String?)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw .error(at: location, "invalid YAML: a second document ('---') in one file; capex reads one")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                let value = YAMLCoreSchema.resolve(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, tag: Self.string(scalar.tag))
                if scalar.style == YAML_PLAIN_SCALAR_STYLE, text == "<<", let open = stack.last, open.isMapping, open.pendingKey == nil {
                    throw .error(at: location, "'<<' merge keys are YAML 1.1, which capex does not read (YAML 1.2 has none): write the fields out, or quote '<<' to use it as a name")
                }
                finished = (YAMLNode(.scalar(value, text: text), at: location), 1, scalar.length, Self.string(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < Self.maxDepth else {
                    throw .error(at: location, Self.tooDeep)
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? Self.string(event.data.mapping_start.anchor) : Self.string(event.data.sequence_start.anchor)
                stack.append(Open(isMapping: isMapping, location: location, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let open = stack.removeLast()
                let kind: YAMLNode.Kind = open.isMapping ? .mapping(open.entries) : .sequence(open.items)
                finished = (YAMLNode(kind, at: open.location), open.size, open.bytes, open.anchor)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw .error(at: location, "invalid YAML: alias '*\(name)' names no anchor ('&\(name)') written before it")
                }
                aliased += target.size
                if aliased > Self.aliasBudget {
                    throw .error(at: location, "alias '*\(name)' takes this file past \(Self.aliasBudget) values reached through aliases; "
                        + "capex refuses to expand it (aliases inside aliases multiply: a few hundred bytes can stand for billions of values)")
                }
                aliasedBytes += target.bytes
                if aliasedBytes > Self.aliasTextBudget {
                    throw .error(at: location, "alias '*\(name)' takes this file past \(Self.aliasTextBudget) bytes of text reached through aliases; "
                        + "capex refuses to expand it (a long text repeated by aliases can stand for gigabytes)")
                }
                finished = (target.node, target.size, target.bytes, nil)
            default:
                break
            }
            guard let (node, size, bytes, anchor) = finished else { continue }
            if let anchor { anchors[anchor] = Anchored(node: node, size: size, bytes: bytes) }
            guard !stack.isEmpty else {
                root = node
                continue
            }
            stack[stack.count - 1].size += size
            stack[stack.count - 1].bytes += bytes
            // An alias is reported where it is written, not where its anchor is.
            try add(node, at: event.type == YAML_ALIAS_EVENT ? location : node.location, to: &stack[stack.count - 1])
        }
    }

    private func add(_ node: YAMLNode, at written: SourceLocation, to open: inout Open) throws(Diagnostic) {
        guard open.isMapping else {
            open.items.append(node)
            return
        }
        guard let key = open.pendingKey else {
            guard node.scalar != nil, let text = node.text else {
                throw .error(at: written, "a key must be a name, not \(node.kindDescription)")
            }
            if let first = open.keys[text] {
                throw .error(at: written, "invalid YAML: key '\(text)' is already in this mapping (line \(first.line))")
            }
            open.keys[text] = node.location
            open.pendingKey = node
            return
        }
        open.entries.append(YAMLNode.Entry(key: key.text ?? "", keyLocation: key.location, value: node))
        open.pendingKey = nil
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1 + lineOffset, column: mark.column + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
