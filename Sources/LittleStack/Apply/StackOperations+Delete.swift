extension StackOperations {
    /// Deletes a stack after confirmation and follows its events to `DELETE_COMPLETE`.
    /// - Parameters:
    ///   - stack: the stack's name or ARN.
    ///   - assumeYes: delete without asking.
    ///   - json: print one JSON document.
    /// - Returns: what happened; ``DeleteResult/exitCode`` is the process status.
    /// - Throws: ``ApplyError/stackNotFound(_:)``, ``ApplyError/needsConfirmation(_:)``, the AWS client's errors
    ///   (termination protection, for one).
    public func delete(stack: String, assumeYes: Bool = false, json: Bool = false) async throws -> DeleteResult {
        guard let described = try await backend.describeStack(stack) else { throw ApplyError.stackNotFound(stack) }
        return try await redacting(described).delete(described, assumeYes: assumeYes, json: json)
    }

    private func delete(_ described: Deployed.Stack, assumeYes: Bool, json: Bool) async throws -> DeleteResult {
        let name = described.stackName
        var result = DeleteResult(stackName: name, stackID: described.stackID, result: .declined,
                                  status: described.status, events: [], failures: [])
        if !assumeYes {
            guard console.canPrompt else { throw ApplyError.needsConfirmation("delete stack '\(name)'") }
            guard console.confirm("Delete stack '\(name)'?") else {
                if json { console.out(Self.json(result)) } else { console.out("stack '\(name)' kept; nothing was deleted\n") }
                return result
            }
        }
        let after = try await newestEventID(described.stackID)
        console.note("deleting stack '\(name)'")
        try await backend.deleteStack(described.stackID)
        let followed = try await follow(stack: described.stackID, stackName: name, after: after, json: json,
                                        limit: .seconds(3 * 3600))
        result.events = followed.events
        result.failures = followed.outcome.failures
        result.status = followed.outcome.status
        result.result = followed.outcome.kind == .complete ? .complete : .failed
        if json {
            console.out(Self.json(result))
        } else if result.result == .complete {
            console.out("stack '\(name)' \(followed.outcome.status)\n")
        } else {
            printFailures(followed.outcome, stackName: name)
        }
        return result
    }
}
