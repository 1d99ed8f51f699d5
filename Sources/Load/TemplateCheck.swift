import Diagnostics
import Foundation
import Model

/// Checks the site's templates against what the pipeline can give them, before anything
/// renders: a partial that does not exist is an error at its tag; a name that no context
/// a template is ever rendered with holds (`{{page.titel}}`) is a warning, with a near
/// miss as "did you mean". swift-mustache renders both as nothing.
///
/// A name is looked up as swift-mustache does (Template+Render.swift, `getChild`): its first
/// part in the innermost section's value and outward, its other parts strictly below. The
/// values are shapes (`ContextShape`): every key any page's front matter, any record or
/// the pipeline supplies, so an optional field (`page.description` on some pages) or a
/// key only some list items have is never reported. A partial is checked where it is
/// included, inside the sections around its tag; a tag is reported only when unknown in
/// every place it is rendered from.
struct TemplateCheck {
    package let templates: TemplateSet
    package let site: LoadedSite
    /// Every data file's collection name, those refused with an error included: a
    /// template's use of one is not reported again.
    var dataNames: [String] = []
    /// The data had errors: a record's figures may be missing because of them.
    var dataHadErrors = false

    /// Templates the pipeline renders pages from the model with: their `page` holds what
    /// `GeneratedPages` puts there.
    package static let generated: Set<String> = ["figures", "checks", "sources", "data", "deals", "companies", "company", "assumptions", "changes"]

    package func run() -> [Diagnostic] {
        var walk = Walk(templates: templates)
        let summary = pageSummaryShape()
        let common = commonShape(summary: summary)
        let pageShape = ContextShape()
        pageShape.merge(summary)
        for key in ["content", "is_home", "is_list", "language", "has_translations", "languages_label"] { pageShape.child(key) }
        // A site in several languages: the switcher's languages and the alternates (LanguageTrees).
        for key in ["translations", "alternates"] { pageShape.set(key, .open) }
        pageShape.set("pages", summary)

        // The layout wraps every page, generated ones and the 404 page included.
        let anyPage = ContextShape()
        anyPage.merge(pageShape)
        for key in ["is_generated", "is_404"] { anyPage.child(key) }
        for key in GeneratedPageNames.pageKeys { anyPage.set(key, .open) }

        var dropped: [Diagnostic] = []
        let included = Set(templates.texts.keys.flatMap { TemplateSet.partials(in: templates.texts[$0] ?? "") })
        for name in templates.texts.keys.sorted() where !included.contains(name) || ["layout", "page", "list", "home", "404"].contains(name) {
            let root = ContextShape()
            root.merge(common)
            switch name {
            case "layout":
                root.set("page", anyPage)
                root.child("body")
            case _ where name == "404" || Self.generated.contains(name):
                // A generated page's own values (its rows, totals…) are not checked inside.
                root.set("page", anyPage)
            default:
                root.set("page", pageShape)
            }
            walk.rendered = []
            walk.check(name, stack: [root])
            // A refused template has its own error; the built-in ones render the text.
            if templates.paths[name]?.hasPrefix("templates/") ?? false, !templates.rejected.contains(name), templates.texts[name] != nil,
               let missing = neverRendered(name, root: root, rendered: walk.rendered) {
                let file = templates.paths[name] ?? "templates/\(name).mustache"
                dropped.append(.warning(at: .start(of: file), missing))
            }
        }
        return walk.diagnostics + dropped
    }

    /// The layout wraps each page's drawn text (`body`) and a page's template draws its
    /// Markdown (`page.content`): a site's own template that never renders it, directly or
    /// through a partial, leaves that text out of every page it draws, in silence (swift-mustache
    /// renders what is asked). A section (`{{#body}}`) tests the value; only a variable
    /// tag (`{{{body}}}`, `{{body}}`, `{{&body}}`) writes it. Generated pages fill their
    /// own values and are not checked.
    /// A page template is reported only when a page drawn with it has text (a folder's list
    /// has none without an introduction). A body not read again, on an incremental build, is
    /// not counted: the build that read it said so, and counting it as text warned about
    /// folders whose `_index.md` has none at every one-page rebuild.
    private func neverRendered(_ name: String, root: ContextShape, rendered: Set<ObjectIdentifier>) -> String? {
        if name == "layout" {
            guard let body = root.lookup("body"), !rendered.contains(ObjectIdentifier(body)) else { return nil }
            return "the layout never renders '{{{body}}}': every page's text would be left out; put {{{body}}} where a page goes"
        }
        // A partial is drawn inside a page's template, not as one.
        guard name != "404", !Self.generated.contains(name), !name.hasPrefix("partials/"),
              let content = root.lookup("page")?.lookup("content"), !rendered.contains(ObjectIdentifier(content)),
              let page = site.pages.first(where: { templates.templateName(for: $0) == name && !$0.bodyPending && !$0.body.allSatisfy(\.isWhitespace) })
        else { return nil }
        return "template '\(name)' never renders '{{{page.content}}}': the text of every page drawn with it (\(page.sourcePath) first) would be left out; put {{{page.content}}} where the text goes"
    }

    /// `site`, `assets`, `i18n`, `data` and `figures`: the same for every template.
    private func commonShape(summary: ContextShape) -> ContextShape {
        let root = ContextShape()
        // `{{i18n.<key>}}`: every key of the interface words, in any language.
        let words = root.child("i18n")
        for key in site.translations.keys { words.child(key) }
        let siteShape = root.child("site")
        if let node = site.config.node { siteShape.merge(node) }
        // The pipeline's keys, and the documented site.yaml fields (README, "Content"), set or not.
        for key in ["title", "base_url", "base_path", "language", "language_path", "home_url", "feed_url", "page_count", "has_nav",
                    "has_figures", "has_checks", "has_sources", "has_deals", "has_companies",
                    "languages", "author", "description", "markdown"] {
            siteShape.child(key)
        }
        siteShape.set("nav", summary)
        siteShape.set("pages", summary)
        let assets = root.child("assets")
        for asset in site.assets { assets.child(asset.templateKey) }
        let data = root.child("data")
        for collection in site.data {
            let records = data.child(collection.name)
            for record in collection.records { records.merge(record) }
            data.child(collection.name + "_count")
        }
        for name in dataNames where !site.data.contains(where: { $0.name == name }) {
            data.set(name, .open)
            data.set(name + "_count", .open)
        }
        // Thousands of figures: made only for templates that read them.
        guard templates.texts.values.contains(where: { $0.contains("figures.") }) else {
            root.set("figures", .open)
            return root
        }
        let figures = root.child("figures")
        // A record's figures that failed to compute have their own errors.
        for collection in site.data where dataHadErrors {
            for record in collection.records {
                if let id = record["id"]?.text { figures.child(collection.name).set(id, .open) }
            }
        }
        for name in dataNames where !site.data.contains(where: { $0.name == name }) { figures.set(name, .open) }
        for reference in site.model.figures.keys {
            let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
            guard parts.count >= 2 else { continue }
            figures.child(parts[0]).child(parts[1]).child(parts.count == 3 ? parts[2] : "value")
        }
        return root
    }

    /// What `TemplateContext.summary` gives for a page, over all pages: the fixed keys, and
    /// every top-level front matter key (read from the text, without parsing the YAML of
    /// pages the cache kept unparsed), whose insides are not checked.
    private func pageSummaryShape() -> ContextShape {
        let shape = ContextShape()
        // The pipeline's keys, and the front matter fields it reads (README, "Content";
        // `summary` feeds the Atom feed, `nav` and `menu` the masthead), set or not.
        for key in ["title", "menu", "url", "permalink", "tags", "has_tags", "description", "date", "date_iso",
                    "date_display", "updated", "updated_iso", "draft", "slug", "order", "template", "lang",
                    "summary", "nav", "is_fallback", "hreflang", "fallback_note", "share_html"] {
            shape.child(key)
        }
        // On every core: 10,000 pages' front matter on every build.
        var seen = Set<String>()
        for keys in parallelMap(site.pages, { Self.topLevelKeys($0.frontMatter) }) {
            for key in keys where seen.insert(key).inserted { shape.set(key, .open) }
        }
        return shape
    }

    /// `title: x\ntags:\n  - a` → `title`, `tags`: keys at the start of a line (quotes
    /// around a key dropped). On bytes, line ends and colons found by `memchr`: this runs
    /// over every page on every build.
    static func topLevelKeys(_ yaml: String) -> [String] {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var keys: [String] = []
            guard let base = bytes.baseAddress else { return keys }
            /// The offset of the first `byte` in `from..<to`, else `to`.
            func find(_ byte: UInt8, from: Int, to: Int) -> Int {
                guard from < to, let hit = memchr(base + from, Int32(byte), to - from) else { return to }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = find(0x0A, from: lineStart, to: bytes.count)
                let first = bytes[lineStart]
                let colonAt = find(UInt8(ascii: ":"), from: lineStart, to: lineEnd)
                if first != 0x20 && first != 0x09 && first != UInt8(ascii: "#") && first != UInt8(ascii: "-") && first != 0x0D,
                   colonAt < lineEnd {
                    let colon = colonAt
                    var start = lineStart, end = colon
                    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
                    if end - start >= 2, bytes[start] == bytes[end - 1], bytes[start] == 0x22 || bytes[start] == 0x27 {
                        start += 1
                        end -= 1
                    }
                    if end > start { keys.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                }
                lineStart = lineEnd + 1
            }
            return keys
        }
    }

    /// The walk over one template and, recursively, its partials.
    private struct Walk {
        let templates: TemplateSet
        var tagsByName: [String: [MustacheTag]] = [:]
        /// Per tag: nil once it resolved somewhere, else the warning it would get.
        var unknown: [SourceLocation: Diagnostic?] = [:]
        var partialProblems: [SourceLocation: Diagnostic] = [:]
        /// The shapes a variable tag writes out, in the template being walked and its partials.
        var rendered: Set<ObjectIdentifier> = []

        init(templates: TemplateSet) { self.templates = templates }

        var diagnostics: [Diagnostic] {
            let warnings = unknown.values.compactMap { $0 }
            return (Array(partialProblems.values) + warnings).sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        }

        /// Whether problems in this template are the site's to fix (not a built-in one).
        private func isSiteFile(_ name: String) -> Bool {
            templates.paths[name]?.hasPrefix("templates/") ?? false
        }

        mutating func check(_ name: String, stack: [ContextShape], including: [String] = []) {
            guard !including.contains(name), including.count < 20, let text = templates.texts[name] else { return }
            let file = templates.paths[name] ?? "templates/\(name).mustache"
            if tagsByName[name] == nil { tagsByName[name] = MustacheTag.tags(in: text, file: file) }
            let report = isSiteFile(name)
            // Each open section: how many frames it added to the stack (0 or 1).
            var stack = stack
            var opened: [Int] = []
            for tag in tagsByName[name]! {
                switch tag.kind {
                case .variable, .section, .inverted:
                    let lookup = tag.lookedUpName
                    let found = lookup.isEmpty ? ContextShape.open : resolve(lookup, in: stack)
                    if tag.kind == .variable, let found { rendered.insert(ObjectIdentifier(found)) }
                    if report && !lookup.isEmpty {
                        if found != nil {
                            unknown[tag.location] = .some(nil)
                        } else if unknown[tag.location] == nil {
                            unknown[tag.location] = .warning(at: tag.location, unknownMessage(lookup, stack: stack))
                        }
                    }
                    if tag.kind == .section {
                        // A section on an unknown name: what is inside is not reported again.
                        stack.append(found ?? .open)
                        opened.append(1)
                    } else if tag.kind == .inverted {
                        opened.append(0)
                    }
                case .block:
                    opened.append(0)
                case .close:
                    if let count = opened.popLast(), count == 1 { stack.removeLast() }
                case .partial, .parent:
                    let partial = tag.name
                    if partial.hasPrefix("*") {
                        // swift-mustache renders a dynamic name that is no template as nothing.
                        if report {
                            partialProblems[tag.location] = .error(
                                at: tag.location,
                                "'{{>\(partial)}}' names its template from the data, which capex cannot check before rendering (a name that is no template would render as nothing): name the partial, as in '{{> partials/item}}'")
                        }
                        continue
                    }
                    if tag.kind == .parent { opened.append(0) }
                    if let start = (including + [name]).firstIndex(of: partial) {
                        // swift-mustache would recurse until the stack overflows (a crash, not an error).
                        let cycle = (including + [name])[start...] + [partial]
                        partialProblems[tag.location] = .error(
                            at: tag.location,
                            "'\(partial)' includes itself (\(cycle.joined(separator: " → "))): templates cannot be recursive, the render would never end")
                    } else if templates.names.contains(partial) {
                        if tag.kind == .partial { check(partial, stack: stack, including: including + [name]) }
                    } else if !templates.rejected.contains(partial), report {
                        let known = templates.names.filter { templates.paths[$0]?.hasPrefix("templates/") ?? false }
                        partialProblems[tag.location] = .error(
                            at: tag.location,
                            "no template '\(partial)': there is no templates/\(partial).mustache\(NearMiss.hint(for: partial, among: known))"
                        )
                    }
                case .comment, .delimiters:
                    break
                }
            }
        }

        /// The shape `name` reaches from the stack, nil if no context has it.
        private func resolve(_ name: String, in stack: [ContextShape]) -> ContextShape? {
            if name == "." { return stack.last }
            let strict = name.hasPrefix(".")
            let parts = name.split(separator: ".").map(String.init)
            guard let first = parts.first else { return stack.last }
            let frames = strict ? Array(stack.suffix(1)) : Array(stack.reversed())
            guard var shape = frames.lazy.compactMap({ $0.lookup(first) }).first else { return nil }
            for part in parts.dropFirst() {
                guard let next = shape.lookup(part) else { return nil }
                shape = next
            }
            return shape
        }

        /// Whether `b` is `a` with two neighbouring characters swapped.
        static func isTransposition(of a: String, _ b: String) -> Bool {
            let a = Array(a), b = Array(b)
            guard a.count == b.count, a != b else { return false }
            let differing = a.indices.filter { a[$0] != b[$0] }
            return differing.count == 2 && differing[1] == differing[0] + 1
                && a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]]
        }

        /// "unknown name 'page.titel' (did you mean 'page.title'?)".
        private func unknownMessage(_ name: String, stack: [ContextShape]) -> String {
            let parts = name.split(separator: ".").map(String.init)
            var candidates: [String] = []
            var prefix = ""
            if parts.count > 1, let shape = stack.reversed().lazy.compactMap({ $0.lookup(parts[0]) }).first {
                // The first part resolved: the miss is further in.
                var current = shape
                prefix = parts[0] + "."
                for part in parts.dropFirst() {
                    guard let next = current.lookup(part) else { break }
                    current = next
                    prefix += part + "."
                }
                candidates = current.children.keys.map { prefix + $0 }
            } else {
                candidates = stack.flatMap { $0.children.keys }
            }
            let unique = Set(candidates)
            // Two letters swapped (`titel`, `nmae`) is a typo at any length.
            let suggestion = NearMiss.suggestion(for: name, among: unique)
                ?? unique.sorted().first { Self.isTransposition(of: name, $0) }
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "'\(name)' is not a name this template is rendered with: it renders as nothing\(hint)"
        }
    }
}
