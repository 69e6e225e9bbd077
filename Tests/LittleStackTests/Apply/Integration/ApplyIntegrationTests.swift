import Foundation
import Testing
@testable import LittleStack

/// apply, events, outputs, describe and delete against the local emulator.
@Suite(.enabled(if: Emulator.isAvailable, "AWS_ENDPOINT_URL does not point at a local emulator"))
struct ApplyIntegrationTests {
    @Test func createUpdateNoChangeAndDelete() async throws {
        let name = Emulator.uniqueStackName("apply-cycle")
        let (ops, output) = Emulator.operations()

        // create: the change table, the events, the outputs
        let created = try await ops.apply(TestStack.deployment(name, template: TestStack.template()), options: .init(assumeYes: true))
        #expect(created.result == .complete)
        #expect(created.changeSetType == "CREATE")
        #expect(created.status == "CREATE_COMPLETE")
        #expect(created.changeSetName == "little-tester-ci-host-local")
        #expect(created.outputs.first { $0.key == "Greeting" }?.value == "hello")
        let topicArn = "arn:aws:sns:us-east-1:123456789012:\(name)-topic"
        #expect(created.outputs.first { $0.key == "TopicArn" }?.value == topicArn)
        #expect(created.events.map(\.resourceStatus).last == "CREATE_COMPLETE")
        #expect(!created.events.contains { $0.resourceStatus == "REVIEW_IN_PROGRESS" })
        var expected = """
            Change set 'little-tester-ci-host-local' (CREATE) for stack '\(name)':
            Action  Logical ID  Type             Replacement
            Add     Topic       AWS::SNS::Topic  -

            """
        expected += created.events.map { EventLine.plain($0) + "\n" }.joined()
        expected += """
            stack '\(name)' CREATE_COMPLETE
            Outputs:
              TopicArn  \(topicArn)
              Greeting  hello

            """
        #expect(output.stdout == expected)
        #expect(output.stderr == "")

        // update through a change set: a queue is added; only the update's events are printed, in order, once
        let (ops2, output2) = Emulator.operations()
        let updated = try await ops2.apply(TestStack.deployment(name, template: TestStack.template(queue: true), greeting: "hi"),
                                           options: .init(assumeYes: true))
        #expect(updated.result == .complete)
        #expect(updated.changeSetType == "UPDATE")
        #expect(updated.status == "UPDATE_COMPLETE")
        #expect(updated.changes.contains(.init(action: "Add", logicalResourceID: "Queue", resourceType: "AWS::SQS::Queue")))
        #expect(updated.events.first?.resourceStatus == "UPDATE_IN_PROGRESS")
        #expect(updated.events.last?.resourceStatus == "UPDATE_COMPLETE")
        #expect(Set(updated.events.map(\.eventID)).count == updated.events.count)
        #expect(Set(updated.events.map(\.eventID)).isDisjoint(with: created.events.map(\.eventID)))
        #expect(zip(updated.events, updated.events.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
        #expect(updated.events.contains { $0.logicalResourceID == "Queue" && $0.resourceStatus == "CREATE_COMPLETE" })
        #expect(updated.outputs.first { $0.key == "Greeting" }?.value == "hi")
        #expect(output2.stdout.contains(updated.events.map { EventLine.plain($0) + "\n" }.joined()))

        // the same again: no changes, exit 0, the empty change set deleted
        let (ops3, output3) = Emulator.operations()
        let same = try await ops3.apply(TestStack.deployment(name, template: TestStack.template(queue: true), greeting: "hi"),
                                        options: .init(assumeYes: true))
        #expect(same.result == .noChanges)
        #expect(same.exitCode == 0)
        #expect(output3.stdout == "no changes\n")
        await #expect(throws: (any Error).self) { try await ops3.backend.describeChangeSet(id: same.changeSetID ?? "") }

        // outputs and describe
        let (ops4, output4) = Emulator.operations()
        try await ops4.outputs(stack: name)
        #expect(output4.stdout == "  TopicArn  \(topicArn)\n  Greeting  hi\n")
        let (ops5, output5) = Emulator.operations()
        try await ops5.outputs(stack: name, json: true)
        #expect(output5.stdout == "{\n  \"Greeting\": \"hi\",\n  \"TopicArn\": \"\(topicArn)\"\n}\n")
        let (ops6, output6) = Emulator.operations()
        let described = try await ops6.describe(stack: name)
        #expect(described.parameters == [.init(key: "Secret", value: "****"), .init(key: "Greeting", value: "hi")])
        #expect(!output6.stdout.contains("pa55-w0rd-xyzzy"))
        #expect(output6.stdout.hasPrefix("Stack:   \(name)\nStatus:  UPDATE_COMPLETE\n"))

        // delete follows to DELETE_COMPLETE
        let (ops7, output7) = Emulator.operations()
        let deleted = try await ops7.delete(stack: name, assumeYes: true)
        #expect(deleted.result == .complete)
        #expect(deleted.status == "DELETE_COMPLETE")
        #expect(output7.stdout.hasSuffix("stack '\(name)' DELETE_COMPLETE\n"))
        #expect(try await ops7.backend.describeStack(name) == nil)
        await #expect(throws: ApplyError.stackNotFound(name)) { try await ops7.delete(stack: name, assumeYes: true) }
    }

    @Test func failingUpdateRollsBackAndPrintsTheReason() async throws {
        let name = Emulator.uniqueStackName("apply-rollback")
        let (ops, _) = Emulator.operations()
        _ = try await ops.apply(TestStack.deployment(name, template: TestStack.template()), options: .init(assumeYes: true))
        let taken = StackBucket.defaultName(account: "123456789012", region: "us-east-1")
        let (ops2, output2) = Emulator.operations()
        let failed = try await ops2.apply(TestStack.deployment(name, template: TestStack.template(failingBucket: taken)),
                                          options: .init(assumeYes: true))
        #expect(failed.result == .rollback)
        #expect(failed.exitCode == 1)
        #expect(failed.status == "UPDATE_ROLLBACK_COMPLETE")
        let failure = try #require(failed.failures.first)
        #expect(failure.logicalResourceID == "Taken")
        let reason = try #require(failure.resourceStatusReason)
        #expect(output2.stderr == """
            error: 'Taken' (AWS::S3::Bucket) CREATE_FAILED: \(reason)
            error: stack '\(name)' ended UPDATE_ROLLBACK_COMPLETE

            """)
        #expect(!output2.stdout.contains("Outputs:"))
        _ = try await ops2.delete(stack: name, assumeYes: true)
    }

    @Test func dryRunLeavesTheChangeSetAndApplyReplacesIt() async throws {
        let name = Emulator.uniqueStackName("apply-plan")
        let (ops, output) = Emulator.operations()
        let planned = try await ops.apply(TestStack.deployment(name, template: TestStack.template()),
                                          options: .init(dryRun: true, changeSetName: "review_me"))
        #expect(planned.result == .planned)
        #expect(planned.changeSetName == "review-me")
        #expect(output.stdout.hasSuffix("dry run: change set 'review-me' left for review; nothing was executed\n"))
        let left = try await ops.backend.describeChangeSet(id: try #require(planned.changeSetID))
        #expect(left.status.status == "CREATE_COMPLETE")
        #expect(try await ops.backend.describeStack(name)?.status == "REVIEW_IN_PROGRESS")

        // a stack in REVIEW_IN_PROGRESS is created; the change set of the same name is replaced
        let (ops2, _) = Emulator.operations()
        let applied = try await ops2.apply(TestStack.deployment(name, template: TestStack.template()),
                                           options: .init(assumeYes: true, changeSetName: "review_me"))
        #expect(applied.result == .complete)
        #expect(applied.changeSetType == "CREATE")
        #expect(applied.status == "CREATE_COMPLETE")
        _ = try await ops2.delete(stack: name, assumeYes: true)
    }

    @Test func declinedPromptDeletesTheChangeSet() async throws {
        let name = Emulator.uniqueStackName("apply-decline")
        let (ops, output) = Emulator.operations(answers: ["n"], canPrompt: true)
        let declined = try await ops.apply(TestStack.deployment(name, template: TestStack.template()), options: .init())
        #expect(declined.result == .declined)
        #expect(declined.exitCode == 1)
        #expect(output.stderr == "Execute change set? [y/N] ")
        #expect(output.stdout.hasSuffix("change set 'little-tester-ci-host-local' deleted; nothing was executed\n"))
        await #expect(throws: (any Error).self) { try await ops.backend.describeChangeSet(id: declined.changeSetID ?? "") }
    }

    @Test func refusesWithoutATerminalOrYes() async throws {
        let name = Emulator.uniqueStackName("apply-refuse")
        let (ops, output) = Emulator.operations()
        await #expect(throws: ApplyError.needsConfirmation("execute a change set on stack '\(name)'")) {
            try await ops.apply(TestStack.deployment(name, template: TestStack.template()), options: .init())
        }
        #expect("\(ApplyError.needsConfirmation("execute a change set on stack 'x'"))"
            == "refusing to execute a change set on stack 'x' without confirmation: standard input is not a terminal; pass --yes to go ahead")
        #expect(output.stdout == "")
        #expect(try await ops.backend.describeStack(name) == nil)
    }

    @Test func eventsListOldestFirstWithoutRepeats() async throws {
        let name = Emulator.uniqueStackName("apply-events")
        let (ops, _) = Emulator.operations()
        let created = try await ops.apply(TestStack.deployment(name, template: TestStack.template()), options: .init(assumeYes: true))
        let (ops2, output2) = Emulator.operations()
        let listed = try await ops2.events(stack: name)
        #expect(Set(listed.events.map(\.eventID)).count == listed.events.count)
        #expect(zip(listed.events, listed.events.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
        #expect(Array(listed.events.suffix(created.events.count)) == created.events)
        #expect(output2.stdout == listed.events.map { EventLine.plain($0) + "\n" }.joined())
        let (ops3, _) = Emulator.operations()
        #expect(try await ops3.events(stack: name, limit: 2).events == Array(listed.events.suffix(2)))
        _ = try await ops3.delete(stack: name, assumeYes: true)
    }

    @Test func terminationProtectionIsTurnedOnAfterCreate() async throws {
        let name = Emulator.uniqueStackName("apply-protect")
        var deployment = TestStack.deployment(name, template: TestStack.template())
        deployment.enableTerminationProtection = true
        deployment.timeoutInMinutes = 5
        let (ops, _) = Emulator.operations()
        let created = try await ops.apply(deployment, options: .init(assumeYes: true))
        #expect(created.result == .complete)
        #expect(try await ops.backend.describeStack(name)?.terminationProtection == true)
        await #expect(throws: AWSServiceError.self) { try await ops.delete(stack: name, assumeYes: true) }
        // an update leaves it alone (create-only keys are not sent again)
        let updated = try await ops.apply(TestStack.deployment(name, template: TestStack.template(queue: true)), options: .init(assumeYes: true))
        #expect(updated.result == .complete)
        #expect(try await ops.backend.describeStack(name)?.terminationProtection == true)
        try await ops.backend.setTerminationProtection(stack: name, enabled: false)
        #expect(try await ops.delete(stack: name, assumeYes: true).result == .complete)
    }

    @Test func aTerminalGetsTheLiveTableAndColours() async throws {
        let name = Emulator.uniqueStackName("apply-tty")
        var (ops, output) = Emulator.operations(answers: ["y"], canPrompt: true)
        let (console, captured) = ApplyConsole.capturing(answers: ["yes"], isTerminal: true, canPrompt: true)
        ops.console = console
        output = captured
        let created = try await ops.apply(TestStack.deployment(name, template: TestStack.template()), options: .init())
        #expect(created.result == .complete)
        #expect(output.stderr == "Execute change set? [y/N] ")
        var table = LiveEventTable(knownLogicalIDs: ["Topic", name], knownTypes: ["AWS::SNS::Topic"], color: true)
        #expect(output.stdout.contains(table.update(with: created.events)))
        #expect(output.stdout.contains("\u{1B}[32mCREATE_COMPLETE\u{1B}[0m"))
        _ = try await ops.delete(stack: name, assumeYes: true)
    }
}
