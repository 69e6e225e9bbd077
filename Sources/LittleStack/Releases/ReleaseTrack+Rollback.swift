extension ReleaseTrack {
    /// The entry rollback moves prod to: the last one in `history` (where prod was before the last
    /// promote), else, for lists littlestack never promoted, the one listed just before prod's.
    public var rollbackTarget: String? {
        if let previous = history.last(where: { $0 != prod }) { return previous }
        guard let i = index(of: prod), i > 0 else { return nil }
        return entries[i - 1].resourceName
    }

    /// Moves prod back to the previous prod, taking it off `history`.
    /// - Returns: the move, or nil when there is nothing to go back to.
    public mutating func rollback() -> PointerMove? {
        guard let target = rollbackTarget else { return nil }
        let move = PointerMove(unit: unit, part: kind.noun, pointer: prodKey, from: prod, to: target)
        if let i = history.lastIndex(of: target) {
            history.removeSubrange(i...)
        }
        prod = target
        return move
    }
}
