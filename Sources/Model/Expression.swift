import Quantities

/// A named figure's formula: references, numbers and quoted quantities combined with
/// `+ - * /` (or `× ÷`), parentheses, and `sum`, `min`, `max`, `count` over a list or over
/// a collection filtered by fields: `sum(deals[to=openai].amount)`.
///
/// A `-` inside a name belongs to it (`el-capitan`): put spaces around a minus.
indirect enum Expression: Sendable {
    case number(Double, offset: Int)
    case literal(Quantity, text: String, offset: Int)
    case reference(String, offset: Int)
    /// `collection[field=value,…].field`: every matching record's field.
    case selection(collection: String, filters: [(String, String)], field: String, offset: Int)
    case binary(Character, Expression, Expression, offset: Int)
    case negate(Expression, offset: Int)
    case call(String, [Expression], offset: Int)

    var offset: Int {
        switch self {
        case .number(_, let o), .literal(_, _, let o), .reference(_, let o), .selection(_, _, _, let o),
             .binary(_, _, _, let o), .negate(_, let o), .call(_, _, let o): return o
        }
    }

    /// The formula in symbols, for the figures page: `a × (b + c)`.
    var symbols: String {
        switch self {
        case .number(let n, _): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .literal(_, let text, _): return text
        case .reference(let r, _): return r
        case .selection(let c, let filters, let f, _):
            return "\(c)[" + filters.map { "\($0)=\($1)" }.joined(separator: ",") + "].\(f)"
        case .binary(let op, let a, let b, _):
            let symbol = op == "*" ? "×" : op == "/" ? "÷" : String(op)
            return "\(a.grouped(under: op)) \(symbol) \(b.grouped(under: op, right: true))"
        case .negate(let e, _): return "−" + e.grouped(under: "*")
        case .call(let name, let args, _): return name + "(" + args.map(\.symbols).joined(separator: ", ") + ")"
        }
    }

    private func grouped(under op: Character, right: Bool = false) -> String {
        guard case .binary(let inner, _, _, _) = self else { return symbols }
        let loose = inner == "+" || inner == "-"
        let tight = op == "*" || op == "/"
        return (loose && tight) || (right && (op == "-" || op == "/")) ? "(\(symbols))" : symbols
    }

    struct ParseError: Error {
        var message: String
        var offset: Int
    }

    static func parse(_ text: String) throws(ParseError) -> Expression {
        var parser = ExpressionParser(Array(text))
        let expression = try parser.expression()
        parser.skipSpaces()
        guard parser.position == parser.characters.count else {
            throw ParseError(message: "unexpected '\(parser.characters[parser.position])'", offset: parser.position)
        }
        return expression
    }
}

private struct ExpressionParser {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) {
        self.characters = characters
    }

    mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    mutating func peek() -> Character? {
        skipSpaces()
        return position < characters.count ? characters[position] : nil
    }

    mutating func expression() throws(Expression.ParseError) -> Expression {
        var left = try term()
        while let c = peek(), c == "+" || c == "-" || c == "−" {
            let at = position
            position += 1
            left = .binary(c == "+" ? "+" : "-", left, try term(), offset: at)
        }
        return left
    }

    mutating func term() throws(Expression.ParseError) -> Expression {
        var left = try factor()
        while let c = peek(), "*/×÷".contains(c) {
            let at = position
            position += 1
            left = .binary(c == "*" || c == "×" ? "*" : "/", left, try factor(), offset: at)
        }
        return left
    }

    /// Parentheses, minus signs and calls open inside each other at most this deep, so a
    /// hostile formula cannot exhaust the stack; real formulas nest two or three levels.
    static let maximumDepth = 64
    var depth = 0

    mutating func factor() throws(Expression.ParseError) -> Expression {
        guard let c = peek() else { throw .init(message: "the formula ends where a value was expected", offset: position) }
        let start = position
        guard depth < Self.maximumDepth else {
            throw .init(message: "the formula nests more than \(Self.maximumDepth) levels deep", offset: start)
        }
        depth += 1
        defer { depth -= 1 }
        if c == "-" || c == "−" {
            position += 1
            return .negate(try factor(), offset: start)
        }
        if c == "(" {
            position += 1
            let inner = try expression()
            guard peek() == ")" else { throw .init(message: "missing ')'", offset: position) }
            position += 1
            return inner
        }
        if c == "'" || c == "\"" {
            position += 1
            let open = position
            while position < characters.count, characters[position] != c { position += 1 }
            guard position < characters.count else { throw .init(message: "unclosed quote", offset: start) }
            let text = String(characters[open..<position])
            position += 1
            do {
                return .literal(try Quantity.parse(text), text: text, offset: start)
            } catch {
                throw .init(message: error.message, offset: open + error.offset)
            }
        }
        if c.isNumber && !startsName() {
            while position < characters.count, characters[position].isNumber || characters[position] == "." { position += 1 }
            guard let value = Double(String(characters[start..<position])) else {
                throw .init(message: "bad number '\(String(characters[start..<position]))'", offset: start)
            }
            guard value <= Quantity.largestWritten else {
                throw .init(message: "number too large: more than 10^15 (a thousand trillion)", offset: start)
            }
            return .number(value, offset: start)
        }
        guard isNameCharacter(c) else { throw .init(message: "unexpected '\(c)'", offset: position) }
        let name = readName()
        if peek() == "(" {
            guard ["sum", "min", "max", "count"].contains(name) else {
                throw .init(message: "unknown function '\(name)' (use sum, min, max or count)", offset: start)
            }
            position += 1
            var arguments: [Expression] = []
            if peek() != ")" {
                arguments.append(try expression())
                while peek() == "," {
                    position += 1
                    arguments.append(try expression())
                }
            }
            guard peek() == ")" else { throw .init(message: "missing ')' after the arguments of \(name)", offset: position) }
            position += 1
            return .call(name, arguments, offset: start)
        }
        if peek() == "[" {
            return try selection(collection: name, start: start)
        }
        guard name.contains(".") else {
            throw .init(message: "'\(name)' is not a reference: write collection.id.field", offset: start)
        }
        return .reference(name, offset: start)
    }

    mutating func selection(collection: String, start: Int) throws(Expression.ParseError) -> Expression {
        position += 1
        var filters: [(String, String)] = []
        while true {
            skipSpaces()
            let field = readName()
            guard !field.isEmpty, peek() == "=" else { throw .init(message: "expected field=value inside [ ]", offset: position) }
            position += 1
            skipSpaces()
            let value = readName()
            guard !value.isEmpty else { throw .init(message: "expected a value after '='", offset: position) }
            filters.append((field, value))
            if peek() == "," { position += 1; continue }
            break
        }
        guard peek() == "]" else { throw .init(message: "missing ']'", offset: position) }
        position += 1
        guard position < characters.count, characters[position] == "." else {
            throw .init(message: "expected '.field' after ']'", offset: position)
        }
        position += 1
        let field = readName()
        guard !field.isEmpty else { throw .init(message: "expected a field name after '.'", offset: position) }
        return .selection(collection: collection, filters: filters, field: field, offset: start)
    }

    /// A digit that starts a name (`4o.x`) rather than a number: followed by a letter or hyphen before any space.
    func startsName() -> Bool {
        var i = position
        while i < characters.count, isNameCharacter(characters[i]) {
            if characters[i].isLetter || characters[i] == "_" { return true }
            i += 1
        }
        return false
    }

    func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-" || c == "."
    }

    mutating func readName() -> String {
        let start = position
        while position < characters.count, isNameCharacter(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }
}
