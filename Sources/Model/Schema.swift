import Quantities

/// What the story's collections hold (SPEC §2 Data): which fields name other records,
/// which are quantities and of what dimension. Collections not listed are generic: their
/// fields are quantities where they parse as one, text otherwise.
enum Schema {
    enum Field: Sendable {
        case text
        case date
        /// The id of a record in another collection.
        case link(String)
        case quantity(Expected)
    }

    /// The dimension a quantity field must have, and how a bare number is read.
    enum Expected: Sendable {
        case money, power, energy, time, percent
        /// A bare number counts things: `units: 350000` is 350,000 units.
        case count(noun: String)
        /// `unit_price: $30k–40k` means dollars per unit.
        case moneyPerUnit
        case any
    }

    static let collections: [String: [String: Field]] = [
        "sources": ["publisher": .text, "title": .text, "language": .text, "date": .date, "url": .text, "note": .text],
        "companies": ["name": .text, "kind": .text, "color": .text],
        "chips": ["name": .text, "vendor": .link("companies"), "unit_price": .quantity(.moneyPerUnit)],
        "clusters": ["name": .text, "owner": .link("companies"), "chip": .link("chips"),
                     "units": .quantity(.count(noun: "unit")), "power": .quantity(.power), "purpose": .text],
        "purchases": ["buyer": .link("companies"), "chip": .link("chips"), "units": .quantity(.count(noun: "unit")),
                      "as_of": .date, "note": .text],
        "deals": ["from": .link("companies"), "to": .link("companies"), "kind": .text, "amount": .quantity(.money),
                  "power": .quantity(.power), "term": .quantity(.time), "status": .text, "date": .date,
                  "chip": .link("chips"), "note": .text],
        "valuations": ["company": .link("companies"), "value": .quantity(.money), "date": .date, "kind": .text],
        "stakes": ["holder": .link("companies"), "company": .link("companies"), "share": .quantity(.percent), "as_of": .date],
        "financials": ["company": .link("companies"), "year": .text, "capex": .quantity(.money)],
        "audiences": ["product": .text, "company": .link("companies"), "users": .quantity(.count(noun: "user")),
                      "metric": .text, "date": .date],
        "training": ["model": .text, "company": .link("companies"), "gpus": .quantity(.count(noun: "GPU")),
                     "generation": .text],
        "claims": ["says": .quantity(.any), "figure": .text, "tolerance": .quantity(.percent), "note": .text,
                   "compare": .text, "statement": .text],
        "fleets": ["company": .link("companies"), "chip": .link("chips"), "units": .quantity(.count(noun: "unit")),
                   "as_of": .date, "disclosed": .date, "label": .text, "note": .text],
        "figures": ["expr": .text, "label": .text],
        "assumptions": ["statement": .text, "expr": .text, "label": .text],
    ]

    /// The fields derivations add, by collection (SPEC §2 "the model derives").
    static let derivedFields: [String: Set<String>] = [
        "clusters": ["power_per_unit"],
        "purchases": ["spend", "power"],
        "fleets": ["power"],
        "deals": ["per_year", "per_gw", "gpus_implied", "implied_stake"],
        "stakes": ["value", "multiple"],
        "audiences": ["capex_per_user"],
        "training": ["growth"],
        "assumptions": ["value"],
        "companies": Set(["signed", "pledged", "talks"].flatMap { ["invested_\($0)", "received_\($0)", "power_committed_\($0)"] }
            + ["latest_valuation"]),
    ]

    /// Collections whose records state facts and so must name a source.
    static let factCollections: Set<String> = [
        "chips", "clusters", "purchases", "fleets", "deals", "valuations", "stakes", "financials", "audiences", "training", "claims",
    ]

    /// Fields that are never figures: identity and provenance.
    static let bookkeeping: Set<String> = ["id", "source", "modality"]

    /// Fields that hold structure for one collection's rules, not figures: a claim's
    /// `readings` (see `ClaimCheck`).
    static let structure: [String: Set<String>] = ["claims": ["readings"]]

    static func field(_ name: String, in collection: String) -> Field? {
        if let field = collections[collection]?[name] { return field }
        if isCalendarField(name) { return .date }
        if everywhereText.contains(name) { return .text }
        // Any `*_growth` field is a percentage (capex_growth, revenue_growth…).
        if collections[collection] != nil, name.hasSuffix("_growth") { return .quantity(.percent) }
        return nil
    }

    /// Fields that are words in every collection, never quantities, even when they read like
    /// one (`conditions: up to $100B per GW deployed`): how sure a record is (`modality:
    /// planned | could | expected | disclosed | estimate`, absent for a reported fact), its
    /// status, conditions, label, note, and the precision of its dates.
    static let everywhereText: Set<String> = ["modality", "status", "conditions", "label", "note", "date_precision", "name", "kind"]

    /// Field names that hold a year or a date in any collection (`year: 2017`, `since: 1974`,
    /// `founded`, `as_of`, `talks_began`, `*_year`, `*_date`): kept as written, never read as a
    /// quantity, so 1974 stays 1974 (not "1,974") and is not listed among the figures.
    static func isCalendarField(_ name: String) -> Bool {
        let last = name.split(separator: ".").last.map(String.init) ?? name
        if calendarWords.contains(last) { return true }
        return ["_year", "_date", "_since", "_until", "_began"].contains { last.hasSuffix($0) }
            || last.hasPrefix("year_") || last.hasPrefix("date_") && last != "date_precision"
    }

    /// `isCalendarField`'s whole names, made once (not once per field of every record).
    private static let calendarWords: Set<String> = [
        "year", "date", "as_of", "since", "until", "founded", "established", "born", "died",
        "opened", "launched", "released", "introduced", "started", "ended", "began", "disclosed",
    ]

    static func describe(_ expected: Expected) -> String {
        switch expected {
        case .money: return "money ($, USD)"
        case .power: return "power (W, kW, MW, GW)"
        case .energy: return "energy (MWh, GWh)"
        case .time: return "a duration (years, months)"
        case .percent: return "a percentage (27%)"
        case .count(let noun): return "a count of \(noun)"
        case .moneyPerUnit: return "a price per unit ($30k–40k)"
        case .any: return "a quantity"
        }
    }

    /// Reads `quantity` as the field expects, or nil when its dimension does not fit.
    static func coerce(_ quantity: Quantity, to expected: Expected) -> Quantity? {
        switch expected {
        case .any:
            return quantity
        case .money: return quantity.dimension == .money ? quantity : nil
        case .power: return quantity.dimension == .power ? quantity : nil
        case .energy: return quantity.dimension == .energy ? quantity : nil
        case .time: return quantity.dimension == .time ? quantity : nil
        case .percent:
            guard quantity.dimension.isDimensionless else { return nil }
            return quantity.with(hint: .percent)
        case .count(let noun):
            if quantity.dimension == .count { return quantity }
            guard quantity.dimension.isDimensionless, quantity.hint == .none else { return nil }
            return Quantity(interval: quantity.interval, dimension: .count, qualifier: quantity.qualifier, noun: noun)
        case .moneyPerUnit:
            if quantity.dimension == .money / .count { return quantity }
            guard quantity.dimension == .money else { return nil }
            return Quantity(interval: quantity.interval, dimension: .money / .count, qualifier: quantity.qualifier, noun: "unit")
        }
    }
}
