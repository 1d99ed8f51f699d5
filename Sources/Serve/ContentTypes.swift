/// Content types by file extension; text types carry `charset=utf-8`.
enum ContentTypes {
    static let fallback = "application/octet-stream"

    private static let utf8 = "; charset=utf-8"

    static let byExtension: [String: String] = [
        // text
        "html": "text/html" + utf8,
        "htm": "text/html" + utf8,
        "css": "text/css" + utf8,
        "js": "text/javascript" + utf8,
        "mjs": "text/javascript" + utf8,
        "txt": "text/plain" + utf8,
        "md": "text/markdown" + utf8,
        "csv": "text/csv" + utf8,
        "tsv": "text/tab-separated-values" + utf8,
        "xml": "application/xml" + utf8,
        "xsl": "application/xml" + utf8,
        "rss": "application/rss+xml" + utf8,
        "atom": "application/atom+xml" + utf8,
        "json": "application/json" + utf8,
        "map": "application/json" + utf8,
        "jsonld": "application/ld+json" + utf8,
        "webmanifest": "application/manifest+json" + utf8,
        "svg": "image/svg+xml" + utf8,
        "ics": "text/calendar" + utf8,
        "vtt": "text/vtt" + utf8,
        // images
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "bmp": "image/bmp",
        "tif": "image/tiff",
        "tiff": "image/tiff",
        // fonts
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "otf": "font/otf",
        // media and others
        "mp4": "video/mp4",
        "webm": "video/webm",
        "ogv": "video/ogg",
        "mp3": "audio/mpeg",
        "ogg": "audio/ogg",
        "oga": "audio/ogg",
        "wav": "audio/wav",
        "flac": "audio/flac",
        "m4a": "audio/mp4",
        "pdf": "application/pdf",
        "wasm": "application/wasm",
        "zip": "application/zip",
        "gz": "application/gzip",
    ]

    /// The content type for a file name or path, by its last extension (case-insensitive).
    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? fallback
    }

    static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }
}
