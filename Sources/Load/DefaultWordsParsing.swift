import Foundation

extension DefaultWords {
    /// The built-in words of `language`; none for a language capex has no words for.
    package static func texts(_ language: String) -> [String: String] { parsed.texts(language) }

    /// Each language's words, parsed once, when first asked for: a site in English alone
    /// does not parse the Spanish (2 ms of every build).
    private static let parsed = ParsedWords()

    private final class ParsedWords: @unchecked Sendable {
        private let lock = NSLock()
        private var byLanguage: [String: [String: String]] = [:]

        func texts(_ language: String) -> [String: String] {
            guard let file = DefaultWords.files[language] else { return [:] }
            return lock.withLock {
                if let known = byLanguage[language] { return known }
                let texts = Translations.read(file, file: "(built-in \(language).yaml)", builtIn: [:]).0
                byLanguage[language] = texts
                return texts
            }
        }
    }
}
