// "Nice" value-axis ticks from zero: steps of 1, 2, 2.5 or 5 × 10^n.

enum NiceTicks {
    /// Ticks `0, step, 2·step, …` with the smallest nice step such that at most `target` intervals cover `maxValue`.
    static func ticks(maxValue: Double, target: Int) -> [Double] {
        // Below 1e-300 a step's power of ten would underflow to zero: such values draw as zero.
        let top = maxValue.isFinite && maxValue >= 1e-300 ? maxValue : 1
        let t = max(1, target)
        var exponent = Int((top / Double(t)).log10Floor) - 1
        while true {
            for mantissa in [1.0, 2.0, 2.5, 5.0] {
                // Compared as a Double first: no count too large for an Int is ever converted.
                let count = (top / step(mantissa, exponent) - 1e-9).rounded(.up)
                if count <= Double(t) {
                    return (0...max(1, Int(count))).map { value($0, mantissa, exponent) }
                }
            }
            exponent += 1
        }
    }

    /// Ticks `…, −step, 0, step, …` covering `minValue...maxValue` and zero, at most `target`
    /// intervals in all. With `minValue >= 0` exactly `ticks(maxValue:target:)`.
    static func ticks(minValue: Double, maxValue: Double, target: Int) -> [Double] {
        let bottom = minValue.isFinite && minValue <= -1e-300 ? minValue : 0
        guard bottom < 0 else { return ticks(maxValue: maxValue, target: target) }
        let top = maxValue.isFinite && maxValue >= 1e-300 ? maxValue : 0
        let t = max(2, target)
        // Divided before subtracting, so that ±1.7e308 do not overflow the span.
        var exponent = Int((top / Double(t) - bottom / Double(t)).log10Floor) - 1
        while true {
            for mantissa in [1.0, 2.0, 2.5, 5.0] {
                let step = step(mantissa, exponent)
                let below = (-bottom / step - 1e-9).rounded(.up)
                let above = top > 0 ? (top / step - 1e-9).rounded(.up) : 0
                if below + above <= Double(t) {
                    return (-max(1, Int(below))...Int(above)).map { value($0, mantissa, exponent) }
                }
            }
            exponent += 1
        }
    }

    /// `mantissa × 10^exponent` computed without accumulating error.
    static func step(_ mantissa: Double, _ exponent: Int) -> Double { value(1, mantissa, exponent) }

    /// Clamped to the finite range: a tick past 1.8×10³⁰⁸ would make the axis infinite.
    static func value(_ i: Int, _ mantissa: Double, _ exponent: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(exponent) { p *= 10 }
        let v = exponent >= 0 ? Double(i) * mantissa * p : Double(i) * mantissa / p
        return Swift.min(Swift.max(v, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
    }

    /// The densest ticks (at most 6 intervals) whose labels, laid along `length` units, keep `minGap` apart.
    /// `labelSize` measures one label along the axis (width for horizontal axes, line height for vertical).
    static func fitting(minValue: Double = 0, maxValue: Double, length: Double, minGap: Double = 10,
                        labelSize: (Double) -> Double) -> [Double] {
        var target = 6
        while target > 1 {
            let candidate = ticks(minValue: minValue, maxValue: maxValue, target: target)
            let spacing = length / Double(candidate.count - 1)
            let widest = candidate.map(labelSize).max() ?? 0
            if spacing >= widest + minGap { return candidate }
            target -= 1
        }
        return ticks(minValue: minValue, maxValue: maxValue, target: 1)
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
