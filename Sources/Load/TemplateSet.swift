import Diagnostics
import Mustache

/// The site's Mustache templates, named by path without extension (`layout`, `page`,
/// `partials/head`), and the rule for which one renders a page.
package struct TemplateSet: @unchecked Sendable {
    // MustacheLibrary is Sendable; the names are plain strings.
    var library: MustacheLibrary
    package var names: Set<String>
    package var paths: [String: String]
    /// Each template's text, for dependency tracking.
    package var texts: [String: String] = [:]
    /// Each template's dependency keys, read from the texts once (`dependencies(of:)`).
    var dependencyMap: [String: Set<String>] = [:]

    /// Templates that exist but were refused (unreadable, bad syntax): reported once, and
    /// not reported again as missing by the pages and partials that use them.
    var rejected: Set<String> = []

    /// `refused`: templates whose file was refused before it could be read (reported then).
    package static func load(paths: [String], refused: Set<String> = [], read: (String) -> String?) -> (TemplateSet, [Diagnostic]) {
        TemplateEscaping.registered
        var library = MustacheLibrary()
        var names = Set<String>()
        var pathByName: [String: String] = [:]
        var texts: [String: String] = [:]
        var problems: [Diagnostic] = []
        var rejected = refused
        for path in paths {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            guard let text = read(path) else {
                problems.append(.error(at: .start(of: path), "cannot read file (check its permissions)"))
                rejected.insert(name)
                continue
            }
            texts[name] = text
            rejected.insert(name)
            do {
                try library.register(TemplateEscaping.pragmaLine + text, named: name)
                names.insert(name)
                pathByName[name] = path
                // A file refused as it was read (not UTF-8) is registered empty, and stays rejected.
                if !refused.contains(name) { rejected.remove(name) }
            } catch let error as MustacheTemplate.ParserError {
                // The escaping pragma is the line before the file's first (`TemplateEscaping`).
                let location = SourceLocation(file: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber + 1)
                problems.append(.error(at: location, "template syntax: \(describe(error.error))"))
            } catch {
                problems.append(.error(at: .start(of: path), "template syntax: \(error)"))
            }
        }
        // Pages generated from the model have built-in templates; the site's own win.
        for (name, text) in DefaultTemplates.all.sorted(by: { $0.key < $1.key }) where !names.contains(name) && !rejected.contains(name) {
            try? library.register(TemplateEscaping.pragmaLine + text, named: name)
            texts[name] = text
            names.insert(name)
            pathByName[name] = "(built-in \(name))"
        }
        for required in ["layout", "page", "list"] where !names.contains(required) && !rejected.contains(required) {
            problems.append(.error(at: .start(of: "templates/\(required).mustache"), "missing template '\(required)': every site needs it"))
        }
        var set = TemplateSet(library: library, names: names, paths: pathByName, texts: texts, rejected: rejected)
        for name in texts.keys { set.dependencyMap[name] = set.scanDependencies(of: name) }
        return (set, problems)
    }

    /// The template a page is rendered with: its `template` field, else `home` for the
    /// root page when the site has one, else `page` or `list`.
    package func templateName(for page: Page) -> String {
        if let chosen = page.template { return chosen }
        if page.url == "/", names.contains("home") { return "home" }
        return page.kind == .list ? "list" : "page"
    }

    func checkTemplate(for page: Page) -> Diagnostic? {
        let name = templateName(for: page)
        guard !names.contains(name), !rejected.contains(name) else { return nil }
        let at = page.meta.node?["template"]?.location ?? page.location
        let known = names.filter { !$0.hasPrefix("partials/") && DefaultTemplates.all[$0] == nil }.sorted().joined(separator: ", ")
        return .error(at: at, "no template '\(name)' in templates/ (there are: \(known))")
    }

    /// Renders a known template; nil only for a name `checkTemplate` would have refused.
    package func render(_ name: String, _ context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not finished: '{{' without '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "bad set-delimiter tag"
        default: return "\(error)"
        }
    }
}
