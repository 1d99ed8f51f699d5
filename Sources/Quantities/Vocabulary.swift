/// A unit word the parser accepts after a number (or after `per`).
struct UnitWord: Sendable {
    let spelling: String
    let dimension: Dimension
    /// Power of ten from this unit to the base unit (`MW` → 6, `%` → -2). Kept as an exponent
    /// so the parser can build `150e6` as text and let `Double` round once, exactly.
    let exponent: Int
    /// A further non-decimal divisor (`month` → 12, being 1/12 year); 1 otherwise.
    let divisor: Double
    let hint: DisplayHint
    let noun: String?
    /// Word-like units ("years", "GPUs") match in any case; SI symbols do not, since `mW`
    /// and `MW` differ by a factor of a billion.
    let anyCase: Bool

    init(_ spelling: String, _ dimension: Dimension, _ exponent: Int = 0, divisor: Double = 1,
         hint: DisplayHint = .none, noun: String? = nil, anyCase: Bool = false) {
        self.spelling = spelling
        self.dimension = dimension
        self.exponent = exponent
        self.divisor = divisor
        self.hint = hint
        self.noun = noun
        self.anyCase = anyCase
    }
}

/// A countable thing a reporter may name, with the words to write it back in each locale.
/// Spanish plurals follow the RAE: an initialism does not change in writing (`las GPU`, as
/// `las ONG`), a loanword ending in a consonant adds -s (`chips`).
struct CountNoun: Sendable {
    let singular: String
    let plural: String
    let spanishSingular: String
    let spanishPlural: String
    /// Spanish grammatical gender, for "unas 700.000 unidades" vs "unos 700.000 usuarios".
    let feminine: Bool
}

/// The fixed word lists: units, magnitude suffixes, count nouns. A closed list (rather than
/// "any word is a noun") is what lets a typo like `MWW` be reported instead of swallowed.
enum Vocabulary {
    static let nouns: [CountNoun] = [
        CountNoun(singular: "unit", plural: "units", spanishSingular: "unidad", spanishPlural: "unidades", feminine: true),
        CountNoun(singular: "GPU", plural: "GPUs", spanishSingular: "GPU", spanishPlural: "GPU", feminine: true),
        CountNoun(singular: "user", plural: "users", spanishSingular: "usuario", spanishPlural: "usuarios", feminine: false),
        CountNoun(singular: "chip", plural: "chips", spanishSingular: "chip", spanishPlural: "chips", feminine: false),
        CountNoun(singular: "server", plural: "servers", spanishSingular: "servidor", spanishPlural: "servidores", feminine: false),
        CountNoun(singular: "person", plural: "people", spanishSingular: "persona", spanishPlural: "personas", feminine: true),
    ]

    /// In suggestion order: when two spellings are equally close to a typo, the earlier wins.
    static let units: [UnitWord] = {
        var list: [UnitWord] = [
            UnitWord("USD", .money),
            UnitWord("dollars", .money, anyCase: true),
            UnitWord("dollar", .money, anyCase: true),
            UnitWord("W", .power),
            UnitWord("kW", .power, 3),
            UnitWord("MW", .power, 6),
            UnitWord("GW", .power, 9),
            UnitWord("TW", .power, 12),
            UnitWord("Wh", .energy),
            UnitWord("kWh", .energy, 3),
            UnitWord("MWh", .energy, 6),
            UnitWord("GWh", .energy, 9),
            UnitWord("TWh", .energy, 12),
            UnitWord("%", .dimensionless, -2, hint: .percent),
            UnitWord("percent", .dimensionless, -2, hint: .percent, anyCase: true),
            UnitWord("x", .dimensionless, hint: .ratio),
            UnitWord("×", .dimensionless, hint: .ratio),
            UnitWord("years", .time, anyCase: true),
            UnitWord("year", .time, anyCase: true),
            UnitWord("yrs", .time, anyCase: true),
            UnitWord("yr", .time, anyCase: true),
            UnitWord("months", .time, divisor: 12, anyCase: true),
            UnitWord("month", .time, divisor: 12, anyCase: true),
        ]
        for noun in nouns {
            list.append(UnitWord(noun.plural, .count, noun: noun.singular, anyCase: true))
            list.append(UnitWord(noun.singular, .count, noun: noun.singular, anyCase: true))
        }
        return list
    }()

    /// Magnitude suffixes: `k`, `M`/`m`/`mn`, `B`/`b`/`bn`, `T`/`t`/`tn` and the spelled-out words.
    static let suffixes: [(spelling: String, exponent: Int)] = [
        ("k", 3), ("K", 3), ("thousand", 3),
        ("M", 6), ("m", 6), ("mn", 6), ("million", 6),
        ("B", 9), ("b", 9), ("bn", 9), ("billion", 9),
        ("T", 12), ("t", 12), ("tn", 12), ("trillion", 12),
    ]

    /// Words that end a number's unit position because they start the next part of the text.
    static let reserved: Set<String> = ["to", "per", "a", "an"]

    static func unit(_ word: String) -> UnitWord? {
        units.first { $0.spelling == word }
            ?? units.first { $0.anyCase && $0.spelling.lowercased() == word.lowercased() }
    }

    /// The power of ten a magnitude suffix stands for; the spelled-out words match in any case.
    static func suffix(_ word: String) -> Int? {
        if let exact = suffixes.first(where: { $0.spelling == word }) { return exact.exponent }
        let long = ["thousand", "million", "billion", "trillion"]
        guard long.contains(word.lowercased()) else { return nil }
        return suffixes.first { $0.spelling == word.lowercased() }?.exponent
    }

    static func noun(_ singular: String) -> CountNoun? {
        nouns.first { $0.singular == singular }
    }

    /// The known unit a mistyped word most likely meant: a case-insensitive match first
    /// (`gw` → `GW`), else the first spelling within a small edit distance (`MWW` → `MW`).
    static func suggestion(for word: String) -> String? {
        if let match = units.first(where: { $0.spelling.lowercased() == word.lowercased() }) {
            return match.spelling
        }
        let typed = Array(word.lowercased())
        let allowed = max(1, typed.count / 3)
        var best: (spelling: String, distance: Int)?
        for unit in units {
            let distance = editDistance(typed, Array(unit.spelling.lowercased()))
            guard distance <= allowed, distance < typed.count else { continue }
            if best == nil || distance < best!.distance { best = (unit.spelling, distance) }
        }
        return best?.spelling
    }

    /// Levenshtein distance; the words are a few characters long, so the quadratic table is fine.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
