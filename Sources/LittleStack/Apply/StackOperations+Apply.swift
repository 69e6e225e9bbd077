import Foundation

extension StackOperations {
    /// Applies a rendered stack through a change set: ensure the bucket, upload the template, create the change
    /// set (CREATE when the stack does not exist or is in REVIEW_IN_PROGRESS, UPDATE otherwise), wait for it, show
    /// the changes, execute after confirmation, follow the events to a terminal status and show the outputs.
    ///
    /// A change set without changes prints "no changes" and is deleted. A dry run stops after showing the changes
    /// and leaves the change set for review. A declined prompt deletes the change set.
    /// - Parameters:
    ///   - deployment: the rendered stack.
    ///   - options: what was asked.
    /// - Returns: what happened; ``ApplyResult/exitCode`` is the process status to use.
    /// - Throws: ``ApplyError`` for refusals and change-set failures, the AWS client's errors for failed calls.
    public func apply(_ deployment: StackDeployment, options: ApplyOptions) async throws -> ApplyResult {
        console.redactor.add(deployment.noEchoValues)
        return try await applyRedacted(deployment, options: options)
    }

    private func applyRedacted(_ deployment: StackDeployment, options: ApplyOptions) async throws -> ApplyResult {
        let stackName = deployment.stackName
        if !options.assumeYes, !options.dryRun, !console.canPrompt {
            throw ApplyError.needsConfirmation("execute a change set on stack '\(stackName)'")
        }
        let name = changeSetName(requested: options.changeSetName)

        // The bucket and the template.
        let bucket: String
        if let asked = options.bucket ?? deployment.bucket, !asked.isEmpty {
            bucket = asked
        } else {
            bucket = StackBucket.defaultName(account: try await backend.accountID(), region: backend.region)
        }
        if try await !backend.bucketExists(bucket) {
            console.note("creating bucket '\(bucket)'")
            try await backend.createBucket(bucket)
        }
        let key = StackBucket.templateKey(stackName: stackName, templatePath: deployment.templatePath)
        console.note("uploading template to s3://\(bucket)/\(key)")
        let contentType = deployment.templateBody.first == "{" ? "application/json" : "text/yaml"
        try await backend.putObject(bucket: bucket, key: key, body: Data(deployment.templateBody.utf8),
                                    contentType: contentType)
        await onStep?(.templateUploaded(bucket: bucket, key: key))

        // The change set.
        let existing = try await backend.describeStack(stackName)
        let type = try Self.changeSetType(for: existing, stackName: stackName)
        let url = StackBucket.templateURL(bucket: bucket, key: key, region: backend.region, endpoint: backend.endpoint)
        let request = Deployed.ChangeSetRequest(
            stackName: stackName, changeSetName: name, changeSetType: type, templateURL: url,
            parameters: deployment.parameters, tags: deployment.tags, capabilities: deployment.capabilities,
            roleARN: deployment.roleARN, notificationARNs: deployment.notificationARNs,
            description: "littlestack apply")
        console.note("creating \(type) change set '\(name)' on stack '\(stackName)'")
        let created = try await backend.createChangeSet(request)
        await onStep?(.changeSetCreated(id: created.changeSetID))
        var result = ApplyResult(stackName: stackName, stackID: created.stackID, changeSetName: name,
                                 changeSetID: created.changeSetID, changeSetType: type, result: .planned, status: nil,
                                 changes: [], events: [], failures: [], outputs: [])

        let changeSet = try await waitForChangeSet(id: created.changeSetID, name: name)
        guard let changeSet else {
            try? await backend.deleteChangeSet(id: created.changeSetID)
            result.result = .noChanges
            result.status = existing?.status
            if options.json { console.out(Self.json(result)) } else { console.out("no changes\n") }
            return result
        }
        result.changes = changeSet.changes
        await onStep?(.changeSetReady(id: created.changeSetID))
        if !options.json {
            console.out("Change set '\(name)' (\(type)) for stack '\(stackName)':\n")
            console.out(ChangeSetTable(rows: changeSet.changes).render(color: console.color))
        }

        if options.dryRun {
            result.result = .planned
            if options.json {
                console.out(Self.json(result))
            } else {
                console.out("dry run: change set '\(name)' left for review; nothing was executed\n")
            }
            return result
        }
        if !options.assumeYes, !console.confirm("Execute change set?") {
            try await backend.deleteChangeSet(id: created.changeSetID)
            result.result = .declined
            if options.json { console.out(Self.json(result)) } else { console.out("change set '\(name)' deleted; nothing was executed\n") }
            return result
        }

        // Execute and follow.
        let after = try await newestEventID(created.stackID)
        console.note("executing change set '\(name)'")
        try await backend.executeChangeSet(id: created.changeSetID)
        await onStep?(.executed(id: created.changeSetID))
        var limit = options.followLimit
        if type == "CREATE", let minutes = deployment.timeoutInMinutes, minutes > 0 {
            limit = min(limit, .seconds(minutes * 60 + 60))
        }
        let followed = try await follow(
            stack: created.stackID, stackName: stackName, after: after,
            knownLogicalIDs: changeSet.changes.map(\.logicalResourceID),
            knownTypes: changeSet.changes.map(\.resourceType), json: options.json, limit: limit)
        result.events = followed.events
        result.failures = followed.outcome.failures
        result.status = followed.outcome.status
        switch followed.outcome.kind {
        case .complete, .inProgress: result.result = .complete
        case .rollback: result.result = .rollback
        case .failed: result.result = .failed
        }

        if result.result == .complete, type == "CREATE", deployment.enableTerminationProtection {
            console.note("turning on termination protection")
            do {
                try await backend.setTerminationProtection(stack: created.stackID, enabled: true)
            } catch {
                console.err("warning: could not turn on termination protection for stack '\(stackName)': \(error)\n")
            }
        }
        if result.result == .complete {
            result.outputs = try await backend.describeStack(created.stackID)?.outputs ?? []
        }

        if options.json {
            console.out(Self.json(result))
        } else if result.result == .complete {
            console.out("stack '\(stackName)' \(followed.outcome.status)\n")
            if !result.outputs.isEmpty { console.out("Outputs:\n" + OutputsTable.render(result.outputs)) }
        }
        if result.result != .complete { printFailures(followed.outcome, stackName: stackName) }
        return result
    }

    /// CREATE for a missing stack or one in REVIEW_IN_PROGRESS, UPDATE for a settled one; an error otherwise.
    static func changeSetType(for stack: Deployed.Stack?, stackName: String) throws -> String {
        guard let stack else { return "CREATE" }
        switch stack.status {
        case "REVIEW_IN_PROGRESS":
            return "CREATE"
        case "ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "CREATE_FAILED", "DELETE_FAILED":
            throw ApplyError.notUpdatable(stackName, status: stack.status)
        default:
            if stack.status.hasSuffix("_IN_PROGRESS") { throw ApplyError.busy(stackName, status: stack.status) }
            return "UPDATE"
        }
    }

    /// Polls DescribeChangeSet until the change set is ready; nil when it holds no changes.
    func waitForChangeSet(id: String, name: String) async throws -> Deployed.ChangeSet? {
        var machine = ChangeSetWaiter.StateMachine()
        while true {
            let described = try await backend.describeChangeSet(id: id)
            switch machine.received(described.status) {
            case .ready:
                return described
            case .noChanges:
                return nil
            case .pollAgain(let delay):
                try await Self.sleep(delay)
            case .failed(let reason):
                try? await backend.deleteChangeSet(id: id)
                throw ApplyError.changeSetFailed(name, reason: reason)
            case .timedOut(let waited):
                throw ApplyError.changeSetTimedOut(name, seconds: Int(waited.components.seconds))
            }
        }
    }
}
