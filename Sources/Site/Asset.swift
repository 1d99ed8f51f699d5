import Foundation

/// A file from `templates/assets/`, published under a name that carries a hash of its
/// bytes, so browsers may cache it forever: `style.css` → `assets/style.3f9a1c2b7d.css`.
struct Asset: Sendable {
    var sourcePath: String
    var bytes: Data

    /// The path inside `assets/`: `style.css`, `fonts/body.woff2`.
    var relativePath: String { String(sourcePath.dropFirst("templates/assets/".count)) }

    var outputPath: String {
        let relative = relativePath
        let hash = Self.fnv1a(bytes)
        guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else {
            return "assets/\(relative).\(hash)"
        }
        return "assets/\(relative[..<dot]).\(hash)\(relative[dot...])"
    }

    /// The key templates use: `{{assets.style_css}}` for `style.css`.
    var templateKey: String {
        String(relativePath.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// FNV-1a, 64 bits, as 10 hex digits: enough to bust caches, needs no crypto library.
    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }
}
