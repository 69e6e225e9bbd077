/// What `littlestack delete` did.
public struct DeleteResult: Sendable, Equatable, Codable {
    /// How it ended.
    public enum Result: String, Sendable, Equatable, Codable {
        /// The stack is gone (`DELETE_COMPLETE`).
        case complete
        /// Deletion failed (`DELETE_FAILED`).
        case failed
        /// The prompt was answered no.
        case declined
    }

    /// The stack's name.
    public var stackName: String
    /// Its ARN.
    public var stackID: String
    /// How it ended.
    public var result: Result
    /// The final status.
    public var status: String?
    /// The deletion's events, oldest first.
    public var events: [EventFollower.Event]
    /// The failure events.
    public var failures: [EventFollower.Event]

    enum CodingKeys: String, CodingKey {
        case stackName, stackID = "stackId", result, status, events, failures
    }

    /// 0 when deleted, 1 otherwise.
    public var exitCode: Int32 { result == .complete ? 0 : 1 }
}
