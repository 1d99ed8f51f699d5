import Diagnostics
import Quantities

/// The figures the story derives from its records (the table in SPEC §2 Data). Each
/// derivation names its inputs by reference, so its provenance follows them.
extension ModelBuilder {
    // MARK: clusters

    mutating func deriveClusters() {
        for cluster in ordered("clusters") {
            let base = "clusters.\(cluster.id)"
            guard let units = quantity("\(base).units"), let power = quantity("\(base).power"),
                  let perUnit = compute(at: cluster.location, what: "\(base).power_per_unit", { () throws(QuantityError) in try power / units })
            else { continue }
            derive("\(base).power_per_unit", label: ClaimText("derived_label_power_per_unit", ["name": readerNameText(cluster)]),
                   value: perUnit, formula: ClaimText("derived_formula_power_per_unit"), expression: "\(base).power ÷ \(base).units",
                   inputs: ["\(base).power", "\(base).units"], at: cluster.location)
        }
    }

    // MARK: purchases

    mutating func derivePurchases() {
        for purchase in ordered("purchases") {
            let base = "purchases.\(purchase.id)"
            guard let chip = purchase.text("chip"), let units = quantity("\(base).units") else { continue }
            let priceReference = "chips.\(chip).unit_price"
            if let price = quantity(priceReference) {
                derive("\(base).spend", label: ClaimText("derived_label_spend", ["name": readerNameText(purchase)]), value: units * price,
                       formula: ClaimText("derived_formula_spend"), expression: "\(base).units × \(priceReference)",
                       inputs: ["\(base).units", priceReference], at: purchase.location, assumptions: [BuiltInAssumption.listPrice.id])
            }
            if let perUnitReference = powerPerUnit(of: chip), let perUnit = quantity(perUnitReference) {
                derive("\(base).power", label: ClaimText("derived_label_power", ["name": readerNameText(purchase)]), value: units * perUnit,
                       formula: ClaimText("derived_formula_power"),
                       expression: "\(base).units × \(perUnitReference)",
                       inputs: ["\(base).units", perUnitReference], at: purchase.location)
            }
        }
    }

    // MARK: fleets

    /// A fleet counts computing power in one chip's equivalents (Meta's "600,000 H100
    /// equivalents", other makers' chips included). It is an estimate of compute, not a
    /// purchase: it derives no spend, since no price applies to chips that are not the
    /// chip. Its power is a sketch at the chip's all-in power per unit.
    mutating func deriveFleets() {
        for fleet in ordered("fleets") {
            let base = "fleets.\(fleet.id)"
            guard let chip = fleet.text("chip"), let units = quantity("\(base).units"),
                  let perUnitReference = powerPerUnit(of: chip), let perUnit = quantity(perUnitReference) else { continue }
            let chipName = records["chips"]?[chip].map(displayNameText) ?? .text(chip)
            derive("\(base).power", label: ClaimText("derived_label_fleet_power", ["name": readerNameText(fleet), "chip": chipName]),
                   value: units * perUnit,
                   formula: ClaimText("derived_formula_fleet_power"),
                   expression: "\(base).units × \(perUnitReference)",
                   inputs: ["\(base).units", perUnitReference], at: fleet.location, assumptions: [BuiltInAssumption.equivalents.id])
        }
    }

    // MARK: deals

    mutating func deriveDeals() {
        for deal in ordered("deals") {
            let base = "deals.\(deal.id)"
            // A deal that is a chip purchase takes its amount from the purchase's spend.
            if figures["\(base).amount"] == nil, let purchase = deal.text("purchase"),
               let spend = quantity("purchases.\(purchase).spend") {
                derive("\(base).amount", label: ClaimText("figure_field_label", ["name": readerNameText(deal), "field": .fieldWords("amount")]), value: spend,
                       formula: ClaimText("derived_formula_amount"), expression: "purchases.\(purchase).spend",
                       inputs: ["purchases.\(purchase).spend"], at: deal.location, assumptions: [BuiltInAssumption.purchaseAmount.id])
            }
            let amount = quantity("\(base).amount")
            if let amount, let term = quantity("\(base).term"),
               let perYear = compute(at: deal.location, what: "\(base).per_year", { () throws(QuantityError) in try amount / term }) {
                derive("\(base).per_year", label: ClaimText("derived_label_per_year", ["name": readerNameText(deal)]), value: perYear,
                       formula: ClaimText("derived_formula_per_year"), expression: "\(base).amount ÷ \(base).term",
                       inputs: ["\(base).amount", "\(base).term"], at: deal.location, assumptions: [BuiltInAssumption.evenSpread.id])
            }
            let power = quantity("\(base).power")
            if let amount, let power,
               let perGW = compute(at: deal.location, what: "\(base).per_gw", { () throws(QuantityError) in try amount / power }) {
                derive("\(base).per_gw", label: ClaimText("derived_label_per_gw", ["name": readerNameText(deal)]), value: perGW,
                       formula: ClaimText("derived_formula_per_gw"), expression: "\(base).amount ÷ \(base).power",
                       inputs: ["\(base).amount", "\(base).power"], at: deal.location)
            }
            if let power { deriveGPUsImplied(deal, power: power) }
            if let amount, deal.text("kind") == "investment", let to = deal.text("to") {
                deriveImpliedStake(deal, amount: amount, recipient: to)
            }
        }
    }

    /// `gpus_implied` = power ÷ the all-in power per unit of the deal's chip, or of the
    /// default chip (`default-chip`) when it names none; unverifiable, with the reason,
    /// when no all-in power per unit of that chip is known.
    mutating func deriveGPUsImplied(_ deal: Record, power: Quantity) {
        let base = "deals.\(deal.id)"
        let named = deal.text("chip")
        let assumptions = named == nil ? [BuiltInAssumption.defaultChip.id] : []
        let label = ClaimText("derived_label_gpus_implied", ["name": readerNameText(deal)])
        guard let chip = named ?? defaultChip, let perUnitReference = powerPerUnit(of: chip), let perUnit = quantity(perUnitReference) else {
            let reason: ClaimText
            if let chip = named ?? defaultChip {
                let name = records["chips"]?[chip].map(displayNameText) ?? .text(chip)
                reason = ClaimText("derived_reason_no_power_per_unit", ["chip": name, "assumption": .text(BuiltInAssumption.powerPerUnit(chip: chip).id)])
            } else {
                reason = ClaimText("derived_reason_no_chip")
            }
            deriveUnverifiable("\(base).gpus_implied", label: label, reason: reason, formula: ClaimText("derived_formula_gpus_implied_unknown"),
                               expression: "\(base).power ÷ (no power per unit)", inputs: ["\(base).power"], at: deal.location,
                               assumptions: assumptions)
            return
        }
        guard let gpus = compute(at: deal.location, what: "\(base).gpus_implied", { () throws(QuantityError) in try power / perUnit }) else { return }
        let formula = named == nil ? ClaimText("derived_formula_gpus_implied_default", ["chip": .text(chip)]) : ClaimText("derived_formula_gpus_implied")
        derive("\(base).gpus_implied", label: label, value: gpus,
               formula: formula, expression: "\(base).power ÷ \(perUnitReference)",
               inputs: ["\(base).power", perUnitReference], at: deal.location, assumptions: assumptions)
    }

    /// `implied_stake` = investment ÷ the recipient's valuation at the time of the deal.
    /// Only a valuation dated on or before the deal's date counts (a later one prices the
    /// company after the money went in); the deal's own `valuation:` is held to the same
    /// rule. With no such valuation the figure is unverifiable, and says why.
    mutating func deriveImpliedStake(_ deal: Record, amount: Quantity, recipient: String) {
        let base = "deals.\(deal.id)"
        let label = ClaimText("derived_label_implied_stake", ["name": readerNameText(deal)])
        let formula = ClaimText("derived_formula_implied_stake")
        switch valuation(for: deal, recipient: recipient) {
        case .success(let reference):
            guard let value = quantity(reference),
                  let stake = compute(at: deal.location, what: "\(base).implied_stake", { () throws(QuantityError) in try amount / value })
            else { return }
            derive("\(base).implied_stake", label: label, value: stake.with(hint: .percent), formula: formula,
                   expression: "\(base).amount ÷ \(reference)", inputs: ["\(base).amount", reference], at: deal.location,
                   assumptions: [BuiltInAssumption.valuationAtDeal.id])
        case .failure(let missing):
            deriveUnverifiable("\(base).implied_stake", label: label, reason: missing.reason, formula: formula,
                               expression: "\(base).amount ÷ (no valuation at the time)", inputs: ["\(base).amount"],
                               at: deal.location, assumptions: [BuiltInAssumption.valuationAtDeal.id])
        }
    }

    struct MissingValuation: Error { let reason: ClaimText }

    /// The valuation an implied stake may use: the deal's `valuation:` if dated on or before
    /// the deal, else the recipient's latest settled valuation on or before it (one still in
    /// talks only when there is no other). A reference to its `value`, or why there is none.
    func valuation(for deal: Record, recipient: String) -> Result<String, MissingValuation> {
        let company = records["companies"]?[recipient].map(displayNameText) ?? .text(recipient)
        guard let dealDate = RecordDate(deal, "date"), dealDate.year != nil else {
            if let asOf = RecordDate(deal, "as_of") {
                return .failure(MissingValuation(reason: ClaimText("derived_reason_deal_undated_as_of", ["date": .date(asOf), "company": company])))
            }
            return .failure(MissingValuation(reason: ClaimText("derived_reason_deal_undated", ["company": company])))
        }
        let day = String(dealDate.text.prefix(10))
        func dated(_ record: Record) -> String? { record.text("date").map { String($0.prefix(10)) } }
        if let chosen = deal.text("valuation") {
            let reference = "valuations.\(chosen).value"
            guard let record = records["valuations"]?[chosen], quantity(reference) != nil else {
                return .failure(MissingValuation(reason: ClaimText("derived_reason_valuation_no_value", ["valuation": .text(chosen)])))
            }
            guard let date = dated(record) else {
                return .failure(MissingValuation(reason: ClaimText("derived_reason_valuation_no_date", ["valuation": .text(chosen)])))
            }
            guard date <= day else {
                let when = RecordDate(record, "date").map(ClaimText.Value.date) ?? .text(date)
                return .failure(MissingValuation(reason: ClaimText("derived_reason_valuation_after",
                                                                   ["valuation": .text(chosen), "date": when, "deal_date": .date(dealDate)])))
            }
            return .success(reference)
        }
        let all = ordered("valuations").filter { $0.text("company") == recipient && quantity("valuations.\($0.id).value") != nil }
        let before = all.filter { dated($0).map { $0 <= day } ?? false }
        let settled = before.filter { $0.text("status") != "talks" }
        let pool = settled.isEmpty ? before : settled
        // The latest on or before the date; ties go to the record written last.
        if let chosen = pool.enumerated().max(by: { (dated($0.element) ?? "", $0.offset) < (dated($1.element) ?? "", $1.offset) })?.element {
            return .success("valuations.\(chosen.id).value")
        }
        let earliest = all.compactMap { RecordDate($0, "date") }.filter { $0.year != nil }.min { $0.text < $1.text }
        // One clause after another, never two parentheses in a row.
        let none: ClaimText
        if all.isEmpty {
            none = ClaimText("derived_reason_no_valuation", ["company": company])
        } else if let earliest {
            none = ClaimText("derived_reason_no_valuation_before_earliest", ["company": company, "deal_date": .date(dealDate), "earliest": .date(earliest)])
        } else {
            none = ClaimText("derived_reason_no_valuation_before", ["company": company, "deal_date": .date(dealDate)])
        }
        return .failure(MissingValuation(reason: none))
    }

    /// The most recent valuation of `company`; one still in talks counts only when there is no other.
    func latestValuation(of company: String) -> Record? {
        let all = ordered("valuations").filter { $0.text("company") == company && quantity("valuations.\($0.id).value") != nil }
        let settled = all.filter { $0.text("status") != "talks" }
        let candidates = settled.isEmpty ? all : settled
        // Ties go to the record written last.
        return candidates.enumerated().max { a, b in
            ((a.element.text("date") ?? ""), a.offset) < ((b.element.text("date") ?? ""), b.offset)
        }?.element
    }

    // MARK: stakes

    mutating func deriveStakes() {
        for stake in ordered("stakes") {
            let base = "stakes.\(stake.id)"
            guard let share = quantity("\(base).share"), let company = stake.text("company"),
                  let latest = latestValuation(of: company) else { continue }
            let valuationReference = "valuations.\(latest.id).value"
            guard let valuation = quantity(valuationReference) else { continue }
            let value = share * valuation
            derive("\(base).value", label: ClaimText("derived_label_stake_value", ["name": readerNameText(stake)]), value: value,
                   formula: ClaimText("derived_formula_stake_value"), expression: "\(base).share × \(valuationReference)",
                   inputs: ["\(base).share", valuationReference], at: stake.location, assumptions: [BuiltInAssumption.latestValuation.id])
            // Money invested is money paid or signed for: a pledge or talks is not yet in.
            let all = ordered("deals").filter {
                $0.text("from") == stake.text("holder") && $0.text("to") == company && $0.text("kind") == "investment"
                    && quantity("deals.\($0.id).amount") != nil
            }
            let investments = all.filter { DealStanding(status: $0.text("status")) == .signed }.map { "deals.\($0.id).amount" }
            if investments.isEmpty, !all.isEmpty {
                let others = ClaimText(parts: all.map {
                    ClaimText.Part(key: "derived_deal_standing", values: ["deal": .text($0.id), "standing": DealStanding(status: $0.text("status")).wordText])
                }, separator: ", ")
                deriveUnverifiable("\(base).multiple", label: ClaimText("derived_label_multiple", ["name": readerNameText(stake)]),
                                   reason: ClaimText("derived_reason_multiple", ["deals": .parts(others)]),
                                   formula: ClaimText("derived_formula_multiple"),
                                   expression: "\(base).value ÷ (no money paid or signed)",
                                   inputs: ["\(base).value"] + all.map { "deals.\($0.id).amount" }, at: stake.location)
                continue
            }
            guard !investments.isEmpty, let invested = sum(investments, at: stake.location, what: "\(base).multiple"),
                  let multiple = compute(at: stake.location, what: "\(base).multiple", { () throws(QuantityError) in try value / invested })
            else { continue }
            derive("\(base).multiple", label: ClaimText("derived_label_multiple", ["name": readerNameText(stake)]), value: multiple.with(hint: .ratio),
                   formula: ClaimText("derived_formula_multiple"),
                   expression: "\(base).value ÷ (" + investments.joined(separator: " + ") + ")",
                   inputs: ["\(base).value"] + investments, at: stake.location)
        }
    }

    mutating func sum(_ references: [String], at location: SourceLocation, what: String) -> Quantity? {
        let values = references.compactMap { quantity($0) }
        do {
            return try Quantity.sum(values)
        } catch {
            diagnostics.append(.error(at: location, "cannot compute \(what): \(error.message)"))
            return nil
        }
    }

    // MARK: financials

    /// `prior_X` = X ÷ (1 + X_growth) for every `X_growth` field whose `X` is known.
    mutating func deriveFinancials() {
        for record in ordered("financials") {
            let base = "financials.\(record.id)"
            for entry in record.node.entries ?? [] where entry.key.hasSuffix("_growth") {
                let field = String(entry.key.dropLast("_growth".count))
                guard let current = quantity("\(base).\(field)"), let growth = quantity("\(base).\(entry.key)") else { continue }
                guard let prior = compute(at: entry.value.location, what: "\(base).prior_\(field)", { () throws(QuantityError) in
                    try current / (Quantity(1) + growth)
                }) else { continue }
                derive("\(base).prior_\(field)", label: ClaimText("derived_label_prior", ["name": readerNameText(record), "field": .field(field)]),
                       value: prior, formula: ClaimText("derived_formula_prior", ["field": .field(field)]),
                       expression: "\(base).\(field) ÷ (1 + \(base).\(entry.key))",
                       inputs: ["\(base).\(field)", "\(base).\(entry.key)"], at: record.location)
            }
        }
    }

    /// `X_growth_computed` = X ÷ X of the year before − 1, when a record of the same company
    /// for the year before gives X: what a stated `X_growth` is checked against.
    mutating func deriveGrowthFromPriorYear() {
        let all = ordered("financials")
        for record in all {
            let base = "financials.\(record.id)"
            guard let year = Int(record.text("year") ?? ""),
                  let prior = all.first(where: { $0.text("company") == record.text("company") && $0.text("year") == String(year - 1) })
            else { continue }
            for entry in record.node.entries ?? [] where entry.key.hasSuffix("_growth") {
                let field = String(entry.key.dropLast("_growth".count))
                let now = "\(base).\(field)", before = "financials.\(prior.id).\(field)"
                guard let current = quantity(now), let earlier = quantity(before),
                      let growth = compute(at: record.location, what: "\(base).\(field)_growth_computed", { () throws(QuantityError) in
                          try current / earlier - Quantity(1)
                      }) else { continue }
                derive("\(base).\(field)_growth_computed",
                       label: ClaimText("derived_label_growth_computed", ["name": readerNameText(record), "field": .field(field), "year": .text(String(year - 1))]),
                       value: growth.with(hint: .percent), formula: ClaimText("derived_formula_growth_computed", ["field": .field(field)]),
                       expression: "\(now) ÷ \(before) − 1", inputs: [now, before], at: record.location)
            }
        }
    }

    // MARK: audiences

    mutating func deriveAudiences() {
        for audience in ordered("audiences") {
            let base = "audiences.\(audience.id)"
            guard let users = quantity("\(base).users"), let company = audience.text("company"),
                  let year = audience.text("date").map({ String($0.prefix(4)) }),
                  let financials = ordered("financials").first(where: { $0.text("company") == company && $0.text("year") == year }),
                  let capex = quantity("financials.\(financials.id).capex"),
                  let perUser = compute(at: audience.location, what: "\(base).capex_per_user", { () throws(QuantityError) in try capex / users })
            else { continue }
            derive("\(base).capex_per_user", label: ClaimText("derived_label_capex_per_user", ["name": readerNameText(audience)]), value: perUser,
                   formula: ClaimText("derived_formula_capex_per_user"), expression: "financials.\(financials.id).capex ÷ \(base).users",
                   inputs: ["financials.\(financials.id).capex", "\(base).users"], at: audience.location,
                   assumptions: [BuiltInAssumption.capexYear.id])
        }
    }

    // MARK: training

    /// Growth in GPUs between consecutive generations of a company's models.
    mutating func deriveTraining() {
        let runs = ordered("training").enumerated().map { ($0.element, Int($0.element.text("generation") ?? "") ?? $0.offset) }
        let companies = Set(runs.compactMap { $0.0.text("company") }).sorted()
        for company in companies {
            let generations = runs.filter { $0.0.text("company") == company }.sorted { $0.1 < $1.1 }.map(\.0)
            for (previous, next) in zip(generations, generations.dropFirst()) {
                let a = "training.\(previous.id).gpus", b = "training.\(next.id).gpus"
                guard let before = quantity(a), let after = quantity(b),
                      let growth = compute(at: next.location, what: "training.\(next.id).growth", { () throws(QuantityError) in try after / before })
                else { continue }
                derive("training.\(next.id).growth", label: ClaimText("derived_label_training_growth", ["name": readerNameText(next), "previous": displayNameText(previous)]),
                       value: growth.with(hint: .ratio), formula: ClaimText("derived_formula_training_growth"),
                       expression: "\(b) ÷ \(a)", inputs: [b, a], at: next.location)
            }
        }
    }

    // MARK: companies

    /// Totals per company, one per kind, direction and standing (`given_investment_signed`,
    /// `received_investment_pledged`, `received_investment_talks`…): money of different
    /// standings is never added (see `DealStanding`). `invested_<standing>` and
    /// `received_<standing>` name the investment totals; `power_committed_<standing>` the power.
    mutating func deriveCompanies() {
        let deals = ordered("deals")
        let kinds = Set(deals.compactMap { $0.text("kind") }).sorted()
        let standings = Set(deals.map { DealStanding(status: $0.text("status")) }).sorted()
        for company in ordered("companies") {
            let base = "companies.\(company.id)"
            for kind in kinds {
                for (direction, side) in [("given", "from"), ("received", "to")] {
                    for standing in standings {
                        let amounts = deals.filter {
                            $0.text(side) == company.id && $0.text("kind") == kind && DealStanding(status: $0.text("status")) == standing
                                && quantity("deals.\($0.id).amount") != nil
                        }.map { "deals.\($0.id).amount" }
                        let field = "\(direction)_\(kind)_\(standing.suffix)"
                        guard !amounts.isEmpty, let total = sum(amounts, at: company.location, what: "\(base).\(field)") else { continue }
                        let kindWord = ClaimText.Value.wordOr("deal_kind_" + kind, fallback: kind)
                        let directionWord = ClaimText.Value.word("derived_direction_" + direction)
                        let noun = kind == "investment" ? (direction == "given" ? "invested" : "received") : nil
                        for name in [field] + (noun.map { ["\($0)_\(standing.suffix)"] } ?? []) {
                            derive("\(base).\(name)", label: ClaimText("derived_label_company_total", ["name": readerNameText(company), "kind": kindWord,
                                                                    "direction": directionWord, "standing": standing.wordText]), value: total,
                                   formula: ClaimText("derived_formula_company_total", ["kind": kindWord, "direction": directionWord,
                                                                                        "clause": standing.clauseText]),
                                   expression: amounts.joined(separator: " + "), inputs: amounts, at: company.location)
                        }
                    }
                }
            }
            // An investment tied to gigawatts and the purchase of those gigawatts are one
            // commitment: count the power of the purchases, and of investments only when no other deal has any.
            for standing in standings {
                let withPower = deals.filter {
                    ($0.text("from") == company.id || $0.text("to") == company.id) && DealStanding(status: $0.text("status")) == standing
                        && quantity("deals.\($0.id).power") != nil
                }
                let purchases = withPower.filter { $0.text("kind") != "investment" }
                let powers = (purchases.isEmpty ? withPower : purchases).map { "deals.\($0.id).power" }
                let field = "power_committed_\(standing.suffix)"
                guard !powers.isEmpty, let total = sum(powers, at: company.location, what: "\(base).\(field)") else { continue }
                derive("\(base).\(field)", label: ClaimText("derived_label_company_power", ["name": readerNameText(company), "standing": standing.wordText]), value: total,
                       formula: ClaimText("derived_formula_company_power", ["clause": standing.clauseText]),
                       expression: powers.joined(separator: " + "), inputs: powers, at: company.location,
                       // The rule matters only when it left an investment's power out.
                       assumptions: !purchases.isEmpty && purchases.count < withPower.count ? [BuiltInAssumption.oneCommitment.id] : [])
            }
            if let latest = latestValuation(of: company.id), let value = quantity("valuations.\(latest.id).value") {
                derive("\(base).latest_valuation", label: ClaimText("derived_label_latest_valuation", ["name": readerNameText(company)]), value: value,
                       formula: ClaimText("derived_formula_latest_valuation"), expression: "valuations.\(latest.id).value",
                       inputs: ["valuations.\(latest.id).value"], at: company.location, assumptions: [BuiltInAssumption.latestValuation.id])
            }
        }
    }
}
