import Diagnostics
import Model

/// Reads the translations data text carries (decision 3 of the Spanish edition, issue 12):
///
///     label: {en: "Money to OpenAI", es: "Dinero para OpenAI"}
///
/// on a field `DataText` calls translatable. The mapping's keys are the site's `languages`;
/// the default language's text (the first language) is required, since every language
/// lacking a translation shows it. The record keeps that text in place of the mapping, so
/// every reader of `Record.text(_:)` sees it as before; the others go to
/// `DataCollection.translations`. Errors, each at its key or value:
/// - a key that is not one of the site's languages (with a near miss);
/// - a translation that is empty, or not text;
/// - no text in the default language;
/// - a mapping keyed by languages on a field that is written once (a quantity, a date, an
///   id, a fixed word such as `status`).
package struct DataTranslations {
    /// The site's languages, the default first (`[en, es]`).
    package let languages: [String]

    package init(languages: [String]) {
        self.languages = languages.isEmpty ? ["en"] : languages
    }

    var defaultLanguage: String { languages[0] }

    /// A prose field of a record that lacks a translation into one language or more: what
    /// `capex check` lists (`warnings`).
    package struct Untranslated: Sendable {
        package var location: SourceLocation
        package var field: String
        package var missing: [String]
    }

    /// Replaces each translation mapping in `collection` by its default text, keeping the
    /// translations, and lists prose fields left untranslated.
    package func read(_ collection: inout DataCollection) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for index in collection.records.indices {
            let record = collection.records[index]
            guard var entries = record.entries, let id = record["id"]?.text else { continue }
            for position in entries.indices {
                let entry = entries[position]
                let kind = DataText.kind(of: entry.key, in: collection.name)
                guard let mapping = entry.value.entries else {
                    if kind == .prose, entry.value.text != nil, entry.value.scalar != .null, languages.count > 1 {
                        collection.untranslated.append(Untranslated(location: entry.value.location, field: entry.key,
                                                                    missing: Array(languages.dropFirst())))
                    }
                    continue
                }
                guard let kind else {
                    // A mapping keyed by languages on a field written once: the author meant a translation.
                    if !mapping.isEmpty, mapping.allSatisfy({ languages.contains($0.key) }) {
                        problems.append(.error(at: entry.keyLocation, "'\(entry.key)' is \(DataText.writtenOnce(entry.key, in: collection.name)), written once for every language; only text a reader sees (name, label, note, title, description…) takes translations"))
                    }
                    continue
                }
                guard let (text, translations) = translated(entry, mapping: mapping, problems: &problems) else {
                    // Reported; the field is left out rather than read as nested fields.
                    entries[position].value = YAMLNode(.scalar(.null, text: ""), at: entry.value.location)
                    continue
                }
                entries[position].value = text
                if !translations.isEmpty { collection.translations[id, default: [:]][entry.key] = translations }
                let missing = languages.dropFirst().filter { translations[$0] == nil }
                if kind == .prose, !missing.isEmpty {
                    collection.untranslated.append(Untranslated(location: text.location, field: entry.key, missing: Array(missing)))
                }
            }
            collection.records[index].kind = .mapping(entries)
        }
        return problems
    }

    /// The default text as a node (at the default language's value) and the other languages'
    /// texts; nil when the mapping has an error (reported).
    private func translated(_ entry: YAMLNode.Entry, mapping: [YAMLNode.Entry], problems: inout [Diagnostic])
        -> (YAMLNode, [String: String])? {
        var defaultText: YAMLNode?
        var translations: [String: String] = [:]
        var failed = false
        for item in mapping {
            guard languages.contains(item.key) else {
                let known = languages.joined(separator: ", ")
                // A two-letter key is a language code the site does not publish (yet); a longer one, likely a typo.
                let hint = item.key.count == 2 && item.key.allSatisfy(\.isLetter)
                    ? "; to publish '\(item.key)', add it to 'languages' in site.yaml"
                    : NearMiss.hint(for: item.key, among: languages)
                problems.append(.error(at: item.keyLocation, "'\(item.key)' is not one of the site's languages (\(known)): a translated '\(entry.key)' is keyed by language\(hint)"))
                failed = true
                continue
            }
            guard let text = item.value.text, item.value.scalar != .null,
                  !text.allSatisfy({ $0.isWhitespace || $0.isNewline }) else {
                let what = item.value.text == nil ? "must be text, not \(item.value.kindDescription)" : "is empty"
                problems.append(.error(at: item.value.location, "the \(item.key) text of '\(entry.key)' \(what): write the translation, or leave '\(item.key)' out to show the \(defaultLanguage) text"))
                failed = true
                continue
            }
            if item.key == defaultLanguage {
                defaultText = YAMLNode(.scalar(.string(text), text: text), at: item.value.location)
            } else {
                translations[item.key] = text
            }
        }
        if defaultText == nil && !failed {
            problems.append(.error(at: entry.value.location, "'\(entry.key)' has no \(defaultLanguage) text: the default language's text is required, and shown in every language that lacks a translation"))
            failed = true
        }
        guard !failed, let defaultText else { return nil }
        return (defaultText, translations)
    }
}

extension DataTranslations.Untranslated {
    /// One warning per field: where it is, and which languages show the default text instead.
    package func warning(defaultLanguage: String) -> Diagnostic {
        let languages = missing.joined(separator: ", ")
        return .warning(at: location, "'\(field)' has no \(languages) translation; \(languages) pages show the \(defaultLanguage) text (write \(field): {\(defaultLanguage): …, \(missing[0]): …})")
    }
}
