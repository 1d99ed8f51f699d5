/// The result of one rebuild, as reported by the generator's `rebuild` closure.
public struct RebuildOutcome: Sendable {
    public var succeeded: Bool
    /// What the terminal prints for this rebuild: one line on success ("Rebuilt content/power.md in 0.12 s"),
    /// or the errors, compiler style (`content/x.md:3:8: error: …` lines with source line and caret).
    public var message: String

    public init(succeeded: Bool, message: String) {
        self.succeeded = succeeded
        self.message = message
    }
}
