import Diagnostics
import Load

/// Translations that drift apart (issue 12, "Drift between translations"): for a numbers
/// story the dangerous translation error is a figure. A page and its translation
/// (`money.md`, `money.es.md`) must cite the same figures, claims and charts, and draw each
/// chart from the same data (`PageCitations`). Anything one cites and the other does not,
/// or a chart drawn differently, is a warning at both files (an error under `--strict`):
/// at the citation in the file that has it, and in the other file after the nearest
/// citation both share (else at its first line of text), naming the first file's line.
package enum TranslationDrift {
    /// A page and one of its translations.
    package struct Pair {
        package var original: Page
        package var translation: Page
        package var language: String
    }

    /// Pairs each `name.<lang>.md` with `name.md` in the same folder, for each language of
    /// `languages` but the first (the default). A translation whose original is missing is
    /// not a pair (the language tree reports it).
    package static func pairs(in pages: [Page], languages: [String]) -> [Pair] {
        let byPath = Dictionary(pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [Pair] = []
        for page in pages where page.kind == .regular {
            for language in languages.dropFirst() {
                let suffix = ".\(language).md"
                guard page.sourcePath.hasSuffix(suffix),
                      let original = byPath[String(page.sourcePath.dropLast(suffix.count)) + ".md"] else { continue }
                pairs.append(Pair(original: original, translation: page, language: language))
            }
        }
        return pairs.sorted { $0.translation.sourcePath < $1.translation.sourcePath }
    }

    /// The drift between the two pages of `pair`, whose bodies must be read.
    package static func problems(_ pair: Pair) -> [Diagnostic] {
        problems(original: PageCitations.read(pair.original), translation: PageCitations.read(pair.translation),
                 originalPage: pair.original, translationPage: pair.translation)
    }

    static func problems(original: PageCitations, translation: PageCitations, originalPage: Page, translationPage: Page) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let translation = matchingRenamedCharts(translation, to: original)
        let sides = [(original, translation, originalPage, translationPage, "its translation", "the page it translates"),
                     (translation, original, translationPage, originalPage, "the page it translates", "its translation")]
        for (here, there, herePage, therePage, thereRole, hereRole) in sides {
            let thereKeys = Set(there.items.map(\.key))
            var reported = Set<String>()
            for (index, citation) in here.items.enumerated() where !thereKeys.contains(citation.key) && reported.insert(citation.key).inserted {
                let what = describe(citation)
                problems.append(.warning(at: citation.location, "\(what) is cited here but not in \(therePage.sourcePath), \(thereRole): a page and its translation cite the same figures, claims and charts"))
                problems.append(.warning(at: place(after: index, in: here, among: there, page: therePage),
                                         "\(what) is not cited here but is in \(herePage.sourcePath):\(citation.location.line), \(hereRole)"))
            }
        }
        // The same chart drawn from other data.
        for chart in original.items where chart.kind == .chart {
            guard let other = translation.items.first(where: { $0.key == chart.key }), other.drawing != chart.drawing else { continue }
            let difference = differences(chart.drawing, other.drawing)
            problems.append(.warning(at: chart.location, "chart '\(chart.name)' is drawn from \(difference.here) here but from \(difference.there) in \(translationPage.sourcePath):\(other.location.line), its translation"))
            problems.append(.warning(at: other.location, "chart '\(chart.name)' is drawn from \(difference.there) here but from \(difference.here) in \(originalPage.sourcePath):\(chart.location.line), the page it translates"))
        }
        return problems
    }

    /// A translation may give a chart its own id (`deals-bar-es`): a chart whose id the
    /// original lacks, drawn exactly as an original chart whose id the translation lacks,
    /// is that chart.
    static func matchingRenamedCharts(_ translation: PageCitations, to original: PageCitations) -> PageCitations {
        let originalIDs = Set(original.items.filter { $0.kind == .chart }.map(\.name))
        let translationIDs = Set(translation.items.filter { $0.kind == .chart }.map(\.name))
        var unmatched = original.items.filter { $0.kind == .chart && !translationIDs.contains($0.name) }
        var result = translation
        for index in result.items.indices where result.items[index].kind == .chart && !originalIDs.contains(result.items[index].name) {
            if let match = unmatched.firstIndex(where: { $0.drawing == result.items[index].drawing }) {
                result.items[index].name = unmatched.remove(at: match).name
            }
        }
        return result
    }

    /// Where the other page would cite `here.items[index]`: after the nearest citation
    /// before it that the other page also has, else at the other page's first line of text.
    static func place(after index: Int, in here: PageCitations, among there: PageCitations, page: Page) -> SourceLocation {
        for earlier in here.items[..<index].reversed() {
            if let shared = there.items.first(where: { $0.key == earlier.key }) { return shared.location }
        }
        return SourceLocation(file: page.sourcePath, line: max(1, page.bodyFirstLine), column: 1)
    }

    static func describe(_ citation: PageCitations.Citation) -> String {
        switch citation.kind {
        case .figure: return "figure \(citation.name)"
        case .claim: return "claim '\(citation.name)'"
        case .chart: return "chart '\(citation.name)'"
        }
    }

    /// The chart fields that differ, each side's: `y: amount` against `y: power`.
    static func differences(_ a: String, _ b: String) -> (here: String, there: String) {
        func fields(_ s: String) -> [String: String] {
            var result: [String: String] = [:]
            for part in s.components(separatedBy: "; ") where !part.isEmpty {
                let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
                result[pieces[0]] = pieces.count == 2 ? pieces[1].trimmingWhitespace() : ""
            }
            return result
        }
        let (left, right) = (fields(a), fields(b))
        let changed = PageCitations.drawingFields.filter { left[$0] != right[$0] }
        func side(_ values: [String: String]) -> String {
            changed.map { "\($0): \(values[$0] ?? "(none)")" }.joined(separator: ", ")
        }
        return (side(left), side(right))
    }
}
