import Foundation

/// The SVG a rasterizer is given for a chart's PNG: the light scheme with its colours
/// written out, and the font a bare Debian machine draws the chart in.
///
/// Why a variant: librsvg 2.54 (Debian bookworm's `rsvg-convert`) does not resolve CSS
/// custom properties (`var(--cx-fg)`), so text and background would come out black and
/// transparent; and Pango, given the CSS stack, takes `Arial` → Liberation Sans where
/// Chromium resolves `system-ui` to fontconfig's default sans (DejaVu Sans on Debian), whose
/// widths `TextMetrics` is calibrated for. The PNG is therefore drawn with
/// `SVGDocument.rasterFont`, which is also in the chart's own stack, before `sans-serif`.
public enum RasterVariant {
    /// `svg` (a chart from `ChartRenderer`) with every `var(--cx-…)` replaced by its light
    /// value, the dark-scheme media query removed and the font family set to
    /// `SVGDocument.rasterFont`. Text that is not one of our charts comes back unchanged.
    public static func light(_ svg: String) -> String {
        guard let open = svg.range(of: "<style>"), let close = svg.range(of: "</style>", range: open.upperBound..<svg.endIndex)
        else { return svg }
        var style = String(svg[open.upperBound..<close.lowerBound])
        let values = lightValues(style)
        if let media = style.range(of: "@media (prefers-color-scheme:dark){") {
            // The block closes at its second `}` (one rule inside).
            var depth = 1, index = media.upperBound
            while index < style.endIndex, depth > 0 {
                if style[index] == "{" { depth += 1 } else if style[index] == "}" { depth -= 1 }
                index = style.index(after: index)
            }
            style.removeSubrange(media.lowerBound..<index)
        }
        for (name, value) in values { style = style.replacingOccurrences(of: "var(\(name))", with: value) }
        if let family = style.range(of: "font-family:"), let end = style[family.upperBound...].firstIndex(where: { $0 == "}" || $0 == ";" }) {
            style.replaceSubrange(family.upperBound..<end, with: SVGDocument.rasterFont)
        }
        return String(svg[..<open.upperBound]) + style + String(svg[close.lowerBound...])
    }

    /// `--cx-fg` → `#1f1f1f`…: the custom properties of the first rule (the light scheme).
    static func lightValues(_ style: String) -> [(String, String)] {
        guard let end = style.firstIndex(of: "}") else { return [] }
        return style[..<end].split(separator: ";").compactMap { declaration in
            guard let start = declaration.range(of: "--cx-") else { return nil }
            let pair = declaration[start.lowerBound...].split(separator: ":", maxSplits: 1)
            return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
        }
    }
}
