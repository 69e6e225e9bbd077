import YAMLBridge

/// One release list with its pointers: an API's deployments (prod and beta stage pointers) or a
/// function's versions (prod alias pointer, optionally a beta one). Entries are oldest first.
public struct ReleaseTrack: Sendable, Equatable {
    /// What the list holds.
    public enum Kind: String, Sendable {
        /// `AWS::ApiGateway::Deployment`s.
        case deployments
        /// `AWS::Lambda::Version`s.
        case versions

        /// The prefix of new logical IDs when the list has no entry to copy one from.
        public var defaultPrefix: String { self == .deployments ? "deploy" : "version" }
        /// The word used in messages and tables.
        public var noun: String { self == .deployments ? "api" : "function" }
    }

    /// What the list holds.
    public var kind: Kind
    /// The unit's name, for messages.
    public var unit: String
    /// The variable group holding the list and pointers.
    public var group: String
    /// The list's key in the group.
    public var listKey: String
    /// The entries, oldest first.
    public var entries: [ReleaseEntry]
    /// The prod pointer's key in the group.
    public var prodKey: String
    /// The logical ID prod points at, or nil when unset.
    public var prod: String?
    /// The beta pointer's key, or nil when the kind has none (a function's beta is `$LATEST`).
    public var betaKey: String?
    /// The logical ID beta points at, or nil when unset.
    public var beta: String?
    /// The logical IDs prod pointed at before, oldest first: promote pushes, rollback pops. Kept under
    /// `historyKey` in the group (absent until the first promote).
    public var history: [String] = []

    /// The key holding `history`: the prod pointer's key plus `History` (e.g. `prodDeploymentHistory`).
    public var historyKey: String { prodKey + "History" }
    /// How many earlier prod pointers `history` remembers.
    public static let historyLimit = 10

    /// Makes a track.
    public init(kind: Kind, unit: String, group: String, listKey: String, entries: [ReleaseEntry],
                prodKey: String, prod: String?, betaKey: String?, beta: String?) {
        self.kind = kind
        self.unit = unit
        self.group = group
        self.listKey = listKey
        self.entries = entries
        self.prodKey = prodKey
        self.prod = prod
        self.betaKey = betaKey
        self.beta = beta
    }

    /// The newest entry, or nil when the list is empty.
    public var newest: ReleaseEntry? { entries.last }

    /// The index of the entry named `name`.
    public func index(of name: String?) -> Int? {
        guard let name else { return nil }
        return entries.firstIndex { $0.resourceName == name }
    }

    // MARK: - Reading

    /// Reads a track from a variable group.
    /// - Parameters:
    ///   - kind: deployments or versions.
    ///   - unit: the unit's name, for messages.
    ///   - group: the group's name.
    ///   - node: the group's node (nil when the group does not exist yet: an empty track).
    ///   - listKey: the list's key.
    ///   - prodKey: the prod pointer's key.
    ///   - betaKey: the beta pointer's key, if any.
    /// - Returns: the track.
    /// - Throws: `ReleaseError` at the offending node when the list is not a list of
    ///   `{resourceName, description}` mappings, names repeat, or a pointer names no entry.
    public static func read(kind: Kind, unit: String, group: String, node: Node?, listKey: String,
                            prodKey: String, betaKey: String?) throws(ReleaseError) -> ReleaseTrack {
        var track = ReleaseTrack(kind: kind, unit: unit, group: group, listKey: listKey, entries: [],
                                 prodKey: prodKey, prod: nil, betaKey: betaKey, beta: nil)
        guard let node else { return track }
        guard let map = node.mapping else {
            throw ReleaseError("variable group '\(group)' must be a mapping", mark: node.start)
        }
        if let list = map[listKey], !isNull(list) {
            guard let seq = list.sequence else {
                throw ReleaseError("'\(listKey)' must be a list of {resourceName, description} entries",
                                   mark: list.start)
            }
            var seen = Set<String>()
            for item in seq.items {
                let entry = try readEntry(item, listKey: listKey)
                if !seen.insert(entry.resourceName).inserted {
                    throw ReleaseError("'\(entry.resourceName)' appears twice in '\(listKey)'", mark: item.start)
                }
                track.entries.append(entry)
            }
        }
        track.prod = try readPointer(map, key: prodKey, track: track)
        if let betaKey { track.beta = try readPointer(map, key: betaKey, track: track) }
        if let node = map[track.historyKey], !isNull(node) {
            guard let items = node.sequence?.items else {
                throw ReleaseError("'\(track.historyKey)' must be a list of entry names", mark: node.start)
            }
            // Names retention or a hand edit removed from the list are forgotten, not errors.
            track.history = items.compactMap { $0.scalar?.value }.filter { track.index(of: $0) != nil }
        }
        return track
    }

    private static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null"].contains(s.value) { return true }
        return false
    }

    private static func readEntry(_ item: Node, listKey: String) throws(ReleaseError) -> ReleaseEntry {
        guard let map = item.mapping else {
            throw ReleaseError("an entry of '\(listKey)' must be a mapping with 'resourceName'", mark: item.start)
        }
        guard let nameNode = map["resourceName"] else {
            throw ReleaseError("an entry of '\(listKey)' has no 'resourceName'", mark: item.start)
        }
        guard let name = nameNode.scalar?.value, LogicalID.isValid(name) else {
            throw ReleaseError("'resourceName' must be an alphanumeric logical ID", mark: nameNode.start)
        }
        var description = ""
        if let d = map["description"] {
            guard let text = d.scalar?.value else {
                throw ReleaseError("'description' must be a string", mark: d.start)
            }
            description = text
        }
        var hash: String?
        if let h = map[ReleaseEntry.hashKey], !isNull(h) {
            guard let text = h.scalar?.value else {
                throw ReleaseError("'\(ReleaseEntry.hashKey)' must be a string", mark: h.start)
            }
            hash = text
        }
        var entry = ReleaseEntry(resourceName: name, description: description, contentHash: hash)
        entry.original = map
        return entry
    }

    private static func readPointer(_ map: Node.Mapping, key: String,
                                    track: ReleaseTrack) throws(ReleaseError) -> String? {
        guard let node = map[key], !isNull(node) else { return nil }
        guard let value = node.scalar?.value else {
            throw ReleaseError("'\(key)' must name an entry of '\(track.listKey)'", mark: node.start)
        }
        if value.isEmpty { return nil }
        if track.index(of: value) == nil {
            throw ReleaseError("'\(key)' names '\(value)', which is not in '\(track.listKey)'", mark: node.start)
        }
        return value
    }

    // MARK: - Writing

    /// The group values this track writes: the list, the prod and beta pointers, then the prod history.
    public var edits: [VariableEdit] {
        var result = [VariableEdit(group: group, key: listKey, value: .sequence(Node.Sequence(entries.map(\.node))))]
        result.append(VariableEdit(group: group, key: prodKey, value: VariableEdit.string(prod)))
        if let betaKey { result.append(VariableEdit(group: group, key: betaKey, value: VariableEdit.string(beta))) }
        result.append(VariableEdit(group: group, key: historyKey, value: .sequence(Node.Sequence(history.map {
            VariableEdit.string($0)
        }))))
        return result
    }
}
