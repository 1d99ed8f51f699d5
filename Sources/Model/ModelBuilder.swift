import Diagnostics
import Quantities

/// Builds a `StoryModel` in stages: fields as written, links checked, derivations,
/// named figures, claims. Each stage adds figures the next may use.
struct ModelBuilder {
    let collections: [RecordCollection]
    var records: [String: [String: Record]] = [:]
    var figures: [String: Figure] = [:]
    var claims: [ClaimCheck] = []
    var diagnostics: [Diagnostic] = []
    /// While a named figure is evaluated: why an input it uses cannot be computed, if one cannot.
    var unverifiableInput: ClaimText?
    /// Data files refused with an error before the model saw them.
    var refusedCollections: Set<String> = []
    /// Fields whose value was refused with an error (`deals.x.amount`).
    var refusedFields: Set<String> = []
    /// The chip a deal that names none is counted in (`default-chip`), once resolved.
    var defaultChip: String?
    /// The named figure whose formula is being evaluated (`figures.x`), and values that
    /// replace ranges written in formulas, by `RangeInput.literalKey`: see `RangeDrivers`.
    var namedFigureBeingEvaluated: String?
    var literalOverrides: [String: Quantity] = [:]
    /// Every language the data's text is translated into (`DataText`), sorted.
    var dataLanguages: [String] = []

    init(collections: [RecordCollection]) {
        self.collections = collections
        for collection in collections {
            var byID: [String: Record] = [:]
            for record in collection.records where byID[record.id] == nil { byID[record.id] = record }
            records[collection.name] = byID
        }
        var languages = Set<String>()
        for collection in collections {
            for record in collection.records {
                for texts in record.translations.values { languages.formUnion(texts.keys) }
            }
        }
        dataLanguages = languages.sorted()
    }

    mutating func run() {
        for collection in collections {
            for record in collection.records { addFieldsAsWritten(record) }
        }
        checkLinks()
        checkModalities()
        checkDatePrecisions()
        deriveFigures()
        checkClaims()
    }

    /// Every derived figure from the fields as written, in dependency order: what the
    /// sensitivity analysis (`RangeDrivers`) runs again with an input moved.
    mutating func deriveFigures() {
        deriveClusters()
        resolveAssumedValues()
        derivePurchases()
        deriveFleets()
        deriveDeals()
        deriveStakes()
        deriveFinancials()
        deriveGrowthFromPriorYear()
        deriveAudiences()
        deriveTraining()
        deriveCompanies()
        evaluateNamedFigures()
    }

    func ordered(_ collection: String) -> [Record] {
        collections.first { $0.name == collection }?.records ?? []
    }

    // MARK: - Fields as written

    private mutating func addFieldsAsWritten(_ record: Record) {
        guard let entries = record.node.entries else { return }
        let structure = Schema.structure[record.collection] ?? []
        for entry in entries {
            // Every date is a real calendar date or an error at it (`date: 2023-02-29` is not published).
            if case .date = Schema.field(entry.key, in: record.collection), let text = entry.value.text, entry.value.scalar != .null {
                // A field that is a date by its name only (`year: 2017`, `since: 1974`) may give a
                // year or a month; a date the schema declares is a full date.
                let declared = Schema.collections[record.collection]?[entry.key] != nil
                if !declared && CalendarDate.isYearOrMonth(text) { continue }
                if let problem = CalendarDate.problem(with: text, field: entry.key, at: entry.value.location, written: entry.value.kindDescription) {
                    diagnostics.append(problem)
                }
            } else {
                diagnostics += CalendarDate.problems(in: entry.value, field: entry.key)
            }
            if !Schema.bookkeeping.contains(entry.key) && !structure.contains(entry.key) {
                addField(record, name: entry.key, node: entry.value)
            }
        }
    }

    private mutating func addField(_ record: Record, name: String, node: YAMLNode) {
        if let problem = Schema.shapeProblem(node, field: name, in: record.collection) {
            diagnostics.append(problem)
            refusedFields.insert("\(record.collection).\(record.id).\(name)")
            return
        }
        if let entries = node.entries {
            for entry in entries { addField(record, name: name + "." + entry.key, node: entry.value) }
            return
        }
        let value: FigureValue
        switch Schema.field(name, in: record.collection) {
        case .quantity(let expected):
            guard let quantity = parseQuantity(node, field: name, expected: expected) else {
                refusedFields.insert("\(record.collection).\(record.id).\(name)")
                return
            }
            value = .quantity(quantity)
        case .text, .date, .link:
            guard let text = node.text ?? listText(node, field: name),
                  node.scalar != .null else { return }
            value = .text(text)
        case nil:
            guard let guessed = guessValue(node, field: name) else { return }
            value = guessed
        }
        let reference = "\(record.collection).\(record.id).\(name)"
        let labelText = ClaimText("figure_field_label", ["name": readerNameText(record), "field": .fieldWords(name)])
        var figure = Figure(
            reference: reference, label: labelText.text(in: .english),
            value: value, sources: record.sourceIDs.sorted(), location: node.location,
            modality: record.modality(of: name)
        )
        figure.labelText = labelText
        if case .text = value { figure.textTranslations = record.translations[name] ?? [:] }
        figure.labelTranslations = translatedLabels(reference, figure.label)
        figures[reference] = figure
    }

    /// Parses a schema quantity field, reporting a bad one at the column where it goes wrong.
    private mutating func parseQuantity(_ node: YAMLNode, field: String, expected: Schema.Expected) -> Quantity? {
        let quantity: Quantity
        switch node.scalar {
        case .int, .double:
            guard let number = checkedNumber(node, field: field) else { return nil }
            quantity = number
        case .string(let text):
            do {
                quantity = try Quantity.parse(text)
            } catch {
                var at = node.location
                at.column += error.offset
                diagnostics.append(.error(at: at, "'\(field)': \(error.message)"))
                return nil
            }
        case .null: return nil
        case .bool, nil:
            diagnostics.append(.error(at: node.location, "'\(field)' must be \(Schema.describe(expected)), not \(node.kindDescription)"))
            return nil
        }
        guard let coerced = Schema.coerce(quantity, to: expected) else {
            diagnostics.append(.error(
                at: node.location,
                "'\(field)' must be \(Schema.describe(expected)), not \(quantity.dimension.description) ('\(node.text ?? "")')"
            ))
            return nil
        }
        return coerced
    }

    /// A YAML int or float as a quantity; NaN, infinity and numbers past
    /// `Quantity.largestWritten` are errors at the value.
    private mutating func checkedNumber(_ node: YAMLNode, field: String) -> Quantity? {
        let value: Double
        switch node.scalar {
        case .int(let i): value = Double(i)
        case .double(let d): value = d
        default: return nil
        }
        do {
            return try Quantity.checkedNumber(value)
        } catch {
            diagnostics.append(.error(at: node.location, "'\(field)': \(error.message)"))
            return nil
        }
    }

    /// A field the schema does not know: a number, a quantity if it reads as one, else text.
    private mutating func guessValue(_ node: YAMLNode, field: String) -> FigureValue? {
        switch node.scalar {
        case .int, .double: return checkedNumber(node, field: field).map { .quantity($0) }
        case .string(let text):
            guard let first = text.unicodeScalars.first,
                  "0123456789$~<>≥≤≈-−".unicodeScalars.contains(first) || text.hasPrefix("up to ") else { return .text(text) }
            do {
                return .quantity(try Quantity.parse(text))
            } catch where error.message.hasPrefix("number too") {
                // Out of range is never prose: `$9300000T` kept as text would hide the typo.
                var at = node.location
                at.column += error.offset
                diagnostics.append(.error(at: at, "'\(field)': \(error.message)"))
                return nil
            } catch {
                return .text(text)
            }
        case .bool(let b): return .text(b ? "true" : "false")
        case .null: return nil
        case nil: return listText(node, field: field).map { .text($0) }
        }
    }

    /// A list field as one text, `a, b`: a null item (`~`) is nothing, not the text `~`,
    /// and an item that is a list or a mapping, which a figure cannot hold, is a warning at
    /// the item rather than dropped without a word (templates still see it under `data`).
    private mutating func listText(_ node: YAMLNode, field: String) -> String? {
        guard let elements = node.elements else { return nil }
        var texts: [String] = []
        for element in elements where element.scalar != .null {
            if let text = element.text {
                texts.append(text)
            } else {
                diagnostics.append(.warning(at: element.location, "'\(field)': an item that is \(element.kindDescription) is left out of the figures and of CSV/JSON, which hold a list as text items; only templates see it"))
            }
        }
        return texts.joined(separator: ", ")
    }

    // MARK: - Links and sources

    private mutating func checkLinks() {
        let sourceIDs = Set(records["sources"]?.keys.map { $0 } ?? [])
        for collection in collections where Schema.collections[collection.name] != nil {
            for record in collection.records {
                for entry in record.node.entries ?? [] {
                    guard case .link(let target)? = Schema.field(entry.key, in: collection.name),
                          let id = entry.value.text, entry.value.scalar != .null else { continue }
                    let known = records[target]?.keys.map { $0 } ?? []
                    if !known.contains(id) && !isRefused(collection: target, id: id) {
                        let what = target == "companies" ? "company" : String(target.dropLast())
                        diagnostics.append(.error(at: entry.value.location, "unknown \(what) '\(id)'\(NearMiss.hint(for: id, among: known))"))
                    }
                }
                if let source = record["source"] {
                    for node in source.elements ?? [source] {
                        guard let id = node.text, !sourceIDs.contains(id), !isRefused(collection: "sources", id: id) else { continue }
                        diagnostics.append(.error(at: node.location, "unknown source '\(id)'\(NearMiss.hint(for: id, among: sourceIDs))"))
                    }
                } else if Schema.factCollections.contains(collection.name) {
                    diagnostics.append(.warning(at: record.location, "\(collection.name) record '\(record.id)' states facts but names no source"))
                }
            }
        }
    }

    // MARK: - One fault, one error

    /// Whether a record was refused with its own error (its file, or its id): a link to it
    /// would only repeat that error.
    func isRefused(collection: String, id: String) -> Bool {
        refusedCollections.contains(collection) || collections.contains { $0.name == collection && $0.refusedIDs.contains(id) }
    }

    /// Whether a missing figure is already explained by an error reported for what it
    /// comes from: its data file, its record, its field, or (for a derived figure) any
    /// error in the data, since a derivation may rest on any record.
    func isExplainedByEarlierError(_ reference: String) -> Bool {
        let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
        guard let collection = parts.first else { return false }
        if refusedCollections.contains(collection) { return true }
        guard parts.count >= 2 else { return false }
        if isRefused(collection: collection, id: parts[1]) { return true }
        guard parts.count == 3 else { return false }
        if refusedFields.contains(reference) { return true }
        let derived = Schema.derivedFields[collection]?.contains(parts[2]) == true
            || (collection == "financials" && parts[2].hasPrefix("prior_"))
        return derived && diagnostics.contains { $0.severity == .error }
    }

    // MARK: - Helpers for derivations

    func quantity(_ reference: String) -> Quantity? { figures[reference]?.value.quantity }

    /// Records a derived figure whose sources are those of its inputs.
    /// `assumptions` names the choices (`BuiltInAssumption`) the derivation makes itself.
    mutating func derive(_ reference: String, label labelText: ClaimText, value: Quantity, formula formulaText: ClaimText,
                         expression: String, inputs: [String], at location: SourceLocation, assumptions: [String] = []) {
        let label = labelText.text(in: .english), formula = formulaText.text(in: .english)
        guard value.isFinite else {
            // Inputs are bounded (`Quantity.largestWritten`), but a quotient by a number
            // near zero still overflows: an error at the record, never an infinite figure.
            diagnostics.append(.error(at: location, "cannot compute \(label): the result (\(expression)) is too large to represent"))
            return
        }
        var sources = Set<String>()
        for input in inputs { sources.formUnion(figures[input]?.sources ?? []) }
        var figure = Figure(
            reference: reference, label: label, value: .quantity(value), formula: formula,
            expression: expression, inputs: inputs, sources: sources.sorted(), location: location,
            modality: Modality.derived(from: inputs.map { figures[$0]?.modality }), assumptions: assumptions
        )
        figure.labelTranslations = translatedLabels(reference, label)
        figure.labelText = labelText
        figure.formulaText = formulaText
        figures[reference] = figure
    }

    /// Records a derived figure the data cannot support, with the reason; its sources are
    /// those of the inputs it would have used.
    mutating func deriveUnverifiable(_ reference: String, label labelText: ClaimText, reason reasonText: ClaimText, formula formulaText: ClaimText,
                                     expression: String, inputs: [String], at location: SourceLocation, assumptions: [String] = []) {
        let label = labelText.text(in: .english), formula = formulaText.text(in: .english), reason = reasonText.text(in: .english)
        var sources = Set<String>()
        for input in inputs { sources.formUnion(figures[input]?.sources ?? []) }
        var figure = Figure(
            reference: reference, label: label, value: .unverifiable(reason: reason), formula: formula,
            expression: expression, inputs: inputs, sources: sources.sorted(), location: location, assumptions: assumptions
        )
        figure.labelTranslations = translatedLabels(reference, label)
        figure.labelText = labelText
        figure.formulaText = formulaText
        figure.reasonText = reasonText
        figures[reference] = figure
    }

    /// Runs arithmetic that may fail (a division by a range through zero, mismatched
    /// units), reporting the failure at `location`.
    mutating func compute(at location: SourceLocation, what: String, _ body: () throws(QuantityError) -> Quantity) -> Quantity? {
        do {
            let result = try body()
            guard result.isFinite else {
                diagnostics.append(.error(at: location, "cannot compute \(what): the result is too large to represent"))
                return nil
            }
            return result
        } catch {
            diagnostics.append(.error(at: location, "cannot compute \(what): \(error.message)"))
            return nil
        }
    }
}

extension String {
    /// `capex_growth` → `capex growth`: a field name as a reader sees it.
    public func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }

    /// A field name as a reader says it: `capex_growth` → "capex growth", `gpus` → "GPUs"
    /// (initialisms in capitals, plurals with a small s).
    public func fieldWords() -> String {
        let initialisms = fieldInitialisms
        return split(separator: "_").map { word -> String in
            let w = String(word)
            if initialisms.contains(w) { return w.uppercased() }
            if w.hasSuffix("s"), initialisms.contains(String(w.dropLast())) { return w.dropLast().uppercased() + "s" }
            return w
        }.joined(separator: " ")
    }
}

/// `fieldWords`' initialisms, made once (not once per call).
private let fieldInitialisms: Set<String> = ["gpu", "tpu", "cpu", "ai", "url", "id", "gw", "mw"]
