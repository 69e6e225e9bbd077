import Foundation
import Testing
@testable import LittleStack

/// Builds an event of stack `api` at second `t` after a fixed instant.
func event(_ id: String, _ logical: String, _ type: String, _ status: String, _ reason: String? = nil,
           t: Int = 0, stack: String = "api") -> EventFollower.Event {
    EventFollower.Event(eventID: id, stackName: stack, logicalResourceID: logical, resourceType: type,
                        timestamp: Date(timeIntervalSince1970: 1_795_000_000 + Double(t)), resourceStatus: status,
                        resourceStatusReason: reason)
}

let stackType = "AWS::CloudFormation::Stack"
let functionType = "AWS::Lambda::Function"
let versionType = "AWS::Lambda::Version"

@Suite struct EventFollowerStateMachineTests {
    typealias Machine = EventFollower.StateMachine

    /// An update on AWS: a poll in the middle, an idle poll, then the rest spread over two pages.
    @Test func updateAcrossPollsAndPages() {
        let e0 = event("e0", "api", stackType, "UPDATE_COMPLETE", t: 0)
        let e1 = event("e1", "api", stackType, "UPDATE_IN_PROGRESS", "User Initiated", t: 10)
        let e2 = event("e2", "Function", functionType, "UPDATE_IN_PROGRESS", t: 11)
        let e3 = event("e3", "lambda1", versionType, "CREATE_COMPLETE", t: 12)
        let e4 = event("e4", "Function", functionType, "UPDATE_COMPLETE", t: 13)
        let e5 = event("e5", "api", stackType, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", t: 14)
        let e6 = event("e6", "api", stackType, "UPDATE_COMPLETE", t: 15)

        var machine = Machine(stackName: "api", lastSeenEventID: "e0")
        #expect(machine.start == .fetchEvents(nextToken: nil))
        var step = machine.received(page: [e2, e1, e0], nextToken: "t1")
        #expect(step == .init(print: [e1, e2], next: .checkStatus))
        #expect(machine.received(stackStatus: "UPDATE_IN_PROGRESS") == .init(print: [], next: .pollAgain(after: .seconds(1))))
        // an idle poll: nothing new, the delay grows
        step = machine.received(page: [e2, e1, e0], nextToken: "t1")
        #expect(step == .init(print: [], next: .checkStatus))
        #expect(machine.received(stackStatus: "UPDATE_IN_PROGRESS") == .init(print: [], next: .pollAgain(after: .milliseconds(1500))))
        // the rest: the seen events are on the second page
        step = machine.received(page: [e6, e5, e4], nextToken: "t2")
        #expect(step == .init(print: [], next: .fetchEvents(nextToken: "t2")))
        step = machine.received(page: [e3, e2, e1], nextToken: "t3")
        #expect(step == .init(print: [e3, e4, e5, e6],
                              next: .done(.init(kind: .complete, status: "UPDATE_COMPLETE", failures: []))))
    }

    /// A failed update that rolls back: the failure's reason is kept for printing first.
    @Test func updateRollback() {
        let old = event("old", "api", stackType, "UPDATE_COMPLETE", t: 0)
        let sequence = [
            event("a", "api", stackType, "UPDATE_IN_PROGRESS", "User Initiated", t: 1),
            event("b", "Function", functionType, "UPDATE_IN_PROGRESS", t: 2),
            event("c", "Function", functionType, "UPDATE_FAILED", "Resource handler returned message: \"Memory size 99 is invalid\"", t: 3),
            event("d", "api", stackType, "UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [Function].", t: 4),
            event("e", "Function", functionType, "UPDATE_COMPLETE", t: 5),
            event("f", "api", stackType, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", t: 6),
            event("g", "api", stackType, "UPDATE_ROLLBACK_COMPLETE", t: 7),
        ]
        var machine = Machine(stackName: "api", lastSeenEventID: "old")
        var step = machine.received(page: Array(sequence[0...2].reversed()) + [old], nextToken: nil)
        #expect(step == .init(print: Array(sequence[0...2]), next: .checkStatus))
        #expect(machine.received(stackStatus: "UPDATE_ROLLBACK_IN_PROGRESS").next == .pollAgain(after: .seconds(1)))
        step = machine.received(page: sequence.reversed() + [old], nextToken: nil)
        #expect(step == .init(print: Array(sequence[3...]),
                              next: .done(.init(kind: .rollback, status: "UPDATE_ROLLBACK_COMPLETE", failures: [sequence[2]]))))
    }

    /// A create from a CREATE change set: the REVIEW_IN_PROGRESS event is the starting point.
    @Test func createRollsBack() {
        let review = event("r", "api", stackType, "REVIEW_IN_PROGRESS", "User Initiated", t: 0)
        let sequence = [
            event("1", "api", stackType, "CREATE_IN_PROGRESS", "User Initiated", t: 1),
            event("2", "Bucket", "AWS::S3::Bucket", "CREATE_IN_PROGRESS", t: 2),
            event("3", "Bucket", "AWS::S3::Bucket", "CREATE_FAILED", "bucket name taken", t: 3),
            event("4", "api", stackType, "ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [Bucket].", t: 4),
            event("5", "Bucket", "AWS::S3::Bucket", "DELETE_COMPLETE", t: 5),
            event("6", "api", stackType, "ROLLBACK_COMPLETE", t: 6),
        ]
        var machine = Machine(stackName: "api", lastSeenEventID: "r")
        let step = machine.received(page: sequence.reversed() + [review], nextToken: nil)
        #expect(step == .init(print: sequence,
                              next: .done(.init(kind: .rollback, status: "ROLLBACK_COMPLETE", failures: [sequence[2]]))))
    }

    /// The local emulator: everything is there on the first poll; a stack nothing was seen of starts from scratch.
    @Test func firstPollHoldsEverything() {
        let sequence = [
            event("1", "api", stackType, "CREATE_IN_PROGRESS", t: 1),
            event("2", "Topic", "AWS::SNS::Topic", "CREATE_COMPLETE", t: 1),
            event("3", "api", stackType, "CREATE_COMPLETE", t: 1),
        ]
        var machine = Machine(stackName: "api", lastSeenEventID: nil)
        #expect(machine.received(page: sequence.reversed(), nextToken: nil)
            == .init(print: sequence, next: .done(.init(kind: .complete, status: "CREATE_COMPLETE", failures: []))))
    }

    /// A nested stack's or another stack's terminal event does not end following: only this stack's does.
    @Test func onlyThisStackEnds() {
        var machine = Machine(stackName: "api", lastSeenEventID: "0")
        let nested = event("1", "Nested", stackType, "UPDATE_COMPLETE", t: 1)
        #expect(machine.received(page: [nested, event("0", "api", stackType, "UPDATE_COMPLETE")], nextToken: nil)
            == .init(print: [nested], next: .checkStatus))
    }

    /// No stack-level events at all: the stack's status ends it, after one last sweep for events.
    @Test func statusEndsFollowingAfterNewEvents() {
        var machine = Machine(stackName: "api", lastSeenEventID: "0")
        let e1 = event("1", "Topic", "AWS::SNS::Topic", "UPDATE_COMPLETE", t: 1)
        let e2 = event("2", "Queue", "AWS::SQS::Queue", "UPDATE_COMPLETE", t: 2)
        #expect(machine.received(page: [e1], nextToken: nil) == .init(print: [e1], next: .checkStatus))
        #expect(machine.received(stackStatus: "UPDATE_COMPLETE") == .init(print: [], next: .fetchEvents(nextToken: nil)))
        #expect(machine.received(page: [e2, e1], nextToken: nil)
            == .init(print: [e2], next: .done(.init(kind: .complete, status: "UPDATE_COMPLETE", failures: []))))
    }

    /// Right after execute the stack may still show its previous terminal status: believed only after five checks.
    @Test func staleTerminalStatusNeedsFiveChecks() {
        var machine = Machine(stackName: "api", lastSeenEventID: "0", backoff: Backoff(initial: .seconds(1), factor: 2, maximum: .seconds(3)))
        var delays: [Duration] = []
        for _ in 0..<4 {
            #expect(machine.received(page: [], nextToken: nil) == .init(print: [], next: .checkStatus))
            guard case .pollAgain(let d) = machine.received(stackStatus: "UPDATE_COMPLETE").next else {
                Issue.record("expected a poll")
                return
            }
            delays.append(d)
        }
        #expect(delays == [.seconds(1), .seconds(2), .seconds(3), .seconds(3)])
        #expect(machine.received(page: [], nextToken: nil).next == .checkStatus)
        #expect(machine.received(stackStatus: "UPDATE_COMPLETE").next == .fetchEvents(nextToken: nil))
        #expect(machine.received(page: [], nextToken: nil).next
            == .done(.init(kind: .complete, status: "UPDATE_COMPLETE", failures: [])))
    }

    /// A deleted stack vanishes: a missing stack reads as DELETE_COMPLETE, and asking twice stops.
    @Test func stackGoneMeansDeleted() {
        var machine = Machine(stackName: "api", lastSeenEventID: "0")
        #expect(machine.received(stackStatus: nil).next == .fetchEvents(nextToken: nil))
        #expect(machine.received(stackStatus: nil).next
            == .done(.init(kind: .complete, status: "DELETE_COMPLETE", failures: [])))
    }

    @Test func backoffGrowsToTheCap() {
        var delays: [Duration] = [Backoff.events.initial]
        for _ in 0..<7 { delays.append(Backoff.events.next(after: delays.last!)) }
        #expect(delays == [.seconds(1), .milliseconds(1500), .milliseconds(2250), .milliseconds(3375),
                           .milliseconds(5063), .milliseconds(7595), .seconds(10), .seconds(10)])
    }

    @Test(arguments: [
        ("CREATE_COMPLETE", StackStatusKind.complete), ("UPDATE_COMPLETE", .complete), ("DELETE_COMPLETE", .complete),
        ("UPDATE_ROLLBACK_COMPLETE", .rollback), ("ROLLBACK_COMPLETE", .rollback),
        ("CREATE_FAILED", .failed), ("UPDATE_ROLLBACK_FAILED", .failed), ("DELETE_FAILED", .failed),
        ("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", .inProgress), ("REVIEW_IN_PROGRESS", .inProgress),
    ])
    func statusKinds(status: String, kind: StackStatusKind) {
        #expect(StackStatusKind(status: status) == kind)
    }
}
