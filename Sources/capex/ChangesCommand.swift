import ArgumentParser
import Diagnostics
import Editions
import Foundation
import Model
import Site

/// `capex changes`: what the working tree changes in the story's published figures since an
/// edition, in the terminal (`text`), for scripts (`json`) or as GitHub annotations on the
/// data lines that moved a figure (`github`).
struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the figures, claims and records of the working tree with an edition's."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var global: RootOptions

    @Option(name: .long, help: "The revision to compare with (default: the latest edition-* tag).")
    var since: String?

    @Option(name: .long, help: "text, json, or github (::notice annotations on the data lines that moved a figure).")
    var format: Format = .text

    func run() throws {
        let root = try global.siteURL()
        let report: ChangesReport
        do {
            report = try SiteBuilder.changes(BuildOptions(root: root, write: false), since: since)
        } catch {
            switch error {
            case .site(let diagnostics):
                Report.print(diagnostics, root: root)
                Report.error("changes failed: the working tree's site has errors")
            case .history(let message):
                Report.error("error: " + message)
            case .unreadable(let diagnostics, let message):
                Report.print(diagnostics, root: root)
                Report.error("error: " + message)
            }
            throw ExitCode.failure
        }
        // The working tree's warnings and the edition tags passed over, on standard error.
        Report.print(report.diagnostics, root: root)
        switch format {
        case .text: print(ChangesText.text(report), terminator: "")
        case .json: print(ChangesText.json(report))
        case .github: print(ChangesText.github(report), terminator: "")
        }
    }
}

/// How `capex changes` writes a comparison.
enum ChangesText {
    static func text(_ report: ChangesReport) -> String {
        let diff = report.diff
        var heading = "Changes since \(report.since)"
        if let edition = report.edition {
            heading += " (\(RecordDate(edition.day).display())" + (edition.message.isEmpty ? ")" : ": \(edition.message.split(separator: "\n").first ?? ""))")
        } else {
            heading += " (commit \(report.commit.prefix(12)))"
        }
        guard !diff.isEmpty else { return heading + ": no figure, claim or record changed.\n" }
        var out = heading + ":\n"
        func section(_ count: Int, _ one: String, _ many: String, _ lines: [String]) {
            guard count > 0 else { return }
            out += "\(count) \(count == 1 ? one : many):\n" + lines.map { "  " + $0 + "\n" }.joined()
        }
        section(diff.moved.count, "figure moved", "figures moved", diff.moved.flatMap { moved -> [String] in
            var lines = ["\(moved.reference): \(en(moved.old)) → \(en(moved.new))  (\(moved.new.file):\(moved.new.line))"]
            for cause in moved.causes where cause.reference != moved.reference {
                lines.append("  because \(cause.reference) \(change(cause))  (\(cause.new.file):\(cause.new.line))" + sources(cause.new.sources))
            }
            if moved.causes.first?.reference == moved.reference, !moved.new.derived, !moved.new.sources.isEmpty {
                lines.append("  " + sources(moved.new.sources).trimmingCharacters(in: .whitespaces))
            }
            return lines
        })
        section(diff.added.count, "figure added", "figures added", diff.added.map { "\($0.reference): \(en($0.state))" })
        section(diff.removed.count, "figure removed", "figures removed", diff.removed.map { "\($0.reference): was \(en($0.state))" })
        section(diff.verdicts.count, "claim's verdict changed", "claims' verdicts changed", diff.verdicts.map {
            "\($0.id): \($0.old.status) → \($0.new.status)  (\($0.new.file):\($0.new.line))"
        })
        section(diff.recordsAdded.count, "record added", "records added", diff.recordsAdded)
        section(diff.recordsRemoved.count, "record removed", "records removed", diff.recordsRemoved)
        section(diff.recordsEdited.count, "record edited", "records edited", diff.recordsEdited)
        return out
    }

    private static func en(_ state: EditionSnapshot.FigureState) -> String { state.text["en"] ?? "" }

    private static func change(_ cause: EditionDiff.Cause) -> String {
        cause.old.value.isEmpty ? "was added: \(en(cause.new))" : "changed: \(en(cause.old)) → \(en(cause.new))"
    }

    private static func sources(_ ids: [String]) -> String {
        ids.isEmpty ? "" : "  sources: " + ids.joined(separator: ", ")
    }

    /// One annotation per data line whose change moved a published figure (every figure on
    /// `/figures/`), naming the figures it moves; one per claim whose verdict changed.
    static func github(_ report: ChangesReport) -> String {
        struct Line: Hashable, Comparable {
            var file: String, line: Int
            static func < (a: Line, b: Line) -> Bool { (a.file, a.line) < (b.file, b.line) }
        }
        var causes: [Line: (cause: EditionDiff.Cause, moves: [String])] = [:]
        for moved in report.diff.moved {
            for cause in moved.causes {
                let line = Line(file: cause.new.file, line: cause.new.line)
                causes[line, default: (cause, [])].moves.append(moved.reference)
            }
        }
        var out = ""
        for line in causes.keys.sorted() {
            let (cause, moves) = causes[line]!
            let others = moves.filter { $0 != cause.reference }
            var message = "\(cause.reference) \(change(cause)) since \(report.since)"
            if !others.isEmpty { message += "; it moves " + others.joined(separator: ", ") }
            out += "::notice file=\(Report.githubEscapeProperty(line.file)),line=\(line.line),title=\(Report.githubEscapeProperty("Moves a published figure"))::\(Report.githubEscape(message))\n"
        }
        for verdict in report.diff.verdicts {
            let message = "claim \(verdict.id) (\(verdict.new.figure)) is now \(verdict.new.status), was \(verdict.old.status) at \(report.since)"
            out += "::notice file=\(Report.githubEscapeProperty(verdict.new.file)),line=\(verdict.new.line),title=\(Report.githubEscapeProperty("Claim verdict changed"))::\(Report.githubEscape(message))\n"
        }
        return out
    }

    static func json(_ report: ChangesReport) -> String {
        func figure(_ reference: String, _ state: EditionSnapshot.FigureState) -> [String: Any] {
            ["reference": reference, "label": state.label, "value": state.text["en"] ?? "", "file": state.file, "line": state.line,
             "sources": state.sources]
        }
        let diff = report.diff
        var edition: Any = NSNull()
        if let e = report.edition { edition = ["tag": e.tag, "date": e.date, "day": e.day, "message": e.message] }
        let object: [String: Any] = [
            "since": report.since, "commit": report.commit, "edition": edition,
            "moved": diff.moved.map { moved -> [String: Any] in
                var entry = figure(moved.reference, moved.new)
                entry["old"] = moved.old.text["en"] ?? ""
                entry["new"] = moved.new.text["en"] ?? ""
                entry["value"] = nil
                entry["causes"] = moved.causes.map { cause -> [String: Any] in
                    var entry = figure(cause.reference, cause.new)
                    entry["old"] = cause.old.value.isEmpty ? NSNull() : cause.old.text["en"] ?? ""
                    entry["new"] = cause.new.text["en"] ?? ""
                    entry["value"] = nil
                    return entry
                }
                return entry
            },
            "added": diff.added.map { figure($0.reference, $0.state) },
            "removed": diff.removed.map { figure($0.reference, $0.state) },
            "claims": diff.verdicts.map {
                ["id": $0.id, "figure": $0.new.figure, "says": $0.new.says, "old": $0.old.status, "new": $0.new.status,
                 "file": $0.new.file, "line": $0.new.line] as [String: Any]
            },
            "records": ["added": diff.recordsAdded, "removed": diff.recordsRemoved, "edited": diff.recordsEdited],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
