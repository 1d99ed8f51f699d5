/// The words of assumptions (`Assumption`), as keys of the interface words
/// (`assumption_…`, `assumptions_…` in `templates/i18n/<lang>.yaml`): the built-in choices'
/// sentences (`assumption_<id>`) and values (`assumption_<id>_value`), the words of
/// `/assumptions/`, of the figures' entries and of their link titles. `{chip}`, `{cluster}`,
/// `{list}` are filled in. A site's own translation file overrides any of them.
extension ClaimWording {
    /// The built-in English; the same text as `templates/i18n/en.yaml` (a test compares).
    static let assumptionEnglishTexts: [String: String] = [
        "assumption_power_per_unit": "Every {chip} draws, all in (the chip with its share of servers, networking and cooling), what one GPU of {cluster} draws: that cluster's power divided by its count of GPUs. It is the only conversion between chips and power the sources give.",
        "assumption_power_per_unit_nocluster": "Every {chip} draws, all in, the power given here.",
        "assumption_default_chip": "A deal that names no chip is counted in {chip}s when its power is turned into GPUs: later chips draw more power each, so the same power would hold fewer of them.",
        "assumption_equivalents": "Computing power counted in a chip's equivalents draws what that many of the chip would draw, though the equivalents include other makers' chips.",
        "assumption_equivalents_value": "one chip's all-in power per equivalent",
        "assumption_list_price": "A purchase is priced at the chip's unit price as the sources give it, with no volume discount.",
        "assumption_list_price_value": "units × the chip's unit price",
        "assumption_purchase_amount": "A deal that stands for a chip purchase is worth the purchase's computed spend.",
        "assumption_purchase_amount_value": "the purchase's spend",
        "assumption_even_spread": "A contract's amount is spread evenly over its term.",
        "assumption_even_spread_value": "amount ÷ term",
        "assumption_valuation_at_deal": "An implied stake divides the investment by the recipient's latest valuation dated on or before the deal (a completed one before one still in talks), or by the valuation the deal names, if that is not dated after the deal.",
        "assumption_valuation_at_deal_value": "the latest valuation on or before the deal's date",
        "assumption_latest_valuation": "A stake is valued at the company's latest valuation; one still in talks counts only when there is no other.",
        "assumption_latest_valuation_value": "the latest completed valuation",
        "assumption_capex_year": "Capex per user divides the company's capex for the calendar year in which the users were counted.",
        "assumption_capex_year_value": "the capex of the year of the user count",
        "assumption_one_commitment": "An investment tied to gigawatts and the purchase of those gigawatts are one commitment: a company's power in deals counts the purchases' power, and an investment's only when no other deal has any.",
        "assumption_one_commitment_value": "the purchases' power only",
        "assumptions_title": "Assumptions",
        "assumptions_standfirst": "The choices behind the figures that the sources do not state as facts, each with the value used, where it comes from, and every figure that rests on it. Change one from the command line to see what follows:",
        "assumptions_value": "Value used",
        "assumptions_source": "Source",
        "assumptions_editor": "the editor's assumption",
        "assumptions_dependents": "Figures that rest on it",
        "assumptions_no_dependents": "No figure rests on it.",
        "figure_assumes": "Rests on the assumptions",
        "title_assumes": "Assumes: {list}.",
    ]
}
