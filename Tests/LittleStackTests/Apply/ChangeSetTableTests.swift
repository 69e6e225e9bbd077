import Testing
@testable import LittleStack

@Suite struct ChangeSetTableTests {
    let table = ChangeSetTable(rows: [
        .init(action: "Add", logicalResourceID: "lambda20201216r1", resourceType: "AWS::Lambda::Version"),
        .init(action: "Modify", logicalResourceID: "Function", resourceType: "AWS::Lambda::Function", replacement: "False"),
        .init(action: "Modify", logicalResourceID: "Api", resourceType: "AWS::ApiGateway::RestApi", replacement: "Conditional"),
        .init(action: "Modify", logicalResourceID: "Bucket", resourceType: "AWS::S3::Bucket", replacement: "True"),
        .init(action: "Remove", logicalResourceID: "Old", resourceType: "AWS::SNS::Topic"),
    ])

    @Test func plain() {
        #expect(table.render(color: false) == """
            Action  Logical ID        Type                      Replacement
            Add     lambda20201216r1  AWS::Lambda::Version      -
            Modify  Function          AWS::Lambda::Function     False
            Modify  Api               AWS::ApiGateway::RestApi  Conditional
            Modify  Bucket            AWS::S3::Bucket           True
            Remove  Old               AWS::SNS::Topic           -

            """)
    }

    @Test func coloredOnATerminal() {
        #expect(table.render(color: true) == """
            Action  Logical ID        Type                      Replacement
            Add     lambda20201216r1  AWS::Lambda::Version      -
            Modify  Function          AWS::Lambda::Function     False
            Modify  Api               AWS::ApiGateway::RestApi  \u{1B}[33mConditional\u{1B}[0m
            Modify  Bucket            AWS::S3::Bucket           \u{1B}[31mTrue\u{1B}[0m
            Remove  Old               AWS::SNS::Topic           -

            """)
    }

    @Test func empty() {
        #expect(ChangeSetTable(rows: []).render(color: true) == "no changes\n")
    }
}
