import Diagnostics
import Foundation
import Load
import Markdown
import Model
import Quantities
import Render

/// The build's own parsers, callable on arbitrary text: the entry points of the fuzz
/// harnesses in `Fuzz/` and of the test that replays their findings (`Fuzz/Regressions/`).
/// Each runs the code a build runs on that text — parse, compute, format, draw — and
/// returns what the user would see (a value's text, or located errors). A crash, a hang or a
/// sanitizer report in any of them is a bug in the build; nothing else here is judged.
public struct ParserProbe: Sendable {
    let model: StoryModel
    let collections: [RecordCollection]

    /// A model built from `content/data/*.yaml`-style files (`path` → text), for the
    /// probes that resolve references (formulas, `{{ }}`, chart blocks).
    public init(data: [(path: String, text: String)]) {
        let loaded = data.compactMap { DataCollection.load(path: $0.path, text: $0.text).0?.recordCollection }
        collections = loaded
        model = StoryModel.build(loaded).0
    }

    /// A quantity as a data field holds it (`~$30k–40k per GPU`), then the arithmetic and
    /// formatting every figure goes through: its text in both locales and every notation,
    /// and its sum, product and quotient with itself. Returns the English text, or the error.
    public static func quantity(_ text: String) -> String {
        let q: Quantity
        do {
            q = try Quantity.parse(text)
        } catch {
            return "error at \(error.offset): \(error.message)"
        }
        var out = ""
        let derived = [q, (try? q + q), q * q, (try? q / q), (try? q - q), Quantity(-1) * q].compactMap { $0 }
        for value in derived {
            for locale in QuantityLocale.allCases {
                for options in [FormatOptions(), FormatOptions(compact: true), FormatOptions(precision: 1),
                                FormatOptions(precision: 15), FormatOptions(notation: .number), FormatOptions(notation: .percent)] {
                    out += value.formatted(locale, options) + "\n"
                }
            }
        }
        return out
    }

    /// A `figures` record's `expr`, evaluated against the model as a build does: the
    /// figure's text, or the diagnostics the build would print.
    public func formula(_ expression: String) -> [String] {
        let at = SourceLocation(file: "content/data/figures.yaml", line: 2, column: 9)
        let node = YAMLNode(.mapping([
            YAMLNode.Entry(key: "id", keyLocation: at, value: YAMLNode(.scalar(.string("probe"), text: "probe"), at: at)),
            YAMLNode.Entry(key: "expr", keyLocation: at, value: YAMLNode(.scalar(.string(expression), text: expression), at: at)),
        ]), at: at)
        let probe = Record(collection: "figures", id: "probe", location: at, node: node)
        var others = collections.filter { $0.name != "figures" }
        others.append(RecordCollection(name: "figures", path: at.file,
                                       records: (collections.first { $0.name == "figures" }?.records ?? []) + [probe]))
        let (built, diagnostics) = StoryModel.build(others)
        guard let figure = built.figures["figures.probe"] else { return diagnostics.map(\.description) }
        return [FigureText.format(figure, locale: .en), FigureText.format(figure, locale: .es),
                FigureText.derivation(of: figure, in: built, sourceNames: [:], locale: .en)]
    }

    /// Front matter through the fast path and through Yams. Nil when they agree (or the
    /// fast path declines); otherwise both readings, which is a bug in the fast path.
    public static func frontMatterDisagreement(_ yaml: String) -> String? {
        guard let fast = SimpleYAML.parse(yaml, file: "f.md", firstLine: 2) else { return nil }
        let slow: YAMLNode?
        do {
            slow = try YAMLLoader.parse(yaml, file: "f.md", firstLine: 2)
        } catch {
            return "fast path: \(describe(fast))\nYams: \(error)"
        }
        let (a, b) = (describe(fast), describe(slow))
        return a == b ? nil : "fast path: \(a)\nYams: \(b)"
    }

    /// A whole page file's front matter read as a build reads it (split, parse, fields):
    /// the title, or the diagnostics.
    public static func frontMatter(page text: String) -> [String] {
        let (parsed, diagnostics) = FrontMatter.parse(text, file: "content/p.md", requireTitle: true, defaultTitle: "P")
        return [parsed.meta.title] + diagnostics.map(\.description)
    }

    /// A node with its kind, resolved scalars, text and positions, for comparing readings.
    /// An empty value (`draft:`) has no position of its own: Yams marks it where the next
    /// token starts, the fast path where the value would be; neither is shown to a user
    /// (field errors point at the key), so it is left out of the comparison.
    public static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        var at = "@\(node.location.line):\(node.location.column)"
        if case .scalar(.null, let text) = node.kind, text.isEmpty { at = "@empty" }
        switch node.kind {
        case .scalar(let scalar, let text): return "\(scalar)[\(text)]\(at)"
        case .sequence(let items): return "[" + items.map { describe($0) }.joined(separator: ", ") + "]\(at)"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column)=\(describe($0.value))" }
                .joined(separator: ", ") + "}\(at)"
        }
    }

    /// A page body rendered as the build renders it, `{{ }}` references and chart blocks
    /// included: the HTML and the diagnostics.
    public func page(_ markdown: String) -> (html: String, problems: [String]) {
        let page = Page(kind: .regular, sourcePath: "content/p.md", section: "", url: "/p/",
                        meta: PageMeta(title: "P"), body: markdown, bodyFirstLine: 1)
        let figures = FigureReferences(model: model, sourceNames: [:], basePath: "", locale: .en)
        let charts = ChartBlocks(model: model, basePath: "", locale: .en, sourceNames: [:])
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var problems: [Diagnostic] = []
        var cited = Set<String>()
        var outputs: [ChartOutput] = []
        let rewriter = MarkdownRewriter(rewriteText: { text in
            let line = text.line >= 1 && text.line <= lines.count ? lines[text.line - 1] : nil
            return figures.rewrite(text, page: page, sourceLine: line, diagnostics: &problems, cited: &cited)
        }, rewriteCodeBlock: { block in
            guard block.info == "chart" else { return nil }
            do {
                let (html, output) = try charts.render(code: block.code, file: page.sourcePath,
                                                       firstLine: page.bodyFirstLine + block.line, cited: &cited)
                outputs.append(output)
                return html
            } catch let failure as ChartBlocks.Failure {
                problems += failure.diagnostics
                return ""
            } catch {
                return ""
            }
        })
        let html = MarkdownRenderer().render(markdown, rewriter: rewriter)
        return (html + outputs.map { $0.svg + $0.csv }.joined(), problems.map(\.description))
    }

    /// A chart block's YAML (what sits between ```` ```chart ```` and ```` ``` ````): the SVG
    /// and CSV it draws, or its diagnostics.
    public func chartBlock(_ yaml: String) -> [String] {
        let charts = ChartBlocks(model: model, basePath: "", locale: .en, sourceNames: [:])
        var cited = Set<String>()
        do {
            let (html, output) = try charts.render(code: yaml, file: "content/p.md", firstLine: 2, cited: &cited)
            return [html, output.svg, output.csv]
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
