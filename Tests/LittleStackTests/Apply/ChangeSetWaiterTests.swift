import Testing
@testable import LittleStack

@Suite struct ChangeSetWaiterTests {
    typealias Status = ChangeSetWaiter.Status

    @Test func pendingThenReady() {
        var machine = ChangeSetWaiter.StateMachine()
        #expect(machine.received(Status(status: "CREATE_PENDING", executionStatus: "UNAVAILABLE")) == .pollAgain(after: .milliseconds(500)))
        #expect(machine.received(Status(status: "CREATE_IN_PROGRESS", executionStatus: "UNAVAILABLE")) == .pollAgain(after: .seconds(1)))
        #expect(machine.received(Status(status: "CREATE_IN_PROGRESS")) == .pollAgain(after: .seconds(2)))
        #expect(machine.received(Status(status: "CREATE_COMPLETE", executionStatus: "AVAILABLE")) == .ready)
    }

    @Test(arguments: [
        // what AWS and moto say with a TemplateURL
        "The submitted information didn't contain changes. Submit different information to create a change set.",
        // what moto says with a TemplateBody
        "No updates are to be performed.",
    ])
    func noChanges(reason: String) {
        var machine = ChangeSetWaiter.StateMachine()
        #expect(machine.received(Status(status: "FAILED", executionStatus: "UNAVAILABLE", statusReason: reason)) == .noChanges)
    }

    @Test func otherFailure() {
        var machine = ChangeSetWaiter.StateMachine()
        #expect(machine.received(Status(status: "FAILED", statusReason: "Template format error: Unresolved resource dependencies [X]"))
            == .failed(reason: "Template format error: Unresolved resource dependencies [X]"))
        #expect(machine.received(Status(status: "FAILED")) == .failed(reason: "change set failed without a reason"))
        #expect(machine.received(Status(status: "DELETE_COMPLETE")) == .failed(reason: "change set status is DELETE_COMPLETE"))
        #expect(machine.received(Status(status: "CREATE_COMPLETE", executionStatus: "OBSOLETE"))
            == .failed(reason: "change set execution status is OBSOLETE"))
    }

    @Test func timesOut() {
        var machine = ChangeSetWaiter.StateMachine(backoff: .changeSet, limit: .seconds(3))
        let pending = Status(status: "CREATE_PENDING")
        #expect(machine.received(pending) == .pollAgain(after: .milliseconds(500)))
        #expect(machine.received(pending) == .pollAgain(after: .seconds(1)))
        #expect(machine.received(pending) == .pollAgain(after: .seconds(2)))
        #expect(machine.received(pending) == .timedOut(waited: .milliseconds(3500)))
    }
}
