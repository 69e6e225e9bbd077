import Foundation

/// The CloudFormation, S3 and STS calls apply and its sibling commands make, answered in ``Deployed`` shapes.
///
/// A thin layer over littlestack's AWS client: it maps wire types to the ones printed, turns "does not exist"
/// into nil or ``ApplyError/stackNotFound(_:)``, and replaces a leftover change set of the same name (a `plan`
/// left for review) when a new one is created.
public struct StackBackend: Sendable {
    /// The signed HTTP client.
    public let client: AWSClient
    private var cloudFormation: CloudFormationClient { CloudFormationClient(client: client) }
    private var s3: S3Client { S3Client(client: client) }

    /// Makes a backend over a client.
    /// - Parameter client: the AWS client (credentials, region, endpoints).
    public init(client: AWSClient) { self.client = client }

    /// The region calls go to.
    public var region: String { client.region }

    /// The S3 endpoint override (the local emulator), or nil for AWS: decides the template URL's form.
    public var endpoint: URL? { client.endpoints.configuredEndpoint(for: .s3) }

    /// STS GetCallerIdentity's account ID.
    public func accountID() async throws -> String {
        try await STSClient(client: client).getCallerIdentity().account
    }

    /// S3 HeadBucket: true when the bucket exists and is reachable, false on 404.
    public func bucketExists(_ bucket: String) async throws -> Bool { try await s3.headBucket(bucket) }

    /// S3 CreateBucket in ``region`` (a bucket created meanwhile by this account counts as created).
    public func createBucket(_ bucket: String) async throws {
        do {
            try await s3.createBucket(bucket)
        } catch let error as AWSServiceError where error.code == "BucketAlreadyOwnedByYou" {
            return
        }
    }

    /// S3 PutObject.
    public func putObject(bucket: String, key: String, body: Data, contentType: String) async throws {
        try await s3.putObject(bucket: bucket, key: key, body: body, contentType: contentType)
    }

    /// DescribeStacks for one stack; nil when it does not exist.
    public func describeStack(_ nameOrID: String) async throws -> Deployed.Stack? {
        guard let stack = try await cloudFormation.describeStack(nameOrID) else { return nil }
        return Deployed.Stack(
            stackID: stack.stackID, stackName: stack.stackName, status: stack.status, statusReason: stack.statusReason,
            parameters: stack.parameters.map { StackParameter(key: $0.key, value: $0.value ?? "") },
            tags: stack.tags,
            outputs: stack.outputs,
            description: stack.description, terminationProtection: stack.terminationProtection)
    }

    /// CreateChangeSet; a change set of the same name left on the stack (by `plan`) is deleted and the call repeated.
    /// - Returns: the change set's ARN and the stack's ARN.
    public func createChangeSet(_ request: Deployed.ChangeSetRequest) async throws -> (changeSetID: String, stackID: String) {
        let wire = CloudFormation.CreateChangeSetRequest(
            stackName: request.stackName, changeSetName: request.changeSetName,
            changeSetType: request.changeSetType == "CREATE" ? .create : .update, templateURL: request.templateURL,
            parameters: request.parameters.map {
                CloudFormation.Parameter(key: $0.key, value: $0.usePreviousValue ? nil : $0.value,
                                         usePreviousValue: $0.usePreviousValue)
            },
            capabilities: request.capabilities,
            tags: request.tags, roleARN: request.roleARN,
            notificationARNs: request.notificationARNs, clientToken: request.clientToken,
            description: request.description)
        do {
            let result = try await cloudFormation.createChangeSet(wire)
            return (result.changeSetID, result.stackID)
        } catch let error as AWSServiceError where error.code == "AlreadyExistsException" {
            try await cloudFormation.deleteChangeSet(request.changeSetName, stackName: request.stackName)
            let result = try await cloudFormation.createChangeSet(wire)
            return (result.changeSetID, result.stackID)
        }
    }

    /// DescribeChangeSet by ARN, all pages.
    public func describeChangeSet(id: String) async throws -> Deployed.ChangeSet {
        let changeSet = try await cloudFormation.describeChangeSet(id)
        return Deployed.ChangeSet(
            status: ChangeSetWaiter.Status(status: changeSet.status, executionStatus: changeSet.executionStatus,
                                           statusReason: changeSet.statusReason),
            changes: changeSet.changes.map {
                ChangeSetTable.Row(action: $0.action, logicalResourceID: $0.logicalResourceID,
                                   resourceType: $0.resourceType, replacement: $0.replacement)
            })
    }

    /// ExecuteChangeSet by ARN.
    public func executeChangeSet(id: String) async throws { try await cloudFormation.executeChangeSet(id) }

    /// DeleteChangeSet by ARN.
    public func deleteChangeSet(id: String) async throws { try await cloudFormation.deleteChangeSet(id) }

    /// One page of DescribeStackEvents, newest first.
    /// - Throws: ``ApplyError/stackNotFound(_:)`` when the stack does not exist (any more).
    public func stackEvents(stack: String, nextToken: String?) async throws
        -> (events: [EventFollower.Event], nextToken: String?) {
        do {
            let page = try await cloudFormation.describeStackEvents(stackName: stack, nextToken: nextToken)
            let events = page.events.map { e in
                EventFollower.Event(
                    eventID: e.eventID, stackName: e.stackName, logicalResourceID: e.logicalResourceID ?? e.stackName,
                    physicalResourceID: e.physicalResourceID,
                    resourceType: e.resourceType ?? "AWS::CloudFormation::Stack",
                    timestamp: e.timestamp ?? Date(timeIntervalSince1970: 0), resourceStatus: e.resourceStatus ?? "",
                    resourceStatusReason: e.resourceStatusReason)
            }
            return (events, page.nextToken)
        } catch let error as AWSServiceError where CloudFormationClient.isMissingStack(error) {
            throw ApplyError.stackNotFound(stack)
        }
    }

    /// GetTemplate's original body.
    public func templateBody(stack: String) async throws -> String {
        try await cloudFormation.getTemplate(stackName: stack)
    }

    /// DeleteStack.
    public func deleteStack(_ stack: String) async throws { try await cloudFormation.deleteStack(stackName: stack) }

    /// ListStacks without deleted stacks, all pages.
    public func listStacks() async throws -> [Deployed.StackSummary] {
        try await cloudFormation.listStacks().filter { $0.status != "DELETE_COMPLETE" }.map {
            Deployed.StackSummary(stackName: $0.stackName, status: $0.status,
                                  lastChanged: $0.lastUpdatedTime ?? $0.creationTime)
        }
    }

    /// DescribeStackResources.
    public func stackResources(_ stack: String) async throws -> [Deployed.Resource] {
        try await cloudFormation.describeStackResources(stackName: stack).map {
            Deployed.Resource(logicalResourceID: $0.logicalResourceID, physicalResourceID: $0.physicalResourceID,
                              resourceType: $0.resourceType, status: $0.resourceStatus)
        }
    }

    /// UpdateTerminationProtection.
    public func setTerminationProtection(stack: String, enabled: Bool) async throws {
        try await cloudFormation.updateTerminationProtection(stackName: stack, enabled: enabled)
    }
}
