extension ReleaseTrack {
    /// The entry promote moves prod to: beta's entry when the track has a beta pointer, else the newest.
    public var promoteTarget: String? { betaKey != nil ? (beta ?? newest?.resourceName) : newest?.resourceName }

    /// Moves prod to what beta has (deployments) or to the newest version (versions), remembering
    /// where prod was in `history` so rollback can return there.
    /// - Returns: the move, or nil when prod is already there (nothing to do).
    public mutating func promote() -> PointerMove? {
        guard let target = promoteTarget, target != prod else { return nil }
        let move = PointerMove(unit: unit, part: kind.noun, pointer: prodKey, from: prod, to: target)
        if let prod {
            history.append(prod)
            if history.count > ReleaseTrack.historyLimit { history.removeFirst(history.count - ReleaseTrack.historyLimit) }
        }
        prod = target
        return move
    }
}
