import Charts
import Foundation
import Load
import Model
import Quantities

/// `/data/`: every collection and every figure as CSV and JSON. Quantities carry their
/// text, low and high ends in base units, unit and qualifier, so a reader can redo the sums.
struct DataExport {
    package let model: StoryModel

    package func files() -> [(path: String, text: String)] {
        parts().flatMap { $0() }
    }

    /// `files()` in independent parts, in its order, to make beside the pages: each
    /// collection's CSV and JSON, then all figures as CSV, then as JSON.
    func parts() -> [@Sendable () -> [(path: String, text: String)]] {
        let model = model
        var parts: [@Sendable () -> [(path: String, text: String)]] = model.collections.keys.sorted().map { name in
            {
                let (headers, rows, objects) = DataExport(model: model).table(for: name)
                return [("data/\(name).csv", ChartTable(headers: headers, rows: rows).csv()), ("data/\(name).json", Self.json(objects))]
            }
        }
        parts.append { [DataExport(model: model).allFiguresCSV()] }
        parts.append { [DataExport(model: model).allFiguresJSON()] }
        return parts
    }

    private func allFiguresCSV() -> (path: String, text: String) {
        let figures = model.allFigures
        let headers = ["reference", "label", "value", "low", "high", "unit", "qualifier", "formula", "expression", "sources"]
        let rows = figures.map { figure -> [String] in
            let q = figure.value.quantity?.machineReadable
            return [figure.reference, figure.label, FigureText.format(figure, locale: .en),
                    q.map { Self.number($0.low) } ?? "", q.map { Self.number($0.high) } ?? "", q?.unit ?? "", q?.qualifier ?? "",
                    figure.formula ?? "", figure.expression ?? "", figure.sources.joined(separator: " ")]
        }
        return ("data/all-figures.csv", ChartTable(headers: headers, rows: rows).csv())
    }

    private func allFiguresJSON() -> (path: String, text: String) {
        ("data/all-figures.json", Self.json(model.allFigures.map { figure -> [String: Any] in
            var object: [String: Any] = ["reference": figure.reference, "label": figure.label, "sources": figure.sources,
                                         "value": Self.value(figure)]
            if let formula = figure.formula { object["formula"] = formula }
            if let expression = figure.expression { object["expression"] = expression }
            if !figure.inputs.isEmpty { object["inputs"] = figure.inputs }
            let assumed = model.assumptions(restedOnBy: figure.reference).map(\.id)
            if !assumed.isEmpty { object["assumptions"] = assumed }
            if let reason = figure.value.unverifiableReason { object["unverifiable"] = reason }
            return object
        }))
    }

    /// Columns: id, then each field in the order first written, then the derived fields;
    /// a quantity field spreads over `f`, `f_low`, `f_high`, `f_unit`, `f_qualifier`.
    private func table(for collection: String) -> ([String], [[String]], [[String: Any]]) {
        let records = model.records(collection)
        var fields: [String] = []
        var isQuantity: [String: Bool] = [:]
        for record in records {
            let prefix = "\(collection).\(record.id)."
            let own = model.fields(of: collection, record.id)
            let written = (record.node.entries ?? []).map(\.key)
            let ordered = written.flatMap { key in own.filter { $0 == key || $0.hasPrefix(key + ".") }.sorted() }
                + own.filter { field in !written.contains { field == $0 || field.hasPrefix($0 + ".") } }.sorted()
            for field in ordered where !fields.contains(field) { fields.append(field) }
            for field in own where model.figures[prefix + field]?.value.quantity != nil { isQuantity[field] = true }
        }
        var headers = ["id"]
        for field in fields {
            headers.append(field)
            if isQuantity[field] == true { headers += ["low", "high", "unit", "qualifier"].map { "\(field)_\($0)" } }
        }
        if records.contains(where: { !$0.sourceIDs.isEmpty }) { headers.append("source") }
        var rows: [[String]] = []
        var objects: [[String: Any]] = []
        for record in records {
            var row = [record.id]
            var object: [String: Any] = ["id": record.id]
            for field in fields {
                let figure = model.figures["\(collection).\(record.id).\(field)"]
                row.append(figure.map { FigureText.format($0, locale: .en) } ?? "")
                if isQuantity[field] == true {
                    let q = figure?.value.quantity?.machineReadable
                    row += [q.map { Self.number($0.low) } ?? "", q.map { Self.number($0.high) } ?? "", q?.unit ?? "", q?.qualifier ?? ""]
                }
                if let figure { object[field] = Self.value(figure) }
            }
            if headers.last == "source" {
                row.append(record.sourceIDs.joined(separator: " "))
                object["source"] = record.sourceIDs
            }
            rows.append(row)
            objects.append(object)
        }
        return (headers, rows, objects)
    }

    private static func value(_ figure: Figure) -> Any {
        guard let q = figure.value.quantity else { return figure.value.formatted(.en) }
        let m = q.machineReadable
        return ["text": FigureText.format(figure, locale: .en), "low": rounded(m.low), "high": rounded(m.high),
                "unit": m.unit, "qualifier": m.qualifier]
    }

    /// 15 significant digits, so `0.27 × 500e9` is 135000000000, not 135000000000.00005.
    private static func rounded(_ value: Double) -> Double {
        Double(cFormat("%.15g", value)) ?? value
    }

    /// Plain decimal notation with the 15 significant digits a Double holds, no exponent:
    /// `10500000000`, `0.27`, `5428571428.57143`.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let text = cFormat("%.15g", value)
        guard text.contains("e") else { return text }
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: "e")
        let digits = parts[0].filter { $0 != "." }
        let exponent = Int(parts[1]) ?? 0
        if exponent >= 15 {
            // `1e+27` → 1 and 27 zeros: `%.6f` would print the binary value's digits
            // (1000000000000000013287555072), 13 of them noise that no input stated.
            return (negative ? "-" : "") + digits + String(repeating: "0", count: max(0, exponent + 1 - digits.count))
        }
        if abs(value) < 1 {
            // `1.5e-10` → `0.00000000015`: fixed decimals would round it to 0, a wrong value.
            let zeros = -exponent - 1
            return (negative ? "-" : "") + "0." + String(repeating: "0", count: max(0, zeros)) + digits
        }
        var plain = cFormat("%.6f", value)
        while plain.hasSuffix("0") { plain.removeLast() }
        if plain.hasSuffix(".") { plain.removeLast() }
        return plain
    }

    /// JSON with sorted keys and two-space indents, written directly: Foundation's
    /// serializer with sorted keys costs more than rendering a thousand pages.
    package static func json(_ object: Any) -> String {
        var out = ""
        write(object, indent: 0, to: &out)
        return out + "\n"
    }

    private static func write(_ value: Any, indent: Int, to out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch value {
        case let text as String:
            writeString(text, to: &out)
        case let flag as Bool:
            out += flag ? "true" : "false"
        case let number as Int:
            out += String(number)
        case let number as Double:
            out += number.isFinite ? Self.number(number) : "null"
        case let array as [Any]:
            guard !array.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, element) in array.enumerated() {
                out += pad
                write(element, indent: indent + 1, to: &out)
                out += index == array.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case let object as [String: Any]:
            guard !object.isEmpty else { out += "{}"; return }
            out += "{\n"
            let keys = object.keys.sorted()
            for (index, key) in keys.enumerated() {
                out += pad
                writeString(key, to: &out)
                out += ": "
                write(object[key]!, indent: indent + 1, to: &out)
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        default:
            out += "null"
        }
    }

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        // Most strings need no escape: appended whole, not scalar by scalar.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// C's `printf` formatting of one number (`%.15g`, `%.6f`), as `String(format:)` gives it,
/// without Foundation's formatter: that one took half the time of the downloads.
func cFormat(_ format: String, _ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
        let count = withVaList([value]) { vsnprintf(buffer.baseAddress!, buffer.count, format, $0) }
        guard count >= 0, count < buffer.count else { return String(format: format, value) }
        return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(count)), as: UTF8.self)
    }
}
