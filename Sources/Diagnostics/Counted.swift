/// A count with its noun, singular for exactly one: `counted(1, "page")` is "1 page",
/// `counted(3, "page")` is "3 pages", `counted(0, "page")` is "0 pages" (English plural rule).
/// The plural is the noun with an `s`, unless given.
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
}
