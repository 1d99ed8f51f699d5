/// The words of the figures the model derives (`Derivations`): their labels, their formulas
/// in words and why one cannot be computed, as keys of the interface words
/// (`derived_…`, `name_…` in `templates/i18n/<lang>.yaml`) with `{placeholders}`. A figure
/// keeps them as `ClaimText` and is said in a page's language when the page is written
/// (`Figure.label(in:)`); its `label`/`formula` strings are these texts in English.
extension ClaimWording {
    /// The built-in English; the same text as `templates/i18n/en.yaml` (a test compares).
    static let derivationEnglishTexts: [String: String] = [
        // A record's name when its data gives none (`ReaderName`).
        "name_deal": "{from} → {to}",
        "name_stake": "{holder}'s stake in {company}",
        "name_purchase": "{buyer}'s {chip} purchase",
        "name_company_year": "{owner}, {year}",
        // A field as written: "Acme: amount".
        "figure_field_label": "{name}: {field}",
        "derived_label_power_per_unit": "{name}: all-in power per unit",
        "derived_formula_power_per_unit": "power ÷ units",
        "derived_label_spend": "{name}: spend",
        "derived_formula_spend": "units × the chip's unit price",
        "derived_label_power": "{name}: power draw",
        "derived_formula_power": "units × the all-in power per unit of the chip (an assumption)",
        "derived_label_fleet_power": "{name}: power draw at the all-in power of one {chip} per equivalent",
        "derived_formula_fleet_power": "equivalents × the all-in power per unit of the chip they are counted in (an assumption)",
        "derived_formula_amount": "the spend of the purchase it stands for",
        "derived_label_per_year": "{name}: amount per year",
        "derived_formula_per_year": "amount ÷ term",
        "derived_label_per_gw": "{name}: amount per gigawatt",
        "derived_formula_per_gw": "amount ÷ power",
        "derived_label_gpus_implied": "{name}: GPUs implied",
        "derived_formula_gpus_implied": "power ÷ all-in power per unit of the deal's chip",
        "derived_formula_gpus_implied_default": "power ÷ all-in power per unit (no chip named: {chip} assumed)",
        "derived_formula_gpus_implied_unknown": "power ÷ all-in power per unit",
        "derived_reason_no_power_per_unit": "no all-in power per unit of the {chip} is known (no cluster of that chip with power and units, no assumption {assumption})",
        "derived_reason_no_chip": "the deal names no chip, and no chip has a known all-in power per unit",
        "derived_label_implied_stake": "{name}: implied stake",
        "derived_formula_implied_stake": "investment ÷ the recipient's valuation on or before the deal's date",
        "derived_reason_deal_undated": "the deal has no date, so no valuation of {company} from the time of the investment can be chosen",
        "derived_reason_deal_undated_as_of": "the deal has no date; its amount is a total reported by {date}, not dated by payment, so no valuation of {company} from the time of the investment can be chosen",
        "derived_reason_valuation_no_value": "the valuation it names, {valuation}, has no value",
        "derived_reason_valuation_no_date": "the valuation it names, {valuation}, has no date",
        "derived_reason_valuation_after": "the valuation it names, {valuation}, is dated {date}, after the deal ({deal_date})",
        "derived_reason_no_valuation": "there is no valuation of {company} on record",
        "derived_reason_no_valuation_before": "no valuation of {company} is dated on or before the deal of {deal_date}",
        "derived_reason_no_valuation_before_earliest": "no valuation of {company} is dated on or before the deal of {deal_date}; the earliest on record is dated {earliest}",
        "derived_label_stake_value": "{name}: value of the stake",
        "derived_formula_stake_value": "share × the company's latest valuation",
        "derived_label_multiple": "{name}: multiple on money invested",
        "derived_formula_multiple": "value of the stake ÷ money the holder invested (deals paid or signed)",
        "derived_reason_multiple": "none of the holder's investments in the company is paid or signed: {deals}",
        "derived_deal_standing": "{deal} ({standing})",
        "derived_label_prior": "{name}: {field} the year before",
        "derived_formula_prior": "{field} ÷ (1 + growth)",
        "derived_label_growth_computed": "{name}: {field} growth on {year}, computed",
        "derived_formula_growth_computed": "{field} ÷ the year before's − 1",
        "derived_label_capex_per_user": "{name}: capex per user",
        "derived_formula_capex_per_user": "the company's capex that year ÷ users",
        "derived_label_training_growth": "{name}: GPUs against {previous}",
        "derived_formula_training_growth": "GPUs ÷ the previous generation's GPUs",
        "derived_label_company_total": "{name}: {kind} {direction}, {standing}",
        "derived_formula_company_total": "sum of the amounts of its {kind} deals ({direction}) {clause}",
        "derived_direction_given": "given",
        "derived_direction_received": "received",
        "derived_label_company_power": "{name}: power in deals, {standing}",
        "derived_formula_company_power": "sum of the power of the deals it is party to {clause}",
        "derived_clause_standing": "that are {standing}",
        "derived_clause_unstated": "with no status",
        "derived_clause_other": "with the status “{status}”",
        "derived_label_latest_valuation": "{name}: latest valuation",
        "derived_formula_latest_valuation": "the most recent valuation",
        "derived_label_assumed_power": "All-in power per {chip}, assumed",
        "derived_formula_assumed_power": "the all-in power per unit of {cluster}, taken for every {chip}",
        "named_formula": "named figure",
        "assumption_figure_label": "Assumed: {id}",
        "derived_text": "{text}",
        "named_formula_assumption": "the assumption's formula",
        "named_reason_input": "it uses {reference}, which cannot be computed: {reason}",
        "standing_signed": "paid or signed",
        "standing_pledged": "pledged",
        "standing_talks": "in talks",
        "standing_unstated": "status not given",
        "standing_other": "status “{status}”",
    ]
}

extension DealStanding {
    /// The standing in a reader's words (`standing_<suffix>`): "paid or signed", "pledged".
    public var wordText: ClaimText.Value {
        switch self {
        case .signed: return .word("standing_signed")
        case .pledged: return .word("standing_pledged")
        case .talks: return .word("standing_talks")
        case .unstated: return .word("standing_unstated")
        case .other(let raw): return .parts(ClaimText("standing_other", ["status": .text(raw)]))
        }
    }

    /// The deals of this standing, as a relative clause: "that are pledged", "with no status".
    public var clauseText: ClaimText.Value {
        switch self {
        case .signed, .pledged, .talks: return .parts(ClaimText("derived_clause_standing", ["standing": wordText]))
        case .unstated: return .word("derived_clause_unstated")
        case .other(let raw): return .parts(ClaimText("derived_clause_other", ["status": .text(raw)]))
        }
    }
}
