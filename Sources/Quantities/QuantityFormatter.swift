/// Turns a quantity into reader-facing text for one locale and option set.
///
/// "X per Y" quantities fix the denominator to the unit the story talks in: per GW for power,
/// per MWh for energy, per year for time (en "per year", es "al año"), per noun for counts
/// ("per user"; "per unit" when no noun was written), per dollar for money. The numerator is
/// then scaled like any quantity: $10/W reads `$10 billion per GW`.
///
/// Every format rounds by `Rounding.ends(of:isRange:)`: a bound never reads stronger than it
/// is (`≥ 66.67` at 2 digits is `≥ 66`). A qualifier is joined to its number by a no-break
/// space (U+00A0), so a line never ends on `≥` or `up to`; in Spanish a symbol after its
/// number is joined the same way (`27 %`, `150 MW`, `14.000 M$`).
///
/// Spanish follows the table in docs/spanish-numbers.md (RAE, Fundéu, CLDR): ranges with a
/// dash (`10.500–14.000 millones de dólares`), 10⁹ as thousands of millions, `billón` only for
/// 10¹², `M` as the one compact scale letter, ratios as `veces` in prose and `×` in compact.
struct QuantityFormatter {
    let locale: QuantityLocale
    let options: FormatOptions
    /// Set per quantity by `format(_:)`: how its low and high ends round.
    private var rounding: (low: Rounding, high: Rounding) = (.nearest, .nearest)

    init(locale: QuantityLocale, options: FormatOptions) {
        self.locale = locale
        self.options = options
    }

    private var significant: Int { max(1, options.precision) }
    private var english: Bool { locale == .en }
    /// Between a number and a symbol written after it (`MW`, `%`, `M$`): a plain space in
    /// English (which writes `27%` with none), a no-break space in Spanish, where Fundéu and
    /// the RAE ask for a space and for the symbol never to start a line.
    private var symbolSpace: String { english ? " " : "\u{00A0}" }

    /// Numerator text plus what the Spanish qualifier needs to agree with it.
    private struct Phrase {
        var text: String
        var feminine = false
    }

    func format(_ q: Quantity) -> String {
        var formatter = self
        formatter.rounding = options.rounding.map { ($0, $0) } ?? Rounding.ends(of: q.qualifier, isRange: !q.interval.isPoint)
        return formatter.text(q)
    }

    /// The rounding of the end that decides a shared scale word or unit (the larger magnitude).
    private func largestRounding(_ low: Double, _ high: Double) -> Rounding {
        abs(low) > abs(high) ? rounding.low : rounding.high
    }

    private func text(_ q: Quantity) -> String {
        if options.notation == .number {
            return symbolPrefix(q.qualifier) + plain(q.low, q.high, noun: nil).text
        }
        if q.dimension.isDimensionless {
            return withQualifier(q.qualifier, dimensionless(q))
        }
        guard let (numerator, denominator) = q.dimension.simpleFraction else {
            let number = plain(q.low, q.high, noun: nil).text
            return symbolPrefix(q.qualifier) + number + symbolSpace + q.dimension.symbol
        }
        let factor = denominator.map(denominatorFactor) ?? 1
        let low = q.low * factor, high = q.high * factor
        var phrase: Phrase
        switch numerator {
        case .money: phrase = money(low, high)
        case .power: phrase = metric(low, high, unit: "W")
        case .energy: phrase = metric(low, high, unit: "Wh")
        case .time: phrase = time(low, high)
        case .count: phrase = plain(low, high, noun: q.noun ?? (denominator == nil ? nil : "unit"))
        case nil: phrase = plain(low, high, noun: nil)
        }
        if let denominator { phrase.text += per(denominator, noun: q.noun) }
        return withQualifier(q.qualifier, phrase)
    }

    // MARK: Numerators

    private func dimensionless(_ q: Quantity) -> Phrase {
        switch (options.notation, q.hint) {
        case (.percent, _), (_, .percent):
            return percent(q.low, q.high)
        case (_, .ratio):
            let largest = max(abs(q.low), abs(q.high))
            if NumberText.rounded(largest, significant: significant, rounding: largestRounding(q.low, q.high)) >= 1 {
                let ends = range(q.low, q.high, divisor: 1)
                // Spanish prose says "veces" ("2,1 veces lo que dan sus datos"); a table or a
                // chart keeps the sign.
                if english || options.compact { return Phrase(text: ends.joined + "×") }
                return Phrase(text: ends.joined + (ends.isOne ? " vez" : " veces"), feminine: true)
            }
            return percent(q.low, q.high)
        case (_, .none):
            return plain(q.low, q.high, noun: nil)
        }
    }

    private func percent(_ low: Double, _ high: Double) -> Phrase {
        Phrase(text: range(low * 100, high * 100, divisor: 1).joined + (english ? "%" : symbolSpace + "%"))
    }

    private func money(_ low: Double, _ high: Double) -> Phrase {
        let scale = ScaleWord.choose(largest: max(abs(low), abs(high)), significant: significant,
                                     locale: locale, compact: options.compact, rounding: largestRounding(low, high))
        let ends = range(low, high, divisor: scale?.factor ?? 1)
        switch (locale, options.compact) {
        case (.en, false):
            let word = scale?.english.map { " " + $0 } ?? ""
            return Phrase(text: dollar(ends.low) + (ends.high.map { "–" + $0 } ?? "") + word)
        case (.en, true):
            let letter = scale?.englishCompact ?? ""
            return Phrase(text: dollar(ends.low) + letter + (ends.high.map { "–" + dollar($0) + letter } ?? ""))
        case (.es, false):
            let words: String
            if let scale {
                let name = ends.isOne ? scale.spanishSingular! : scale.spanishPlural!
                words = name + " de dólares"
            } else {
                words = ends.isOne ? "dólar" : "dólares"
            }
            return Phrase(text: ends.joined + " " + words)
        case (.es, true):
            return Phrase(text: ends.joined + symbolSpace + (scale?.spanishCompact ?? "") + "$")
        }
    }

    /// Counts and plain numbers: `700 million users`, `350.000 unidades`, `700M`; compact
    /// Spanish keeps the `de` that `M` (millones) asks for: `700 M de usuarios`.
    private func plain(_ low: Double, _ high: Double, noun singular: String?) -> Phrase {
        let scale = options.notation == .number && !options.compact ? nil
            : ScaleWord.choose(largest: max(abs(low), abs(high)), significant: significant,
                               locale: locale, compact: options.compact, rounding: largestRounding(low, high))
        let ends = range(low, high, divisor: scale?.factor ?? 1)
        let noun = singular.map { Vocabulary.noun($0) ?? CountNoun(
            singular: $0, plural: $0 + "s", spanishSingular: $0, spanishPlural: $0, feminine: false) }
        let nounSingular = ends.isOne && scale == nil
        var text: String
        if options.compact {
            if english {
                let letter = scale?.englishCompact ?? ""
                text = ends.low + letter + (ends.high.map { "–" + $0 + letter } ?? "")
            } else {
                text = ends.joined + (scale?.spanishCompact.map { symbolSpace + $0 } ?? "")
            }
        } else if english {
            text = ends.joined + (scale?.english.map { " " + $0 } ?? "")
        } else {
            text = ends.joined + (scale.map { " " + (ends.isOne ? $0.spanishSingular! : $0.spanishPlural!) } ?? "")
        }
        guard let noun else { return Phrase(text: text) }
        if english {
            text += " " + (nounSingular ? noun.singular : noun.plural)
        } else {
            let word = nounSingular ? noun.spanishSingular : noun.spanishPlural
            text += (scale != nil ? " de " : " ") + word
        }
        return Phrase(text: text, feminine: noun.feminine && scale == nil)
    }

    /// Watts or watt-hours with the SI prefix of the larger end: `1.5 kW`, `100–150 MW`.
    private func metric(_ low: Double, _ high: Double, unit: String) -> Phrase {
        let prefix = ScaleWord.metricPrefix(largest: max(abs(low), abs(high)), significant: significant,
                                            rounding: largestRounding(low, high))
        return Phrase(text: range(low, high, divisor: prefix.factor).joined + symbolSpace + prefix.prefix + unit)
    }

    /// Years, or months when the whole value is under a year (`6 months`).
    private func time(_ low: Double, _ high: Double) -> Phrase {
        let months = NumberText.rounded(max(abs(low), abs(high)), significant: significant,
                                        rounding: largestRounding(low, high)) < 1
        let ends = range(low, high, divisor: months ? 1.0 / 12 : 1)
        let word = switch (locale, months, ends.isOne) {
        case (.en, false, true): "year"
        case (.en, false, false): "years"
        case (.en, true, true): "month"
        case (.en, true, false): "months"
        case (.es, false, true): "año"
        case (.es, false, false): "años"
        case (.es, true, true): "mes"
        case (.es, true, false): "meses"
        }
        return Phrase(text: ends.joined + " " + word)
    }

    // MARK: Denominators

    private func denominatorFactor(_ base: BaseDimension) -> Double {
        switch base {
        case .power: 1e9
        case .energy: 1e6
        case .money, .count, .time: 1
        }
    }

    private func per(_ base: BaseDimension, noun singular: String?) -> String {
        let noun = Vocabulary.noun(singular ?? "unit")
        let nounEnglish = noun?.singular ?? singular ?? "unit"
        let nounSpanish = noun?.spanishSingular ?? singular ?? "unidad"
        switch (locale, options.compact, base) {
        case (_, true, .power): return "/GW"
        case (_, true, .energy): return "/MWh"
        case (_, true, .money): return "/$"
        case (.en, true, .time): return "/yr"
        case (.es, true, .time): return "/año"
        case (.en, true, .count): return "/" + nounEnglish
        case (.es, true, .count): return "/" + nounSpanish
        case (.en, false, .power): return " per GW"
        case (.en, false, .energy): return " per MWh"
        case (.en, false, .money): return " per dollar"
        case (.en, false, .time): return " per year"
        case (.en, false, .count): return " per " + nounEnglish
        case (.es, false, .power): return " por GW"
        case (.es, false, .energy): return " por MWh"
        case (.es, false, .money): return " por dólar"
        case (.es, false, .time): return " al año"
        case (.es, false, .count): return " por " + nounSpanish
        }
    }

    // MARK: Pieces

    private struct Ends {
        var low: String
        var high: String?
        var joined: String { low + (high.map { "–" + $0 } ?? "") }
        /// A single value that reads as exactly one, which takes singular words.
        var isOne: Bool { high == nil && low == "1" }
    }

    /// Both ends divided by the shared scale, each rounded its own way (see `Rounding`); a
    /// single end when they round to the same text.
    private func range(_ low: Double, _ high: Double, divisor: Double) -> Ends {
        let lowText = NumberText.format(low / divisor, significant: significant, locale: locale, rounding: rounding.low)
        let highText = NumberText.format(high / divisor, significant: significant, locale: locale, rounding: rounding.high)
        return Ends(low: lowText, high: lowText == highText ? nil : highText)
    }

    private func dollar(_ number: String) -> String {
        number.hasPrefix("−") ? "−$" + number.dropFirst() : "$" + number
    }

    private func withQualifier(_ qualifier: Qualifier, _ phrase: Phrase) -> String {
        let nbsp = "\u{00A0}"
        if qualifier == .faceValue {
            return phrase.text + nbsp + (english ? "at" + nbsp + "face" + nbsp + "value" : "con" + nbsp + "las" + nbsp + "cifras" + nbsp + "dadas")
        }
        if options.compact { return symbolPrefix(qualifier) + phrase.text }
        let about = english ? "~" : (phrase.feminine ? "unas" + nbsp : "unos" + nbsp)
        let bound: String
        switch (locale, qualifier) {
        case (_, .exact): return phrase.text
        case (_, .approximate): return about + phrase.text
        case (_, .faceValue): return phrase.text
        case (.en, .atLeast(let strict, _)): bound = strict ? ">" : "≥"
        case (.en, .atMost(let strict, _)): bound = strict ? "<" : "up" + nbsp + "to"
        case (.es, .atLeast(let strict, _)): bound = strict ? "más" + nbsp + "de" : "al" + nbsp + "menos"
        case (.es, .atMost(let strict, _)): bound = strict ? "menos" + nbsp + "de" : "hasta"
        }
        return bound + nbsp + (qualifier.isApproximate ? about : "") + phrase.text
    }

    /// Locale-neutral qualifier marks for compact and number output; a non-strict upper bound
    /// keeps its words ("up to", "hasta") because that is how the story's own copy writes it
    /// in each language. An approximate bound adds `~` after the bound: `≥ ~66×`.
    private func symbolPrefix(_ qualifier: Qualifier) -> String {
        let nbsp = "\u{00A0}"
        let about = qualifier.isApproximate ? "~" : ""
        switch qualifier {
        case .exact: return ""
        case .approximate: return "~"
        case .faceValue: return ""
        case .atLeast(let strict, _): return (strict ? ">" : "≥") + nbsp + about
        case .atMost(let strict, _): return (strict ? "<" : (english ? "up" + nbsp + "to" : "hasta")) + nbsp + about
        }
    }
}
