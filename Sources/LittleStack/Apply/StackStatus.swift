/// How a CloudFormation stack or resource status reads: still moving, or finished well, by rolling back, or badly.
public enum StackStatusKind: String, Sendable, Equatable, Codable {
    /// Not finished (`*_IN_PROGRESS`, `REVIEW_IN_PROGRESS`).
    case inProgress
    /// Finished as asked: `*_COMPLETE` without `ROLLBACK`.
    case complete
    /// Finished by undoing the change: `*ROLLBACK_COMPLETE`.
    case rollback
    /// Finished badly: `*_FAILED`.
    case failed

    /// Classifies a status string such as `UPDATE_ROLLBACK_COMPLETE`.
    /// - Parameter status: a stack or resource status.
    public init(status: String) {
        if status.hasSuffix("_FAILED") {
            self = .failed
        } else if status.hasSuffix("_COMPLETE") {
            self = status.contains("ROLLBACK") ? .rollback : .complete
        } else {
            self = .inProgress
        }
    }

    /// Whether a stack in this state has stopped moving.
    public var isTerminal: Bool { self != .inProgress }
}
