import Diagnostics
import Load
import Model
import Quantities

/// Which chart kinds can show a value below zero, and the error for those that cannot.
///
/// Bars (horizontal and vertical) and lines draw from a zero line, so negative values and
/// ranges across zero are drawn as they are. A bound (`up to`, `at least`) below zero has no
/// bar shape: its open side would cross zero. Scale charts draw areas, flows draw widths,
/// timelines size circles by amount, and stacked bars add segments end to end: none can show
/// a value below zero, so a chart of those kinds with one is an error at the block's field
/// naming the value — never a bar of zero, and never a silently dropped value (issue 11, kind 7).
extension SpecReader {
    /// The first value of `points` the chart kind cannot draw, reported at `field`; true when all can be drawn.
    mutating func drawable(_ values: [(label: String, reference: String, quantity: Quantity)], kind: String,
                           field: String?) -> Bool {
        for value in values {
            let q = value.quantity
            let below = q.low < 0 || q.high < 0
            guard below else { continue }
            // Plain spaces in a message for the terminal, not the no-break space of the page.
            let shown = q.formatted(.en, FormatOptions(compact: true)).replacingOccurrences(of: "\u{00A0}", with: " ")
            switch kind {
            case "bar", "line":
                guard q.qualifier.isBound else { continue }
                fail(field, "\(value.label) (\(value.reference)) is a bound below zero ('\(shown)'), which a \(kind) chart cannot draw: "
                     + "its open end would cross zero; plot a value or a range")
            case "scale":
                fail(field, "\(value.label) (\(value.reference)) is \(shown): a scale chart draws areas, which cannot be below zero")
            case "flow":
                fail(field, "\(value.label) (\(value.reference)) is \(shown): a flow chart draws amounts as widths, which cannot be below zero")
            case "timeline":
                fail(field, "\(value.label) (\(value.reference)) is \(shown): a timeline sizes events by amount, which cannot be below zero")
            default:
                fail(field, "\(value.label) (\(value.reference)) is \(shown): stacked bars add segments end to end, "
                     + "which cannot be below zero; use a bar chart")
            }
            return false
        }
        return true
    }

    /// `drawable` over plotted points, reported at `values` or `y`.
    mutating func drawable(_ points: [ChartBlocks.Point], kind: String) -> Bool {
        drawable(points.map { ($0.label, $0.reference, $0.quantity) }, kind: kind, field: spec["values"] == nil ? "y" : "values")
    }
}
