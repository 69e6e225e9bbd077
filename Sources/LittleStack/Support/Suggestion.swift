/// "Did you mean" lookups for misspelt keys and names.
enum Suggestion {
    /// The candidate closest to `name` when it is close enough to be a likely typo, else nil.
    ///
    /// Distance is optimal string alignment (a swap of two neighbours counts once), compared
    /// case-insensitively; "close enough" is at most a third of the name's length (at least 1) and less than the whole
    /// name (so 'B' does not suggest 'A').
    static func closest(to name: String, in candidates: [String]) -> String? {
        let limit = max(1, name.count / 3)
        var best: (String, Int)?
        let lower = Array(name.lowercased().unicodeScalars)
        for candidate in candidates where candidate != name {
            let d = distance(lower, Array(candidate.lowercased().unicodeScalars))
            if d <= limit, d < name.count, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
