import YAMLBridge

/// A config's release units with their lists and pointers: the bookkeeping `release`, `promote`,
/// `rollback` and `--keep` do, as pure changes to this value, turned into `VariableEdit`s at the end.
public struct ReleaseBook: Sendable {
    /// One unit with its tracks.
    public struct Unit: Sendable, Equatable {
        /// The declaration.
        public var unit: ReleaseUnit
        /// The API's deployments, when the unit has an API.
        public var api: ReleaseTrack?
        /// The function's versions, when the unit has a function.
        public var function: ReleaseTrack?

        /// The code location keys of the group littlestack sets (`codeBucket`, `codeKey`, `imageUri`) and their values.
        public var codeVariables: [String: String] = [:]

        /// The unit's tracks: API first.
        public var tracks: [ReleaseTrack] { [api, function].compactMap { $0 } }
    }

    /// What `record` did to one track.
    public struct RecordRow: Sendable, Equatable {
        /// The unit's name.
        public var unit: String
        /// `api` or `function`.
        public var part: String
        /// What happened.
        public var outcome: RecordOutcome
    }

    /// An entry `prune` removed.
    public struct PrunedEntry: Sendable, Equatable {
        /// The unit's name.
        public var unit: String
        /// `api` or `function`.
        public var part: String
        /// The removed entry.
        public var entry: ReleaseEntry
    }

    /// The units, in declaration order.
    public var units: [Unit]
    /// Never-deployed version entries `record` dropped (see `ReleaseTrack.collapseUndeployed`).
    public var collapsed: [PrunedEntry] = []
    /// The units as read, to tell which values changed.
    private let initial: [Unit]

    /// Reads the lists and pointers of `units` from `Littleware.Variables`.
    /// - Parameters:
    ///   - units: the declared or inferred units.
    ///   - variables: `Littleware.Variables`, or nil.
    /// - Returns: the book.
    /// - Throws: `ReleaseError` at the offending node (see `ReleaseTrack.read`).
    public static func read(units: [ReleaseUnit], variables: Node?) throws(ReleaseError) -> ReleaseBook {
        var result: [Unit] = []
        for unit in units {
            let group = variables?[unit.group]
            var entry = Unit(unit: unit, api: nil, function: nil)
            for key in ["codeBucket", "codeKey", "imageUri"] {
                if let value = group?[key]?.scalar?.value { entry.codeVariables[key] = value }
            }
            if let api = unit.api {
                entry.api = try ReleaseTrack.read(kind: .deployments, unit: unit.name, group: unit.group, node: group,
                                                  listKey: api.listKey, prodKey: api.prodKey, betaKey: api.betaKey)
            }
            if let function = unit.function {
                entry.function = try ReleaseTrack.read(kind: .versions, unit: unit.name, group: unit.group,
                                                       node: group, listKey: function.listKey,
                                                       prodKey: function.prodKey, betaKey: function.betaKey)
            }
            result.append(entry)
        }
        return ReleaseBook(units: result, initial: result)
    }

    private init(units: [Unit], initial: [Unit]) {
        self.units = units
        self.initial = initial
    }

    /// Whether anything differs from what was read.
    public var changed: Bool { units != initial }

    /// Every logical ID the lists use.
    public var entryIDs: Set<String> {
        Set(units.flatMap { $0.tracks.flatMap { $0.entries.map(\.resourceName) } })
    }

    /// The indices of the units `name` selects (all when nil).
    /// - Throws: `ReleaseError` when there is no unit, or none of that name.
    public func select(_ name: String?) throws(ReleaseError) -> [Int] {
        if units.isEmpty {
            throw ReleaseError("the config has no release units (declare them under 'Littleware.Releases' or add 'gatewayDeployments'/'lambdaVersions' to a variable group)")
        }
        guard let name else { return Array(units.indices) }
        guard let index = units.firstIndex(where: { $0.unit.name == name }) else {
            throw ReleaseError("unknown release unit '\(name)' (the config has \(units.map { "'\($0.unit.name)'" }.joined(separator: ", ")))")
        }
        return [index]
    }

    // MARK: - Bookkeeping

    /// Records each unit's current content: appends entries where the hash changed (see `ReleaseTrack.record`).
    /// - Parameters:
    ///   - contents: the units' content, by unit name.
    ///   - day: the UTC day, `yyyymmdd`.
    ///   - description: the new entries' description (nil: `released <yyyy-mm-dd>, sha256 <hash8>`).
    ///   - templateIDs: the template's logical IDs, which new IDs must not reuse.
    ///   - deployed: the live stack's logical IDs (empty when it does not exist), or nil when unknown;
    ///     see `ReleaseTrack.record` and `ReleaseTrack.collapseUndeployed`.
    /// - Returns: one row per track.
    public mutating func record(_ contents: [UnitContent], day: String, description: String? = nil,
                                templateIDs: Set<String> = [], deployed: Set<String>? = nil) -> [RecordRow] {
        var taken = entryIDs.union(templateIDs)
        if let deployed {
            for i in units.indices {
                if let dropped = units[i].function?.collapseUndeployed(deployed: deployed) {
                    collapsed += dropped.map { PrunedEntry(unit: units[i].unit.name, part: "function", entry: $0) }
                }
            }
        }
        var rows: [RecordRow] = []
        let date = day.count == 8 ? "\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2))" : day
        for i in units.indices {
            guard let content = contents.first(where: { $0.unit == units[i].unit.name }) else { continue }
            if let hash = content.apiHash, units[i].api != nil {
                let text = description ?? "released \(date), sha256 \(hash.prefix(8))"
                let outcome = units[i].api!.record(hash: hash, day: day, description: text, taken: &taken,
                                                   deployed: deployed)
                rows.append(RecordRow(unit: units[i].unit.name, part: "api", outcome: outcome))
            }
            for (key, value) in content.variableValues { units[i].codeVariables[key] = value }
            if let hash = content.versionHash, units[i].function != nil {
                let text = description ?? "released \(date), sha256 \(hash.prefix(8))"
                let outcome = units[i].function!.record(hash: hash, day: day, description: text, taken: &taken,
                                                        deployed: deployed)
                rows.append(RecordRow(unit: units[i].unit.name, part: "function", outcome: outcome))
            }
        }
        return rows
    }

    /// Moves prod to what beta has (API) and to the newest version (function) for the selected units.
    /// - Parameters:
    ///   - unit: one unit's name, or nil for all.
    ///   - part: `api` or `function` to move only that part, or nil for both.
    /// - Returns: the moves.
    /// - Throws: `ReleaseError` when the unit is unknown or nothing would move.
    public mutating func promote(unit: String? = nil, part: String? = nil) throws(ReleaseError) -> [PointerMove] {
        var moves: [PointerMove] = []
        for i in try select(unit) {
            if part == nil || part == "api", let move = units[i].api?.promote() { moves.append(move) }
            if part == nil || part == "function", let move = units[i].function?.promote() { moves.append(move) }
        }
        if moves.isEmpty {
            throw ReleaseError("nothing to promote: prod already points at the newest release"
                               + (unit.map { " of '\($0)'" } ?? ""))
        }
        return moves
    }

    /// Moves prod back to the release listed before it for the selected units.
    /// - Parameters:
    ///   - unit: one unit's name, or nil for all.
    ///   - part: `api` or `function` to move only that part, or nil for both.
    /// - Returns: the moves.
    /// - Throws: `ReleaseError` when the unit is unknown or prod is already at the oldest entry everywhere.
    public mutating func rollback(unit: String? = nil, part: String? = nil) throws(ReleaseError) -> [PointerMove] {
        var moves: [PointerMove] = []
        for i in try select(unit) {
            if part == nil || part == "api", let move = units[i].api?.rollback() { moves.append(move) }
            if part == nil || part == "function", let move = units[i].function?.rollback() { moves.append(move) }
        }
        if moves.isEmpty {
            throw ReleaseError("nothing to roll back: prod already points at the oldest release"
                               + (unit.map { " of '\($0)'" } ?? ""))
        }
        return moves
    }

    /// Removes the oldest entries no pointer uses beyond `keep` per list (see `ReleaseTrack.prune`).
    /// - Parameter keep: entries to keep per list.
    /// - Returns: the removed entries.
    public mutating func prune(keep: Int) -> [PrunedEntry] {
        var removed: [PrunedEntry] = []
        for i in units.indices {
            if let gone = units[i].api?.prune(keep: keep) {
                removed += gone.map { PrunedEntry(unit: units[i].unit.name, part: "api", entry: $0) }
            }
            if let gone = units[i].function?.prune(keep: keep) {
                removed += gone.map { PrunedEntry(unit: units[i].unit.name, part: "function", entry: $0) }
            }
        }
        return removed
    }

    // MARK: - Writing

    /// The values that changed since reading, as edits for the config writer (list, prod, beta order).
    public var edits: [VariableEdit] {
        var result: [VariableEdit] = []
        for (now, before) in zip(units, initial) {
            for (track, old) in zip([now.api, now.function], [before.api, before.function]) {
                guard let track, let old else { continue }
                if track.entries != old.entries || track.entries.map(\.resourceName) != old.entries.map(\.resourceName) {
                    result.append(track.edits[0])
                }
                if track.prod != old.prod { result.append(track.edits[1]) }
                if track.beta != old.beta, track.betaKey != nil { result.append(track.edits[2]) }
                if track.history != old.history { result.append(track.edits[track.edits.count - 1]) }
            }
            for key in now.codeVariables.keys.sorted() where now.codeVariables[key] != before.codeVariables[key] {
                result.append(VariableEdit(group: now.unit.group, key: key, value: VariableEdit.string(now.codeVariables[key])))
            }
        }
        return result
    }
}
