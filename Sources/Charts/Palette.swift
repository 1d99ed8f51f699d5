import Foundation

// Colours: caller hex strings, the Okabe–Ito colour-blind-safe palette, contrast for in-mark text.

enum Palette {
    /// Okabe–Ito without black (invisible on dark backgrounds); yellow last (weak on white).
    static let okabeIto = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442"]

    /// Investment arcs in flow charts.
    static let investment = "#0072b2"
    /// Purchase arcs in flow charts.
    static let purchase = "#d55e00"

    /// The caller's colour when it is a valid `#rgb`/`#rrggbb`, else the palette colour for `index`.
    static func color(_ hex: String?, index: Int) -> String {
        if let hex, let c = normalize(hex) { return c }
        return okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count]
    }

    /// Lowercase `#rrggbb`, or nil when `hex` is not a hex colour.
    static func normalize(_ hex: String) -> String? {
        var s = hex.trimmingCharacters(in: .whitespaces).lowercased()
        if s.hasPrefix("#") { s.removeFirst() }
        guard s.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else { return nil }
        if s.count == 3 { s = s.map { "\($0)\($0)" }.joined() }
        return s.count == 6 ? "#" + s : nil
    }

    /// Relative luminance (WCAG 2) of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let s = Array(hex.dropFirst())
        func channel(_ i: Int) -> Double {
            let v = Double(Int(String(s[i...i + 1]), radix: 16) ?? 0) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        guard s.count == 6 else { return 0 }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    static func contrast(_ a: Double, _ b: Double) -> Double { (max(a, b) + 0.05) / (min(a, b) + 0.05) }

    /// Text class for a label drawn on a `fill`-coloured mark: white (`cx-ond`) or near-black (`cx-onl`),
    /// whichever contrasts more; nil when neither reaches 4.5:1.
    static func textClass(on fill: String) -> String? {
        let l = luminance(fill)
        let white = contrast(l, 1.0), dark = contrast(l, luminance("#111111"))
        if max(white, dark) < 4.5 { return nil }
        return white >= dark ? "cx-ond" : "cx-onl"
    }
}
