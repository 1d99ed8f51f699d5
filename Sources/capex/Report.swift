import Diagnostics
import Foundation
import Site

/// How the command line shows problems: compiler-style on standard error.
enum Report {
    static func print(_ diagnostics: Diagnostics, root: URL) {
        let text = formatted(diagnostics, root: root)
        if !text.isEmpty { error(text) }
    }

    /// Every problem, compiler style, with its source line and caret.
    static func formatted(_ diagnostics: Diagnostics, root: URL) -> String {
        let siteFolder = root.resolvingSymlinksInPath().path + "/"
        let formatter = DiagnosticFormatter { path in
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
            // Only a regular file inside the site: a problem may be about a link out of the
            // site (whose target is not ours to print) or a FIFO (which would block).
            let resolved = url.resolvingSymlinksInPath()
            guard path.hasPrefix("/") || resolved.path.hasPrefix(siteFolder),
                  (try? resolved.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { return nil }
            return (try? Data(contentsOf: resolved)).map { String(decoding: $0, as: UTF8.self) }
        }
        return diagnostics.sorted.map(formatter.format).joined(separator: "\n")
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func relative(_ url: URL, to root: URL) -> String {
        let path = url.path
        return path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) + "/" : path
    }

    static func json(_ report: BuildReport) -> String {
        let problems = report.diagnostics.sorted.map { d -> [String: Any] in
            ["severity": d.severity.rawValue, "file": d.location.file, "line": d.location.line,
             "column": d.location.column, "message": d.message]
        }
        let object: [String: Any] = ["ok": report.succeeded, "pages": report.pages, "figures": report.figures,
                                     "claims": report.claims, "problems": problems]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// GitHub's workflow commands need `%`, CR and LF escaped in the message.
    static func githubEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property (`file=…`) needs `:` and `,` escaped too, or a path such as
    /// `templates/a,b.mustache` ends the property early (GitHub's toolkit, `escapeProperty`).
    static func githubEscapeProperty(_ text: String) -> String {
        githubEscape(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
