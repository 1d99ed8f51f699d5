/// What a record is called on the page when its data gives it no name.
///
/// A record's `name`, `title`, `model`, `product` or `label` names it. Without one, its id
/// (`acme-globex`) is a file key, not words: a deal is named by its parties ("Acme Labs →
/// Globex Cloud", as on /deals/), a stake by its holder and company ("Microsoft's stake in
/// OpenAI"), a purchase by its buyer and chip ("Meta's Nvidia H100 purchase"), a company's yearly record by the company and year ("Meta, 2024"), any other
/// record of a company by the company; only a record with none of these keeps its id.
extension ModelBuilder {
    /// `label` of the figure at `reference` in each language the data translates the
    /// record's name into: "Globex Nube: amount" beside "Globex Cloud: amount". Only the
    /// name, which is data; the words after it are the build's.
    func translatedLabels(_ reference: String, _ label: String) -> [String: String] {
        guard !dataLanguages.isEmpty else { return [:] }
        let parts = reference.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, let record = records[parts[0]]?[parts[1]] else { return [:] }
        let name = readerName(record)
        guard label.hasPrefix(name) else { return [:] }
        var labels: [String: String] = [:]
        for language in dataLanguages {
            let translated = readerName(record, language: language) + label.dropFirst(name.count)
            if translated != label { labels[language] = translated }
        }
        return labels
    }

    /// The record's name as words to say in any language: its own name with the data's
    /// translations, else the phrase `name_deal`, `name_stake`, `name_purchase` or
    /// `name_company_year` over the names of the records it links (see `readerName`).
    func readerNameText(_ record: Record) -> ClaimText.Value {
        let translated = displayNameText
        guard record.displayName(language: nil) == record.id else { return translated(record) }
        func company(_ field: String) -> ClaimText.Value? {
            record.text(field).map { id in records["companies"]?[id].map(translated) ?? .text(id) }
        }
        if let from = company("from"), let to = company("to") { return .parts(ClaimText("name_deal", ["from": from, "to": to])) }
        if let holder = company("holder"), let target = company("company") {
            return .parts(ClaimText("name_stake", ["holder": holder, "company": target]))
        }
        if let buyer = company("buyer"), let chip = record.text("chip") {
            return .parts(ClaimText("name_purchase", ["buyer": buyer, "chip": records["chips"]?[chip].map(translated) ?? .text(chip)]))
        }
        if let owner = company("company") ?? company("buyer") ?? company("owner") {
            return record.text("year").map { .parts(ClaimText("name_company_year", ["owner": owner, "year": .text($0)])) } ?? owner
        }
        return .text(record.id)
    }

    /// A record's own name (`displayName`, its id when it has none) with the data's translations.
    func displayNameText(_ record: Record) -> ClaimText.Value {
        var names: [String: String] = [:]
        for language in dataLanguages { names[language] = record.displayName(language: language) }
        return .translated(record.displayName(language: nil), names)
    }

    /// `language`: the names the data translates into it (nil: the default language's).
    func readerName(_ record: Record, language: String? = nil) -> String {
        let named = record.displayName(language: language)
        guard named == record.id else { return named }
        func company(_ field: String) -> String? {
            record.text(field).map { records["companies"]?[$0]?.displayName(language: language) ?? $0 }
        }
        if let from = company("from"), let to = company("to") { return "\(from) → \(to)" }
        if let holder = company("holder"), let target = company("company") { return "\(holder)'s stake in \(target)" }
        if let buyer = company("buyer"), let chip = record.text("chip") {
            return "\(buyer)'s \(records["chips"]?[chip]?.displayName(language: language) ?? chip) purchase"
        }
        if let owner = company("company") ?? company("buyer") ?? company("owner") {
            return record.text("year").map { "\(owner), \($0)" } ?? owner
        }
        return record.id
    }
}
