/// Content-derived CloudFormation logical IDs for new release entries: `<prefix><yyyymmdd>r<hash8>`.
public enum LogicalID {
    /// Whether `name` is a valid logical ID: 1 to 255 ASCII letters and digits.
    /// - Parameter name: the candidate.
    /// - Returns: true when CloudFormation accepts it.
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
    }

    /// The leading ASCII letters of `name` (`helloVer` for `helloVer20240102r0`), so new entries look
    /// like the ones already in the list.
    /// - Parameter name: an existing entry's logical ID.
    /// - Returns: the letters, possibly empty.
    public static func prefix(of name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.prefix { $0.isASCII && $0.properties.isAlphabetic }))
    }

    /// A new logical ID: `<prefix><day>r<first 8 hex of hash>`, with `n2`, `n3`… appended when that is
    /// taken (the same content released twice on one day, e.g. after a revert).
    /// - Parameters:
    ///   - prefix: letters starting the ID (non-empty, ASCII letters).
    ///   - day: the UTC day as `yyyymmdd`.
    ///   - hash: the content hash (hex).
    ///   - taken: logical IDs already used in the config or template.
    /// - Returns: a valid ID not in `taken`.
    public static func make(prefix: String, day: String, hash: String, taken: Set<String>) -> String {
        // At most 200 letters, so the date, hash and a collision suffix stay under the 255 limit.
        let letters = prefix.isEmpty ? "release" : String(prefix.prefix(200))
        let base = letters + day + "r" + String(hash.prefix(8))
        if !taken.contains(base) { return base }
        var n = 2
        while taken.contains(base + "n\(n)") { n += 1 }
        return base + "n\(n)"
    }
}
