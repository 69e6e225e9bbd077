/// What an apply did, printed as JSON with `--output json` and returned to callers (the releases feature).
public struct ApplyResult: Sendable, Equatable, Codable {
    /// How an apply ended.
    public enum Result: String, Sendable, Equatable, Codable {
        /// The stack reached `CREATE_COMPLETE` or `UPDATE_COMPLETE`.
        case complete
        /// The stack rolled back.
        case rollback
        /// The stack ended in a `*_FAILED` status.
        case failed
        /// CloudFormation found nothing to change.
        case noChanges = "no-changes"
        /// Dry run: the change set was left for review.
        case planned
        /// The prompt was answered no; the change set was deleted.
        case declined
    }

    /// The stack's name.
    public var stackName: String
    /// The stack's ARN (once known).
    public var stackID: String?
    /// The change set's name.
    public var changeSetName: String
    /// The change set's ARN.
    public var changeSetID: String?
    /// `CREATE` or `UPDATE`.
    public var changeSetType: String
    /// How it ended.
    public var result: Result
    /// The stack's final status, when it was executed.
    public var status: String?
    /// The change set's changes.
    public var changes: [ChangeSetTable.Row]
    /// The events of the execution, oldest first.
    public var events: [EventFollower.Event]
    /// The failure events (their reasons say what went wrong).
    public var failures: [EventFollower.Event]
    /// The stack's outputs after the change.
    public var outputs: [Deployed.Output]

    /// The process exit status this result calls for: 0 for complete, no changes and planned; 1 otherwise.
    public var exitCode: Int32 {
        switch result {
        case .complete, .noChanges, .planned: return 0
        case .rollback, .failed, .declined: return 1
        }
    }

    enum CodingKeys: String, CodingKey {
        case stackName, stackID = "stackId", changeSetName, changeSetID = "changeSetId", changeSetType, result, status,
             changes, events, failures, outputs
    }
}
