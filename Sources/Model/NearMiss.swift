/// "did you mean …?" for names a user mistyped.
public enum NearMiss {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, word.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= limit, best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
                best = (candidate, d)
            }
        }
        return best?.0 ?? sameWords(word, among: candidates)
    }

    /// Ids made of words (`openai-aws`, `llama4-cluster`) are also mistyped by swapping the
    /// words (`aws-openai`) or leaving some out (`llama4`): the one candidate whose words are
    /// the same, reordered, or include all of the typed ones.
    static func sameWords(_ word: String, among candidates: some Sequence<String>) -> String? {
        func words(_ s: String) -> [String] { s.lowercased().split { $0 == "-" || $0 == "_" }.map(String.init) }
        let typed = words(word)
        guard !typed.isEmpty else { return nil }
        let all = Array(candidates)
        if let reordered = all.filter({ words($0).sorted() == typed.sorted() }).min() { return reordered }
        let containing = all.filter { candidate in Set(typed).isSubset(of: Set(words(candidate))) }
        return containing.count == 1 ? containing[0] : nil
    }

    /// `" (did you mean 'openai'?)"`, or empty.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
