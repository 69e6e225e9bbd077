import Foundation

/// The shapes CloudFormation's replies and requests use; names follow the API's, with `ID` for `Id`.
public enum CloudFormation {
    /// A stack parameter: a value, or `usePreviousValue` to keep the stack's current one.
    public struct Parameter: Sendable, Equatable {
        /// `ParameterKey`.
        public var key: String
        /// `ParameterValue` (`nil` with `usePreviousValue`). NoEcho values come back as `****` from AWS (and in clear
        /// from moto): callers mask them.
        public var value: String?
        /// `UsePreviousValue`.
        public var usePreviousValue: Bool
        /// `ResolvedValue` (SSM parameter types).
        public var resolvedValue: String?

        /// Creates a parameter.
        public init(key: String, value: String? = nil, usePreviousValue: Bool = false, resolvedValue: String? = nil) {
            self.key = key
            self.value = value
            self.usePreviousValue = usePreviousValue
            self.resolvedValue = resolvedValue
        }
    }

    /// A stack or resource tag: the one tag type of the stack config, the deployed state and the API.
    public struct Tag: Sendable, Equatable, Codable {
        /// `Key`.
        public var key: String
        /// `Value`.
        public var value: String

        /// Creates a tag.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// A stack output: the one output type of the API and the deployed state.
    public struct Output: Sendable, Equatable, Codable {
        /// `OutputKey`.
        public var key: String
        /// `OutputValue`.
        public var value: String
        /// `Description`.
        public var description: String?
        /// `ExportName`.
        public var exportName: String?

        /// Creates an output.
        public init(key: String, value: String, description: String? = nil, exportName: String? = nil) {
            self.key = key
            self.value = value
            self.description = description
            self.exportName = exportName
        }
    }

    /// A stack, as DescribeStacks returns it.
    public struct Stack: Sendable, Equatable {
        /// `StackId` (the stack's ARN).
        public var stackID: String
        /// `StackName`.
        public var stackName: String
        /// `StackStatus` (`CREATE_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`…).
        public var status: String
        /// `StackStatusReason`.
        public var statusReason: String?
        /// `Description`.
        public var description: String?
        /// `CreationTime`.
        public var creationTime: Date?
        /// `LastUpdatedTime`.
        public var lastUpdatedTime: Date?
        /// `Parameters`.
        public var parameters: [Parameter]
        /// `Outputs`.
        public var outputs: [Output]
        /// `Tags`.
        public var tags: [Tag]
        /// `Capabilities`.
        public var capabilities: [String]
        /// `EnableTerminationProtection`.
        public var terminationProtection: Bool
        /// `RoleARN`.
        public var roleARN: String?
        /// `ChangeSetId` of the last executed change set.
        public var changeSetID: String?
    }

    /// A stack in a ListStacks reply.
    public struct StackSummary: Sendable, Equatable {
        /// `StackId`.
        public var stackID: String
        /// `StackName`.
        public var stackName: String
        /// `StackStatus`.
        public var status: String
        /// `StackStatusReason`.
        public var statusReason: String?
        /// `TemplateDescription`.
        public var templateDescription: String?
        /// `CreationTime`.
        public var creationTime: Date?
        /// `LastUpdatedTime`.
        public var lastUpdatedTime: Date?
        /// `DeletionTime`.
        public var deletionTime: Date?
    }

    /// CREATE (the stack does not exist yet) or UPDATE; IMPORT is not used.
    public enum ChangeSetType: String, Sendable, Equatable {
        /// A change set that creates the stack.
        case create = "CREATE"
        /// A change set that updates an existing stack.
        case update = "UPDATE"
    }

    /// The input of CreateChangeSet.
    public struct CreateChangeSetRequest: Sendable, Equatable {
        /// `StackName`.
        public var stackName: String
        /// `ChangeSetName`.
        public var changeSetName: String
        /// `ChangeSetType`.
        public var changeSetType: ChangeSetType
        /// `TemplateURL` (an S3 URL); set this or ``templateBody`` or ``usePreviousTemplate``.
        public var templateURL: String?
        /// `TemplateBody`.
        public var templateBody: String?
        /// `UsePreviousTemplate`.
        public var usePreviousTemplate: Bool
        /// `Parameters`.
        public var parameters: [Parameter]
        /// `Capabilities` (`CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM`, `CAPABILITY_AUTO_EXPAND`).
        public var capabilities: [String]
        /// `Tags`.
        public var tags: [Tag]
        /// `RoleARN`.
        public var roleARN: String?
        /// `NotificationARNs`.
        public var notificationARNs: [String]
        /// `ClientToken`: makes the call safe to retry.
        public var clientToken: String?
        /// `Description`.
        public var description: String?

        /// Creates a request.
        public init(
            stackName: String, changeSetName: String, changeSetType: ChangeSetType, templateURL: String? = nil,
            templateBody: String? = nil, usePreviousTemplate: Bool = false, parameters: [Parameter] = [],
            capabilities: [String] = [], tags: [Tag] = [], roleARN: String? = nil, notificationARNs: [String] = [],
            clientToken: String? = nil, description: String? = nil
        ) {
            self.stackName = stackName
            self.changeSetName = changeSetName
            self.changeSetType = changeSetType
            self.templateURL = templateURL
            self.templateBody = templateBody
            self.usePreviousTemplate = usePreviousTemplate
            self.parameters = parameters
            self.capabilities = capabilities
            self.tags = tags
            self.roleARN = roleARN
            self.notificationARNs = notificationARNs
            self.clientToken = clientToken
            self.description = description
        }
    }

    /// The reply of CreateChangeSet.
    public struct CreateChangeSetResult: Sendable, Equatable {
        /// `Id`: the change set's ARN, the way to look it up.
        public var changeSetID: String
        /// `StackId`.
        public var stackID: String
    }

    /// One property a change touches (`Details` of a resource change).
    public struct ResourceChangeDetail: Sendable, Equatable {
        /// `Target.Attribute` (`Properties`, `Metadata`, `Tags`…).
        public var attribute: String?
        /// `Target.Name` (the property's name).
        public var name: String?
        /// `Target.RequiresRecreation` (`Never`, `Conditionally`, `Always`).
        public var requiresRecreation: String?
        /// `Evaluation` (`Static`, `Dynamic`).
        public var evaluation: String?
        /// `ChangeSource` (`DirectModification`, `ResourceReference`…).
        public var changeSource: String?
        /// `CausingEntity`.
        public var causingEntity: String?
    }

    /// One resource a change set changes.
    public struct ResourceChange: Sendable, Equatable {
        /// `Action` (`Add`, `Modify`, `Remove`, `Import`, `Dynamic`).
        public var action: String
        /// `LogicalResourceId`.
        public var logicalResourceID: String
        /// `PhysicalResourceId`.
        public var physicalResourceID: String?
        /// `ResourceType`.
        public var resourceType: String
        /// `Replacement` (`True`, `False`, `Conditional`).
        public var replacement: String?
        /// `Scope`.
        public var scope: [String]
        /// `Details`.
        public var details: [ResourceChangeDetail]
    }

    /// A change set, as DescribeChangeSet returns it (every page of changes gathered).
    public struct ChangeSet: Sendable, Equatable {
        /// `ChangeSetId`.
        public var changeSetID: String
        /// `ChangeSetName`.
        public var changeSetName: String
        /// `StackId`.
        public var stackID: String?
        /// `StackName`.
        public var stackName: String?
        /// `Status` (`CREATE_PENDING`, `CREATE_IN_PROGRESS`, `CREATE_COMPLETE`, `FAILED`, `DELETE_*`).
        public var status: String
        /// `ExecutionStatus` (`UNAVAILABLE`, `AVAILABLE`, `EXECUTE_IN_PROGRESS`, `EXECUTE_COMPLETE`,
        /// `EXECUTE_FAILED`, `OBSOLETE`).
        public var executionStatus: String?
        /// `StatusReason`.
        public var statusReason: String?
        /// `CreationTime`.
        public var creationTime: Date?
        /// `Parameters`.
        public var parameters: [Parameter]
        /// `Capabilities`.
        public var capabilities: [String]
        /// `Changes`.
        public var changes: [ResourceChange]
    }

    /// One stack event.
    public struct StackEvent: Sendable, Equatable {
        /// `EventId`.
        public var eventID: String
        /// `StackId`.
        public var stackID: String
        /// `StackName`.
        public var stackName: String
        /// `LogicalResourceId`.
        public var logicalResourceID: String?
        /// `PhysicalResourceId`.
        public var physicalResourceID: String?
        /// `ResourceType`.
        public var resourceType: String?
        /// `Timestamp`.
        public var timestamp: Date?
        /// `ResourceStatus`.
        public var resourceStatus: String?
        /// `ResourceStatusReason`.
        public var resourceStatusReason: String?
        /// `ClientRequestToken`.
        public var clientRequestToken: String?
    }

    /// One page of DescribeStackEvents: events newest first.
    public struct StackEventsPage: Sendable, Equatable {
        /// The events, newest first.
        public var events: [StackEvent]
        /// `NextToken` for the next (older) page, if any.
        public var nextToken: String?
    }

    /// One stack resource.
    public struct StackResource: Sendable, Equatable {
        /// `LogicalResourceId`.
        public var logicalResourceID: String
        /// `PhysicalResourceId`.
        public var physicalResourceID: String?
        /// `ResourceType`.
        public var resourceType: String
        /// `ResourceStatus`.
        public var resourceStatus: String
        /// `ResourceStatusReason`.
        public var resourceStatusReason: String?
        /// `Timestamp`.
        public var timestamp: Date?
    }

    /// Which template GetTemplate returns.
    public enum TemplateStage: String, Sendable {
        /// The template as submitted.
        case original = "Original"
        /// The template after transforms.
        case processed = "Processed"
    }
}
