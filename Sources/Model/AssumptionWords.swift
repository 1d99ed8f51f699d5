/// Every reader-visible phrase about assumptions, by language code (`en`, `es`): the
/// built-in choices' sentences and values, and the words of `/assumptions/`, of the
/// figures' entries and of their link titles. `{chip}`, `{cluster}`, `{list}` are filled in.
/// A language not listed reads English.
public enum AssumptionWords {
    static let table: [String: [String: String]] = [
        "en": [
            "power-per-unit": "Every {chip} draws, all in (the chip with its share of servers, networking and cooling), what one GPU of {cluster} draws: that cluster's power divided by its count of GPUs. It is the only conversion between chips and power the sources give.",
            "power-per-unit.nocluster": "Every {chip} draws, all in, the power given here.",
            "default-chip": "A deal that names no chip is counted in {chip}s when its power is turned into GPUs: later chips draw more power each, so the same power would hold fewer of them.",
            "equivalents": "Computing power counted in a chip's equivalents draws what that many of the chip would draw, though the equivalents include other makers' chips.",
            "equivalents.value": "one chip's all-in power per equivalent",
            "list-price": "A purchase is priced at the chip's unit price as the sources give it, with no volume discount.",
            "list-price.value": "units × the chip's unit price",
            "purchase-amount": "A deal that stands for a chip purchase is worth the purchase's computed spend.",
            "purchase-amount.value": "the purchase's spend",
            "even-spread": "A contract's amount is spread evenly over its term.",
            "even-spread.value": "amount ÷ term",
            "valuation-at-deal": "An implied stake divides the investment by the recipient's latest valuation dated on or before the deal (a completed one before one still in talks), or by the valuation the deal names, if that is not dated after the deal.",
            "valuation-at-deal.value": "the latest valuation on or before the deal's date",
            "latest-valuation": "A stake is valued at the company's latest valuation; one still in talks counts only when there is no other.",
            "latest-valuation.value": "the latest completed valuation",
            "capex-year": "Capex per user divides the company's capex for the calendar year in which the users were counted.",
            "capex-year.value": "the capex of the year of the user count",
            "one-commitment": "An investment tied to gigawatts and the purchase of those gigawatts are one commitment: a company's power in deals counts the purchases' power, and an investment's only when no other deal has any.",
            "one-commitment.value": "the purchases' power only",
            "figure-label": "Assumed: {id}",
            "page.title": "Assumptions",
            "page.standfirst": "The choices behind the figures that the sources do not state as facts, each with the value used, where it comes from, and every figure that rests on it. Change one from the command line to see what follows: capex explain REF --assume ID=VALUE.",
            "page.value": "Value used",
            "page.source": "Source",
            "page.editor": "the editor's assumption",
            "page.dependents": "Figures that rest on it",
            "page.no-dependents": "No figure rests on it.",
            "figure.assumes": "Rests on the assumptions",
            "title.assumes": "Assumes: {list}.",
        ],
        "es": [
            "power-per-unit": "Cada {chip} consume, en total (el chip con su parte de servidores, red y refrigeración), lo que consume una GPU de {cluster}: la potencia de ese clúster dividida entre su número de GPU. Es la única conversión entre chips y potencia que dan las fuentes.",
            "power-per-unit.nocluster": "Cada {chip} consume, en total, la potencia indicada aquí.",
            "default-chip": "Un acuerdo que no nombra ningún chip se cuenta en {chip} al convertir su potencia en GPU: los chips posteriores consumen más cada uno, así que la misma potencia daría para menos.",
            "equivalents": "La capacidad de cómputo contada en equivalentes de un chip consume lo que consumirían otros tantos chips de ese modelo, aunque los equivalentes incluyan chips de otros fabricantes.",
            "equivalents.value": "la potencia total de un chip por equivalente",
            "list-price": "Una compra se valora al precio unitario del chip que dan las fuentes, sin descuento por volumen.",
            "list-price.value": "unidades × precio unitario del chip",
            "purchase-amount": "Un acuerdo que corresponde a una compra de chips vale el gasto calculado de esa compra.",
            "purchase-amount.value": "el gasto de la compra",
            "even-spread": "El importe de un contrato se reparte por igual a lo largo de su duración.",
            "even-spread.value": "importe ÷ duración",
            "valuation-at-deal": "La participación implícita divide la inversión entre la última valoración de la empresa receptora con fecha igual o anterior a la del acuerdo (una cerrada antes que una aún en negociación), o entre la valoración que nombra el acuerdo, si no es posterior a él.",
            "valuation-at-deal.value": "la última valoración en la fecha del acuerdo o antes",
            "latest-valuation": "Una participación se valora a la última valoración de la empresa; una aún en negociación solo cuenta si no hay otra.",
            "latest-valuation.value": "la última valoración cerrada",
            "capex-year": "La inversión en infraestructura por usuario divide la de la empresa en el año natural en que se contaron los usuarios.",
            "capex-year.value": "la inversión del año del recuento de usuarios",
            "one-commitment": "Una inversión ligada a unos gigavatios y la compra de esos gigavatios son un solo compromiso: la potencia de los acuerdos de una empresa cuenta la de las compras, y la de una inversión solo cuando ningún otro acuerdo la tiene.",
            "one-commitment.value": "solo la potencia de las compras",
            "figure-label": "Supuesto: {id}",
            "page.title": "Supuestos",
            "page.standfirst": "Las decisiones detrás de las cifras que las fuentes no dan como hechos, cada una con el valor usado, su origen y todas las cifras que dependen de ella. Cambie una desde la línea de órdenes para ver qué resulta: capex explain REF --assume ID=VALOR.",
            "page.value": "Valor usado",
            "page.source": "Fuente",
            "page.editor": "supuesto del editor",
            "page.dependents": "Cifras que dependen de él",
            "page.no-dependents": "Ninguna cifra depende de él.",
            "figure.assumes": "Depende de los supuestos",
            "title.assumes": "Supone: {list}.",
        ],
    ]

    /// The phrase `key` in `language` (English when the language or the key is missing),
    /// with `{name}` replaced by `words[name]`.
    public static func text(_ key: String, language: String, _ words: [String: String] = [:]) -> String {
        var text = table[language]?[key] ?? table["en"]?[key] ?? key
        for (name, value) in words { text = text.replacing("{\(name)}", with: value) }
        return text
    }
}
