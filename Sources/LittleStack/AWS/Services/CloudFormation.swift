import Foundation

/// AWS CloudFormation's API (Query protocol, version 2010-05-15): stacks, change sets, events, templates.
public struct CloudFormationClient: Sendable {
    /// The client requests go through.
    public let client: AWSClient
    /// The API version sent.
    public static let version = "2010-05-15"

    /// Creates a CloudFormation client.
    /// - Parameter client: the signed HTTP client.
    public init(client: AWSClient) { self.client = client }

    private func call(_ action: String, _ parameters: QueryParameters = QueryParameters(), readOnly: Bool = false)
        async throws -> XMLTree
    {
        try await client.query(
            .cloudFormation, action: action, version: Self.version, parameters: parameters.items,
            isIdempotent: readOnly)
    }

    // MARK: - Stacks

    /// DescribeStacks: one stack by name or ID, or every stack (all pages) when `stackName` is `nil`.
    /// - Parameter stackName: a stack name or ID, or `nil` for all.
    /// - Returns: the stacks.
    /// - Throws: ``AWSServiceError`` (`ValidationError` "Stack with id X does not exist" for an unknown name).
    public func describeStacks(stackName: String? = nil) async throws -> [CloudFormation.Stack] {
        var stacks: [CloudFormation.Stack] = []
        var token: String?
        repeat {
            var p = QueryParameters()
            p.add("StackName", stackName)
            p.add("NextToken", token)
            let result = try await call("DescribeStacks", p, readOnly: true)
            stacks += result.members("Stacks").map(Self.stack)
            token = result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return stacks
    }

    /// One stack, or `nil` when it does not exist.
    /// - Parameter stackName: the stack's name or ID.
    /// - Returns: the stack, or `nil` for the "does not exist" `ValidationError`.
    /// - Throws: any other error.
    public func describeStack(_ stackName: String) async throws -> CloudFormation.Stack? {
        do {
            return try await describeStacks(stackName: stackName).first
        } catch let error as AWSServiceError where Self.isMissingStack(error) {
            return nil
        }
    }

    /// Whether an error is CloudFormation's "Stack with id X does not exist".
    public static func isMissingStack(_ error: AWSServiceError) -> Bool {
        error.code == "ValidationError" && error.message.hasSuffix("does not exist")
    }

    /// ListStacks, every page.
    /// - Parameter statusFilter: `StackStatusFilter` values; empty for all (deleted stacks included, as the API does).
    /// - Returns: the stack summaries.
    public func listStacks(statusFilter: [String] = []) async throws -> [CloudFormation.StackSummary] {
        var summaries: [CloudFormation.StackSummary] = []
        var token: String?
        repeat {
            var p = QueryParameters()
            p.addList("StackStatusFilter", statusFilter)
            p.add("NextToken", token)
            let result = try await call("ListStacks", p, readOnly: true)
            summaries += result.members("StackSummaries").map { m in
                CloudFormation.StackSummary(
                    stackID: m.string("StackId") ?? "", stackName: m.string("StackName") ?? "",
                    status: m.string("StackStatus") ?? "", statusReason: m.string("StackStatusReason"),
                    templateDescription: m.string("TemplateDescription"),
                    creationTime: AWSDate.parse(m.string("CreationTime")),
                    lastUpdatedTime: AWSDate.parse(m.string("LastUpdatedTime")),
                    deletionTime: AWSDate.parse(m.string("DeletionTime")))
            }
            token = result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return summaries
    }

    /// DescribeStackResources.
    /// - Parameter stackName: the stack's name or ID.
    /// - Returns: its resources.
    public func describeStackResources(stackName: String) async throws -> [CloudFormation.StackResource] {
        var p = QueryParameters()
        p.add("StackName", stackName)
        let result = try await call("DescribeStackResources", p, readOnly: true)
        return result.members("StackResources").map { m in
            CloudFormation.StackResource(
                logicalResourceID: m.string("LogicalResourceId") ?? "", physicalResourceID: m.string("PhysicalResourceId"),
                resourceType: m.string("ResourceType") ?? "", resourceStatus: m.string("ResourceStatus") ?? "",
                resourceStatusReason: m.string("ResourceStatusReason"), timestamp: AWSDate.parse(m.string("Timestamp")))
        }
    }

    /// DescribeStackEvents, one page (newest first).
    /// - Parameters:
    ///   - stackName: the stack's name or ID.
    ///   - nextToken: the token of the page to read, `nil` for the newest.
    /// - Returns: the page.
    public func describeStackEvents(stackName: String, nextToken: String? = nil) async throws
        -> CloudFormation.StackEventsPage
    {
        var p = QueryParameters()
        p.add("StackName", stackName)
        p.add("NextToken", nextToken)
        let result = try await call("DescribeStackEvents", p, readOnly: true)
        let events = result.members("StackEvents").map { m in
            CloudFormation.StackEvent(
                eventID: m.string("EventId") ?? "", stackID: m.string("StackId") ?? "",
                stackName: m.string("StackName") ?? "", logicalResourceID: m.string("LogicalResourceId"),
                physicalResourceID: m.string("PhysicalResourceId"), resourceType: m.string("ResourceType"),
                timestamp: AWSDate.parse(m.string("Timestamp")), resourceStatus: m.string("ResourceStatus"),
                resourceStatusReason: m.string("ResourceStatusReason"),
                clientRequestToken: m.string("ClientRequestToken"))
        }
        return CloudFormation.StackEventsPage(
            events: events, nextToken: result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The newest events of a stack, reading pages until `limit` are gathered or none remain.
    /// - Parameters:
    ///   - stackName: the stack's name or ID.
    ///   - limit: how many events at most; defaults to 100 (what little stack showed).
    /// - Returns: the events, newest first.
    public func stackEvents(stackName: String, limit: Int = 100) async throws -> [CloudFormation.StackEvent] {
        var events: [CloudFormation.StackEvent] = []
        var token: String?
        repeat {
            let page = try await describeStackEvents(stackName: stackName, nextToken: token)
            events += page.events
            token = page.nextToken
        } while token != nil && events.count < limit
        return Array(events.prefix(limit))
    }

    /// GetTemplate: a stack's (or a change set's) template text.
    /// - Parameters:
    ///   - stackName: the stack's name or ID.
    ///   - changeSetName: a change set's name or ARN, to read its template instead.
    ///   - stage: original or processed; defaults to original.
    /// - Returns: the template body.
    public func getTemplate(
        stackName: String, changeSetName: String? = nil, stage: CloudFormation.TemplateStage = .original
    ) async throws -> String {
        var p = QueryParameters()
        p.add("StackName", stackName)
        p.add("ChangeSetName", changeSetName)
        p.add("TemplateStage", stage.rawValue)
        return try await call("GetTemplate", p, readOnly: true).string("TemplateBody") ?? ""
    }

    /// DeleteStack.
    /// - Parameters:
    ///   - stackName: the stack's name or ID.
    ///   - roleARN: `RoleARN`, if any.
    ///   - clientRequestToken: `ClientRequestToken`, if any (makes the call safe to retry).
    public func deleteStack(stackName: String, roleARN: String? = nil, clientRequestToken: String? = nil) async throws {
        var p = QueryParameters()
        p.add("StackName", stackName)
        p.add("RoleARN", roleARN)
        p.add("ClientRequestToken", clientRequestToken)
        _ = try await call("DeleteStack", p, readOnly: clientRequestToken != nil)
    }

    /// UpdateTerminationProtection.
    /// - Parameters:
    ///   - stackName: the stack's name or ID.
    ///   - enabled: whether deletion is blocked.
    /// - Returns: the stack's ID.
    @discardableResult
    public func updateTerminationProtection(stackName: String, enabled: Bool) async throws -> String {
        var p = QueryParameters()
        p.add("EnableTerminationProtection", enabled)
        p.add("StackName", stackName)
        return try await call("UpdateTerminationProtection", p, readOnly: true).string("StackId") ?? ""
    }

    // MARK: - Change sets

    /// CreateChangeSet.
    /// - Parameter request: the change set's inputs.
    /// - Returns: the change set's ARN and the stack's ID.
    public func createChangeSet(_ request: CloudFormation.CreateChangeSetRequest) async throws
        -> CloudFormation.CreateChangeSetResult
    {
        var p = QueryParameters()
        p.add("StackName", request.stackName)
        p.add("ChangeSetName", request.changeSetName)
        p.add("ChangeSetType", request.changeSetType.rawValue)
        p.add("TemplateURL", request.templateURL)
        p.add("TemplateBody", request.templateBody)
        if request.usePreviousTemplate { p.add("UsePreviousTemplate", true) }
        p.addStructures("Parameters", request.parameters) { parameter in
            [
                ("ParameterKey", parameter.key),
                ("ParameterValue", parameter.usePreviousValue ? nil : parameter.value),
                ("UsePreviousValue", parameter.usePreviousValue ? "true" : nil),
            ]
        }
        p.addList("Capabilities", request.capabilities)
        p.addStructures("Tags", request.tags) { [("Key", $0.key), ("Value", $0.value)] }
        p.add("RoleARN", request.roleARN)
        p.addList("NotificationARNs", request.notificationARNs)
        p.add("ClientToken", request.clientToken)
        p.add("Description", request.description)
        let result = try await call("CreateChangeSet", p, readOnly: request.clientToken != nil)
        return CloudFormation.CreateChangeSetResult(
            changeSetID: result.string("Id") ?? "", stackID: result.string("StackId") ?? "")
    }

    /// DescribeChangeSet, every page of changes gathered.
    /// - Parameters:
    ///   - changeSet: the change set's ARN (look change sets up by ARN: moto's by-name lookup is global).
    ///   - stackName: the stack, needed only when `changeSet` is a name.
    /// - Returns: the change set.
    public func describeChangeSet(_ changeSet: String, stackName: String? = nil) async throws
        -> CloudFormation.ChangeSet
    {
        var changeSetResult: CloudFormation.ChangeSet?
        var token: String?
        repeat {
            var p = QueryParameters()
            p.add("ChangeSetName", changeSet)
            p.add("StackName", stackName)
            p.add("NextToken", token)
            let r = try await call("DescribeChangeSet", p, readOnly: true)
            let changes = r.members("Changes").compactMap { $0.child("ResourceChange") }.map(Self.resourceChange)
            if changeSetResult == nil {
                changeSetResult = CloudFormation.ChangeSet(
                    changeSetID: r.string("ChangeSetId") ?? changeSet, changeSetName: r.string("ChangeSetName") ?? "",
                    stackID: r.string("StackId"), stackName: r.string("StackName"), status: r.string("Status") ?? "",
                    executionStatus: r.string("ExecutionStatus"), statusReason: r.string("StatusReason"),
                    creationTime: AWSDate.parse(r.string("CreationTime")),
                    parameters: r.members("Parameters").map(Self.parameter),
                    capabilities: r.members("Capabilities").map(\.text), changes: changes)
            } else {
                changeSetResult?.changes += changes
            }
            token = r.string("NextToken").flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return changeSetResult!
    }

    /// ExecuteChangeSet.
    /// - Parameters:
    ///   - changeSet: the change set's ARN.
    ///   - stackName: the stack, needed only when `changeSet` is a name.
    ///   - clientRequestToken: `ClientRequestToken`, if any; it appears on the events the execution causes.
    public func executeChangeSet(_ changeSet: String, stackName: String? = nil, clientRequestToken: String? = nil)
        async throws
    {
        var p = QueryParameters()
        p.add("ChangeSetName", changeSet)
        p.add("StackName", stackName)
        p.add("ClientRequestToken", clientRequestToken)
        _ = try await call("ExecuteChangeSet", p, readOnly: clientRequestToken != nil)
    }

    /// DeleteChangeSet.
    /// - Parameters:
    ///   - changeSet: the change set's ARN.
    ///   - stackName: the stack, needed only when `changeSet` is a name.
    public func deleteChangeSet(_ changeSet: String, stackName: String? = nil) async throws {
        var p = QueryParameters()
        p.add("ChangeSetName", changeSet)
        p.add("StackName", stackName)
        _ = try await call("DeleteChangeSet", p, readOnly: true)
    }

    // MARK: - Reading replies

    static func parameter(_ m: XMLTree) -> CloudFormation.Parameter {
        CloudFormation.Parameter(
            key: m.string("ParameterKey") ?? "", value: m.string("ParameterValue"),
            usePreviousValue: m.string("UsePreviousValue") == "true", resolvedValue: m.string("ResolvedValue"))
    }

    static func stack(_ m: XMLTree) -> CloudFormation.Stack {
        CloudFormation.Stack(
            stackID: m.string("StackId") ?? "", stackName: m.string("StackName") ?? "",
            status: m.string("StackStatus") ?? "", statusReason: m.string("StackStatusReason"),
            description: m.string("Description"), creationTime: AWSDate.parse(m.string("CreationTime")),
            lastUpdatedTime: AWSDate.parse(m.string("LastUpdatedTime")),
            parameters: m.members("Parameters").map(parameter),
            outputs: m.members("Outputs").map {
                CloudFormation.Output(
                    key: $0.string("OutputKey") ?? "", value: $0.string("OutputValue") ?? "",
                    description: $0.string("Description"), exportName: $0.string("ExportName"))
            },
            tags: m.members("Tags").map { CloudFormation.Tag(key: $0.string("Key") ?? "", value: $0.string("Value") ?? "") },
            capabilities: m.members("Capabilities").map(\.text),
            terminationProtection: m.string("EnableTerminationProtection") == "true", roleARN: m.string("RoleARN"),
            changeSetID: m.string("ChangeSetId"))
    }

    static func resourceChange(_ m: XMLTree) -> CloudFormation.ResourceChange {
        CloudFormation.ResourceChange(
            action: m.string("Action") ?? "", logicalResourceID: m.string("LogicalResourceId") ?? "",
            physicalResourceID: m.string("PhysicalResourceId"), resourceType: m.string("ResourceType") ?? "",
            replacement: m.string("Replacement"), scope: m.members("Scope").map(\.text),
            details: m.members("Details").map { d in
                CloudFormation.ResourceChangeDetail(
                    attribute: d.child("Target")?.string("Attribute"), name: d.child("Target")?.string("Name"),
                    requiresRecreation: d.child("Target")?.string("RequiresRecreation"),
                    evaluation: d.string("Evaluation"), changeSource: d.string("ChangeSource"),
                    causingEntity: d.string("CausingEntity"))
            })
    }
}
