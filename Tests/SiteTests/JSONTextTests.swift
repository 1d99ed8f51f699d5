import Foundation
import Testing
@testable import Render

/// Issue 16: JSON-LD is written without Foundation's `JSONSerialization` (a quarter of a
/// 10,000-page build's CPU), and must stay the same bytes it gave: each case is checked
/// against Foundation's own output on this machine, with `<` then written `\u003c`.
@Suite("JSON-LD text: the same bytes as Foundation's writer")
struct JSONTextTests {
    static func foundation(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// Every key `StructuredData` writes, in one object, so their order is Foundation's.
    static var everyKey: [String: Any] { [
        "@context": "https://schema.org", "@type": "NewsArticle", "url": "https://x.org/a/", "inLanguage": "es",
        "description": "d", "name": "n", "publisher": ["@type": "Organization", "name": "P", "url": "https://x.org/"],
        "headline": "h", "mainEntityOfPage": "m", "author": [["@type": "Person", "name": "A", "url": "u"]],
        "datePublished": "2025-01-20", "dateModified": "2025-01-21T09:30:00Z", "creator": "c",
        "isAccessibleForFree": true, "license": "CC-BY-4.0",
        "distribution": [["@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": "https://x.org/d.csv"]],
        "isPartOf": ["@type": "WebSite", "name": "S", "url": "https://x.org/"],
        "image": [["@type": "ImageObject", "url": "https://x.org/c.png", "width": 1200, "height": 630]],
        "isBasedOn": ["https://a.example/1", "https://b.example/2"],
    ] }

    @Test("keys in Foundation's order, numbers, booleans, nested arrays and objects")
    func keysAndValues() throws {
        let text = try #require(JSONText.encode(Self.everyKey))
        #expect(text == (try Self.foundation(Self.everyKey)))
        #expect(text.hasPrefix("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\""))
        #expect(text.contains("\"height\":630,\"url\":\"https://x.org/c.png\",\"width\":1200"))
    }

    @Test("strings escape as Foundation escapes them, and no value can close the script")
    func escaping() throws {
        let hostile = "Q \"quoted\" \\ back/slash </script><!-- é 中 😀 \u{1}\u{8}\u{c}\n\r\t\u{1f}\u{7f} \u{2028}"
        let object: [String: Any] = ["description": hostile, "name": "<b>", "a10": "x", "a9": "y", "A2": "z", "a1": "w"]
        let text = try #require(JSONText.encode(object))
        #expect(text == (try Self.foundation(object)))
        #expect(!text.contains("<"))
        #expect(text.contains("\\\"quoted\\\" \\\\ back/slash \\u003c/script>\\u003c!--"))
        #expect(text.contains("\\u0001\\b\\f\\n\\r\\t\\u001f"))
    }

    @Test("a value it does not know is left to Foundation")
    func unknownValue() {
        #expect(JSONText.encode(["x": 1.5]) == nil)
        #expect(StructuredData.json(["x": 1.5]) == "{\"x\":1.5}")
    }
}
