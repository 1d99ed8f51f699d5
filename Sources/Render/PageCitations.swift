import Diagnostics
import Load
import Markdown

/// What a page's Markdown cites, in the order written: figures (`{{ deals.x.amount }}`),
/// claims (`{{ claims.x.says }}`) and chart blocks. `TranslationDrift` compares a page's
/// with its translation's.
///
/// Read from the Markdown as cmark-gfm parses it, as the render does, so a `{{ }}` in a
/// code span or code block is not a citation. A chart is known by its `id`, and drawn alike
/// when the fields that choose its data are equal (`ChartBlocks`: type, data, where, x, y,
/// values, series, from, to, amount, date, dates, marker); its title, description, labels,
/// axis and marker label are page text, written in the page's language, and so is `series`
/// over `values:` (the line's name).
package struct PageCitations {
    package enum Kind: String, Sendable {
        case figure, claim, chart
    }

    package struct Citation: Sendable {
        package var kind: Kind
        /// The figure's reference, the claim's id, or the chart's id.
        package var name: String
        /// For a chart: the fields that choose its data, as written (`data: deals; y: amount`).
        package var drawing: String
        package var location: SourceLocation

        /// "figure deals.x.amount", "claim meta-h100-spend", "chart money-flows".
        package var key: String { "\(kind.rawValue) \(name)" }
    }

    package var items: [Citation] = []

    /// The chart fields that decide what a chart shows; the others are words.
    static let drawingFields = ["type", "data", "where", "x", "y", "values", "series", "from", "to", "amount", "date", "dates", "marker"]

    /// The citations of `page`, whose `body` must be read.
    package static func read(_ page: Page) -> PageCitations {
        guard !page.body.isEmpty else { return PageCitations() }
        // The rewriter's closures run inside `render`, one after another; they gather here.
        final class Found { var items: [Citation] = [] }
        let found = Found()
        var lines: [Substring]?
        let rewriter = MarkdownRewriter(rewriteText: { text in
            if lines == nil { lines = page.body.split(separator: "\n", omittingEmptySubsequences: false) }
            let line = text.line >= 1 && text.line <= lines!.count ? lines![text.line - 1] : nil
            found.items += references(in: text, line: line, page: page)
            return nil
        }, rewriteCodeBlock: { block in
            guard block.info == "chart" else { return nil }
            if let chart = chart(block, page: page) { found.items.append(chart) }
            return nil
        })
        _ = MarkdownRenderer().render(page.body, rewriter: rewriter)
        // cmark hands over text nodes and code blocks in two passes: put them back in reading order.
        let ordered = found.items.enumerated().sorted {
            ($0.element.location.line, $0.element.location.column, $0.offset) < ($1.element.location.line, $1.element.location.column, $1.offset)
        }
        return PageCitations(items: ordered.map(\.element))
    }

    /// Every `{{ reference | options }}` of one text node, located at its `{{`.
    static func references(in text: MarkdownText, line: Substring?, page: Page) -> [Citation] {
        var found: [Citation] = []
        var rest = text.literal[...]
        let lineNumber = page.bodyFirstLine - 1 + text.line
        var searchFrom = line?.startIndex
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let whole = rest[open.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
            let inside = whole.dropFirst(2).dropLast(2)
            let reference = String(inside.prefix { $0 != "|" }).trimmingWhitespace()
            guard !reference.isEmpty else { continue }
            var column = max(1, text.column)
            if let line, let from = searchFrom, let at = line[from...].range(of: whole) {
                column = line.distance(from: line.startIndex, to: at.lowerBound) + 1
                searchFrom = at.upperBound
            }
            let location = SourceLocation(file: page.sourcePath, line: lineNumber, column: column)
            let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
            if parts.count >= 2, parts[0] == "claims" {
                found.append(Citation(kind: .claim, name: parts[1], drawing: "", location: location))
            } else {
                found.append(Citation(kind: .figure, name: reference, drawing: "", location: location))
            }
        }
        return found
    }

    /// A chart block, by its id, at its opening fence; nil when its YAML has no id (the
    /// render reports that).
    static func chart(_ block: MarkdownCodeBlock, page: Page) -> Citation? {
        let firstLine = page.bodyFirstLine + block.line
        guard let spec = try? YAMLLoader.parse(block.code, file: page.sourcePath, firstLine: firstLine),
              let id = spec["id"]?.text else { return nil }
        // Over `values:`, `series` names the line as a reader sees it: words, not data.
        let fields = spec["values"] == nil ? drawingFields : drawingFields.filter { $0 != "series" }
        let drawing = fields.compactMap { field in spec[field].map { "\(field): \(written($0))" } }.joined(separator: "; ")
        return Citation(kind: .chart, name: id, drawing: drawing,
                        location: SourceLocation(file: page.sourcePath, line: firstLine - 1, column: 1))
    }

    /// A chart field's value as one line, whatever its YAML style (`[a, b]` or a block list).
    static func written(_ node: YAMLNode) -> String {
        if let elements = node.elements { return "[" + elements.map(written).joined(separator: ", ") + "]" }
        if let entries = node.entries { return "{" + entries.map { "\($0.key): \(written($0.value))" }.joined(separator: ", ") + "}" }
        return node.text ?? ""
    }
}
