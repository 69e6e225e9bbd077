extension EventFollower {
    /// The pure core of event following: no I/O, no clock.
    ///
    /// Feed it what DescribeStackEvents (newest first, paginated) and DescribeStacks answered; it says what to
    /// print (new events only, oldest first, each once) and what to do next. An event counts as new when it is
    /// listed before the first already-seen event (the starting point is the stack's newest event before the
    /// operation), so clock skew between this machine and AWS cannot hide or repeat events.
    public struct StateMachine: Sendable {
        /// What the runner should do next.
        public enum Next: Sendable, Equatable {
            /// Call DescribeStackEvents (with this NextToken, nil for the newest page), then ``received(page:nextToken:)``.
            case fetchEvents(nextToken: String?)
            /// Call DescribeStacks, then ``received(stackStatus:)`` (asked when a poll brought no terminal event).
            case checkStatus
            /// Sleep, then fetch events from the newest page again.
            case pollAgain(after: Duration)
            /// The stack reached a terminal status; stop.
            case done(Outcome)
        }

        /// One step's result: events to print now (oldest first), then what to do.
        public struct Step: Sendable, Equatable {
            /// New events, oldest first.
            public var print: [Event]
            /// What to do next.
            public var next: Next
        }

        private let stackName: String
        private let backoff: Backoff
        private var seen: Set<String>
        private var pending: [Event] = []
        private var failures: [Event] = []
        private var delay: Duration
        private var sawNewEvent = false
        private var finalSweepStatus: String?
        private var idleStatusChecks = 0

        /// Starts following.
        /// - Parameters:
        ///   - stackName: the stack's name (stack-level events carry it as their logical ID).
        ///   - lastSeenEventID: the newest event before the operation started; nil when the stack had none.
        ///   - backoff: the poll delay policy; defaults to ``Backoff/events``.
        public init(stackName: String, lastSeenEventID: String?, backoff: Backoff = .events) {
            self.stackName = stackName
            self.backoff = backoff
            self.seen = lastSeenEventID.map { [$0] } ?? []
            self.delay = backoff.initial
        }

        /// The first thing to do: fetch the newest page of events.
        public var start: Next { .fetchEvents(nextToken: nil) }

        /// Takes one page of DescribeStackEvents.
        /// - Parameters:
        ///   - page: the events, newest first, as listed.
        ///   - nextToken: the page's NextToken (nil on the last page).
        /// - Returns: the events to print and what to do next.
        public mutating func received(page: [Event], nextToken: String?) -> Step {
            var reachedSeen = false
            for event in page {
                if seen.contains(event.eventID) { reachedSeen = true; break }
                pending.append(event)
            }
            if !reachedSeen, let nextToken { return Step(print: [], next: .fetchEvents(nextToken: nextToken)) }

            let fresh = Array(pending.reversed())
            pending.removeAll()
            for event in fresh { seen.insert(event.eventID) }
            failures += fresh.filter(\.isFailure)
            if !fresh.isEmpty { sawNewEvent = true }

            if let terminal = fresh.last(where: { $0.logicalResourceID == stackName && $0.resourceType == "AWS::CloudFormation::Stack"
                && StackStatusKind(status: $0.resourceStatus).isTerminal }) {
                return Step(print: fresh, next: .done(outcome(status: terminal.resourceStatus)))
            }
            if let status = finalSweepStatus {
                return Step(print: fresh, next: .done(outcome(status: status)))
            }
            if !fresh.isEmpty { delay = backoff.initial }
            return Step(print: fresh, next: .checkStatus)
        }

        /// Takes the stack's status from DescribeStacks (after a poll without a terminal stack event).
        ///
        /// A terminal status ends following after one last sweep for events; it is only believed once an event of
        /// this operation was seen (right after ExecuteChangeSet the stack can still show the previous terminal
        /// status), or after five checks saw nothing new at all.
        /// - Parameter stackStatus: the status, or nil when the stack no longer exists (reads as `DELETE_COMPLETE`).
        public mutating func received(stackStatus: String?) -> Step {
            let status = stackStatus ?? "DELETE_COMPLETE"
            if let swept = finalSweepStatus {
                // Asked again after the last sweep (the stack's events are gone with it): stop here.
                return Step(print: [], next: .done(outcome(status: swept)))
            }
            if StackStatusKind(status: status).isTerminal {
                idleStatusChecks += 1
                if sawNewEvent || stackStatus == nil || idleStatusChecks >= 5 {
                    finalSweepStatus = status
                    return Step(print: [], next: .fetchEvents(nextToken: nil))
                }
            }
            let wait = delay
            delay = backoff.next(after: delay)
            return Step(print: [], next: .pollAgain(after: wait))
        }

        private func outcome(status: String) -> Outcome {
            Outcome(kind: StackStatusKind(status: status), status: status, failures: failures)
        }
    }
}
