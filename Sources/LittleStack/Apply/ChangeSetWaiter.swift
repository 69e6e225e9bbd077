/// Waits for a change set to be ready: the pure state machine behind the DescribeChangeSet polling.
public enum ChangeSetWaiter {
    /// What DescribeChangeSet said about the change set.
    public struct Status: Sendable, Equatable {
        /// `CREATE_PENDING`, `CREATE_IN_PROGRESS`, `CREATE_COMPLETE`, `DELETE_*` or `FAILED`.
        public var status: String
        /// `AVAILABLE`, `UNAVAILABLE`, `EXECUTE_*`, `OBSOLETE`…, when listed.
        public var executionStatus: String?
        /// Why it failed, when it did.
        public var statusReason: String?

        /// Makes a status.
        public init(status: String, executionStatus: String? = nil, statusReason: String? = nil) {
            self.status = status
            self.executionStatus = executionStatus
            self.statusReason = statusReason
        }
    }

    /// The pure core: statuses in, "poll again / ready / no changes / failed" out.
    public struct StateMachine: Sendable {
        /// What to do after a DescribeChangeSet.
        public enum Next: Sendable, Equatable {
            /// Sleep, then describe again.
            case pollAgain(after: Duration)
            /// The change set can be executed.
            case ready
            /// CloudFormation found nothing to change (the change set ended `FAILED` saying so).
            case noChanges
            /// The change set failed for another reason, given as CloudFormation wrote it.
            case failed(reason: String)
            /// It stayed pending longer than the time allowed.
            case timedOut(waited: Duration)
        }

        private let backoff: Backoff
        private let limit: Duration
        private var delay: Duration
        private var waited: Duration = .zero

        /// Starts waiting.
        /// - Parameters:
        ///   - backoff: the poll delay policy; defaults to ``Backoff/changeSet``.
        ///   - limit: how long to wait in all; defaults to 10 minutes.
        public init(backoff: Backoff = .changeSet, limit: Duration = .seconds(600)) {
            self.backoff = backoff
            self.limit = limit
            self.delay = backoff.initial
        }

        /// The phrases CloudFormation (and moto) use for a change set without changes.
        public static let noChangePhrases = ["didn't contain changes", "No updates are to be performed"]

        /// Whether a failure reason means "nothing to change".
        public static func isNoChanges(_ reason: String) -> Bool {
            noChangePhrases.contains { reason.contains($0) }
        }

        /// Takes one DescribeChangeSet answer.
        /// - Parameter status: the change set's status.
        /// - Returns: what to do next.
        public mutating func received(_ status: Status) -> Next {
            switch status.status {
            case "CREATE_COMPLETE":
                if let execution = status.executionStatus, execution != "AVAILABLE" {
                    if execution == "UNAVAILABLE" { return schedule() }
                    return .failed(reason: "change set execution status is \(execution)")
                }
                return .ready
            case "FAILED":
                let reason = status.statusReason ?? "change set failed without a reason"
                return Self.isNoChanges(reason) ? .noChanges : .failed(reason: reason)
            case "CREATE_PENDING", "CREATE_IN_PROGRESS":
                return schedule()
            default:
                return .failed(reason: "change set status is \(status.status)"
                    + (status.statusReason.map { ": \($0)" } ?? ""))
            }
        }

        private mutating func schedule() -> Next {
            if waited >= limit { return .timedOut(waited: waited) }
            let wait = delay
            waited += wait
            delay = backoff.next(after: delay)
            return .pollAgain(after: wait)
        }
    }
}
