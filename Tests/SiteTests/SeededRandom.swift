/// The same pseudo-random numbers on every run (Knuth's MMIX linear congruential
/// generator), for tests that check a scanner against its reference on thousands of
/// generated inputs: a failure names an input that fails again on the next run.
struct SeededRandom {
    private var state: UInt64

    init(_ seed: UInt64) {
        state = seed
    }

    /// A number in `0..<bound`; `bound` must be positive.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
