// Parses rendered SVG with FoundationXML and measures text the same way the layout does.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Charts

/// One parsed element, flattened in document order.
struct El {
    let name: String
    let attrs: [String: String]
    /// Text content (for `<text>`, `<title>`, `<desc>`).
    let text: String
    /// Title of the nearest enclosing `<g>` that has one.
    let groupTitle: String?

    var classes: [String] { (attrs["class"] ?? "").split(separator: " ").map(String.init) }
    func has(_ cls: String) -> Bool { classes.contains(cls) }
    func n(_ key: String) -> Double { Double(attrs[key] ?? "") ?? .nan }
}

struct ParsedSVG {
    let root: [String: String]
    let elements: [El]
    let viewBox: Box

    func all(_ name: String, _ cls: String? = nil) -> [El] {
        elements.filter { $0.name == name && (cls == nil || $0.has(cls!)) }
    }

    func inGroup(_ title: String) -> [El] { elements.filter { $0.groupTitle == title } }

    /// Boxes of every visible `<text>` line, computed with the layout's own metrics.
    var textBoxes: [(String, Box)] {
        all("text").map { t in
            let anchor = Anchor(rawValue: t.attrs["text-anchor"] ?? "start") ?? .start
            return (t.text, TextMetrics.lineBox(t.text, x: t.n("x"), baseline: t.n("y"), anchor: anchor, bold: t.has("cx-b")))
        }
    }
}

enum SVGParseError: Error { case noRoot }

func parseSVG(_ svg: String) throws -> ParsedSVG {
    let doc = try XMLDocument(xmlString: svg, options: [])
    guard let root = doc.rootElement() else { throw SVGParseError.noRoot }
    var out: [El] = []
    func attrs(_ e: XMLElement) -> [String: String] {
        var d: [String: String] = [:]
        for a in e.attributes ?? [] {
            if let n = a.name { d[n] = a.stringValue ?? "" }
        }
        return d
    }
    func walk(_ e: XMLElement, _ title: String?) {
        var groupTitle = title
        if e.name == "g", let t = e.elements(forName: "title").first?.stringValue { groupTitle = t }
        out.append(El(name: e.localName ?? e.name ?? "", attrs: attrs(e), text: e.stringValue ?? "", groupTitle: groupTitle))
        for c in e.children ?? [] {
            if let ce = c as? XMLElement { walk(ce, groupTitle) }
        }
    }
    walk(root, nil)
    let rootAttrs = attrs(root)
    let v = (rootAttrs["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
    let box = v.count == 4 ? Box(x: v[0], y: v[1], w: v[2], h: v[3]) : Box(x: 0, y: 0, w: 0, h: 0)
    return ParsedSVG(root: rootAttrs, elements: out, viewBox: box)
}

/// Pairs of overlapping text boxes (touching is fine).
func overlappingTexts(_ boxes: [(String, Box)]) -> [String] {
    var found: [String] = []
    for i in boxes.indices {
        for j in boxes.indices where j > i && boxes[i].1.intersects(boxes[j].1, pad: -0.01) {
            found.append("'\(boxes[i].0)' × '\(boxes[j].0)'")
        }
    }
    return found
}

/// Text lines whose boxes leave the viewBox.
func textOutsideViewBox(_ svg: ParsedSVG) -> [String] {
    let vb = svg.viewBox
    return svg.textBoxes.filter { _, b in
        b.x < vb.x - 0.01 || b.maxX > vb.maxX + 0.01 || b.y < vb.y - 0.01 || b.maxY > vb.maxY + 0.01
    }.map(\.0)
}

func approx(_ a: Double, _ b: Double, _ tol: Double = 0.02) -> Bool { abs(a - b) <= tol }
