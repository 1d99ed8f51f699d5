import Diagnostics
import Model

/// One `content/data/*.yaml` file: a list of records, each a mapping with a unique `id`.
public struct DataCollection: Sendable {
    /// The file name without extension: `deals` for `content/data/deals.yaml`.
    public var name: String
    public var path: String
    public var records: [YAMLNode]
    /// The translations of the records' text (`DataTranslations`): record id → field →
    /// language → text. The records hold the default language's text.
    package var translations: [String: [String: [String: String]]] = [:]
    /// Prose fields lacking a translation into a site language, for `capex check`.
    package var untranslated: [DataTranslations.Untranslated] = []

    /// `content/data/deals.yaml` → `deals` (`deals.old.yaml` → `deals.old`, which
    /// `isValidName` refuses rather than read it as a second `deals`).
    package static func name(ofFile path: String) -> String {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where fileName.hasSuffix(suffix) { return String(fileName.dropLast(suffix.count)) }
        return fileName
    }

    package static func load(path: String, text: String) -> (DataCollection?, [Diagnostic]) {
        let name = name(ofFile: path)
        let root: YAMLNode?
        do {
            root = try YAMLLoader.parse(text, file: path)
        } catch {
            return (nil, [error])
        }
        guard let root else { return (DataCollection(name: name, path: path, records: []), []) }
        guard let elements = root.elements else {
            return (nil, [.error(at: root.location, "a data file must be a list of records (lines starting with '- '), not \(root.kindDescription)")])
        }
        var problems: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for record in elements {
            guard record.entries != nil else {
                problems.append(.error(at: record.location, "a record must be a mapping of fields, not \(record.kindDescription)"))
                continue
            }
            guard let idNode = record["id"], let id = idNode.text, idNode.scalar != .null else {
                problems.append(.error(at: record.location, "record has no 'id'"))
                continue
            }
            if let problem = idProblem(id) {
                problems.append(.error(at: idNode.location, problem))
            }
            if let first = seen[id] {
                problems.append(.error(at: idNode.location, "id '\(id)' is already used at line \(first.line)"))
            } else {
                seen[id] = idNode.location
            }
        }
        return (DataCollection(name: name, path: path, records: elements), problems)
    }

    /// The records as templates see them in `language` (`data.<collection>`): each
    /// translated text in it, the default language's where the data has no translation.
    package func records(in language: String) -> [YAMLNode] {
        guard !translations.isEmpty else { return records }
        return records.map { record in
            guard let id = record["id"]?.text, let fields = translations[id], var entries = record.entries else { return record }
            for index in entries.indices {
                guard let text = fields[entries[index].key]?[language] else { continue }
                entries[index].value = YAMLNode(.scalar(.string(text), text: text), at: entries[index].value.location)
            }
            var translated = record
            translated.kind = .mapping(entries)
            return translated
        }
    }

    /// The records the model reads: those with a usable id (the others were reported).
    package var recordCollection: RecordCollection {
        var seen = Set<String>()
        let records = self.records.compactMap { node -> Record? in
            guard node.entries != nil, let id = node["id"]?.text, Self.isValidID(id), seen.insert(id).inserted else { return nil }
            return Record(collection: name, id: id, location: node.location, node: node, translations: translations[id] ?? [:])
        }
        // Also the id as it would be once fixed (`Globex Cloud` → `globex-cloud`): a link
        // written the right way to a refused record would only repeat the id's error.
        let refused = Set(self.records.flatMap { node -> [String] in
            guard let id = node["id"]?.text, !Self.isValidID(id) else { return [] }
            let lower = id.lowercased()
            return [id, lower, String(lower.map { $0 == " " || $0 == "_" ? "-" : $0 })]
        })
        return RecordCollection(name: name, path: path, records: records, refusedIDs: refused)
    }

    /// A collection name a reference can spell: letters, digits, `-` and `_`, not starting with `-`.
    package static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("-") && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// The longest id, in UTF-8 bytes: capex names files after ids (`companies/<id>/`,
    /// `charts/company-<id>.svg`, `charts/<id>.png`), and a file or folder name holds at
    /// most 255 bytes on the file systems capex writes to (ext4, APFS, NTFS).
    package static let maxIDBytes = 200

    /// Why `id` cannot be a record's or a chart's id, or nil when it can (`what`: "id", "chart id").
    package static func idProblem(_ id: String, what: String = "id") -> String? {
        if id.utf8.count > maxIDBytes {
            return "\(what) is \(id.utf8.count) bytes long: capex names files after ids, and a file name holds at most 255 bytes; use at most \(maxIDBytes)"
        }
        return isValidID(id) ? nil : "\(what) '\(id)' must use lowercase letters, digits and hyphens"
    }

    package static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= maxIDBytes && !id.hasPrefix("-") && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
