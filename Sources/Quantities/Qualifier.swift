/// How a written number relates to the true value: exact, approximate, or a one-sided bound.
///
/// Parsing:
/// - `exact`: no qualifier.
/// - `approximate`: `~`, `≈`, `about`, `around`, `approximately`, `roughly`.
/// - `atLeast(strict: true)`: `>`, `more than`, `over`.   `atLeast(strict: false)`: `≥`, `>=`, `at least`.
/// - `atMost(strict: true)`: `<`, `less than`, `under`.   `atMost(strict: false)`: `≤`, `<=`, `up to`, `at most`.
///
/// A bound keeps one number: a quantity qualified `atLeast` stores its bound in both ends of
/// its interval (likewise `atMost`), since the other end is open.
///
/// A bound computed from an approximate input is itself approximate (`approximate: true`):
/// `≥ 10 GW ÷ ~150 MW` is "at least about 66.7×", written `≥ ~66×` (the bound rounded down,
/// see `QuantityFormatter`). Both facts are kept because each says something the other does not.
public enum Qualifier: Sendable, Hashable, CustomStringConvertible {
    case exact
    case approximate
    /// The true value is at least (`strict`: more than) the stored value; open above.
    /// `approximate`: the bound itself is only known roughly ("at least about").
    case atLeast(strict: Bool, approximate: Bool = false)
    /// The true value is at most (`strict`: less than) the stored value; open below.
    /// `approximate`: the bound itself is only known roughly ("at most about").
    case atMost(strict: Bool, approximate: Bool = false)
    /// Computed from bounds that pull opposite ways (`≥ $10B ÷ > $500B`): the value the stated
    /// figures give taken at face value, which bounds the true value on neither side. Written
    /// "2% at face value"; never parsed from data, only produced by arithmetic.
    case faceValue

    /// True for `atLeast` and `atMost`.
    public var isBound: Bool {
        switch self {
        case .atLeast, .atMost: true
        case .exact, .approximate, .faceValue: false
        }
    }

    /// Machine-readable code for CSV/JSON: `exact`, `approx`, `gt`, `ge`, `lt`, `le`; an
    /// approximate bound adds `_approx` (`ge_approx`); a value bounded on neither side is `face_value`.
    public var code: String {
        switch self {
        case .exact: "exact"
        case .approximate: "approx"
        case .faceValue: "face_value"
        case .atLeast(let strict, let approximate): (strict ? "gt" : "ge") + (approximate ? "_approx" : "")
        case .atMost(let strict, let approximate): (strict ? "lt" : "le") + (approximate ? "_approx" : "")
        }
    }

    /// True for `approximate` and for a bound known only roughly.
    public var isApproximate: Bool {
        switch self {
        case .exact: false
        case .approximate, .faceValue: true
        case .atLeast(_, let approximate), .atMost(_, let approximate): approximate
        }
    }

    public var description: String { code }

    /// Which way the true value may lie from the stored one: +1 above, -1 below, nil for
    /// no direction (exact or approximate).
    var direction: Int? {
        switch self {
        case .atLeast: 1
        case .atMost: -1
        case .exact, .approximate, .faceValue: nil
        }
    }

    var isStrict: Bool {
        switch self {
        case .atLeast(let strict, _), .atMost(let strict, _): strict
        case .exact, .approximate, .faceValue: false
        }
    }

    /// The qualifier of `f(a, b, …)` given each operand's qualifier and the sign of
    /// ∂f/∂operand (+1 increasing, -1 decreasing, 0 unknown because the other operand's
    /// interval touches zero).
    ///
    /// A bound pushes the result the way the operand pushes it: a lower bound on an operand
    /// that f increases with gives a lower bound on f; on one that f decreases with, an upper
    /// bound. Then:
    ///
    /// | operands                                  | result                         |
    /// |-------------------------------------------|--------------------------------|
    /// | all exact                                 | exact                          |
    /// | approximate (+ exact)                     | approximate                    |
    /// | bounds all pushing the same way (+ exact)  | that bound, strict if any pushing bound is strict |
    /// | the same, with an approximate operand or an approximate bound | that bound, approximate |
    /// | bounds pushing opposite ways              | face value (bounded neither way) |
    /// | a bound whose push is unknown (sign 0)    | face value                     |
    /// | any operand at face value                 | face value                     |
    ///
    /// Examples: lower + lower = lower; lower − lower = face value; lower − upper = lower;
    /// lower × positive exact = lower; exact ÷ lower = upper; lower + upper = face value.
    /// "Approximate" would say more than the inputs do: `≥ $10B ÷ > $500B` is 2% only if both
    /// figures are exactly their bounds, and the true share may be far above or below it.
    /// An approximate operand does not erase a bound, and the bound does not erase it either:
    /// "~$40B ÷ (1 + > 42%)" is "< ~$28.2B", under a value that is itself only about $28.2B.
    static func propagate(_ terms: [(qualifier: Qualifier, sensitivity: Int)]) -> Qualifier {
        var pushes: [(direction: Int, strict: Bool)] = []
        var approximate = false
        for term in terms {
            if term.qualifier.isApproximate { approximate = true }
            switch term.qualifier {
            case .exact, .approximate:
                continue
            case .faceValue:
                return .faceValue
            case .atLeast, .atMost:
                guard term.sensitivity != 0, let direction = term.qualifier.direction else {
                    return .faceValue
                }
                pushes.append((direction * term.sensitivity, term.qualifier.isStrict))
            }
        }
        guard let first = pushes.first else { return approximate ? .approximate : .exact }
        guard pushes.allSatisfy({ $0.direction == first.direction }) else { return .faceValue }
        let strict = pushes.contains { $0.strict }
        return first.direction > 0 ? .atLeast(strict: strict, approximate: approximate)
            : .atMost(strict: strict, approximate: approximate)
    }
}
