import Foundation
import Testing
@testable import LittleStack

/// apply from a config file: render, validate, then the change set.
@Suite(.enabled(if: Emulator.isAvailable, "AWS_ENDPOINT_URL does not point at a local emulator"))
struct ConfigApplyTests {
    @Test func appliesARenderedConfigAndUploadsTheTemplate() async throws {
        let name = Emulator.uniqueStackName("config-apply")
        let folder = try ConfigFolder(stackName: name, topics: ["a", "b"])
        defer { folder.remove() }
        let (ops, output) = Emulator.operations()
        let result = try await ops.apply(configPath: folder.configPath, options: .init(assumeYes: true, json: true))
        #expect(result.result == .complete)
        #expect(result.changes.map(\.logicalResourceID) == ["Topica", "Topicb"])
        #expect(output.stderr == "")
        // --output json: one document, secrets masked
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["result"] as? String == "complete")
        #expect(json["stackName"] as? String == name)
        #expect(!output.stdout.contains("n0-echo-secret-value"))
        #expect(output.stdout.contains("\"value\": \"****\""))
        // the template went to cf/<StackName>/<file without .njk>
        // diff --deployed reads the same template back
        let deployed = try await ops.deployedTemplate(stack: name)
        #expect(deployed.tree == (TemplateText.parse(deployed.text))!)
        #expect(deployed.tree["Resources"]?["Topicb"] != nil)
        let s3 = S3Client(client: ops.backend.client)
        let uploaded = try await s3.getObject(bucket: "cloudformation-123456789012-us-east-1", key: "cf/\(name)/template.json")
        #expect(String(decoding: uploaded, as: UTF8.self).contains("\"Topicb\""))
        _ = try await ops.delete(stack: name, assumeYes: true)
    }

    @Test func validationErrorsStopBeforeAnythingIsSent() async throws {
        let name = Emulator.uniqueStackName("config-invalid")
        let folder = try ConfigFolder(stackName: name, topics: ["a"])
        defer { folder.remove() }
        let broken = """
            {
              "Resources": {
                "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "Missing"}}}
              }
            }
            """
        try Data(broken.utf8).write(to: folder.url.appendingPathComponent("template.json.njk"))
        let (ops, output) = Emulator.operations()
        await #expect(throws: ApplyError.invalidConfig(folder.configPath)) {
            try await ops.apply(configPath: folder.configPath, options: .init(assumeYes: true))
        }
        #expect(output.stderr.contains("error:"))
        #expect(output.stderr.contains("'Missing'"))
        #expect(output.stdout == "")
        #expect(try await ops.backend.describeStack(name) == nil)
    }

    @Test func stackArgumentIsAConfigOrAName() async throws {
        let folder = try ConfigFolder(stackName: "named-in-config", topics: ["a"])
        defer { folder.remove() }
        let (ops, _) = Emulator.operations()
        #expect(try ops.stackName(from: folder.configPath) == "named-in-config")
        #expect(try ops.stackName(from: "plain-stack-name") == "plain-stack-name")
    }
}
