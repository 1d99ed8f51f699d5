import Diagnostics
import Foundation
import Load
import Markdown
import Model
import Quantities

/// `{{ reference | option }}` in prose: parsed on cmark's text nodes (so code keeps them
/// verbatim), resolved against the model, written as a link to the figure's entry.
package struct FigureReferences {
    /// `words`: the page's interface words (the tooltip's sentence, "unverifiable"); the
    /// built-in words of `locale`'s language when nil.
    package init(model: StoryModel, sourceNames: [String: String], basePath: String, locale: QuantityLocale, words: Words? = nil) {
        self.model = model
        self.sourceNames = sourceNames
        self.basePath = basePath
        self.locale = locale
        self.words = words ?? .builtIn(locale.rawValue)
    }

    package let model: StoryModel
    package let sourceNames: [String: String]
    package let basePath: String
    package let locale: QuantityLocale
    package let words: Words
    /// The story's history, when it has one: a figure that moved is marked, its old value in its title.
    var notes: EditionNotes?

    static let optionNames = ["compact", "precision", "percent", "number"]

    /// One `{{ … }}` as written.
    package struct Occurrence {
        package var reference: String
        package var options: FormatOptions
        package var text: String
    }

    /// Rewrites one text node. `sourceLine` is the Markdown line the node starts on, so
    /// errors can point at the column of the `{{`.
    package func rewrite(_ node: MarkdownText, page: Page, sourceLine: Substring?, diagnostics: inout [Diagnostic],
                 cited: inout Set<String>) -> [MarkdownSegment]? {
        var segments: [MarkdownSegment] = []
        var rest = node.literal[...]
        var searchFrom = sourceLine.map { line -> String.Index in
            let byteColumn = max(0, node.column - 1)
            return line.utf8.index(line.startIndex, offsetBy: min(byteColumn, line.utf8.count), limitedBy: line.endIndex) ?? line.startIndex
        }
        let lineNumber = page.bodyFirstLine - 1 + node.line
        func location(of text: Substring) -> SourceLocation {
            guard let line = sourceLine, let from = searchFrom, let found = line[from...].range(of: text) else {
                return SourceLocation(file: page.sourcePath, line: lineNumber, column: max(1, node.column))
            }
            searchFrom = found.upperBound
            return SourceLocation(file: page.sourcePath, line: lineNumber, column: line.distance(from: line.startIndex, to: found.lowerBound) + 1)
        }
        while let open = rest.range(of: "{{") {
            segments.append(.text(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                diagnostics.append(.error(at: location(of: rest[open.lowerBound...].prefix(2)),
                                          "'{{' is not closed by '}}' on the same line"))
                return nil
            }
            let whole = rest[open.lowerBound..<close.upperBound]
            let at = location(of: whole)
            rest = rest[close.upperBound...]
            switch parse(String(whole)) {
            case .failure(let message):
                diagnostics.append(.error(at: at, message))
                segments.append(.text(String(whole)))
            case .success(let occurrence):
                switch model.resolve(occurrence.reference, at: at) {
                case .failure(let problem):
                    diagnostics.append(problem)
                    segments.append(.text(String(whole)))
                case .success(let figure):
                    if let reason = figure.value.unverifiableReason {
                        diagnostics.append(.warning(at: at, "\(figure.reference) cannot be computed: \(reason); the page shows “\(FigureValue.unverifiableText)” in its place"))
                    }
                    cited.insert(figure.reference)
                    segments.append(.html(link(to: figure, options: occurrence.options)))
                }
            }
        }
        segments.append(.text(String(rest)))
        return segments.filter { $0 != .text("") }
    }

    package enum Parsed {
        case success(Occurrence)
        case failure(String)
    }

    /// `{{ deals.x.amount | compact | precision: 2 }}`.
    package func parse(_ whole: String) -> Parsed {
        let inner = whole.dropFirst(2).dropLast(2)
        let parts = inner.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " \t") }
        guard let reference = parts.first, !reference.isEmpty else { return .failure("empty figure reference '\(whole)'") }
        guard reference.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            return .failure("'\(reference)' is not a reference: write collection.id.field")
        }
        var options = FormatOptions()
        for option in parts.dropFirst() {
            let pieces = option.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: " \t") }
            let name = String(pieces.first ?? "")
            switch name {
            case "compact": options.compact = true
            case "percent": options.notation = .percent
            case "number": options.notation = .number
            case "precision":
                guard pieces.count == 2, let digits = Int(pieces[1]), (1...15).contains(digits) else {
                    return .failure("'precision' takes a number of significant digits from 1 to 15, as in 'precision: 2'")
                }
                options.precision = digits
            default:
                let hint = NearMiss.hint(for: name, among: Self.optionNames)
                return .failure("unknown option '\(name)'\(hint); options are compact, precision: N, percent, number")
            }
        }
        return .success(Occurrence(reference: String(reference), options: options, text: whole))
    }

    package func link(to figure: Figure, options: FormatOptions) -> String {
        let text = FigureText.format(figure, locale: locale, options: options, words: words)
        let title = FigureText.derivation(of: figure, in: model, sourceNames: sourceNames, locale: locale, words: words)
        // A text field (a name, a date) is not on /figures/: it is shown, with its source in
        // the title, but links nowhere.
        guard figure.isQuantityLike else {
            let shown = model.date(at: figure.reference).map { RecordPhrases(language: locale.rawValue, words: words).html($0) } ?? Escape.html(text)
            return "<span class=\"figure-text\" title=\"\(Escape.html(title))\">\(shown)</span>"
        }
        let kind = figure.value.unverifiableReason == nil ? "figure" : "figure unverifiable"
        if let moved = notes?.movedTitle(figure.reference) {
            return "<mark class=\"figure-moved\"><a class=\"\(kind) moved\" href=\"\(basePath)/figures/#\(Escape.html(figure.anchor))\" title=\"\(Escape.html(moved + " " + title))\">\(Escape.html(text))</a></mark>"
        }
        return "<a class=\"\(kind)\" href=\"\(basePath)/figures/#\(Escape.html(figure.anchor))\" title=\"\(Escape.html(title))\">\(Escape.html(text))</a>"
    }
}

/// How figures read: the value, and the one-line derivation shown in tooltips and entries.
package enum FigureText {
    /// A field as written keeps the digits it was written with; a derived figure gets three.
    /// An unverifiable figure reads as `words["figure_unverifiable"]` ("unverifiable").
    package static func format(_ figure: Figure, locale: QuantityLocale, options: FormatOptions = FormatOptions(), words: Words? = nil) -> String {
        if figure.value.unverifiableReason != nil {
            return (words ?? .builtIn(locale.rawValue))["figure_unverifiable"]
        }
        var options = options
        if options.precision == FormatOptions().precision, !figure.isDerived, let q = figure.value.quantity {
            options.precision = max(options.precision, significantDigits(q.low), significantDigits(q.high))
        }
        // A text figure (a note, a label) in the page's language, where the data translates it.
        return figure.value(in: locale.rawValue).formatted(locale, options)
    }

    static func significantDigits(_ value: Double) -> Int {
        guard value != 0, value.isFinite else { return 1 }
        var text = String(format: "%.12g", abs(value))
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) { text = String(text[..<e]) }
        // Leading zeros never count; trailing ones are taken as not significant (350000 → 2).
        let digits = text.filter(\.isNumber).drop { $0 == "0" }.reversed().drop { $0 == "0" }
        return min(15, max(1, digits.count))
    }

    /// `units × the chip's unit price: 350,000 units × $30,000–40,000 per unit. Sources: Business Insider.`
    package static func derivation(of figure: Figure, in model: StoryModel, sourceNames: [String: String], locale: QuantityLocale,
                                   words: Words? = nil) -> String {
        let words = words ?? .builtIn(locale.rawValue)
        // "is", not "=": "= > $13 billion" reads as an arrow, or as "≥".
        var text = oneFullStop(words("figure_is", ["label": figure.label(in: words), "value": format(figure, locale: locale, words: words)]))
        if let reason = figure.unverifiableReason(in: words) { text += " " + oneFullStop(words("figure_cannot_compute", ["reason": reason])) }
        if let formula = figure.formula(in: words), let expression = figure.expression {
            // A named figure's formula is its label, written in the data: translated with it.
            var withValues = expression
            for input in figure.inputs.sorted(by: { $0.count > $1.count }) {
                guard let value = model.figures[input] else { continue }
                withValues = withValues.replacingOccurrences(of: input, with: format(value, locale: locale, words: words))
            }
            text += " \(formula.prefix(1).uppercased() + formula.dropFirst()): \(withValues)."
        }
        let names = figure.sources.map { sourceNames[$0] ?? $0 }
        if !names.isEmpty { text += " " + oneFullStop(words["sources_lead"] + " " + names.joined(separator: "; ") + ".") }
        let assumed = model.assumptions(restedOnBy: figure.reference).map(\.id)
        if !assumed.isEmpty {
            text += " " + words("title_assumes", ["list": assumed.joined(separator: ", ")])
        }
        return text
    }
}
