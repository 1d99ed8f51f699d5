// Deterministic SVG text building: escaping, fixed-decimal numbers, elements, the document wrapper.

/// XML/HTML text escaping.
enum XMLText {
    /// Escapes `& < > " '` and drops characters that XML 1.0 forbids (so hostile input cannot break parsing).
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let v = scalar.value
                if v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v)
                    || (0xE000...0xFFFD).contains(v) || v >= 0x10000 {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Locale-independent fixed-decimal number text.
enum SVGNumber {
    /// Rounds to `maxDecimals` decimals and trims trailing zeros: `12.50` → `12.5`, `-0.001` → `0`.
    static func format(_ x: Double, maxDecimals: Int = 2) -> String {
        guard x.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<maxDecimals { scale *= 10 }
        let scaled = (x * scale).rounded()
        if abs(scaled) >= 9e15 { return wholeNumber(x) }
        let i = Int64(scaled)
        if i == 0 { return "0" }
        let a = i.magnitude
        let s = UInt64(scale)
        var text = (i < 0 ? "-" : "") + String(a / s)
        var frac = a % s
        if frac != 0 {
            var digits = maxDecimals
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            let f = String(frac)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }
}

extension SVGNumber {
    /// A finite value too large for fixed decimals, as whole-number digits from its shortest
    /// round-trip form: `9.3e+18` → `9300000000000000000`. No integer conversion, so no value
    /// can trap (`Int64(9.3e18)` does); digits past the 17th are zeros, as the value was written.
    static func wholeNumber(_ x: Double) -> String {
        let text = x.rounded().description
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: "e")
        let exponent = parts.count > 1 ? Int(parts[1].drop { $0 == "+" }) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        var fraction = mantissa.count > 1 ? String(mantissa[1]) : ""
        if fraction.allSatisfy({ $0 == "0" }) { fraction = "" }
        var digits = String(mantissa[0])
        if exponent >= fraction.count {
            digits += fraction + String(repeating: "0", count: exponent - fraction.count)
        } else {
            digits += fraction.prefix(max(0, exponent))
        }
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : (negative ? "-" : "") + trimmed
    }
}

/// Text anchoring.
enum Anchor: String {
    case start, middle, end
}

/// Collects SVG elements in drawing order.
struct SVGBuilder {
    private(set) var parts: [String] = []

    static func n(_ x: Double) -> String { SVGNumber.format(x) }

    /// Attribute string; nil values are skipped. Values are escaped.
    static func attrs(_ list: [(String, String?)]) -> String {
        var s = ""
        for (k, v) in list {
            if let v { s += " \(k)=\"\(XMLText.escape(v))\"" }
        }
        return s
    }

    mutating func raw(_ s: String) { parts.append(s) }

    mutating func element(_ name: String, _ list: [(String, String?)], title: String? = nil) {
        if let title {
            parts.append("<\(name)\(Self.attrs(list))><title>\(XMLText.escape(title))</title></\(name)>")
        } else {
            parts.append("<\(name)\(Self.attrs(list))/>")
        }
    }

    mutating func open(_ cls: String?, _ extra: [(String, String?)] = [], title: String? = nil) {
        parts.append("<g\(Self.attrs([("class", cls)] + extra))>")
        if let title { parts.append("<title>\(XMLText.escape(title))</title>") }
    }

    mutating func close() { parts.append("</g>") }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, cls: String? = nil,
                       fill: String? = nil, extra: [(String, String?)] = []) {
        element("rect", [("x", Self.n(x)), ("y", Self.n(y)), ("width", Self.n(max(0, w))),
                         ("height", Self.n(max(0, h))), ("class", cls), ("fill", fill)] + extra)
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String? = nil,
                       extra: [(String, String?)] = []) {
        element("line", [("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2)),
                         ("class", cls)] + extra)
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, cls: String? = nil,
                         extra: [(String, String?)] = []) {
        element("circle", [("cx", Self.n(cx)), ("cy", Self.n(cy)), ("r", Self.n(max(0, r))), ("class", cls)] + extra)
    }

    mutating func path(_ d: String, cls: String? = nil, extra: [(String, String?)] = []) {
        element("path", [("d", d), ("class", cls)] + extra)
    }

    /// One line of text; `cls` adds to the base text classes (`cx-b` bold, `cx-m` muted, `cx-h` halo).
    mutating func text(_ s: String, _ x: Double, _ baseline: Double, anchor: Anchor = .start, cls: String? = nil) {
        let a: String? = anchor == .start ? nil : anchor.rawValue
        parts.append("<text\(Self.attrs([("x", Self.n(x)), ("y", Self.n(baseline)), ("text-anchor", a), ("class", cls)]))>"
            + XMLText.escape(s) + "</text>")
    }

    /// Draws a placed label (several lines).
    mutating func label(_ l: PlacedLabel) {
        for (i, line) in l.lines.enumerated() {
            text(line.text, l.anchorX, l.top + TextMetrics.ascent + Double(i) * TextMetrics.lineHeight,
                 anchor: l.anchor, cls: line.cls)
        }
    }
}

/// Path data helper with fixed-decimal coordinates.
struct PathData {
    private(set) var d = ""
    mutating func move(_ x: Double, _ y: Double) { d += "M\(SVGNumber.format(x)) \(SVGNumber.format(y))" }
    mutating func lineTo(_ x: Double, _ y: Double) { d += "L\(SVGNumber.format(x)) \(SVGNumber.format(y))" }
    mutating func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x: Double, _ y: Double) {
        d += "C\(SVGNumber.format(x1)) \(SVGNumber.format(y1)) \(SVGNumber.format(x2)) \(SVGNumber.format(y2)) "
            + "\(SVGNumber.format(x)) \(SVGNumber.format(y))"
    }
    mutating func closePath() { d += "Z" }
}

/// Shared `<defs>` of one chart: hatch patterns per colour, ids scoped by the chart id.
struct SVGDefs {
    let prefix: String
    private(set) var hatchColors: [String] = []

    init(prefix: String) { self.prefix = prefix }

    /// `url(#…)` of a diagonal hatch in `color`, created on first use.
    mutating func hatch(_ color: String) -> String {
        if let i = hatchColors.firstIndex(of: color) { return "url(#\(prefix)-hatch-\(i))" }
        hatchColors.append(color)
        return "url(#\(prefix)-hatch-\(hatchColors.count - 1))"
    }

    var markup: String {
        if hatchColors.isEmpty { return "" }
        var s = "<defs>"
        for (i, c) in hatchColors.enumerated() {
            s += "<pattern id=\"\(prefix)-hatch-\(i)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"\(c)\" fill-opacity=\"0.28\"/>"
                + "<rect width=\"2.4\" height=\"6\" fill=\"\(c)\"/></pattern>"
        }
        return s + "</defs>"
    }
}

/// Assembles the complete `<svg>` document.
enum SVGDocument {
    /// Width of every viewBox in user units. At 360 px rendered width, 13-unit text renders at ~11.1 px.
    static let width = 420.0
    /// Rendered width cap (CSS px): 13-unit text then renders at most ~17.3 px on wide screens.
    static let maxRenderedWidth = 560

    /// Turns a caller id into `[a-z0-9-]+`.
    static func sanitize(id: String) -> String {
        var out = ""
        for ch in id.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) || ch == "-" {
                out.unicodeScalars.append(ch)
            } else {
                out += "-"
            }
        }
        return out.isEmpty ? "chart" : out
    }

    /// The font a chart's PNG is drawn in (`RasterVariant`): what Chromium shows for
    /// `system-ui` on a bare Debian machine (Debian `fonts-dejavu-core`, installed by
    /// scripts/install-deps.sh), and the stack's own fallback before `sans-serif`.
    public static let rasterFont = "\"DejaVu Sans\",sans-serif"

    static let style = """
    .cx-chart{--cx-fg:#1f1f1f;--cx-muted:#575757;--cx-grid:#dcdcdc;--cx-axis:#8a8a8a;--cx-bg:#ffffff;\
    --cx-node:#f1f1f1;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"DejaVu Sans",sans-serif}\
    @media (prefers-color-scheme:dark){.cx-chart{--cx-fg:#ededed;--cx-muted:#b4b4b4;--cx-grid:#3b3b3b;\
    --cx-axis:#8a8a8a;--cx-bg:#161616;--cx-node:#2a2a2a}}\
    .cx-chart text{fill:var(--cx-fg);font-size:13px}\
    .cx-chart text.cx-m{fill:var(--cx-muted)}\
    .cx-chart text.cx-onl{fill:#111111}.cx-chart text.cx-ond{fill:#ffffff}\
    .cx-chart .cx-b{font-weight:600}\
    .cx-chart .cx-h{paint-order:stroke;stroke:var(--cx-bg);stroke-width:3px;stroke-linejoin:round}\
    .cx-chart .cx-bg{fill:var(--cx-bg)}\
    .cx-chart .cx-grid{stroke:var(--cx-grid);stroke-width:1}\
    .cx-chart .cx-axis{stroke:var(--cx-axis);stroke-width:1}\
    .cx-chart .cx-fgs{stroke:var(--cx-fg);fill:none}\
    .cx-chart .cx-fgf{fill:var(--cx-fg)}\
    .cx-chart .cx-bgs{stroke:var(--cx-bg)}\
    .cx-chart .cx-node{fill:var(--cx-node)}\
    .cx-chart .cx-lead{stroke:var(--cx-muted);stroke-width:1;fill:none}
    """

    /// The full document. `minY`/`height` describe the vertical extent of the content.
    static func render(id rawID: String, title: String, desc: String, minY: Double, height: Double,
                       defs: SVGDefs, body: SVGBuilder) -> String {
        let id = sanitize(id: rawID)
        let n = SVGNumber.format
        let top = (minY - 8).rounded(.down)
        let h = (height + minY - top + 8).rounded(.up)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"cx-\(id)\" class=\"cx-chart\" "
        s += "viewBox=\"0 \(n(top, 2)) \(n(width, 2)) \(n(h, 2))\" width=\"100%\" "
        s += "style=\"display:block;width:100%;max-width:\(maxRenderedWidth)px;height:auto\" role=\"img\" "
        s += "aria-labelledby=\"cx-\(id)-title cx-\(id)-desc\">"
        s += "<title id=\"cx-\(id)-title\">\(XMLText.escape(title))</title>"
        s += "<desc id=\"cx-\(id)-desc\">\(XMLText.escape(desc))</desc>"
        s += "<style>\(style)</style>"
        s += defs.markup
        s += "<rect class=\"cx-bg\" x=\"0\" y=\"\(n(top, 2))\" width=\"\(n(width, 2))\" height=\"\(n(h, 2))\"/>"
        s += body.parts.joined()
        s += "</svg>"
        return s
    }
}
