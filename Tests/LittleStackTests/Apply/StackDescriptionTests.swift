import Testing
@testable import LittleStack

@Suite struct StackDescriptionTests {
    @Test func text() {
        let description = StackDescription(
            stackName: "api", stackID: "arn:aws:cloudformation:us-east-1:123456789012:stack/api/1", status: "UPDATE_ROLLBACK_COMPLETE",
            statusReason: "The following resource(s) failed to update: [Fn].",
            parameters: NoEchoParameters.masked([.init(key: "Password", value: "hunter2-hunter2"), .init(key: "Domain", value: "api.example.com")],
                                                noEcho: ["Password"]),
            tags: [.init(key: "org", value: "applications")],
            outputs: [.init(key: "Url", value: "https://api.example.com")],
            resources: [.init(logicalResourceID: "Fn", physicalResourceID: "api-fn", resourceType: "AWS::Lambda::Function", status: "UPDATE_COMPLETE"),
                        .init(logicalResourceID: "Queue", physicalResourceID: nil, resourceType: "AWS::SQS::Queue", status: "CREATE_IN_PROGRESS")])
        #expect(description.text == """
            Stack:   api
            Status:  UPDATE_ROLLBACK_COMPLETE
            Reason:  The following resource(s) failed to update: [Fn].
            ID:      arn:aws:cloudformation:us-east-1:123456789012:stack/api/1
            Parameters:
              Key       Value
              Password  ****
              Domain    api.example.com
            Tags:
              Key  Value
              org  applications
            Outputs:
              Key  Value
              Url  https://api.example.com
            Resources:
              Logical ID  Type                   Status              Physical ID
              Fn          AWS::Lambda::Function  UPDATE_COMPLETE     api-fn
              Queue       AWS::SQS::Queue        CREATE_IN_PROGRESS  -

            """)
    }

    @Test(arguments: [
        (ApplyError.stackNotFound("api"), "stack 'api' does not exist"),
        (.notUpdatable("api", status: "ROLLBACK_COMPLETE"),
         "stack 'api' is in ROLLBACK_COMPLETE and cannot be updated; delete it with 'littlestack delete api' and apply again"),
        (.busy("api", status: "UPDATE_IN_PROGRESS"), "stack 'api' is busy (UPDATE_IN_PROGRESS); wait for it to finish and apply again"),
        (.needsConfirmation("delete stack 'api'"),
         "refusing to delete stack 'api' without confirmation: standard input is not a terminal; pass --yes to go ahead"),
        (.changeSetFailed("little-me-box", reason: "Template format error: Unresolved resource dependencies [X] in the Resources block of the template"),
         "change set 'little-me-box' failed: Template format error: Unresolved resource dependencies [X] in the Resources block of the template"),
        (.changeSetTimedOut("c", seconds: 600), "change set 'c' was still pending after 600 seconds"),
        (.invalidConfig("stacks/api/config.json"), "'stacks/api/config.json' has errors; nothing was applied"),
        (.followLimit("api", status: "UPDATE_IN_PROGRESS", minutes: 180),
         "stack 'api' still UPDATE_IN_PROGRESS after 180 minutes; stopped following (the operation goes on)"),
        (.unreadableTemplate("api"), "the deployed template of stack 'api' cannot be read as JSON or YAML"),
    ])
    func errorMessages(error: ApplyError, message: String) {
        #expect("\(error)" == message)
    }

    @Test(arguments: [
        (nil, "CREATE"), ("REVIEW_IN_PROGRESS", "CREATE"), ("CREATE_COMPLETE", "UPDATE"), ("UPDATE_ROLLBACK_COMPLETE", "UPDATE"),
        ("IMPORT_COMPLETE", "UPDATE"),
    ] as [(String?, String)])
    func changeSetType(status: String?, expected: String) throws {
        let stack = status.map { Deployed.Stack(stackID: "id", stackName: "api", status: $0) }
        #expect(try StackOperations.changeSetType(for: stack, stackName: "api") == expected)
    }

    @Test func changeSetTypeRefusals() {
        #expect(throws: ApplyError.notUpdatable("api", status: "ROLLBACK_COMPLETE")) {
            try StackOperations.changeSetType(for: Deployed.Stack(stackID: "id", stackName: "api", status: "ROLLBACK_COMPLETE"), stackName: "api")
        }
        #expect(throws: ApplyError.busy("api", status: "UPDATE_IN_PROGRESS")) {
            try StackOperations.changeSetType(for: Deployed.Stack(stackID: "id", stackName: "api", status: "UPDATE_IN_PROGRESS"), stackName: "api")
        }
    }
}
