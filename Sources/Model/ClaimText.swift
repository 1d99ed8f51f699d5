import Quantities

/// A claim's explanation as sentences with their values, said in any language
/// (`text(in:)`): the checks page says it in the page's words and numbers, `explanation` in
/// English. Each part is a key of the interface words (`claim_…` in
/// `templates/i18n/<lang>.yaml`) with the values its `{placeholders}` take.
public struct ClaimText: Sendable {
    /// A value in a sentence, formatted when it is said.
    public indirect enum Value: Sendable {
        /// Text as written: what the source says, a reference, a name.
        case text(String)
        /// A quantity, in the language's number format.
        case quantity(Quantity)
        /// One end of a range at a single value, like `q` ("6.66 million units"): the lowest
        /// rounds down and the highest up; an open end (±∞) is said with the word `open`.
        case end(Double, like: Quantity, rounding: Rounding, open: String)
        /// A field's name (`unit_price`): the word `field_<name>`, else the name with spaces.
        case field(String)
        /// An interface word by its key.
        case word(String)
        /// A part made of other parts (a reading, a clause).
        case parts(ClaimText)
        /// A date at the precision the data gives it ("December 2024"), in the language.
        case date(RecordDate)
        /// A value with its first letter capitalized: it starts a sentence.
        case capitalized(Value)
        /// Items said as a list: "a, b and c" (`claim_readings_and` before the last).
        case list([ClaimText])
        /// Data text in the default language with its translations by language code (a
        /// record's name): the translation into the wording's language where there is one.
        case translated(String, [String: String])
        /// A field's name as a figure's label says it: the word `field_<name>` where it is more
        /// than the name spelled out, else the name with initialisms in capitals ("GPUs").
        case fieldWords(String)
        /// The interface word `key` where the words have it, else `fallback` as written (a
        /// deal's `kind` with no `deal_kind_<kind>` word).
        case wordOr(String, fallback: String)
    }

    public struct Part: Sendable {
        public var key: String
        public var values: [String: Value]
    }

    public var parts: [Part]
    /// The separator between parts: a space between sentences, nothing inside one.
    public var separator = " "

    public init(_ key: String, _ values: [String: Value] = [:]) {
        parts = [Part(key: key, values: values)]
    }

    public init(parts: [Part], separator: String = " ") {
        self.parts = parts
        self.separator = separator
    }

    /// `self` followed by `other`, as the next sentence.
    public func then(_ other: ClaimText?) -> ClaimText {
        guard let other else { return self }
        return ClaimText("claim_two_sentences", ["first": .parts(self), "second": .parts(other)])
    }

    /// The explanation in `wording`'s words and number format.
    public func text(in wording: ClaimWording) -> String {
        parts.map { part in
            var values: [String: String] = [:]
            for (name, value) in part.values { values[name] = Self.say(value, wording) }
            return wording(part.key, values)
        }.joined(separator: separator)
    }

    static func say(_ value: Value, _ wording: ClaimWording) -> String {
        switch value {
        case .text(let text): return text
        case .quantity(let q): return q.formatted(wording.locale)
        case .end(let v, let q, let rounding, let open):
            guard v.isFinite else { return wording[open] }
            return Quantity(low: v, high: v, dimension: q.dimension, hint: q.hint, noun: q.noun)
                .formatted(wording.locale, FormatOptions(rounding: rounding))
        case .field(let name): return wording.texts["field_" + name] ?? name.replacingUnderscores()
        case .word(let key): return wording[key]
        case .parts(let inner): return inner.text(in: wording)
        case .date(let date): return date.display(language: wording.locale.rawValue)
        case .capitalized(let inner): return say(inner, wording).capitalizedFirst
        case .list(let items):
            let said = items.map { $0.text(in: wording) }
            guard let last = said.last else { return "" }
            return said.count == 1 ? last : said.dropLast().joined(separator: ", ") + wording["claim_readings_and"] + last
        case .translated(let text, let translations): return translations[wording.locale.rawValue] ?? text
        case .fieldWords(let name):
            if let word = wording.texts["field_" + name], word != name.replacingUnderscores() { return word }
            return name.fieldWords()
        case .wordOr(let key, let fallback): return wording.texts[key] ?? fallback
        }
    }
}

/// The words and number format a claim's explanation is said in: the page's interface words
/// (`claim_…`, `field_…`, `modality_…` keys) and its locale. `english` is the built-in
/// English (the same text as `templates/i18n/en.yaml`, which a test compares).
public struct ClaimWording: Sendable {
    public var texts: [String: String]
    public var locale: QuantityLocale

    public init(texts: [String: String], locale: QuantityLocale) {
        self.texts = texts
        self.locale = locale
    }

    public subscript(_ key: String) -> String { texts[key] ?? Self.englishTexts[key] ?? key }

    /// The text of `key`, each `{name}` filled from `values` in one pass.
    public func callAsFunction(_ key: String, _ values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    /// `text` with each `{name}` whose name has a value replaced by it, in one pass: a value
    /// that itself holds `{name}` is never filled again; an unknown `{name}` stays as written.
    /// (The interface words, `Words` in Load, fill theirs with this too.)
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result.append("{")
                rest = after
            }
        }
        return result + rest
    }

    public static let english = ClaimWording(texts: englishTexts, locale: .en)

    /// Every built-in English text: the claims' sentences, the derived figures' words
    /// (`DerivationWords`) and the assumptions' (`AssumptionWords`).
    public static let englishTexts: [String: String] = claimEnglishTexts.merging(derivationEnglishTexts) { a, _ in a }
        .merging(assumptionEnglishTexts) { a, _ in a }

    static let claimEnglishTexts: [String: String] = [
        "claim_two_sentences": "{first} {second}",
        "claim_face_value": "The computed {computed} comes from inputs that are bounds pulling opposite ways, so it has no bound either way: the data can neither confirm nor rule out the stated {stated}.",
        "claim_lower_bound": "The stated {stated} is a lower bound: it holds for any value of at least {bound}.",
        "claim_lower_bound_strict": "The stated {stated} is a lower bound: it holds for any value above {bound}.",
        "claim_lower_met": "The computed {computed} meets it whatever its exact value: its lowest, {low}, is at least {bound}.",
        "claim_lower_met_strict": "The computed {computed} meets it whatever its exact value: its lowest, {low}, is above {bound}.",
        "claim_lower_short": "The computed {computed} falls short of it: its highest, {high}, is below {bound}.",
        "claim_lower_short_strict": "The computed {computed} falls short of it: its highest, {high}, is not above {bound}.",
        "claim_upper_bound": "The stated {stated} is an upper bound: it holds for any value of at most {bound}.",
        "claim_upper_bound_strict": "The stated {stated} is an upper bound: it holds for any value below {bound}.",
        "claim_upper_met": "The computed {computed} meets it whatever its exact value: its highest, {high}, is at most {bound}.",
        "claim_upper_met_strict": "The computed {computed} meets it whatever its exact value: its highest, {high}, is below {bound}.",
        "claim_upper_beyond": "The computed {computed} goes beyond it: its lowest, {low}, is above {bound}.",
        "claim_upper_beyond_strict": "The computed {computed} goes beyond it: its lowest, {low}, is not below {bound}.",
        "claim_straddles": "The computed {computed} runs from {low} to {high}, on both sides of it, so the data cannot decide.",
        "claim_no_floor": "no stated floor",
        "claim_no_limit": "no stated limit",
        "claim_only_lower": "The data gives only a lower bound, {computed}: {stated} is possible, not confirmed.",
        "claim_only_upper": "The data gives only an upper bound, {computed}: {stated} is possible, not confirmed.",
        "claim_agrees": "The stated {stated} agrees with the computed {computed}: within ±{percent} of the stated value, the two overlap.",
        "claim_above": "The stated {stated} lies above the computed {computed}, beyond the ±{percent} tolerance.",
        "claim_below": "The stated {stated} lies below the computed {computed}, beyond the ±{percent} tolerance.",
        "claim_not_computed": "The figure {reference} cannot be computed from the data, so the stated {stated} cannot be checked.",
        "claim_not_computed_because": "The figure {reference} cannot be computed: {reason}, so the stated {stated} cannot be checked.",
        "claim_growth_needs": "Checking this growth needs {company}'s {field} for {year} from a source, and the data has none, so the stated {stated} cannot be checked.",
        "claim_growth_needs_prior": "Checking this growth needs {company}'s {field} for {year} from a source, and the data has none ({prior} is worked back from this same growth, so it cannot check it), so the stated {stated} cannot be checked.",
        "claim_would_need": "At the {fixed} of {fixed_value}, it would need {needed}, not {varying_value}.",
        "claim_would_need_named": "At the {fixed} of {fixed_value}, it would need {needed} ({varying}), not {varying_value}.",
        "claim_compare_face_value": "{first_name}, {first}, against {second_name}, {second}: {open} is at face value, from inputs that are bounds pulling opposite ways, so it has no bound either way and the data cannot say which is larger.",
        "claim_compare_larger": "{first_name}, {first}, against {second_name}, {second}: the lowest the first can be, {low}{low_reading}, is above the highest the second can be, {high}{high_reading}, so the first is the larger.",
        "claim_compare_not_larger": "{first_name}, {first}, against {second_name}, {second}: the highest the first can be, {high}, is not above the lowest the second can be, {low}, so the first is not the larger.",
        "claim_compare_overlap": "{first_name}, {first}, against {second_name}, {second}: their ranges overlap ({first_low}–{first_high} and {second_low}–{second_high}), so the data cannot say which is larger.",
        "claim_read_as": " (read as ±{percent})",
        "claim_unbounded": "unbounded",
        "claim_readings": "The source gives {says} in {count} ways that cannot all be meant: {readings}. The data cannot tell which it means.",
        "claim_readings_two": "two",
        "claim_reading": "{when} ({modality})",
        "claim_readings_and": " and ",
        "claim_reading_as_of": "as of {date}",
        "claim_reading_unstated": "at an unstated time",
        "claim_reading_reported": "reported",
        "claim_follows_reading": "This site follows the reading {when} ({reference} is {date}).",
        "modality_planned": "planned",
        "modality_could": "possible",
        "modality_expected": "expected",
        "modality_disclosed": "disclosed",
        "modality_estimate": "estimate",
    ]
}
