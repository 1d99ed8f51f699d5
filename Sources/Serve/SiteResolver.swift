import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a request target onto a file inside the served folder.
///
/// Every call starts again from the folder's path (the generator may replace the folder by rename between
/// two requests), resolves symbolic links with `realpath`, and accepts only regular files whose real path
/// lies inside the folder's real path.
struct SiteResolver: Sendable {
    enum Resolution: Equatable, Sendable {
        /// A regular file inside the folder; `path` has its symbolic links resolved.
        case file(path: String)
        /// A folder asked for without its trailing slash: redirect to `location`.
        case redirect(location: String)
        case notFound
    }

    /// The served folder, as given (not resolved: it may be replaced wholesale).
    let rootPath: String

    init(root: URL) {
        var path = root.standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.rootPath = path
    }

    /// - Parameters:
    ///   - target: the raw, percent-encoded path of the request target (no query), e.g. `/power/`.
    ///   - query: the raw query string, kept on redirects.
    func resolve(target: String, query: String = "") -> Resolution {
        guard let request = Self.decode(target: target) else { return .notFound }
        guard let realRoot = Self.realPath(rootPath) else { return .notFound }

        let relative = request.components.joined(separator: "/")
        let candidate = relative.isEmpty ? rootPath : rootPath + "/" + relative
        guard let real = Self.realPath(candidate), Self.isInside(real, root: realRoot) else { return .notFound }

        switch Self.kind(of: real) {
        case .regular:
            return request.trailingSlash ? .notFound : .file(path: real)
        case .directory:
            guard let index = Self.realPath(candidate + "/index.html"),
                  Self.isInside(index, root: realRoot),
                  Self.kind(of: index) == .regular else { return .notFound }
            if request.trailingSlash {
                return .file(path: index)
            }
            let location = Self.encodedPathForRedirect(target) + "/" + (query.isEmpty ? "" : "?" + query)
            return .redirect(location: location)
        case .other:
            return .notFound
        }
    }

    /// The site's own `404.html` nearest to `target`, if it is a regular file inside the
    /// folder: `/es/404.html` for a missing `/es/x/` when there is one (a site in several
    /// languages has a 404 page per language tree), else `/404.html`.
    func notFoundPage(for target: String = "/") -> String? {
        var folders = Self.decode(target: target)?.components ?? []
        // The last component is the missing page itself (or a folder with no index).
        if !folders.isEmpty { folders.removeLast() }
        while true {
            let candidate = "/" + folders.map { $0 + "/" }.joined() + "404.html"
            if case .file(let path) = resolve(target: candidate.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? candidate) {
                return path
            }
            guard !folders.isEmpty else { return nil }
            folders.removeLast()
        }
    }

    // MARK: - Decoding

    struct DecodedPath: Equatable {
        var components: [String]
        var trailingSlash: Bool
    }

    /// Percent-decodes a request path and splits it into components; nil for anything hostile or malformed:
    /// a path not starting with `/`, invalid percent escapes or UTF-8, NUL bytes, backslashes, or `..`.
    static func decode(target rawTarget: String) -> DecodedPath? {
        var target = rawTarget
        // Absolute form (`GET http://host/path HTTP/1.1`): keep only the path.
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            target = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        guard target.hasPrefix("/") else { return nil }
        guard let decoded = target.removingPercentEncoding else { return nil }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        var components: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { return nil }
            if part == "." { continue }
            components.append(String(part))
        }
        return DecodedPath(components: components, trailingSlash: decoded.hasSuffix("/"))
    }

    /// The path to put in a redirect's `Location`, from the request's encoded path.
    private static func encodedPathForRedirect(_ target: String) -> String {
        var path = target
        for scheme in ["http://", "https://"] where path.lowercased().hasPrefix(scheme) {
            let rest = path.dropFirst(scheme.count)
            path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        // Collapse leading slashes so the Location can never be read as `//host/...`.
        while path.hasPrefix("//") { path.removeFirst() }
        return path
    }

    // MARK: - File system

    enum Kind { case regular, directory, other }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, root: String) -> Bool {
        if path == root { return true }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix)
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}
