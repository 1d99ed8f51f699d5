import Load
/// Escaping for the places strings from content land. HTML and XML share one rule:
/// all five special characters are escaped, so the result is safe in text and in
/// attributes quoted either way.
package enum Escape {
    package static func xml(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    package static func html(_ text: String) -> String { xml(text) }
}
