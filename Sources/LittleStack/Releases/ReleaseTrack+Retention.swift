/// How many entries each list keeps.
public enum Retention {
    /// The default `--keep`: five entries per list, enough to roll back four times.
    public static let defaultKeep = 5
}

extension ReleaseTrack {
    /// Removes the oldest entries until at most `keep` remain, never removing an entry a pointer uses
    /// (prod, beta) nor the newest (the next change is compared with it).
    /// - Parameter keep: how many entries to keep (at least 1).
    /// - Returns: the removed entries, oldest first.
    public mutating func prune(keep: Int) -> [ReleaseEntry] {
        var removed: [ReleaseEntry] = []
        var i = 0
        while entries.count > max(keep, 1), i < entries.count - 1 {
            let name = entries[i].resourceName
            if name == prod || name == beta {
                i += 1
            } else {
                removed.append(entries.remove(at: i))
            }
        }
        let kept = Set(entries.map(\.resourceName))
        history.removeAll { !kept.contains($0) }
        return removed
    }
}
