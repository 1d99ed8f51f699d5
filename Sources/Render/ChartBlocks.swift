import Charts
import struct Foundation.Data
import Diagnostics
import Load
import Model
import Quantities

/// A chart as the build writes it: inline HTML for the page, the SVG file, its CSV.
package struct ChartOutput: Sendable {
    package var id: String
    package var svg: String
    package var csv: String
    package var location: SourceLocation
    /// The chart's heading and the ids of the sources behind its values, for its embed page.
    package var title = ""
    package var sources: [String] = []
    /// The references the chart draws, for the corrections its embed page names.
    package var cited: Set<String> = []
    /// The chart drawn at 2× (`ChartRaster`), or nil when it was not drawn.
    package var png: Data?
}

/// Turns a ```` ```chart ```` block's YAML into a chart over the model's values: the
/// block names a collection and fields (or a list of references), the model supplies
/// quantities with their ranges and sources, the Charts module draws.
package struct ChartBlocks {
    /// `words`: the interface words of the page's language (legends, "Sources:", "The
    /// numbers"); the built-in words of `locale`'s language when nil.
    package init(model: StoryModel, basePath: String, locale: QuantityLocale, sourceNames: [String: String], words: Words? = nil) {
        self.model = model
        self.basePath = basePath
        self.locale = locale
        self.sourceNames = sourceNames
        self.words = words ?? .builtIn(locale.rawValue)
    }

    package let model: StoryModel
    package let basePath: String
    package let locale: QuantityLocale
    package let sourceNames: [String: String]
    package let words: Words

    static let types = ["bar", "stacked", "line", "timeline", "flow", "scale", "tornado"]
    package static let keys = ["id", "type", "title", "description", "data", "where", "x", "y", "values", "labels", "label",
                       "series", "orientation", "sort", "shape", "axis", "marker", "marker_label", "from", "to", "amount", "date", "dates", "figure"]

    /// A value on the chart and where it came from.
    package struct Point {
        package var label: String
        package var reference: String
        package var quantity: Quantity
        package var color: String?
        package var record: Record?
    }

    package struct Failure: Error {
        package var diagnostics: [Diagnostic]
    }

    package func render(code: String, file: String, firstLine: Int, cited: inout Set<String>) throws(Failure) -> (html: String, output: ChartOutput) {
        let parsed: YAMLNode?
        do {
            parsed = try YAMLLoader.parse(code, file: file, firstLine: firstLine)
        } catch {
            throw Failure(diagnostics: [error])
        }
        guard let spec = parsed, spec.entries != nil else {
            throw Failure(diagnostics: [.error(at: SourceLocation(file: file, line: firstLine - 1, column: 1),
                                               "a chart block holds a YAML mapping: id, type, title, data, x, y…")])
        }
        var context = SpecReader(spec: spec, model: model, fenceLocation: SourceLocation(file: file, line: firstLine - 1, column: 1), words: words)
        context.language = locale.rawValue
        let chart = context.chart(locale: locale, format: format)?.saying(ChartWords(texts: words.texts))
        guard let chart, context.problems.isEmpty else { throw Failure(diagnostics: context.problems) }
        cited.formUnion(context.references)
        var sources = Set<String>()
        for reference in context.references { sources.formUnion(model.figures[reference]?.sources ?? []) }
        let svg = ChartRenderer.svg(for: chart)
        let table = ChartTable(chart: chart)
        let names = sources.sorted().map { "<a href=\"\(basePath)/sources/#\($0)\">\(Escape.html(sourceNames[$0] ?? $0))</a>" }
        // The title on its own line, so that it never runs into "Sources:". The caption is the
        // figure's last child and holds "The numbers": HTML allows a <figcaption> only first or
        // last in a <figure>, so nothing may follow it there.
        var html = "<figure class=\"chart\" id=\"chart-\(chart.id)\">\n\(svg)\n<figcaption><strong>\(Escape.html(chart.title))</strong><br>"
        if !names.isEmpty { html += words.html("chart_sources") + " " + names.joined(separator: "; ") + ". " }
        html += "<a href=\"\(basePath)/data/charts/\(chart.id).csv\">\(words.html("chart_data_csv"))</a>\n"
        html += table.detailsHTML(summary: words["chart_numbers"]) + "</figcaption>\n</figure>"
        return (html, ChartOutput(id: chart.id, svg: svg, csv: table.csv(), location: context.fenceLocation,
                                  title: chart.title, sources: sources.sorted()))
    }

    /// `$10.5B–$14B`: compact, in the page's language.
    package func format(_ q: Quantity) -> String {
        q.formatted(locale, FormatOptions(compact: true))
    }
}

/// Reads one chart description, collecting every problem at its field.
struct SpecReader {
    let spec: YAMLNode
    package let model: StoryModel
    let fenceLocation: SourceLocation
    package var problems: [Diagnostic] = []
    package var references: [String] = []
    /// The interface words of the page's language: standings and modalities in labels.
    let words: Words
    /// The language of the page the chart is drawn for: names and labels that come from
    /// the data are shown in it, where the data translates them (`Record.text(_:language:)`).
    package var language = "en"

    package init(spec: YAMLNode, model: StoryModel, fenceLocation: SourceLocation, words: Words) {
        self.spec = spec
        self.model = model
        self.fenceLocation = fenceLocation
        self.words = words
    }

    package mutating func fail(_ key: String?, _ message: String) {
        let at = key.flatMap { spec[$0]?.location } ?? spec.location
        problems.append(.error(at: at, message))
    }

    package func text(_ key: String) -> String? {
        guard let node = spec[key], node.scalar != .null else { return nil }
        return node.text
    }

    package mutating func chart(locale: QuantityLocale, format: @escaping (Quantity) -> String) -> Chart? {
        guard let id = text("id") else { fail(nil, "a chart needs an 'id' (lowercase letters, digits, hyphens)"); return nil }
        if let problem = DataCollection.idProblem(id, what: "chart id") { fail("id", problem); return nil }
        guard let type = text("type") else { fail(nil, "chart '\(id)' needs a 'type': \(ChartBlocks.types.joined(separator: ", "))"); return nil }
        guard ChartBlocks.types.contains(type) else {
            fail("type", "unknown chart type '\(type)'\(NearMiss.hint(for: type, among: ChartBlocks.types)); types are \(ChartBlocks.types.joined(separator: ", "))")
            return nil
        }
        for entry in spec.entries ?? [] where !ChartBlocks.keys.contains(entry.key) {
            problems.append(.error(at: entry.keyLocation, "unknown chart field '\(entry.key)'\(NearMiss.hint(for: entry.key, among: ChartBlocks.keys))"))
        }
        guard checkFieldShapes(type: type) else { return nil }
        var title = text("title") ?? id
        let kind: ChartKind?
        switch type {
        case "tornado":
            kind = tornado(locale: locale)
            if text("title") == nil, let figure = text("figure").flatMap({ model.figures[$0] }) {
                title = RangeDriverWords(words).chartTitle(figure.label(in: words))
            }
        case "bar": kind = bar(format: format, locale: locale)
        case "scale": kind = scale(format: format)
        case "flow": kind = flow(format: format)
        case "timeline": kind = timeline(format: format, locale: locale)
        case "line": kind = line(format: format, locale: locale)
        default: kind = stacked(format: format, locale: locale)
        }
        guard let kind, problems.isEmpty else { return nil }
        return Chart(id: id, title: title, summary: text("description"), kind: kind)
    }

    // MARK: points

    /// The values to plot: `values:` (references, with `labels:`), or `data:` filtered by
    /// `where:`, labelled by `x` and valued by `y`.
    package mutating func points(valueField: String = "y") -> [ChartBlocks.Point]? {
        if let list = spec["values"] {
            guard let elements = list.elements else { fail("values", "'values' is a list of references"); return nil }
            let labels = spec["labels"]?.elements?.compactMap(\.text) ?? []
            var points: [ChartBlocks.Point] = []
            for (index, element) in elements.enumerated() {
                guard let reference = element.text else { continue }
                guard let figure = resolve(reference, at: element.location) else { continue }
                let parts = reference.split(separator: ".").map(String.init)
                let record = parts.count >= 2 ? model.record(parts[0], parts[1]) : nil
                points.append(.init(label: index < labels.count ? labels[index] : figure.label(in: words), reference: reference,
                                    quantity: figure.value.quantity!, color: record.flatMap(color(of:)), record: record))
            }
            return checkDimensions(points)
        }
        guard let collection = records() else { return nil }
        guard let y = text(valueField) else { fail(nil, "the chart needs '\(valueField)': the field to plot"); return nil }
        let x = text("x")
        let fields = Set(collection.flatMap { model.fields(of: $0.collection, $0.id) })
        guard fields.contains(y) else {
            fail(valueField, "no record of '\(text("data") ?? "")' has a field '\(y)'\(NearMiss.hint(for: y, among: fields))")
            return nil
        }
        var points: [ChartBlocks.Point] = []
        // `label` names the field a reader sees; `x` the one that identifies the bar.
        let shown = text("label") ?? x
        for record in collection {
            let reference = "\(record.collection).\(record.id).\(y)"
            guard let quantity = model.figures[reference]?.value.quantity else { continue }
            references.append(reference)
            points.append(.init(label: label(of: record, field: shown) + modalityNote(model.figures[reference]?.modality),
                                reference: reference, quantity: quantity, color: color(of: record), record: record))
        }
        return checkDimensions(points)
    }

    /// The records of `data`, filtered by `where`.
    package mutating func records(defaultCollection: String? = nil) -> [Record]? {
        guard let name = text("data") ?? defaultCollection else { fail(nil, "the chart needs 'data' (a collection) or 'values' (references)"); return nil }
        guard model.collections[name] != nil else {
            fail("data", "unknown collection '\(name)'\(NearMiss.hint(for: name, among: model.collections.keys))")
            return nil
        }
        let filters = spec["where"]?.entries ?? []
        // `involving: openai` keeps records that name the company in any party field.
        let parties = ["from", "to", "buyer", "owner", "holder", "company", "vendor"]
        return model.records(name).filter { record in
            filters.allSatisfy { filter in
                filter.key == "involving"
                    ? parties.contains { record.text($0) == filter.value.text }
                    : record.text(filter.key) == filter.value.text
            }
        }
    }

    package mutating func resolve(_ reference: String, at location: SourceLocation) -> Figure? {
        switch model.resolve(reference, at: location) {
        case .failure(let problem):
            problems.append(problem)
            return nil
        case .success(let figure):
            guard figure.value.quantity != nil else {
                let what = figure.value.unverifiableReason.map { "cannot be computed (\($0))" } ?? "is text"
                problems.append(.error(at: location, "\(reference) \(what), not a quantity to plot"))
                return nil
            }
            references.append(reference)
            return figure
        }
    }

    mutating func checkDimensions(_ points: [ChartBlocks.Point]) -> [ChartBlocks.Point]? {
        guard let first = points.first else { fail(nil, "the chart has nothing to plot: no record has the value"); return nil }
        if let other = points.first(where: { $0.quantity.dimension != first.quantity.dimension }) {
            fail(spec["values"] == nil ? "y" : "values",
                 "the chart mixes \(first.quantity.dimension.description) and \(other.quantity.dimension.description) on one axis")
            return nil
        }
        return points
    }

    /// A record's label: its `x` field (a company id reads as the company's name), else its name.
    package func label(of record: Record, field: String?) -> String {
        guard let field, let value = record.text(field) else { return record.displayName(language: language) }
        // A deal's status reads as its standing, in a reader's words ("pledged", "in talks"),
        // and statuses of one standing share a bar.
        if field == "status", record.collection == "deals" { return words.standing(DealStanding(status: value)) }
        // A deal's kind is one of capex's words ("investment"), said in the page's language.
        if field == "kind", record.collection == "deals" { return words.dealKind(value) }
        if let company = model.record("companies", value) { return company.displayName(language: language) }
        return record.text(field, language: language) ?? value
    }

    /// " (planned)" for a label drawn from data whose value is not a reported fact.
    func modalityNote(_ modality: Modality?) -> String {
        modality.map { " (\(words.modality($0)))" } ?? ""
    }

    /// A record's colour: its own, or its company's (`company`, `buyer`, `owner`, `from`).
    package func color(of record: Record) -> String? {
        if let color = record.text("color") { return color }
        for field in ["company", "buyer", "owner", "holder", "from"] {
            if let id = record.text(field), let color = model.record("companies", id)?.text("color") { return color }
        }
        return nil
    }

    package static func value(_ q: Quantity, _ format: (Quantity) -> String) -> ChartValue {
        let qualifier: ChartValue.Qualifier
        switch q.qualifier {
        case .exact: qualifier = .exact
        case .approximate, .faceValue: qualifier = .approximate
        case .atLeast: qualifier = .atLeast
        case .atMost: qualifier = .atMost
        }
        return ChartValue(low: q.low, high: q.high, label: format(q), qualifier: qualifier)
    }

    package static func ticks(for q: Quantity, locale: QuantityLocale) -> ValueFormatter {
        let dimension = q.dimension, noun = q.noun, hint = q.hint
        return { v in
            Quantity(low: v, high: v, dimension: dimension, hint: hint, noun: noun).formatted(locale, FormatOptions(compact: true))
        }
    }

    /// The date as precisely as the record knows it, in words as everywhere else on the
    /// site and in the page's language: `date_precision: month` shows `January 2024`
    /// (`enero de 2024`), a day `September 22, 2025` (`22 de septiembre de 2025`), an
    /// earliest date `September 22, 2025 or later` — never `2025-09-22`.
    package static func dateLabel(_ record: Record, field: String, locale: QuantityLocale) -> String {
        RecordDate(record, field)?.display(language: locale.rawValue) ?? ""
    }

    /// Date-axis ticks in the page's language: `2024`, `Mar 2024` / `mar 2024` (see
    /// `RecordDate.axisLabel`).
    package static func dateTicks(locale: QuantityLocale) -> DateTickFormatter {
        let language = locale.rawValue
        return { date, unit in
            RecordDate.axisLabel(year: date.year, month: unit == .month ? date.month : nil, language: language)
        }
    }

    package static func date(_ text: String?) -> ChartDate? {
        guard let text, let date = SiteDate(text) else { return nil }
        let parts = date.day.split(separator: "-").compactMap { Int($0) }
        return ChartDate(parts[0], parts[1], parts[2])
    }

    // MARK: kinds

    package mutating func bar(format: @escaping (Quantity) -> String, locale: QuantityLocale) -> ChartKind? {
        guard let points = points(), drawable(points, kind: "bar") else { return nil }
        // `marker: claims.<id>.says` picks the claim drawn (any claim about a bar's figure is drawn anyway).
        var chosen: ClaimCheck?
        if let marker = text("marker") {
            let parts = marker.split(separator: ".").map(String.init)
            chosen = parts.count == 3 && parts[0] == "claims" ? model.claims.first { $0.id == parts[1] } : nil
            if chosen == nil { fail("marker", "'marker' names a claim's stated value, as in claims.<id>.says") }
        }
        let markerLabel = text("marker_label") ?? words["chart_marker"]
        let bars = points.map { point -> BarChart.Bar in
            // A source's own figure for this value, drawn on its bar.
            let claim = chosen.flatMap { $0.figure == point.reference ? $0 : nil }
                ?? model.claims.first { $0.figure == point.reference && $0.stated != nil }
            let marker = claim.flatMap { claim in claim.stated.map { BarChart.Marker(value: $0.high, label: "\(markerLabel): " + format($0)) } }
            return .init(category: point.label, value: Self.value(point.quantity, format), color: point.color, marker: marker)
        }
        let orientation: Orientation = text("orientation") == "vertical" ? .vertical : .horizontal
        let sort: SortOrder = text("sort") == "ascending" ? .ascending : text("sort") == "descending" ? .descending : .none
        return .bar(BarChart(bars: bars, orientation: orientation, sort: sort,
                             tickFormat: Self.ticks(for: points[0].quantity, locale: locale), axisTitle: text("axis")))
    }

    package mutating func scale(format: @escaping (Quantity) -> String) -> ChartKind? {
        guard let points = points(), drawable(points, kind: "scale") else { return nil }
        let items = points.map { ScaleChart.Item(name: $0.label, value: Self.value($0.quantity, format), color: $0.color) }
        return .scale(ScaleChart(items: items, shape: text("shape") == "circle" ? .circle : .square))
    }

    package mutating func flow(format: @escaping (Quantity) -> String) -> ChartKind? {
        guard let deals = records(defaultCollection: "deals") else { return nil }
        var nodeIDs: [String] = []
        var links: [FlowChart.Link] = []
        let fromField = text("from") ?? "from", toField = text("to") ?? "to", amountField = text("amount") ?? "amount"
        for deal in deals {
            guard let from = deal.text(fromField), let to = deal.text(toField) else { continue }
            for id in [from, to] where !nodeIDs.contains(id) { nodeIDs.append(id) }
            let reference = "\(deal.collection).\(deal.id).\(amountField)"
            let amount = model.figures[reference]?.value.quantity
            if let amount {
                references.append(reference)
                guard drawable([(deal.displayName, reference, amount)], kind: "flow", field: spec["amount"] == nil ? nil : "amount") else { return nil }
            }
            let kind: FlowChart.LinkKind = deal.text("kind") == "investment" ? .investment : .purchase
            let note = [deal.text("kind").map(words.dealKind), deal.text("status").map { words.standing(DealStanding(status: $0)) }]
                .compactMap { $0 }.joined(separator: ", ")
            links.append(.init(from: from, to: to, kind: kind, amount: amount.map { Self.value($0, format) }, note: note.isEmpty ? nil : note))
        }
        guard !links.isEmpty else { fail(nil, "the flow chart has no deals with 'from' and 'to'"); return nil }
        let order = model.records("companies").map(\.id)
        nodeIDs.sort { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }
        let nodes = nodeIDs.map { id in
            FlowChart.Node(id: id, name: model.record("companies", id)?.displayName(language: language) ?? id,
                           color: model.record("companies", id)?.text("color"))
        }
        return .flow(FlowChart(nodes: nodes, links: links))
    }

    package mutating func timeline(format: @escaping (Quantity) -> String, locale: QuantityLocale) -> ChartKind? {
        guard let records = records(defaultCollection: "deals") else { return nil }
        let dateField = text("date") ?? "date", amountField = text("amount") ?? text("y") ?? "amount"
        var events: [TimelineChart.Event] = []
        for record in records {
            guard let date = Self.date(record.text(dateField)) else { continue }
            let reference = "\(record.collection).\(record.id).\(amountField)"
            let amount = model.figures[reference]?.value.quantity
            if let amount {
                references.append(reference)
                let field = spec["amount"] != nil ? "amount" : spec["y"] != nil ? "y" : nil
                guard drawable([(record.displayName, reference, amount)], kind: "timeline", field: field) else { return nil }
            }
            var title = record.text(text("label") ?? "name", language: language) ?? record.displayName(language: language)
            if text("label") == nil, let from = record.text("from"), let to = record.text("to") {
                title = "\(label(of: record, field: "from")) → \(label(of: record, field: "to"))"
                _ = (from, to)
            }
            // The date is the event's unless the record says it is when the fact was disclosed.
            title += modalityNote(record.modality(of: dateField))
            events.append(.init(date: date, dateLabel: Self.dateLabel(record, field: dateField, locale: locale), title: title,
                                amount: amount.map { Self.value($0, format) }, color: color(of: record)))
        }
        guard !events.isEmpty else { fail(nil, "the timeline has no records with a '\(dateField)'"); return nil }
        return .timeline(TimelineChart(events: events, dateTickFormat: Self.dateTicks(locale: locale)))
    }
}
