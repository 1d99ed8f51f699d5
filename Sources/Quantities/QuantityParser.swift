/// Reads the reporter's notation. Grammar, whitespace allowed between parts:
///
///     quantity := qualifier? end (separator end)? (("per" | "/" | "a" | "an") unit)?
///     qualifier:= bound approximate? | approximate     ("≥ ~66×", "at least about 10 GW")
///     end      := sign? "$"? number suffix? unit?
///     separator:= "–" | "—" | "-" | ".." | "to"
///
/// Works on an array of Characters so error offsets are Character offsets.
struct QuantityParser {
    /// One side of a range (or the whole value), before units are shared between the sides.
    private struct End {
        var start: Int
        var end: Int
        /// The number as written, sign included and commas removed (`-30000.5`).
        var digits: String
        /// Power of ten of the magnitude suffix (`k` → 3), nil when none was written.
        var suffixExponent: Int?
        /// The suffix as written (`B`), or as borrowed from the high end of a range.
        var suffixText: String? = nil
        /// True when the suffix was borrowed from the high end (`$3–$4B`): errors then show it.
        var borrowed = false
        var dollar: Bool
        var unit: UnitWord?
    }

    private let chars: [Character]
    private var pos = 0

    private init(_ text: String) { chars = Array(text) }

    static func parse(_ text: String) throws(QuantityParseError) -> Quantity {
        var parser = QuantityParser(text)
        return try parser.parseQuantity()
    }

    private static let qualifierSymbols: [(String, Qualifier)] = [
        (">=", .atLeast(strict: false)), ("≥", .atLeast(strict: false)),
        ("<=", .atMost(strict: false)), ("≤", .atMost(strict: false)),
        (">", .atLeast(strict: true)), ("<", .atMost(strict: true)),
        ("~", .approximate), ("≈", .approximate),
    ]

    private static let qualifierWords: [(String, Qualifier)] = [
        ("up to", .atMost(strict: false)), ("at most", .atMost(strict: false)),
        ("at least", .atLeast(strict: false)),
        ("more than", .atLeast(strict: true)), ("over", .atLeast(strict: true)),
        ("less than", .atMost(strict: true)), ("under", .atMost(strict: true)),
        ("about", .approximate), ("around", .approximate),
        ("approximately", .approximate), ("roughly", .approximate),
    ]

    private mutating func parseQuantity() throws(QuantityParseError) -> Quantity {
        skipSpaces()
        guard !atEnd else { throw error("empty value", at: 0) }
        try rejectMissingLowEnd()

        let qualifierStart = pos
        var qualifier = Qualifier.exact
        var qualifierText: String?
        if let (found, length) = matchQualifier() {
            qualifier = found
            qualifierText = text(qualifierStart, qualifierStart + length)
            pos += length
            skipSpaces()
            // "≥ ~66×", "at least about 10 GW": a bound that is itself approximate.
            if qualifier.isBound, let (second, secondLength) = matchQualifier(), second == .approximate {
                switch qualifier {
                case .atLeast(let strict, _): qualifier = .atLeast(strict: strict, approximate: true)
                case .atMost(let strict, _): qualifier = .atMost(strict: strict, approximate: true)
                case .exact, .approximate, .faceValue: break
                }
                pos += secondLength
                qualifierText = text(qualifierStart, pos)
                skipSpaces()
            }
        }

        var low = try parseEnd(after: qualifierText)
        var high: End?
        let beforeSeparator = pos
        skipSpaces()
        if let separator = matchSeparator() {
            pos += separator.count
            skipSpaces()
            high = try parseEnd(after: separator)
        } else {
            pos = beforeSeparator
        }

        let per = try parsePer()
        skipSpaces()
        if !atEnd { throw error("unexpected '\(token(at: pos))'", at: pos) }

        if let qualifierText, qualifier.isBound, high != nil {
            throw error("a bound ('\(qualifierText)') cannot apply to a range", at: qualifierStart)
        }
        if var upper = high {
            try shareUnits(&low, &upper)
            high = upper
        }
        return try build(low: low, high: high ?? low, qualifier: qualifier, per: per)
    }

    /// A value that is only a range dash (`–`, `..`) is a placeholder, not a number.
    private func rejectMissingLowEnd() throws(QuantityParseError) {
        guard let separator = matchSeparator(), separator != "to" else { return }
        var next = pos + separator.count
        while next < chars.count, chars[next].isWhitespace { next += 1 }
        if next == chars.count { throw error("empty range", at: pos) }
        if separator != "-" { throw error("range is missing its low end", at: pos) }
    }

    private func matchQualifier() -> (Qualifier, Int)? {
        for (symbol, qualifier) in Self.qualifierSymbols where hasPrefix(symbol, at: pos) {
            return (qualifier, symbol.count)
        }
        for (phrase, qualifier) in Self.qualifierWords {
            if let length = matchWords(phrase, at: pos) { return (qualifier, length) }
        }
        return nil
    }

    private func matchSeparator() -> String? {
        for separator in ["–", "—", "..", "-"] where hasPrefix(separator, at: pos) {
            return separator
        }
        return matchWords("to", at: pos) != nil ? "to" : nil
    }

    private mutating func parseEnd(after context: String?) throws(QuantityParseError) -> End {
        let start = pos
        var negative = false
        var dollar = false
        if let sign = peek(), "-−+".contains(sign) {
            guard let next = peek(1), next.isASCIIDigit || next == "$" else {
                throw error("expected a number after '\(sign)'", at: pos + 1)
            }
            negative = sign != "+"
            pos += 1
        }
        if peek() == "$" {
            dollar = true
            pos += 1
            skipSpaces()
            if !negative, let sign = peek(), "-−".contains(sign), peek(1)?.isASCIIDigit == true {
                negative = true
                pos += 1
            }
        }
        guard let first = peek(), first.isASCIIDigit else {
            if dollar { throw error("expected a number after '$'", at: pos) }
            if atEnd, let context { throw error("expected a number after '\(context)'", at: pos) }
            throw error("expected a number, found '\(token(at: pos))'", at: pos)
        }
        let numberStart = pos
        while let c = peek(), c.isASCIIDigit || c == "," || (c == "." && peek(1) != ".") {
            pos += 1
        }
        let digits = try number(text(numberStart, pos), at: numberStart)
        // `1e20`, `1.5E-3`: a slip from spreadsheets and code, which would otherwise read as the unit 'e'.
        if let e = peek(), e == "e" || e == "E",
           let next = peek(1), next.isASCIIDigit || ((next == "+" || next == "-") && peek(2)?.isASCIIDigit == true) {
            throw error("exponent notation ('\(text(numberStart, pos))\(e)…') is not read: write the number out or with a scale word, as in 100 billion or $1.5 trillion", at: pos)
        }
        var end = End(start: start, end: pos, digits: (negative ? "-" : "") + digits,
                      suffixExponent: nil, dollar: dollar, unit: nil)
        let afterNumber = pos
        skipSpaces()
        guard let (word, wordStart) = readWord() else {
            pos = afterNumber
            return end
        }
        if let exponent = Vocabulary.suffix(word) {
            end.suffixExponent = exponent
            end.suffixText = word
            end.end = pos
            let afterSuffix = pos
            skipSpaces()
            guard let (unitWord, unitStart) = readWord() else {
                pos = afterSuffix
                return end
            }
            end.unit = try unit(unitWord, at: unitStart)
        } else {
            end.unit = try unit(word, at: wordStart)
        }
        end.end = pos
        if dollar, let unit = end.unit, unit.dimension != .money {
            throw error("'$' cannot be used with '\(unit.spelling)'", at: pos - unit.spelling.count)
        }
        return end
    }

    /// Digits with optional thousands commas and decimals; the hints cover the usual slips of
    /// writers used to `1.000,5` (Spanish) notation.
    private func number(_ token: String, at start: Int) throws(QuantityParseError) -> String {
        let integerAndFraction = token.split(separator: ".", omittingEmptySubsequences: false)
        let groups = integerAndFraction[0].split(separator: ",", omittingEmptySubsequences: false)
        let fractionOK = integerAndFraction.count == 1
            || (integerAndFraction.count == 2 && !integerAndFraction[1].isEmpty
                && integerAndFraction[1].allSatisfy(\.isASCIIDigit))
        let groupsOK = groups.count == 1
            || ((1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 })
        if fractionOK, groupsOK, !groups[0].isEmpty { return token.filter { $0 != "," } }
        var hint = ""
        if groups.count == 2, integerAndFraction.count == 1, groups[1].count <= 2 {
            hint = " (use '.' for decimals)"
        } else if groups.count > 1 {
            hint = " (thousands groups need 3 digits)"
        } else if integerAndFraction.count > 2, integerAndFraction.dropFirst().allSatisfy({ $0.count == 3 }) {
            hint = " (use ',' for thousands)"
        }
        throw error("malformed number '\(token)'\(hint)", at: start)
    }

    private func unit(_ word: String, at start: Int) throws(QuantityParseError) -> UnitWord {
        if let unit = Vocabulary.unit(word) { return unit }
        let suggestion = Vocabulary.suggestion(for: word).map { " (did you mean '\($0)'?)" } ?? ""
        throw error("unknown unit '\(word)'\(suggestion)", at: start)
    }

    private mutating func parsePer() throws(QuantityParseError) -> UnitWord? {
        let before = pos
        skipSpaces()
        guard let keyword = peek() == "/" ? "/"
                : ["per", "a", "an"].first(where: { matchWords($0, at: pos) != nil }) else {
            pos = before
            return nil
        }
        pos += keyword.count
        skipSpaces()
        guard let (word, start) = readWord(), !Vocabulary.reserved.contains(word) else {
            throw error("expected a unit after '\(keyword)'", at: pos)
        }
        let unit = try unit(word, at: start)
        guard !unit.dimension.isDimensionless else {
            throw error("'\(word)' cannot follow '\(keyword)'", at: start)
        }
        return unit
    }

    /// Applies the reporter's shorthand: in `$30–40k` the low end borrows `$` and `k`; in
    /// `10–20 MW` it borrows `MW`. A low end with its own unit is taken as complete. When the
    /// high end repeats `$`, the low end still borrows the suffix (`$3–$4B` is $3–4 billion, a
    /// reporter's common form), unless as written it is already a range within a factor of
    /// 1,000 (`$500–$2k`: $500 to $2,000), a suffix step, which is what the writer meant.
    private func shareUnits(_ low: inout End, _ high: inout End) throws(QuantityParseError) {
        let usd = Vocabulary.unit("USD")
        let lowUnit = low.unit ?? (low.dollar ? usd : nil)
        let highUnit = high.unit ?? (high.dollar ? usd : nil)
        if let lowUnit, let highUnit, lowUnit.dimension != highUnit.dimension {
            throw error("range ends have different dimensions: \(lowUnit.dimension) and \(highUnit.dimension)",
                        at: high.start)
        }
        if low.suffixExponent == nil, low.unit == nil, let exponent = high.suffixExponent {
            let lowAsWritten = Double(low.digits) ?? 0
            let highValue = Double("\(high.digits)e\(exponent)") ?? 0
            let completeAsWritten = high.dollar && lowAsWritten > 0 && lowAsWritten <= highValue && highValue / lowAsWritten < 1000
            if !completeAsWritten {
                low.suffixExponent = exponent
                low.suffixText = high.suffixText
                low.borrowed = true
            }
        }
        low.unit = lowUnit ?? highUnit
        high.unit = highUnit ?? lowUnit
    }

    private func build(low: End, high: End, qualifier: Qualifier,
                       per: UnitWord?) throws(QuantityParseError) -> Quantity {
        let usd = Vocabulary.unit("USD")
        let lowUnit = low.unit ?? (low.dollar ? usd : nil)
        let highUnit = high.unit ?? (high.dollar ? usd : nil)
        let lowValue = value(low, unit: lowUnit, per: per)
        let highValue = value(high, unit: highUnit, per: per)
        for (end, value) in [(low, lowValue), (high, highValue)] {
            try checkMagnitude(end, value: value)
        }
        if lowValue > highValue {
            // Both ends as read: a borrowed suffix and a shared `$` are shown on each.
            let lowText = text(low.start, low.end) + (low.borrowed ? low.suffixText ?? "" : "")
            let highText = (low.dollar && !high.dollar ? "$" : "") + text(high.start, high.end)
            throw error("range low end \(lowText) is above high end \(highText)",
                        at: low.start)
        }
        let unit = highUnit ?? lowUnit
        var dimension = unit?.dimension ?? .dimensionless
        if let per { dimension = dimension / per.dimension }
        return Quantity(low: lowValue, high: highValue, dimension: dimension,
                        qualifier: qualifier, hint: unit?.hint ?? .none, noun: unit?.noun ?? per?.noun)
    }

    /// The number as written times its suffix (`$9300000T` → 9.3×10¹⁸) must be at most
    /// `Quantity.largestWritten`; a non-zero number must not vanish into zero or a subnormal.
    private func checkMagnitude(_ end: End, value: Double) throws(QuantityParseError) {
        let written = Double("\(end.digits)e\(end.suffixExponent ?? 0)") ?? .infinity
        let whole = text(end.start, end.end)
        let shown = whole.count > 32 ? whole.prefix(28) + "…" : whole
        if !written.isFinite || !value.isFinite || abs(written) > Quantity.largestWritten {
            throw error("number too large: '\(shown)' is more than 10^15 (a thousand trillion) of its unit", at: end.start)
        }
        let nonZero = end.digits.contains { $0 >= "1" && $0 <= "9" }
        if nonZero, abs(value) < Double.leastNormalMagnitude {
            throw error("number too small: '\(shown)' has too many zeros after the point", at: end.start)
        }
    }

    /// Base-unit value, built as decimal text (`150e6`) so `Double` rounds once: `27%` is
    /// exactly the double nearest 0.27, not 27 × 0.01.
    private func value(_ end: End, unit: UnitWord?, per: UnitWord?) -> Double {
        let exponent = (end.suffixExponent ?? 0) + (unit?.exponent ?? 0) - (per?.exponent ?? 0)
        let scaled = Double("\(end.digits)e\(exponent)") ?? .nan
        return scaled / (unit?.divisor ?? 1) * (per?.divisor ?? 1)
    }

    // MARK: Scanning

    private var atEnd: Bool { pos >= chars.count }

    private func peek(_ ahead: Int = 0) -> Character? {
        pos + ahead < chars.count ? chars[pos + ahead] : nil
    }

    private mutating func skipSpaces() {
        while let c = peek(), c.isWhitespace { pos += 1 }
    }

    private func text(_ from: Int, _ to: Int) -> String { String(chars[from..<to]) }

    private func hasPrefix(_ s: String, at index: Int) -> Bool {
        let wanted = Array(s)
        guard index + wanted.count <= chars.count else { return false }
        return Array(chars[index..<index + wanted.count]) == wanted
    }

    /// Length of a case-insensitive match of `phrase` at `index`, with any run of whitespace
    /// standing for each space, ending at a word boundary; nil when it does not match.
    private func matchWords(_ phrase: String, at index: Int) -> Int? {
        var i = index
        for (n, word) in phrase.split(separator: " ").enumerated() {
            if n > 0 {
                guard i < chars.count, chars[i].isWhitespace else { return nil }
                while i < chars.count, chars[i].isWhitespace { i += 1 }
            }
            for c in word {
                guard i < chars.count, chars[i].lowercased() == String(c) else { return nil }
                i += 1
            }
        }
        if i < chars.count, chars[i].isLetter { return nil }
        return i - index
    }

    /// A unit or suffix word at the cursor: a run of letters, or a lone `%` / `×`. Reserved
    /// words (`to`, `per`) are left for the caller.
    private mutating func readWord() -> (String, Int)? {
        let start = pos
        guard let c = peek() else { return nil }
        if c == "%" || c == "×" {
            pos += 1
            return (String(c), start)
        }
        while let c = peek(), c.isLetter { pos += 1 }
        let word = text(start, pos)
        if word.isEmpty || Vocabulary.reserved.contains(word.lowercased()) {
            pos = start
            return nil
        }
        return (word, start)
    }

    /// The run of non-space characters at `index`, quoted in "unexpected" messages.
    private func token(at index: Int) -> String {
        var end = index
        while end < chars.count, !chars[end].isWhitespace { end += 1 }
        return text(index, end)
    }

    private func error(_ message: String, at offset: Int) -> QuantityParseError {
        let clamped = min(offset, chars.count)
        let utf8 = chars[0..<clamped].reduce(0) { $0 + $1.utf8.count }
        return QuantityParseError(message: message, offset: clamped, utf8Offset: utf8)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
