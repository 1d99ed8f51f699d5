// "Nice" value-axis ticks from zero: steps of 1, 2, 2.5 or 5 × 10^n.

enum NiceTicks {
    /// Ticks `0, step, 2·step, …` with the smallest nice step such that at most `target` intervals cover `maxValue`.
    static func ticks(maxValue: Double, target: Int) -> [Double] {
        let top = maxValue.isFinite && maxValue > 0 ? maxValue : 1
        let t = max(1, target)
        var exponent = Int((top / Double(t)).log10Floor) - 1
        while true {
            for mantissa in [1.0, 2.0, 2.5, 5.0] {
                let count = Int((top / step(mantissa, exponent) - 1e-9).rounded(.up))
                if count <= t {
                    return (0...max(1, count)).map { value($0, mantissa, exponent) }
                }
            }
            exponent += 1
        }
    }

    /// `mantissa × 10^exponent` computed without accumulating error.
    static func step(_ mantissa: Double, _ exponent: Int) -> Double { value(1, mantissa, exponent) }

    static func value(_ i: Int, _ mantissa: Double, _ exponent: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(exponent) { p *= 10 }
        return exponent >= 0 ? Double(i) * mantissa * p : Double(i) * mantissa / p
    }

    /// The densest ticks (at most 6 intervals) whose labels, laid along `length` units, keep `minGap` apart.
    /// `labelSize` measures one label along the axis (width for horizontal axes, line height for vertical).
    static func fitting(maxValue: Double, length: Double, minGap: Double = 10,
                        labelSize: (Double) -> Double) -> [Double] {
        var target = 6
        while target > 1 {
            let candidate = ticks(maxValue: maxValue, target: target)
            let spacing = length / Double(candidate.count - 1)
            let widest = candidate.map(labelSize).max() ?? 0
            if spacing >= widest + minGap { return candidate }
            target -= 1
        }
        return ticks(maxValue: maxValue, target: 1)
    }
}

extension Double {
    /// `floor(log10(self))` for positive finite values, by repeated division (no libm rounding surprises).
    var log10Floor: Double {
        guard self > 0, isFinite else { return 0 }
        var v = self, e = 0.0
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
