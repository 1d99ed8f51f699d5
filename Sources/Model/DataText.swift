/// Which fields of the data hold text a reader sees, and so may carry a translation
/// (`label: {en: "Money to OpenAI", es: "Dinero para OpenAI"}`, decision 3 of the Spanish
/// edition, issue 12). Numbers, quantities, ids, dates, URLs and fixed words (`status`,
/// `kind`, `modality`) are written once for every language.
public enum DataText {
    /// How a translatable field is treated when a language lacks its translation.
    public enum Kind: Sendable, Equatable {
        /// A proper name (`name`, `publisher`, a source's `title` as published): most are
        /// the same in every language, so a missing translation is not listed.
        case name
        /// Words written for the reader (`label`, `note`, `description`…): a missing
        /// translation is listed by `capex check`.
        case prose
    }

    /// Names: usually the same in every language ("Nvidia"); translated only where they differ.
    static let names: Set<String> = ["name", "publisher", "product", "model", "person", "author"]
    /// Prose a reader sees, in any collection.
    static let prose: Set<String> = ["label", "note", "title", "description", "purpose", "conditions", "statement", "role",
                                     "caption", "summary", "subtitle", "headline", "text", "quote", "comment", "when"]

    /// The kind of `field` of a record of `collection`, nil when it is not translatable.
    public static func kind(of field: String, in collection: String) -> Kind? {
        // A source's title is the article's, as published, in its own language.
        if collection == "sources" && field == "title" { return .name }
        // A correction's account of what was wrong and what is right (issue 13).
        if collection == "corrections" && (field == "wrong" || field == "right") { return .prose }
        if names.contains(field) || field.hasSuffix("_name") { return .name }
        if prose.contains(field) { return .prose }
        for suffix in ["_label", "_note", "_title", "_description"] where field.hasSuffix(suffix) { return .prose }
        return nil
    }

    /// What a field that takes no translation holds, for an error: "a quantity", "a date".
    public static func writtenOnce(_ field: String, in collection: String) -> String {
        switch Schema.field(field, in: collection) {
        case .quantity: return "a quantity"
        case .date: return "a date"
        case .link(let target): return "the id of a record of '\(target)'"
        case .text, nil:
            if ["url", "address", "link"].contains(field) || field.hasSuffix("_url") { return "an address" }
            if Schema.bookkeeping.contains(field) { return "an id" }
            if ["status", "kind", "modality", "date_precision", "language", "color", "metric", "compare", "figure", "expr"].contains(field) {
                return "a fixed word or an expression"
            }
            return "not text a reader sees"
        }
    }
}
