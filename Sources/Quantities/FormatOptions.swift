/// The language a quantity is written in; passed explicitly because on Linux
/// `Locale.current` is always `en_001`.
public enum QuantityLocale: String, Sendable, Hashable, CaseIterable {
    /// English: `$10.5–14 billion`, `350,000`, `1.5 kW`, `27%`.
    case en
    /// Spanish (docs/spanish-numbers.md): `10.500–14.000 millones de dólares`, `350.000`,
    /// `1500`, `1,5 kW`, `27 %` (a no-break space before the symbol), `5 veces`.
    case es

    /// Accepts a language code or a full identifier (`en`, `en-US`, `es_ES`, `es-419`);
    /// nil for languages this module cannot write.
    public init?(identifier: String) {
        let language = identifier.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
        self.init(rawValue: language.lowercased())
    }
}

/// Knobs for `Quantity.formatted(_:_:)`; the defaults give the house style.
public struct FormatOptions: Sendable, Hashable {
    /// How to show the number itself.
    public enum Notation: Sendable, Hashable {
        /// Units and scale words chosen from the dimension and hint: `$18 billion`, `27%`, `5×`.
        case automatic
        /// Show a dimensionless value as a percentage (0.27 → `27%`), whatever its hint.
        /// Ignored for dimensioned quantities.
        case percent
        /// The bare number in base units with thousands grouping and no unit, scale or noun
        /// words: `$10.5B` → `10,500,000,000`, `27%` → `0.27`. The qualifier stays, as a symbol.
        /// With `compact`, scale letters are used: `10.5B`.
        case number
    }

    /// Short forms for tables and charts: `$10.5B–$14B`, `700M`, `$30k`, `5×`; Spanish
    /// `10.500–14.000 M$`, `700 M`, `1.200.000 M$` (M at every size: no `B`, which reads as
    /// 10⁹ in English and 10¹² in Spanish), `5×`; symbols for qualifiers ("up to" / "hasta"
    /// for a non-strict upper bound).
    public var compact: Bool
    /// Significant digits (at least 1, default 3) of each end, trailing zeros trimmed:
    /// `28.169` → `28.2`, `350,123` → `350,000`, `$13,999,999,999.99` → `$14 billion`. Raise it
    /// for exact counts that must show every digit.
    public var precision: Int
    public var notation: Notation
    /// Rounds both ends this way instead of by the qualifier's rule; for a number that is one
    /// end of what a figure allows ("its lowest, 6.66 million"), which must round the way its
    /// bound does even though it is written without a mark. Nil: the qualifier's rule.
    public var rounding: Rounding?

    public init(compact: Bool = false, precision: Int = 3, notation: Notation = .automatic, rounding: Rounding? = nil) {
        self.compact = compact
        self.precision = precision
        self.notation = notation
        self.rounding = rounding
    }
}

extension Quantity {
    /// Text for a reader in `locale`: `~$40 billion`, `unos 40.000 millones de dólares`.
    public func formatted(_ locale: QuantityLocale, _ options: FormatOptions = FormatOptions()) -> String {
        QuantityFormatter(locale: locale, options: options).format(self)
    }
}
