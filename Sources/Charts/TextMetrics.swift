// Approximate text measurement and wrapping, shared by layout and tests.

/// An axis-aligned rectangle in viewBox units.
struct Box: Equatable {
    var x: Double
    var y: Double
    var w: Double
    var h: Double

    var maxX: Double { x + w }
    var maxY: Double { y + h }

    /// True when the interiors overlap (touching edges do not count), after growing `self` by `pad`.
    func intersects(_ o: Box, pad: Double = 0) -> Bool {
        x - pad < o.maxX && o.x < maxX + pad && y - pad < o.maxY && o.y < maxY + pad
    }

    func union(_ o: Box) -> Box {
        let nx = min(x, o.x), ny = min(y, o.y)
        return Box(x: nx, y: ny, w: max(maxX, o.maxX) - nx, h: max(maxY, o.maxY) - ny)
    }
}

/// Font metrics model: one font size (13 units) and per-character width estimates in em.
enum TextMetrics {
    static let fontSize = 13.0
    /// Distance between baselines of consecutive lines.
    static let lineHeight = 16.0
    /// Baseline minus the top of the text box.
    static let ascent = 11.0
    /// Height of one line's box (ascent + descent).
    static let boxHeight = 14.5

    /// Width in em of one character: ~0.6 for latin letters and digits, narrower for punctuation,
    /// wider for capitals, `m`/`w`, symbols and non-latin scripts (conservative for DejaVu Sans).
    static func em(_ c: Unicode.Scalar) -> Double {
        switch c {
        case " ", "\u{00A0}": return 0.32
        case "i", "l", "j", ".", ",", ":", ";", "'", "|", "!", "`", "·": return 0.32
        case "f", "t", "r", "I", "(", ")", "[", "]", "/", "\\", "-", "\"": return 0.42
        case "m", "w": return 0.92
        case "M", "W", "%", "@", "—", "…": return 0.98
        case "0"..."9", "$", "€", "£", "#", "?", "_": return 0.64
        case "A"..."Z": return 0.74
        case "a"..."z": return 0.61
        case "–": return 0.52
        case "~", "≥", "≤", ">", "<", "→", "←", "+", "=", "×", "±": return 0.84
        default:
            if c.value >= 0x2E80 { return 1.0 }
            return c.value < 0x80 ? 0.64 : 0.76
        }
    }

    /// Estimated advance width of `s` in viewBox units.
    static func width(_ s: String, bold: Bool = false) -> Double {
        var total = 0.0
        for c in s.unicodeScalars { total += em(c) }
        return total * fontSize * (bold ? 1.07 : 1.0)
    }

    /// Greedy word wrap into lines no wider than `maxWidth`, breaking only at spaces outside
    /// numbers: a no-break space (U+00A0, as between a qualifier and its number) never breaks,
    /// and a word holding a digit keeps the short word after it (`10 GW`, `$14 billion`) when
    /// the line allows. A number is never split inside itself: a range wider than `maxWidth`
    /// (after the layout widened its column by `widestUnbreakable`, as far as it can) breaks
    /// only after its en dash, a single number not at all; an over-long word without digits
    /// is cut, after a hyphen or slash where it has one.
    static func wrap(_ s: String, maxWidth: Double, bold: Bool = false) -> [String] {
        let words = s.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if words.isEmpty { return [""] }
        var lines: [String] = []
        var current = ""
        var index = 0
        while index < words.count {
            // A number and the unit word after it travel together when they fit on a line.
            var unit = words[index]
            var next = index + 1
            if next < words.count, isNumeric(words[index]), !isNumeric(words[next]), words[next].count <= 8,
               width(unit + " " + words[next], bold: bold) <= maxWidth {
                unit += " " + words[next]
                next += 1
            }
            index = next
            let candidate = current.isEmpty ? unit : current + " " + unit
            if width(candidate, bold: bold) <= maxWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = unit
            guard width(unit, bold: bold) > maxWidth else { continue }
            if isNumeric(unit) {
                // A range too wide for the line breaks after its dash, which stays at the line's
                // end ("~10.500–" / "14.000 M$"): a Spanish amount is longer than "~$10.5–14B".
                if let dash = unit.firstIndex(of: "–"), unit.index(after: dash) < unit.endIndex {
                    lines.append(String(unit[...dash]))
                    current = String(unit[unit.index(after: dash)...])
                }
                continue
            }
            let pieces = cut(unit, maxWidth: maxWidth, bold: bold)
            lines += pieces.dropLast()
            current = pieces.last ?? ""
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The widest piece of `s` that `wrap` never breaks (a number with its qualifier), so a
    /// layout can make its label column at least that wide.
    static func widestUnbreakable(_ s: String, bold: Bool = false) -> Double {
        s.split(separator: " ").filter { isNumeric($0) }.map { width(String($0), bold: bold) }.max() ?? 0
    }

    /// True for a word holding a digit (`$10.5B–$14B`, `≥\u{00A0}10`).
    static func isNumeric<S: StringProtocol>(_ word: S) -> Bool {
        word.unicodeScalars.contains { $0.properties.numericType != nil && $0.value < 0x80 }
    }

    /// Cuts a word without digits to lines, after `-` or `/` where possible, else anywhere.
    private static func cut(_ word: String, maxWidth: Double, bold: Bool) -> [String] {
        var lines: [String] = []
        var piece = ""
        for ch in word {
            let next = piece + String(ch)
            if width(next, bold: bold) > maxWidth && !piece.isEmpty {
                if let at = piece.lastIndex(where: { $0 == "-" || $0 == "/" }) {
                    let head = String(piece[...at])
                    lines.append(head)
                    piece = String(piece[piece.index(after: at)...]) + String(ch)
                } else {
                    lines.append(piece)
                    piece = String(ch)
                }
            } else {
                piece = next
            }
        }
        lines.append(piece)
        return lines
    }

    /// The box of one text line drawn at (`x`, `baseline`) with `anchor`.
    static func lineBox(_ s: String, x: Double, baseline: Double, anchor: Anchor, bold: Bool = false) -> Box {
        let w = width(s, bold: bold)
        let left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - w / 2
        case .end: left = x - w
        }
        return Box(x: left, y: baseline - ascent, w: w, h: boxHeight)
    }
}

/// One line of a label: text and its CSS classes.
struct LabelLine {
    var text: String
    var cls: String?

    var bold: Bool { cls?.split(separator: " ").contains("cx-b") ?? false }
    var width: Double { TextMetrics.width(text, bold: bold) }
}

/// A multi-line label with a position: `anchorX` with `anchor`, top of the first line at `top`.
struct PlacedLabel {
    var lines: [LabelLine]
    var anchor: Anchor
    var anchorX: Double
    var top: Double

    init(_ lines: [LabelLine], anchor: Anchor = .start, x: Double = 0, top: Double = 0) {
        self.lines = lines
        self.anchor = anchor
        self.anchorX = x
        self.top = top
    }

    var width: Double { lines.map(\.width).max() ?? 0 }
    var height: Double { lines.isEmpty ? 0 : Double(lines.count - 1) * TextMetrics.lineHeight + TextMetrics.boxHeight }

    var left: Double {
        switch anchor {
        case .start: return anchorX
        case .middle: return anchorX - width / 2
        case .end: return anchorX - width
        }
    }

    var box: Box { Box(x: left, y: top, w: width, h: height) }

    /// Moves the label horizontally so that it stays within `lo...hi`.
    mutating func clampX(_ lo: Double, _ hi: Double) {
        let l = left
        if l < lo { anchorX += lo - l } else if l + width > hi { anchorX -= min(l + width - hi, l - lo) }
    }

    /// Builds wrapped lines: a bold first text and optional muted further texts.
    static func lines(bold first: String?, muted rest: [String], maxWidth: Double) -> [LabelLine] {
        var out: [LabelLine] = []
        if let first, !first.isEmpty {
            out += TextMetrics.wrap(first, maxWidth: maxWidth, bold: true).map { LabelLine(text: $0, cls: "cx-b cx-h") }
        }
        for r in rest where !r.isEmpty {
            out += TextMetrics.wrap(r, maxWidth: maxWidth).map { LabelLine(text: $0, cls: "cx-m cx-h") }
        }
        return out
    }
}
