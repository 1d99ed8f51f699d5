import Foundation
import Load

/// A chart as others can reuse it: the page `/charts/<id>/` that shows the chart alone (for
/// an `<iframe>`), and the "Embed" disclosure under the chart in the story with the iframe
/// code and links to the PNG and the CSV. Datawrapper's embed is the model: a responsive
/// chart, its title, sources and data link, no site navigation, light and dark.
struct ChartEmbed {
    let config: SiteConfig
    /// The page's language: the words around the chart (`NewsroomWords`).
    let language: String
    /// The words of `language`: the built-in ones unless the caller gives the site's.
    var words: Words
    /// The language's tree (`""`, `/es`): where the chart's embed page, PNG and CSV live.
    var tree = ""
    /// The site's favicons (`templates/assets/favicon.svg`, `.ico`) as `<link>`s, so that a
    /// browser showing the frame does not ask for a `/favicon.ico` that is not there.
    var iconLinks = ""

    init(config: SiteConfig, language: String, assets: [Asset] = []) {
        self.config = config
        self.language = language
        self.words = .builtIn(NewsroomWords.code(language))
        for asset in assets.sorted(by: { $0.outputPath < $1.outputPath }) {
            let href = config.basePath + "/" + asset.outputPath
            switch asset.templateKey {
            case "favicon_ico": iconLinks += "\n<link rel=\"icon\" href=\"\(href)\" sizes=\"32x32\">"
            case "favicon_svg": iconLinks += "\n<link rel=\"icon\" href=\"\(href)\" type=\"image/svg+xml\">"
            default: break
            }
        }
    }

    /// Width (CSS px) the chart is drawn at when its container is wider: the SVG's own
    /// `max-width` (`SVGDocument.maxRenderedWidth`), so text stays at most ~17 px.
    static let chartMaxWidth = 560.0
    /// Height (CSS px) of what the embed page shows besides the chart at that width: the
    /// title on up to two lines, the credit line on up to two, and the margins.
    static let chromeHeight = 150.0

    /// `https://example.org/capex/charts/<id>/`.
    func pageURL(_ id: String) -> String { config.origin + config.basePath + tree + "/charts/\(id)/" }
    func pngPath(_ id: String) -> String { config.basePath + tree + "/charts/\(id).png" }
    func csvPath(_ id: String) -> String { config.basePath + tree + "/data/charts/\(id).csv" }

    /// The iframe's height for a chart `svg`: the chart at its widest plus the title and the
    /// credits, rounded up to 10 px. A narrower container draws the chart smaller, so the
    /// frame never cuts it.
    static func frameHeight(svg: String) -> Int {
        let (width, height) = ChartViewBox.size(svg) ?? (420, 300)
        let pixels = chartMaxWidth * height / width + chromeHeight
        return Int((pixels / 10).rounded(.up)) * 10
    }

    /// The code a reader copies: an iframe with a title (its accessible name), the height
    /// for the chart, `loading="lazy"`, no border.
    func iframe(id: String, title: String, svg: String) -> String {
        // Only what a double-quoted attribute needs: the code stays readable (`Meta's`).
        let attribute = { (text: String) in
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        return "<iframe src=\"\(attribute(pageURL(id)))\" title=\"\(attribute(title))\" width=\"100%\" "
            + "height=\"\(Self.frameHeight(svg: svg))\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>"
    }

    /// The `<details>` under a chart in the story: the iframe code, then the PNG link (when
    /// the PNG was made) and the CSV link.
    func disclosure(id: String, title: String, svg: String, hasPNG: Bool) -> String {
        let w = { NewsroomWords.word($0, words) }
        var links = [String]()
        if hasPNG { links.append("<a href=\"\(pngPath(id))\">\(w("png"))</a>") }
        links.append("<a href=\"\(csvPath(id))\">\(w("csv"))</a>")
        return "<details class=\"chart-embed\"><summary>\(w("embed"))</summary>\n"
            + "<p>\(w("embed_hint"))</p>\n"
            // Wrapped, never scrolled: nothing to reach by keyboard, and no label on a `<pre>`
            // (ARIA prohibits naming an element of the generic role).
            + "<pre style=\"white-space:pre-wrap;overflow-wrap:anywhere\"><code>"
            + Escape.html(iframe(id: id, title: title, svg: svg)) + "</code></pre>\n"
            + "<p>" + links.joined(separator: " · ") + "</p>\n</details>"
    }

    /// `html` (a chart's `<figure>`) followed by the disclosure. After the figure, not in it:
    /// a `<figure>`'s caption must be its first or last child (HTML, "The figure element"),
    /// and inside the caption the code would become part of the figure's accessible name.
    func inserting(into html: String, id: String, title: String, svg: String, hasPNG: Bool) -> String {
        html + "\n" + disclosure(id: id, title: title, svg: svg, hasPNG: hasPNG)
    }

    /// The page `/charts/<id>/`: the chart sized to its container, its title, sources, the
    /// CSV link and a link back to the story page that holds it; no navigation, no script.
    /// `sources` are (name, id) pairs, linked to `/sources/#id`; `corrections`, the corrections
    /// of what the chart draws, linked to their entries on `/changes/`.
    func page(id: String, title: String, svg: String, sources: [(name: String, id: String)], storyURL: String?,
              corrections: [(words: String, anchor: String)] = []) -> String {
        let w = { NewsroomWords.word($0, words) }
        let site = config.origin + config.basePath + tree
        let away = "target=\"_blank\" rel=\"noopener\""
        var credit = ""
        if !sources.isEmpty {
            credit += w("sources") + ": " + sources.map {
                "<a href=\"\(site)/sources/#\(Escape.html($0.id))\" \(away)>\(Escape.html($0.name))</a>"
            }.joined(separator: "; ") + ". "
        }
        // A correction of what the chart draws, on /changes/ (issue 13).
        if !corrections.isEmpty {
            credit += corrections.map {
                "<a href=\"\(site)/changes/#\(Escape.html($0.anchor))\" \(away)>\(Escape.html($0.words))</a>"
            }.joined(separator: "; ") + ". "
        }
        var links = ["<a href=\"\(site)/data/charts/\(id).csv\" \(away)>\(w("csv"))</a>"]
        if let storyURL { links.append("<a href=\"\(Escape.html(storyURL))#chart-\(id)\" \(away)>\(w("open_story"))</a>") }
        links.append("<a href=\"\(site)/\" \(away)>\(Escape.html(config.title))</a>")
        credit += links.joined(separator: " · ")
        return """
        <!DOCTYPE html>
        <html lang="\(Escape.html(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Escape.html(title)) · \(Escape.html(config.title))</title>
        <link rel="canonical" href="\(pageURL(id))">
        <meta name="robots" content="noindex, indexifembedded">
        <meta name="color-scheme" content="light dark">\(iconLinks)
        <style>\(Self.style)</style>
        </head>
        <body>
        <main>
        <figure class="chart-embed" id="chart-\(id)">
        <h1>\(Escape.html(title))</h1>
        \(svg)
        <figcaption>\(credit)</figcaption>
        </figure>
        </main>
        </body>
        </html>

        """
    }

    /// The embed page's whole style: the chart's own colours (`--cx-bg`, `--cx-fg`) in both
    /// schemes, so the frame and the chart are one surface; the chart runs edge to edge, so
    /// that at 360 px its 13-unit text still renders at 11 px.
    static let style = """
    :root{color-scheme:light dark;--bg:#ffffff;--fg:#1f1f1f;--muted:#575757;--link:#0b5cad}\
    @media (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#ededed;--muted:#b4b4b4;--link:#8cc4ff}}\
    html,body{margin:0;background:var(--bg);color:var(--fg)}\
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"DejaVu Sans",sans-serif;line-height:1.4}\
    figure{margin:0;padding:8px 0 10px}\
    h1{font-size:1.05rem;margin:0 0 6px;padding:0 8px;max-width:560px}\
    figcaption{font-size:.8125rem;color:var(--muted);margin-top:6px;padding:0 8px;max-width:560px}\
    a{color:var(--link)}
    """
}
