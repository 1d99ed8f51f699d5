import Foundation
import Diagnostics

/// How a content path becomes a URL (SPEC §2), and the checks that keep every URL inside `output/`.
enum URLRules {
    enum Outcome {
        case success(String)
        case failure(String)

        package var value: String? {
            if case .success(let url) = self { return url }
            return nil
        }
    }

    /// `content/power.md` → `/power/`, `content/index.md` → `/`, `content/a/index.md` → `/a/`;
    /// a `slug` replaces the last segment; a translation's URL is in its language's tree
    /// (`content/money.es.md` with `slug: dinero` → `/es/dinero/`).
    package static func url(folder: String, name: String, slug: String?, language: String?) -> Outcome {
        switch url(folder: folder, name: name, slug: slug) {
        case .success(let url): return .success(language.map { "/" + $0 + url } ?? url)
        case .failure(let message): return .failure(message)
        }
    }

    package static func url(folder: String, name: String, slug: String?) -> Outcome {
        if slug == nil, let url = plainURL(folder: folder, name: name) { return .success(url) }
        var segments = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        if name != "index" { segments.append(name) }
        if let slug {
            guard isSafeSegment(slug) else {
                return .failure("slug '\(slug)' must be one path segment of letters, digits, '-', '_' or '.' (no '/', no '..')")
            }
            // The slug names the page's folder in output/: one file name, at most 255 bytes.
            guard slug.utf8.count <= 255 else {
                return .failure("slug is \(slug.utf8.count) bytes long: it names the page's folder, and a file name holds at most 255 bytes; shorten it")
            }
            guard !segments.isEmpty else { return .failure("the home page cannot have a slug") }
            segments[segments.count - 1] = slug
        }
        for segment in segments where !isSafeSegment(segment) {
            return .failure("the path segment '\(segment)' cannot be part of a URL: use letters, digits, '-', '_' or '.'")
        }
        return .success(segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/")
    }

    /// `url` without a slug, when the folder and the name are plain ASCII segments (letters,
    /// digits, `-`, `_`, `.`, none empty or starting with a dot): the URL is then the path
    /// itself, checked in one pass over its bytes instead of split, checked and joined again
    /// (every page of every build; 2 % of a one-page rebuild at 10,000 pages). Nil otherwise.
    static func plainURL(folder: String, name: String) -> String? {
        /// Whether `text` is plain segments, separated by `/` if `slashes`.
        func plain(_ text: String, slashes: Bool) -> Bool {
            var segmentStart = true
            for byte in text.utf8 {
                if byte == UInt8(ascii: "/") {
                    guard slashes, !segmentStart else { return false }
                    segmentStart = true
                    continue
                }
                if segmentStart && byte == UInt8(ascii: ".") { return false }
                segmentStart = false
                guard (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || (byte >= 48 && byte <= 57)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") else { return false }
            }
            return !segmentStart || text.isEmpty
        }
        guard !name.isEmpty, plain(folder, slashes: true), plain(name, slashes: false) else { return nil }
        if name == "index" { return folder.isEmpty ? "/" : "/" + folder + "/" }
        return folder.isEmpty ? "/" + name + "/" : "/" + folder + "/" + name + "/"
    }

    /// A segment that cannot climb out of `output/` or hide: no separators, no leading dot.
    static func isSafeSegment(_ segment: String) -> Bool {
        guard !segment.isEmpty, !segment.hasPrefix(".") else { return false }
        // ASCII first, without looking Unicode properties up.
        let ascii = segment.utf8.allSatisfy { byte in
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || (byte >= 48 && byte <= 57)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        if ascii { return true }
        return segment.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
        }
    }

    /// `posts` → `Posts`, `deep-dives` → `Deep dives`; the root's list is titled by the site.
    package static func title(forFolder folder: String) -> String {
        guard let last = folder.split(separator: "/").last else { return "Home" }
        let words = String(last.map { $0 == "-" || $0 == "_" ? " " : $0 })
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// One error per page whose URL another page already has: at the `slug:` that moved a
    /// page there, else at the later file.
    static func duplicateURLs(in pages: [Page]) -> [Diagnostic] {
        // Pages are sorted by URL: a duplicate sits next to its twin.
        var byURL: [String: [Int]] = [:]
        for index in pages.indices where index > 0 && pages[index].url == pages[index - 1].url || index + 1 < pages.count && pages[index].url == pages[index + 1].url {
            byURL[pages[index].url, default: []].append(index)
        }
        var problems: [(String, Diagnostic)] = []
        for (url, indices) in byURL {
            // A page at its file's own address keeps it; a `slug:` that moved another page onto
            // it is the fault, reported at the slug (then by file, the later one).
            let hasSlug = { (index: Int) in pages[index].meta.node?["slug"] != nil ? 1 : 0 }
            let twins = indices.sorted { (hasSlug($0), pages[$0].sourcePath) < (hasSlug($1), pages[$1].sourcePath) }
            for index in twins.dropFirst() {
                let page = pages[index]
                let at = page.meta.node?["slug"]?.location ?? page.location
                problems.append((page.sourcePath, .error(at: at, "URL \(url) is also the URL of \(pages[twins[0]].sourcePath)")))
            }
        }
        return problems.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
