import Load
import Model
import Quantities

/// A figure's words (label, formula, why it cannot be computed) said in a page's language:
/// the model keeps them as `ClaimText` keys (`derived_…`, `name_…`), said here with the
/// page's `Words`, record names in the data's translation.
extension Words {
    /// These words as the model's `ClaimWording`, with the number format of their language.
    package var wording: ClaimWording {
        ClaimWording(texts: texts, locale: QuantityLocale(identifier: language) ?? .en)
    }
}

extension Figure {
    package func label(in words: Words) -> String { label(in: words.wording) }
    package func formula(in words: Words) -> String? { formula(in: words.wording) }
    package func unverifiableReason(in words: Words) -> String? { unverifiableReason(in: words.wording) }
}

/// A sentence filled from data text: a value that ends with its own full stop ("Five years
/// of compute.") does not get a second one from the sentence around it.
package func oneFullStop(_ sentence: String) -> String {
    guard sentence.hasSuffix(".."), !sentence.hasSuffix("...") else { return sentence }
    return String(sentence.dropLast())
}
