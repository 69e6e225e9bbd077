import Foundation

/// What apply and its sibling commands read from and send to CloudFormation, in the shapes they print.
///
/// Kept apart from the AWS client's wire types so the printing and the state machines are tested on fixed values.
public enum Deployed {
    /// A stack as DescribeStacks shows it.
    public struct Stack: Sendable, Equatable {
        /// The stack's ARN.
        public var stackID: String
        /// The stack's name.
        public var stackName: String
        /// Its status, e.g. `UPDATE_COMPLETE`.
        public var status: String
        /// Why it is in that status, when CloudFormation says.
        public var statusReason: String?
        /// Its parameters, in clear (mask before printing).
        public var parameters: [StackParameter]
        /// Its tags.
        public var tags: [Tag]
        /// Its outputs.
        public var outputs: [Output]
        /// Its description, if any.
        public var description: String?
        /// Whether termination protection is on (nil when not listed).
        public var terminationProtection: Bool?

        /// Makes a stack.
        public init(stackID: String, stackName: String, status: String, statusReason: String? = nil,
                    parameters: [StackParameter] = [], tags: [Tag] = [], outputs: [Output] = [],
                    description: String? = nil, terminationProtection: Bool? = nil) {
            self.stackID = stackID
            self.stackName = stackName
            self.status = status
            self.statusReason = statusReason
            self.parameters = parameters
            self.tags = tags
            self.outputs = outputs
            self.description = description
            self.terminationProtection = terminationProtection
        }
    }

    /// A stack tag.
    public typealias Tag = CloudFormation.Tag

    /// A stack output.
    public typealias Output = CloudFormation.Output

    /// A stack's resource as DescribeStackResources lists it.
    public struct Resource: Sendable, Equatable, Codable {
        /// The logical ID.
        public var logicalResourceID: String
        /// The physical ID, when created.
        public var physicalResourceID: String?
        /// The resource type.
        public var resourceType: String
        /// Its status.
        public var status: String
        /// Makes a resource.
        public init(logicalResourceID: String, physicalResourceID: String?, resourceType: String, status: String) {
            self.logicalResourceID = logicalResourceID
            self.physicalResourceID = physicalResourceID
            self.resourceType = resourceType
            self.status = status
        }

        enum CodingKeys: String, CodingKey {
            case logicalResourceID = "logicalResourceId", physicalResourceID = "physicalResourceId", resourceType, status
        }
    }

    /// A line of ListStacks.
    public struct StackSummary: Sendable, Equatable, Codable {
        /// The stack's name.
        public var stackName: String
        /// Its status.
        public var status: String
        /// When it was last created or updated.
        public var lastChanged: Date?
        /// Makes a summary.
        public init(stackName: String, status: String, lastChanged: Date?) {
            self.stackName = stackName
            self.status = status
            self.lastChanged = lastChanged
        }
    }

    /// What CreateChangeSet is sent.
    public struct ChangeSetRequest: Sendable, Equatable {
        /// The stack's name.
        public var stackName: String
        /// The change set's name (already sanitized).
        public var changeSetName: String
        /// `CREATE` or `UPDATE`.
        public var changeSetType: String
        /// Where CloudFormation reads the template.
        public var templateURL: String
        /// Parameters in clear.
        public var parameters: [StackParameter]
        /// Tags.
        public var tags: [Tag]
        /// Capabilities such as `CAPABILITY_NAMED_IAM`.
        public var capabilities: [String]
        /// The service role, if any.
        public var roleARN: String?
        /// SNS topics for stack events.
        public var notificationARNs: [String]
        /// An idempotency token for the call.
        public var clientToken: String?
        /// A description shown in the console.
        public var description: String?

        /// Makes a request.
        public init(stackName: String, changeSetName: String, changeSetType: String, templateURL: String,
                    parameters: [StackParameter] = [], tags: [Tag] = [], capabilities: [String] = [],
                    roleARN: String? = nil, notificationARNs: [String] = [], clientToken: String? = nil,
                    description: String? = nil) {
            self.stackName = stackName
            self.changeSetName = changeSetName
            self.changeSetType = changeSetType
            self.templateURL = templateURL
            self.parameters = parameters
            self.tags = tags
            self.capabilities = capabilities
            self.roleARN = roleARN
            self.notificationARNs = notificationARNs
            self.clientToken = clientToken
            self.description = description
        }
    }

    /// A change set as DescribeChangeSet shows it (all pages of changes together).
    public struct ChangeSet: Sendable, Equatable {
        /// Its status.
        public var status: ChangeSetWaiter.Status
        /// Its changes.
        public var changes: [ChangeSetTable.Row]
        /// Makes a change set.
        public init(status: ChangeSetWaiter.Status, changes: [ChangeSetTable.Row]) {
            self.status = status
            self.changes = changes
        }
    }
}
