import Foundation
import Testing

@testable import LittleStack

/// The service wrappers against canned replies from a loopback server: the requests they send and how they read
/// replies (including fields moto leaves out, such as change details).
@Suite struct ServiceClientTests {
    static func body(_ received: AWSLoopbackServer.Received) -> String { String(decoding: received.body, as: UTF8.self) }

    @Test func createChangeSetRequest() async throws {
        let server = try AWSLoopbackServer(replies: [.init(
            status: 200,
            body: "<CreateChangeSetResponse><CreateChangeSetResult><Id>arn:cs/1</Id><StackId>arn:stack/1</StackId>"
                + "</CreateChangeSetResult></CreateChangeSetResponse>")])
        defer { server.stop() }
        let cfn = CloudFormationClient(client: awsLoopbackClient(endpoint: server.endpoint))
        let result = try await cfn.createChangeSet(.init(
            stackName: "little-example-api", changeSetName: "little-me-host", changeSetType: .update,
            templateURL: "https://b.s3.amazonaws.com/cf/x/root.json",
            parameters: [.init(key: "DomainName", value: "api.example.com"), .init(key: "Secret", usePreviousValue: true)],
            capabilities: ["CAPABILITY_NAMED_IAM"], tags: [.init(key: "stage", value: "dev")],
            roleARN: "arn:aws:iam::1:role/cfn", notificationARNs: ["arn:sns:1"], clientToken: "apply-1"))
        #expect(result == .init(changeSetID: "arn:cs/1", stackID: "arn:stack/1"))
        #expect(
            Self.body(server.received[0])
                == "Action=CreateChangeSet&Version=2010-05-15&StackName=little-example-api&ChangeSetName=little-me-host"
                + "&ChangeSetType=UPDATE&TemplateURL=https%3A%2F%2Fb.s3.amazonaws.com%2Fcf%2Fx%2Froot.json"
                + "&Parameters.member.1.ParameterKey=DomainName&Parameters.member.1.ParameterValue=api.example.com"
                + "&Parameters.member.2.ParameterKey=Secret&Parameters.member.2.UsePreviousValue=true"
                + "&Capabilities.member.1=CAPABILITY_NAMED_IAM&Tags.member.1.Key=stage&Tags.member.1.Value=dev"
                + "&RoleARN=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fcfn&NotificationARNs.member.1=arn%3Asns%3A1"
                + "&ClientToken=apply-1")
    }

    @Test func describeChangeSetGathersPages() async throws {
        func page(_ change: String, next: String?) -> AWSLoopbackServer.Reply {
            .init(
                status: 200,
                body: """
                    <DescribeChangeSetResponse><DescribeChangeSetResult>
                    <ChangeSetId>arn:cs/1</ChangeSetId><ChangeSetName>little-me</ChangeSetName>
                    <StackId>arn:stack/1</StackId><StackName>s</StackName><Status>CREATE_COMPLETE</Status>
                    <ExecutionStatus>AVAILABLE</ExecutionStatus><CreationTime>2024-05-01T10:00:00.123Z</CreationTime>
                    <Parameters><member><ParameterKey>P</ParameterKey><ParameterValue>v</ParameterValue></member></Parameters>
                    <Capabilities><member>CAPABILITY_IAM</member></Capabilities>
                    <Changes><member><Type>Resource</Type><ResourceChange>\(change)</ResourceChange></member></Changes>
                    \(next.map { "<NextToken>\($0)</NextToken>" } ?? "")
                    </DescribeChangeSetResult></DescribeChangeSetResponse>
                    """)
        }
        let modify = """
            <Action>Modify</Action><LogicalResourceId>Fn</LogicalResourceId><PhysicalResourceId>fn-1</PhysicalResourceId>
            <ResourceType>AWS::Lambda::Function</ResourceType><Replacement>False</Replacement>
            <Scope><member>Properties</member></Scope>
            <Details><member><Target><Attribute>Properties</Attribute><Name>Code</Name>
            <RequiresRecreation>Never</RequiresRecreation></Target><Evaluation>Static</Evaluation>
            <ChangeSource>DirectModification</ChangeSource></member></Details>
            """
        let add = "<Action>Add</Action><LogicalResourceId>V2</LogicalResourceId><ResourceType>AWS::Lambda::Version</ResourceType>"
        let server = try AWSLoopbackServer(replies: [page(modify, next: "t2"), page(add, next: nil)])
        defer { server.stop() }
        let cfn = CloudFormationClient(client: awsLoopbackClient(endpoint: server.endpoint))
        let changeSet = try await cfn.describeChangeSet("arn:cs/1")
        #expect(changeSet == CloudFormation.ChangeSet(
            changeSetID: "arn:cs/1", changeSetName: "little-me", stackID: "arn:stack/1", stackName: "s",
            status: "CREATE_COMPLETE", executionStatus: "AVAILABLE", statusReason: nil,
            creationTime: Date(timeIntervalSince1970: 1_714_557_600.123),
            parameters: [.init(key: "P", value: "v")], capabilities: ["CAPABILITY_IAM"],
            changes: [
                .init(
                    action: "Modify", logicalResourceID: "Fn", physicalResourceID: "fn-1",
                    resourceType: "AWS::Lambda::Function", replacement: "False", scope: ["Properties"],
                    details: [.init(
                        attribute: "Properties", name: "Code", requiresRecreation: "Never", evaluation: "Static",
                        changeSource: "DirectModification", causingEntity: nil)]),
                .init(
                    action: "Add", logicalResourceID: "V2", physicalResourceID: nil,
                    resourceType: "AWS::Lambda::Version", replacement: nil, scope: [], details: []),
            ]))
        #expect(Self.body(server.received[1]) == "Action=DescribeChangeSet&Version=2010-05-15&ChangeSetName=arn%3Acs%2F1&NextToken=t2")
    }

    @Test func describeStacksReadsEverything() async throws {
        let server = try AWSLoopbackServer(replies: [.init(
            status: 200,
            body: """
                <DescribeStacksResponse><DescribeStacksResult><Stacks><member>
                <StackId>arn:stack/1</StackId><StackName>s</StackName><StackStatus>UPDATE_COMPLETE</StackStatus>
                <CreationTime>2024-05-01T10:00:00Z</CreationTime><EnableTerminationProtection>true</EnableTerminationProtection>
                <Parameters><member><ParameterKey>Secret</ParameterKey><ParameterValue>****</ParameterValue></member></Parameters>
                <Outputs><member><OutputKey>Url</OutputKey><OutputValue>https://x</OutputValue><Description>d</Description>
                <ExportName>e</ExportName></member></Outputs>
                <Tags><member><Key>stage</Key><Value>dev</Value></member></Tags>
                <Capabilities><member>CAPABILITY_NAMED_IAM</member></Capabilities>
                </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
                """)])
        defer { server.stop() }
        let stacks = try await CloudFormationClient(client: awsLoopbackClient(endpoint: server.endpoint)).describeStacks()
        #expect(stacks == [CloudFormation.Stack(
            stackID: "arn:stack/1", stackName: "s", status: "UPDATE_COMPLETE", statusReason: nil, description: nil,
            creationTime: Date(timeIntervalSince1970: 1_714_557_600), lastUpdatedTime: nil,
            parameters: [.init(key: "Secret", value: "****")],
            outputs: [.init(key: "Url", value: "https://x", description: "d", exportName: "e")],
            tags: [.init(key: "stage", value: "dev")], capabilities: ["CAPABILITY_NAMED_IAM"],
            terminationProtection: true, roleARN: nil, changeSetID: nil)])
    }

    @Test func lambdaCalls() async throws {
        let server = try AWSLoopbackServer(replies: [
            .init(
                status: 200,
                body: #"{"AliasArn":"arn:aws:lambda:us-east-1:1:function:f:gateway_prod","Name":"gateway_prod","FunctionVersion":"3","Description":"","RevisionId":"r"}"#
            ),
            .init(
                status: 200,
                body: #"{"Versions":[{"FunctionName":"f","FunctionArn":"arn:f:$LATEST","Version":"$LATEST"}],"NextMarker":"m2"}"#),
            .init(
                status: 200,
                body: #"{"Versions":[{"FunctionName":"f","FunctionArn":"arn:f:1","Version":"1","Description":"little-authn 1.0.5","CodeSha256":"abc="}]}"#
            ),
        ])
        defer { server.stop() }
        let lambda = LambdaClient(client: awsLoopbackClient(endpoint: server.endpoint))
        let alias = try await lambda.getAlias(functionName: "arn:aws:lambda:us-east-1:1:function:f", name: "gateway_prod")
        #expect(alias.functionVersion == "3")
        #expect(server.received[0].target == "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af/aliases/gateway_prod")
        let versions = try await lambda.listVersionsByFunction(functionName: "f")
        #expect(versions.map(\.version) == ["$LATEST", "1"])
        #expect(versions[1].description == "little-authn 1.0.5")
        #expect(server.received[2].target == "/2015-03-31/functions/f/versions?Marker=m2")
    }

    @Test func apiGatewayCalls() async throws {
        let server = try AWSLoopbackServer(replies: [
            .init(
                status: 200,
                body: #"{"stageName":"prod","deploymentId":"d1","variables":{"lambdaAlias":"gateway_prod"},"createdDate":1714557600}"#),
            .init(status: 200, body: #"{"item":[{"id":"d1","description":"initial","createdDate":1714557600}]}"#),
            .init(status: 404, body: #"{"message":"Invalid stage identifier specified"}"#),
        ])
        defer { server.stop() }
        let gateway = APIGatewayClient(client: awsLoopbackClient(endpoint: server.endpoint))
        let stage = try await gateway.getStage(restAPIID: "abc123", stageName: "prod")
        #expect(stage.deploymentID == "d1")
        #expect(stage.variables == ["lambdaAlias": "gateway_prod"])
        #expect(stage.createdDate?.date == Date(timeIntervalSince1970: 1_714_557_600))
        let deployments = try await gateway.getDeployments(restAPIID: "abc123")
        #expect(deployments.map(\.id) == ["d1"])
        #expect(server.received[1].target == "/restapis/abc123/deployments?limit=500")
        let error = await #expect(throws: AWSServiceError.self) {
            try await gateway.getStage(restAPIID: "abc123", stageName: "nope")
        }
        #expect("\(error!)" == "apigateway: NotFound: Invalid stage identifier specified (status 404)")
    }
}
