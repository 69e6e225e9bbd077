import Foundation
import Testing

@testable import LittleStack

/// Real signed requests against the local emulator (moto on 127.0.0.1); skipped when none is configured.
@Suite(.enabled(if: AWSEmulator.endpoint != nil, "needs LITTLESTACK_EMULATOR or AWS_ENDPOINT_URL on 127.0.0.1"))
struct EmulatorIntegrationTests {
    static let template = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Parameters": { "QueueName": { "Type": "String" } },
          "Resources": { "Queue": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": { "Ref": "QueueName" } } } },
          "Outputs": { "QueueName": { "Value": { "Fn::GetAtt": ["Queue", "QueueName"] } } }
        }
        """

    @Test func callerIdentity() async throws {
        let identity = try await STSClient(client: AWSEmulator.client()).getCallerIdentity()
        #expect(identity.account == "123456789012")
        #expect(identity.arn.hasPrefix("arn:aws:"))
    }

    @Test func bucketAndObjects() async throws {
        let s3 = S3Client(client: AWSEmulator.client())
        let bucket = AWSEmulator.unique("littlestack-it")
        #expect(try await s3.headBucket(bucket) == false)
        #expect(try await s3.ensureBucket(bucket) == true)
        #expect(try await s3.headBucket(bucket) == true)
        #expect(try await s3.ensureBucket(bucket) == false)
        let body = Data(Self.template.utf8)
        let etag = try await s3.putObject(bucket: bucket, key: "cf/my-stack/root.json", body: body, contentType: "application/json")
        // S3's ETag of a single-part upload: the quoted hex MD5 of the body.
        #expect(etag?.count == 34 && etag?.first == "\"")
        #expect(try await s3.getObject(bucket: bucket, key: "cf/my-stack/root.json") == body)
        let missing = await #expect(throws: AWSServiceError.self) {
            try await s3.getObject(bucket: bucket, key: "cf/none.json")
        }
        #expect(missing?.code == "NoSuchKey")
        #expect(missing?.status == 404)
    }

    @Test func bucketOutsideUSEast1() async throws {
        let s3 = S3Client(client: AWSEmulator.client(region: "eu-west-1"))
        let bucket = AWSEmulator.unique("littlestack-eu")
        try await s3.createBucket(bucket)
        #expect(try await s3.headBucket(bucket) == true)
    }

    @Test func changeSetLifecycle() async throws {
        let client = AWSEmulator.client()
        let s3 = S3Client(client: client)
        let cfn = CloudFormationClient(client: client)
        let bucket = AWSEmulator.unique("littlestack-cf")
        let stackName = AWSEmulator.unique("littlestack-it")
        try await s3.ensureBucket(bucket)
        try await s3.putObject(bucket: bucket, key: "cf/\(stackName)/root.json", body: Data(Self.template.utf8))
        #expect(try await cfn.describeStack(stackName) == nil)

        let created = try await cfn.createChangeSet(.init(
            stackName: stackName, changeSetName: "little-test", changeSetType: .create,
            templateURL: s3.templateURL(bucket: bucket, key: "cf/\(stackName)/root.json"),
            parameters: [.init(key: "QueueName", value: stackName + "-q")], capabilities: ["CAPABILITY_IAM"],
            tags: [.init(key: "stage", value: "test")], clientToken: "token-1"))
        #expect(created.changeSetID.hasPrefix("arn:aws:cloudformation:us-east-1:123456789012:changeSet/little-test/"))
        let changeSet = try await cfn.describeChangeSet(created.changeSetID)
        #expect(changeSet.status == "CREATE_COMPLETE")
        #expect(changeSet.executionStatus == "AVAILABLE")
        #expect(changeSet.changes.map { "\($0.action) \($0.logicalResourceID) \($0.resourceType)" } == [
            "Add Queue AWS::SQS::Queue"
        ])

        try await cfn.executeChangeSet(created.changeSetID, clientRequestToken: "apply-1")
        let stack = try #require(try await cfn.describeStack(stackName))
        #expect(stack.status == "CREATE_COMPLETE")
        #expect(stack.stackID == created.stackID)
        #expect(stack.parameters == [.init(key: "QueueName", value: stackName + "-q")])
        #expect(stack.tags == [.init(key: "stage", value: "test")])

        let events = try await cfn.stackEvents(stackName: stackName)
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.stackName == stackName })
        #expect(events.first?.resourceStatus == "CREATE_COMPLETE")

        let resources = try await cfn.describeStackResources(stackName: stackName)
        #expect(resources.map(\.logicalResourceID) == ["Queue"])
        #expect(try await cfn.getTemplate(stackName: stackName).contains("AWS::SQS::Queue"))
        #expect(try await cfn.describeStacks().contains { $0.stackName == stackName })
        #expect(try await cfn.listStacks().contains { $0.stackName == stackName })

        try await cfn.updateTerminationProtection(stackName: stackName, enabled: true)
        #expect(try await cfn.describeStack(stackName)?.terminationProtection == true)
        try await cfn.updateTerminationProtection(stackName: stackName, enabled: false)

        let second = try await cfn.createChangeSet(.init(
            stackName: stackName, changeSetName: "little-unused", changeSetType: .update,
            templateBody: Self.template, parameters: [.init(key: "QueueName", value: stackName + "-q2")]))
        try await cfn.deleteChangeSet(second.changeSetID)

        try await cfn.deleteStack(stackName: stackName)
        let after = try await cfn.describeStack(created.stackID)
        #expect(after == nil || after?.status == "DELETE_COMPLETE")
    }

    @Test func errorsFromTheEmulator() async throws {
        let cfn = CloudFormationClient(client: AWSEmulator.client())
        let name = AWSEmulator.unique("littlestack-none")
        let error = await #expect(throws: AWSServiceError.self) { try await cfn.describeStacks(stackName: name) }
        #expect(error?.code == "ValidationError")
        #expect(error?.message == "Stack with id \(name) does not exist")
        #expect(error?.status == 400)
        #expect(error?.service == "cloudformation")
    }

    @Test func assumeRoleProfileThroughSTS() async throws {
        let home = try awsTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try awsWrite("[base]\naws_access_key_id = testing\naws_secret_access_key = testing\n", to: home + "/.aws/credentials")
        try awsWrite(
            "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n"
                + "role_session_name = littlestack-test\nregion = us-east-1\n",
            to: home + "/.aws/config")
        let resolver = CredentialsResolver(
            environment: ["HOME": home, "AWS_ENDPOINT_URL": AWSEmulator.endpoint!.absoluteString], profile: "deploy")
        let credentials = try await resolver.resolve()
        #expect(credentials.source == "assumed role 'arn:aws:iam::123456789012:role/deploy' (profile 'deploy')")
        #expect(credentials.sessionToken?.isEmpty == false)
        #expect(credentials.expiration != nil)
        let identity = try await STSClient(client: AWSClient(
            credentials: credentials, region: "us-east-1", endpoints: Endpoints(environment: resolver.environment))
        ).getCallerIdentity()
        #expect(identity.arn == "arn:aws:sts::123456789012:assumed-role/deploy/littlestack-test")
    }

    @Test func accountAliases() async throws {
        #expect(try await IAMClient(client: AWSEmulator.client()).listAccountAliases() == [])
    }

    /// A dedicated emulator with signature checks on: the right secret is accepted, a wrong one rejected.
    @Test(.timeLimit(.minutes(1))) func signaturesAreVerified() async throws {
        let port = try await AWSEmulator.startDedicated(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"])
        do {
            try await verifySignatures(endpoint: URL(string: "http://127.0.0.1:\(port)")!)
        } catch {
            await AWSEmulator.stopDedicated(port: port)
            throw error
        }
        await AWSEmulator.stopDedicated(port: port)
    }

    func verifySignatures(endpoint: URL) async throws {
        // The three free requests: a user, its key, an allow-all policy.
        let admin = AWSEmulator.client(endpoint: endpoint)
        _ = try await admin.query(.iam, action: "CreateUser", version: IAMClient.version, parameters: [("UserName", "ci")])
        let key = try await admin.query(
            .iam, action: "CreateAccessKey", version: IAMClient.version, parameters: [("UserName", "ci")])
        let accessKeyID = try #require(key.child("AccessKey")?.string("AccessKeyId"))
        let secret = try #require(key.child("AccessKey")?.string("SecretAccessKey"))
        _ = try await admin.query(
            .iam, action: "PutUserPolicy", version: IAMClient.version,
            parameters: [
                ("UserName", "ci"), ("PolicyName", "all"),
                ("PolicyDocument", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#),
            ])

        let good = AWSEmulator.client(endpoint: endpoint, accessKeyID: accessKeyID, secret: secret)
        let identity = try await STSClient(client: good).getCallerIdentity()
        #expect(identity.arn == "arn:aws:iam::123456789012:user/ci")
        #expect(try await CloudFormationClient(client: good).describeStacks().isEmpty)
        let s3 = S3Client(client: good)
        try await s3.createBucket("signed-bucket")
        try await s3.putObject(bucket: "signed-bucket", key: "cf/stack/root.json", body: Data("{}".utf8))
        #expect(try await s3.getObject(bucket: "signed-bucket", key: "cf/stack/root.json") == Data("{}".utf8))

        let wrong = AWSEmulator.client(endpoint: endpoint, accessKeyID: accessKeyID, secret: secret + "x")
        let rejected = await #expect(throws: AWSServiceError.self) { try await STSClient(client: wrong).getCallerIdentity() }
        #expect(rejected?.code == "SignatureDoesNotMatch")
        #expect(rejected?.status == 403)
        #expect(rejected.map { "\($0)" }?.contains(secret) == false)

        let unknown = AWSEmulator.client(endpoint: endpoint, accessKeyID: "AKIAUNKNOWN00000000", secret: secret)
        let unknownError = await #expect(throws: AWSServiceError.self) {
            try await STSClient(client: unknown).getCallerIdentity()
        }
        #expect(unknownError?.code == "InvalidClientTokenId")
    }
}
