extension StackOperations {
    /// Prints a stack's latest events, oldest first, and with `follow` keeps following until the stack settles.
    /// - Parameters:
    ///   - stack: the stack's name or ARN.
    ///   - follow: whether to follow new events while the stack is changing.
    ///   - limit: how many past events to print; defaults to 100 (little stack's `events`).
    ///   - json: print one JSON array of events instead of lines.
    /// - Returns: the events printed, and the outcome when following ended at a terminal status.
    /// - Throws: ``ApplyError/stackNotFound(_:)``, the AWS client's errors.
    @discardableResult
    public func events(stack: String, follow: Bool = false, limit: Int = 100, json: Bool = false) async throws
        -> (events: [EventFollower.Event], outcome: EventFollower.Outcome?) {
        guard let described = try await backend.describeStack(stack) else { throw ApplyError.stackNotFound(stack) }
        return try await redacting(described).events(of: described, follow: follow, limit: limit, json: json)
    }

    private func events(of described: Deployed.Stack, follow: Bool, limit: Int, json: Bool) async throws
        -> (events: [EventFollower.Event], outcome: EventFollower.Outcome?) {
        var newestFirst: [EventFollower.Event] = []
        var token: String?
        repeat {
            let page = try await backend.stackEvents(stack: described.stackID, nextToken: token)
            newestFirst += page.events
            token = page.nextToken
        } while token != nil && newestFirst.count < limit
        var events = Array(newestFirst.prefix(max(0, limit)).reversed())
        if !json { console.out(events.map { EventLine.plain($0) + "\n" }.joined()) }

        var outcome: EventFollower.Outcome?
        if follow, !StackStatusKind(status: described.status).isTerminal {
            let followed = try await self.follow(stack: described.stackID, stackName: described.stackName,
                                                 after: newestFirst.first?.eventID, json: json,
                                                 limit: .seconds(3 * 3600))
            events += followed.events
            outcome = followed.outcome
        }
        if json { console.out(Self.json(events)) }
        return (events, outcome)
    }

    /// Prints a stack's outputs: `key  value` lines, or with `json` one object of key → value.
    /// - Parameters:
    ///   - stack: the stack's name or ARN.
    ///   - json: print JSON.
    /// - Returns: the outputs.
    /// - Throws: ``ApplyError/stackNotFound(_:)``, the AWS client's errors.
    @discardableResult
    public func outputs(stack: String, json: Bool = false) async throws -> [Deployed.Output] {
        guard let described = try await backend.describeStack(stack) else { throw ApplyError.stackNotFound(stack) }
        let console = try await redacting(described).console
        if json {
            console.out(Self.json(OrderedStrings(pairs: described.outputs.map { ($0.key, $0.value) })))
        } else if described.outputs.isEmpty {
            console.out("stack '\(described.stackName)' has no outputs\n")
        } else {
            console.out(OutputsTable.render(described.outputs))
        }
        return described.outputs
    }

    /// Prints the stacks of the account and region (deleted ones left out), or one JSON array.
    /// - Parameter json: print JSON.
    /// - Returns: the stacks, by name.
    @discardableResult
    public func list(json: Bool = false) async throws -> [Deployed.StackSummary] {
        let stacks = try await backend.listStacks().sorted { $0.stackName < $1.stackName }
        if json {
            console.out(Self.json(stacks))
        } else if stacks.isEmpty {
            console.out("no stacks\n")
        } else {
            let rows = stacks.map { [$0.stackName, $0.status, $0.lastChanged.map(EventLine.timestamp) ?? "-"] }
            console.out(TextTable.render(header: ["Stack", "Status", "Last changed"], rows: rows))
        }
        return stacks
    }
}

/// A JSON object of strings that keeps its key order.
struct OrderedStrings: Encodable {
    var pairs: [(String, String)]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in pairs { try container.encode(value, forKey: Key(stringValue: key)) }
    }
}
