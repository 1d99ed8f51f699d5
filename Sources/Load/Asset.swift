import Foundation

/// A file from `templates/assets/`, published under a name that carries a hash of its
/// bytes, so browsers may cache it forever: `style.css` → `assets/style.3f9a1c2b7d.css`.
package struct Asset: Sendable {
    package var sourcePath: String
    package var bytes: Data

    /// The path inside `assets/`: `style.css`, `fonts/body.woff2`.
    var relativePath: String { String(sourcePath.dropFirst("templates/assets/".count)) }

    package var outputPath: String {
        let relative = relativePath
        let hash = Self.fnv1a(bytes)
        guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else {
            return "assets/\(relative).\(hash)"
        }
        return "assets/\(relative[..<dot]).\(hash)\(relative[dot...])"
    }

    /// The key templates use: `{{assets.style_css}}` for `style.css`.
    package var templateKey: String {
        String(relativePath.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// The first 10 hex digits of the content hash: enough to bust caches.
    static func fnv1a(_ data: Data) -> String {
        String(Hash.hex(data).prefix(10))
    }
}
