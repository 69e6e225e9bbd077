/// What recording a content hash did to a track.
public enum RecordOutcome: Sendable, Equatable {
    /// The newest entry already has this hash: nothing changed.
    case unchanged
    /// The newest entry had no hash (written by hand or by little stack): the hash was recorded on it
    /// and nothing was appended, since the live resource already serves that content.
    case adopted(String)
    /// A new entry was appended (and beta, and prod when it was unset, moved to it).
    case appended(ReleaseEntry)
    /// The newest entry was never deployed and the content changed again: a new entry took its place
    /// (and its pointers), so one apply never creates two entries from one state.
    case replaced(String, ReleaseEntry)
}

extension ReleaseTrack {
    /// Records the current content of the API or function: appends an entry when its hash differs from
    /// the newest entry's, moves beta to the newest, and sets prod when it is unset (a first release).
    /// Prod never moves otherwise.
    /// - Parameters:
    ///   - hash: the content hash (hex).
    ///   - day: the UTC day, `yyyymmdd`, for the logical ID.
    ///   - description: the new entry's description.
    ///   - taken: logical IDs used anywhere in the config or template; the new ID is added to it.
    ///   - deployed: the logical IDs the live stack has (empty when it does not exist), or nil when not
    ///     known (`littlestack release` works offline). When known, a changed newest entry the stack does
    ///     not have yet is replaced instead of followed by another.
    /// - Returns: what happened.
    public mutating func record(hash: String, day: String, description: String,
                                taken: inout Set<String>, deployed: Set<String>? = nil) -> RecordOutcome {
        let outcome: RecordOutcome
        if let newest = entries.last, newest.contentHash == hash {
            outcome = .unchanged
        } else if let newest = entries.last, newest.contentHash == nil {
            entries[entries.count - 1].contentHash = hash
            outcome = .adopted(newest.resourceName)
        } else {
            let prefix = entries.last.map { LogicalID.prefix(of: $0.resourceName) } ?? ""
            let name = LogicalID.make(prefix: prefix.isEmpty ? kind.defaultPrefix : prefix, day: day,
                                      hash: hash, taken: taken)
            taken.insert(name)
            let entry = ReleaseEntry(resourceName: name, description: description, contentHash: hash)
            if let newest = entries.last, let deployed, !deployed.contains(newest.resourceName) {
                entries[entries.count - 1] = entry
                if prod == newest.resourceName { prod = name }
                if beta == newest.resourceName { beta = name }
                history.removeAll { $0 == newest.resourceName }
                outcome = .replaced(newest.resourceName, entry)
            } else {
                entries.append(entry)
                outcome = .appended(entry)
            }
        }
        if let newest = entries.last {
            if betaKey != nil {
                switch outcome {
                case .appended, .replaced: beta = newest.resourceName
                default: break
                }
            }
            if betaKey != nil, beta == nil { beta = newest.resourceName }
            if prod == nil { prod = newest.resourceName }
        }
        return outcome
    }

    /// Drops the version entries the live stack does not have yet, but the newest: CloudFormation
    /// publishes at most one version per apply (a second one from the same function state fails), so a
    /// stack created from several hand-written versions, or entries recorded twice by `release` without an
    /// apply between, could not be applied. Pointers at dropped entries move to the newest.
    /// - Parameter deployed: the logical IDs the live stack has (empty when it does not exist).
    /// - Returns: the dropped entries; none for deployments (API Gateway creates several at once).
    public mutating func collapseUndeployed(deployed: Set<String>) -> [ReleaseEntry] {
        guard kind == .versions, let newest = entries.last else { return [] }
        let dropped = entries.dropLast().filter { !deployed.contains($0.resourceName) }
        guard !dropped.isEmpty else { return [] }
        let names = Set(dropped.map(\.resourceName))
        entries.removeAll { names.contains($0.resourceName) }
        if let prod, names.contains(prod) { self.prod = newest.resourceName }
        if let beta, names.contains(beta) { self.beta = newest.resourceName }
        history.removeAll { names.contains($0) }
        return Array(dropped)
    }
}
