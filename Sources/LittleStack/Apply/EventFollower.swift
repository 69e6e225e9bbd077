import Foundation

/// Follows a stack's events from a starting point until the stack reaches a terminal status.
///
/// The pure part is ``EventFollower/StateMachine``: pages of events go in, "print these / fetch the next page /
/// poll again / done" comes out. The runner (``StackOperations``) does the HTTP and the sleeping.
public enum EventFollower {
    /// One stack event, as DescribeStackEvents lists it.
    public struct Event: Sendable, Equatable, Codable {
        /// The event's unique ID.
        public var eventID: String
        /// The stack's name.
        public var stackName: String
        /// The resource's logical ID (the stack's name for stack-level events).
        public var logicalResourceID: String
        /// The resource's physical ID, when it has one.
        public var physicalResourceID: String?
        /// The resource type, `AWS::CloudFormation::Stack` for stack-level events.
        public var resourceType: String
        /// When it happened.
        public var timestamp: Date
        /// The status reached, e.g. `UPDATE_IN_PROGRESS`.
        public var resourceStatus: String
        /// Why, when CloudFormation says (failure reasons live here).
        public var resourceStatusReason: String?

        /// Makes an event.
        public init(eventID: String, stackName: String, logicalResourceID: String, physicalResourceID: String? = nil,
                    resourceType: String, timestamp: Date, resourceStatus: String,
                    resourceStatusReason: String? = nil) {
            self.eventID = eventID
            self.stackName = stackName
            self.logicalResourceID = logicalResourceID
            self.physicalResourceID = physicalResourceID
            self.resourceType = resourceType
            self.timestamp = timestamp
            self.resourceStatus = resourceStatus
            self.resourceStatusReason = resourceStatusReason
        }

        enum CodingKeys: String, CodingKey {
            case eventID = "eventId", stackName, logicalResourceID = "logicalResourceId",
                 physicalResourceID = "physicalResourceId", resourceType, timestamp, resourceStatus,
                 resourceStatusReason
        }

        /// Whether the event is about the stack itself rather than one of its resources.
        public var isStackLevel: Bool {
            resourceType == "AWS::CloudFormation::Stack" && logicalResourceID == stackName
        }

        /// Whether the event records a failure (`*_FAILED` with or without a reason).
        public var isFailure: Bool { resourceStatus.hasSuffix("_FAILED") }
    }

    /// How following ended.
    public struct Outcome: Sendable, Equatable {
        /// complete, rollback or failed.
        public var kind: StackStatusKind
        /// The stack's final status, e.g. `UPDATE_ROLLBACK_COMPLETE`.
        public var status: String
        /// The failure events seen while following, oldest first (their reasons are what went wrong).
        public var failures: [Event]

        /// Makes an outcome.
        public init(kind: StackStatusKind, status: String, failures: [Event]) {
            self.kind = kind
            self.status = status
            self.failures = failures
        }
    }
}
