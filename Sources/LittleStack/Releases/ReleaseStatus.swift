import YAMLBridge

/// Reads where live stages and aliases point (API Gateway GetStage, Lambda GetAlias) and which physical
/// IDs the stack gave its resources; implemented over AWS by `StackOperations`, by fakes in tests.
public protocol ReleaseLiveReader: Sendable {
    /// The stack's resources, logical ID → physical ID; empty when the stack does not exist.
    func physicalIDs() async throws -> [String: String]
    /// The deployment ID a stage serves, or nil when the stage does not exist.
    func stageDeployment(restAPIID: String, stage: String) async throws -> String?
    /// The version an alias points at, or nil when the alias does not exist.
    func aliasVersion(function: String, alias: String) async throws -> String?
}

/// `littlestack releases`: each unit's history (newest first) and where each stage and alias points,
/// as the config says and as the live stack has it; a difference is drift.
public struct ReleaseStatus: Sendable, Equatable, Codable {
    /// A stage (deployments) or alias (versions) a pointer drives.
    public struct Target: Sendable, Equatable, Codable {
        /// `stage` or `alias`.
        public var kind: String
        /// The stage or alias name.
        public var name: String
        /// The logical ID the config points it at.
        public var expected: String
        /// The expected entry's live identity (deployment ID, version number), when the stack has it.
        public var expectedLive: String?
        /// What the live stage or alias serves, nil when it does not exist.
        public var live: String?
        /// The logical ID the live value belongs to, when it is one of the list's.
        public var liveEntry: String?
        /// True when the live stage or alias is not where the config points it.
        public var drift: Bool
    }

    /// One list with its pointers and targets.
    public struct Track: Sendable, Equatable, Codable {
        /// The unit's name.
        public var unit: String
        /// `api` or `function`.
        public var part: String
        /// The list's key in the variable group.
        public var list: String
        /// The entries, newest first.
        public var entries: [Entry]
        /// The prod pointer's value.
        public var prod: String?
        /// The beta pointer's value (nil for a function without one: beta is `$LATEST`).
        public var beta: String?
        /// The stages or aliases the pointers drive.
        public var targets: [Target]
    }

    /// One history entry.
    public struct Entry: Sendable, Equatable, Codable {
        /// The logical ID.
        public var resourceName: String
        /// Its description.
        public var description: String
        /// littlestack's content hash, when recorded.
        public var contentHash: String?
    }

    /// The tracks, in unit order (API before function).
    public var tracks: [Track]
    /// Whether the stack exists.
    public var deployed: Bool

    /// True when any target drifted.
    public var hasDrift: Bool { tracks.contains { $0.targets.contains(where: \.drift) } }

    /// Compares a book with the live stack.
    /// - Parameters:
    ///   - book: the config's release book.
    ///   - template: the rendered template (JSON form), to find the stages and aliases the pointers drive.
    ///   - reader: live lookups.
    /// - Returns: the status.
    public static func read(book: ReleaseBook, template: Node, reader: any ReleaseLiveReader) async throws -> ReleaseStatus {
        let physical = try await reader.physicalIDs()
        var tracks: [Track] = []
        let resources = template["Resources"]?.mapping?.pairs ?? []
        for unit in book.units {
            for track in unit.tracks {
                let names = Set(track.entries.map(\.resourceName))
                var targets: [Target] = []
                for pair in resources {
                    let properties = pair.value["Properties"]
                    let logical = pair.key.scalar?.value ?? ""
                    switch (track.kind, pair.value["Type"]?.scalar?.value) {
                    case (.deployments, "AWS::ApiGateway::Stage"?):
                        guard let pointer = ref(properties?["DeploymentId"]), names.contains(pointer) else { continue }
                        let stage = properties?["StageName"]?.scalar?.value ?? logical
                        let api = ref(properties?["RestApiId"]).flatMap { physical[$0] }
                        let expected = physical[pointer]
                        let live = try await api.releaseAsyncMap { try await reader.stageDeployment(restAPIID: $0, stage: stage) }
                        targets.append(target("stage", stage, pointer, expected, live ?? nil, physical, names))
                    case (.versions, "AWS::Lambda::Alias"?):
                        guard let pointer = getAttVersion(properties?["FunctionVersion"]), names.contains(pointer) else { continue }
                        let alias = properties?["Name"]?.scalar?.value ?? logical
                        let function = ref(properties?["FunctionName"]).flatMap { physical[$0] }
                        let expected = physical[pointer].map(versionNumber)
                        let live = try await function.releaseAsyncMap { try await reader.aliasVersion(function: $0, alias: alias) }
                        var mapped = physical
                        for (k, v) in physical where names.contains(k) { mapped[k] = versionNumber(v) }
                        targets.append(target("alias", alias, pointer, expected, live ?? nil, mapped, names))
                    default:
                        continue
                    }
                }
                tracks.append(Track(
                    unit: track.unit, part: track.kind.noun, list: track.listKey,
                    entries: track.entries.reversed().map {
                        Entry(resourceName: $0.resourceName, description: $0.description, contentHash: $0.contentHash)
                    },
                    prod: track.prod, beta: track.beta, targets: targets))
            }
        }
        return ReleaseStatus(tracks: tracks, deployed: !physical.isEmpty)
    }

    private static func target(_ kind: String, _ name: String, _ pointer: String, _ expected: String?,
                               _ live: String?, _ physical: [String: String], _ names: Set<String>) -> Target {
        let liveEntry = live.flatMap { value in names.first { physical[$0] == value } }
        let drift = !physical.isEmpty && (expected == nil || live != expected)
        return Target(kind: kind, name: name, expected: pointer, expectedLive: expected, live: live,
                      liveEntry: liveEntry, drift: drift)
    }

    /// The resource `{"Ref": X}` names.
    static func ref(_ node: Node?) -> String? {
        guard let map = node?.mapping, map.pairs.count == 1, map.pairs[0].key.scalar?.value == "Ref" else { return nil }
        return map.pairs[0].value.scalar?.value
    }

    /// X in `{"Fn::GetAtt": [X, "Version"]}` or `{"Fn::GetAtt": "X.Version"}`.
    static func getAttVersion(_ node: Node?) -> String? {
        guard let map = node?.mapping, map.pairs.count == 1, map.pairs[0].key.scalar?.value == "Fn::GetAtt" else { return nil }
        let value = map.pairs[0].value
        if let items = value.sequence?.items, items.count == 2, items[1].scalar?.value == "Version" {
            return items[0].scalar?.value
        }
        if let text = value.scalar?.value, text.hasSuffix(".Version") { return String(text.dropLast(8)) }
        return nil
    }

    /// A version's number from its physical ID (`arn:…:function:name:3` → `3`).
    static func versionNumber(_ physical: String) -> String {
        physical.split(separator: ":").last.map(String.init) ?? physical
    }

    /// The status as text: per track a header, the history newest first with the pointers marked,
    /// then each stage or alias with its live value and `DRIFT` where it differs.
    public var text: String {
        var out = ""
        if !deployed { out += "stack not deployed: live values unknown\n" }
        for track in tracks {
            out += "\(track.unit) \(track.part) (\(track.list))\n"
            let width = track.entries.map(\.resourceName.count).max() ?? 0
            for entry in track.entries {
                var marks: [String] = []
                if entry.resourceName == track.prod { marks.append("prod") }
                if entry.resourceName == track.beta { marks.append("beta") }
                let name = entry.resourceName + String(repeating: " ", count: width - entry.resourceName.count)
                let hash = entry.contentHash.map { " [\($0.prefix(8))]" } ?? ""
                let mark = marks.isEmpty ? "" : "  <- " + marks.joined(separator: ", ")
                out += "  \(name)  \(entry.description)\(hash)\(mark)\n"
            }
            if track.entries.isEmpty { out += "  (no entries)\n" }
            for t in track.targets {
                let live: String
                if let value = t.live {
                    live = t.liveEntry.map { "\($0) (\(value))" } ?? value
                } else {
                    live = deployed ? "missing" : "unknown"
                }
                let expected = t.expectedLive.map { "\(t.expected) (\($0))" } ?? t.expected
                out += "  \(t.kind) \(t.name): config \(expected), live \(live)\(t.drift ? "  DRIFT" : "")\n"
            }
        }
        return out
    }
}

fileprivate extension Optional {
    /// `map` for an async transform.
    func releaseAsyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
