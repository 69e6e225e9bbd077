import Foundation

extension StackOperations {
    /// The newest event ID of a stack right now: the point after which events belong to the next operation.
    /// - Parameter stack: the stack's name or ARN.
    func newestEventID(_ stack: String) async throws -> String? {
        try await backend.stackEvents(stack: stack, nextToken: nil).events.first?.eventID
    }

    /// Follows a stack's events until it reaches a terminal status, printing each new event once, oldest first:
    /// a table updated in place on a terminal, plain lines otherwise, nothing in JSON mode (the caller prints).
    /// - Parameters:
    ///   - stack: the stack's ARN (works after deletion) or name.
    ///   - stackName: the stack's name (stack-level events carry it).
    ///   - after: the newest event before the operation.
    ///   - knownLogicalIDs: logical IDs expected, to size the table.
    ///   - knownTypes: resource types expected, to size the table.
    ///   - json: whether to hold printing back for a JSON result.
    ///   - limit: when to give up.
    /// - Returns: the outcome and every new event.
    func follow(stack: String, stackName: String, after: String?, knownLogicalIDs: [String] = [],
                knownTypes: [String] = [], json: Bool, limit: Duration) async throws
        -> (outcome: EventFollower.Outcome, events: [EventFollower.Event]) {
        var machine = EventFollower.StateMachine(stackName: stackName, lastSeenEventID: after)
        var table = LiveEventTable(knownLogicalIDs: knownLogicalIDs + [stackName], knownTypes: knownTypes,
                                   width: console.width, height: console.height, color: console.color)
        var all: [EventFollower.Event] = []
        var next = machine.start
        let started = ContinuousClock.now
        var lastStatus = "UNKNOWN"
        while true {
            let step: EventFollower.StateMachine.Step
            switch next {
            case .fetchEvents(let token):
                do {
                    let page = try await backend.stackEvents(stack: stack, nextToken: token)
                    step = machine.received(page: page.events, nextToken: page.nextToken)
                } catch let error as ApplyError where error == .stackNotFound(stack) || error == .stackNotFound(stackName) {
                    step = machine.received(stackStatus: nil)
                }
            case .checkStatus:
                let described = try await backend.describeStack(stack)
                lastStatus = described?.status ?? "DELETE_COMPLETE"
                step = machine.received(stackStatus: described?.status)
            case .pollAgain(let delay):
                if ContinuousClock.now - started > limit {
                    let minutes = Int(limit.components.seconds / 60)
                    throw ApplyError.followLimit(stackName, status: lastStatus, minutes: minutes)
                }
                try await Self.sleep(delay)
                next = .fetchEvents(nextToken: nil)
                continue
            case .done(let outcome):
                return (outcome, all)
            }
            all += step.print
            if !json, !step.print.isEmpty {
                if console.isTerminal {
                    console.out(table.update(with: step.print))
                } else {
                    console.out(step.print.map { EventLine.plain($0) + "\n" }.joined())
                }
            }
            next = step.next
        }
    }

    /// Prints why a stack failed: each failure event's reason, oldest first, on standard error.
    func printFailures(_ outcome: EventFollower.Outcome, stackName: String) {
        for event in outcome.failures {
            let reason = event.resourceStatusReason.flatMap { $0.isEmpty ? nil : $0 } ?? "no reason given"
            console.err("error: '\(event.logicalResourceID)' (\(event.resourceType)) \(event.resourceStatus): \(reason)\n")
        }
        console.err("error: stack '\(stackName)' ended \(outcome.status)\n")
    }
}
