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
public enum Qualifier: Sendable, Hashable, CustomStringConvertible {
    case exact
    case approximate
    /// The true value is at least (`strict`: more than) the stored value; open above.
    case atLeast(strict: Bool)
    /// The true value is at most (`strict`: less than) the stored value; open below.
    case atMost(strict: Bool)

    /// True for `atLeast` and `atMost`.
    public var isBound: Bool {
        switch self {
        case .atLeast, .atMost: true
        case .exact, .approximate: false
        }
    }

    /// Machine-readable code for CSV/JSON: `exact`, `approx`, `gt`, `ge`, `lt`, `le`.
    public var code: String {
        switch self {
        case .exact: "exact"
        case .approximate: "approx"
        case .atLeast(let strict): strict ? "gt" : "ge"
        case .atMost(let strict): strict ? "lt" : "le"
        }
    }

    public var description: String { code }

    /// Which way the true value may lie from the stored one: +1 above, -1 below, nil for
    /// no direction (exact or approximate).
    var direction: Int? {
        switch self {
        case .atLeast: 1
        case .atMost: -1
        case .exact, .approximate: nil
        }
    }

    var isStrict: Bool {
        switch self {
        case .atLeast(let strict), .atMost(let strict): strict
        case .exact, .approximate: false
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
    /// | bounds all pushing the same way (+ exact or approximate) | that bound, strict if any pushing bound is strict |
    /// | bounds pushing opposite ways              | approximate                    |
    /// | a bound whose push is unknown (sign 0)    | approximate                    |
    ///
    /// Examples: lower + lower = lower; lower − lower = approximate; lower − upper = lower;
    /// lower × positive exact = lower; exact ÷ lower = upper; lower + upper = approximate.
    /// An approximate operand does not erase a bound, because the bound says more: "~$40B ÷
    /// (1 + > 42%)" is "< $28.2B", the true value being under that even if $40B is rounded.
    static func propagate(_ terms: [(qualifier: Qualifier, sensitivity: Int)]) -> Qualifier {
        var pushes: [(direction: Int, strict: Bool)] = []
        var approximate = false
        for term in terms {
            switch term.qualifier {
            case .exact:
                continue
            case .approximate:
                approximate = true
            case .atLeast, .atMost:
                guard term.sensitivity != 0, let direction = term.qualifier.direction else {
                    return .approximate
                }
                pushes.append((direction * term.sensitivity, term.qualifier.isStrict))
            }
        }
        guard let first = pushes.first else { return approximate ? .approximate : .exact }
        guard pushes.allSatisfy({ $0.direction == first.direction }) else { return .approximate }
        let strict = pushes.contains { $0.strict }
        return first.direction > 0 ? .atLeast(strict: strict) : .atMost(strict: strict)
    }
}
