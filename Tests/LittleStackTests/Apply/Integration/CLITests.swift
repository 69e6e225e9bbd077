import Foundation
import Testing
@testable import LittleStack

/// The `littlestack` binary end to end: exit statuses, refusals, and no secret in anything printed.
@Suite(.enabled(if: CLI.isAvailable, "no littlestack binary or no local emulator"))
struct CLITests {
    @Test func applyPlanOutputsDescribeEventsDeleteWithoutLeakingSecrets() throws {
        let name = Emulator.uniqueStackName("cli")
        let secret = "n0-echo-secret-value"
        let folder = try ConfigFolder(stackName: name, topics: ["a"], secret: secret)
        defer { folder.remove() }
        let env = [
            "AWS_ACCESS_KEY_ID": "AKIAEXAMPLEKEY12345",
            "AWS_SECRET_ACCESS_KEY": "secret-access-key-do-not-print",
            "AWS_SESSION_TOKEN": "session-token-do-not-print-0123456789",
            "AWS_REGION": "us-east-1",
        ]
        var everything = ""
        func run(_ args: [String]) throws -> CLI.Result {
            let result = try CLI.run(args, in: folder.url, environment: env)
            everything += result.stdout + result.stderr
            return result
        }

        // no terminal, no --yes: refused, nothing created
        let refused = try run(["apply", "config.json"])
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "error: refusing to execute a change set for 'config.json' without confirmation: standard input is not a terminal; pass --yes to go ahead\n")

        let plan = try run(["plan", "config.json", "--verbose"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("Add     Topica      AWS::SNS::Topic  -\n"))
        #expect(plan.stdout.hasSuffix("nothing was executed\n"))

        let apply = try run(["apply", "config.json", "--yes", "--verbose"])
        #expect(apply.status == 0)
        #expect(apply.stdout.contains("stack '\(name)' CREATE_COMPLETE\n"))
        #expect(apply.stdout.contains("SecretEcho  ****\n"))
        #expect(apply.stderr.contains("uploading template to s3://cloudformation-123456789012-us-east-1/cf/\(name)/template.json"))

        let json = try run(["apply", "config.json", "--yes", "--output", "json", "--verbose"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"result\": \"no-changes\""))

        // given the config, even an output that echoes the NoEcho parameter is masked
        #expect(try run(["outputs", "config.json", "--output", "json"]).stdout == "{\n  \"Greeting\": \"hello\",\n  \"SecretEcho\": \"****\"\n}\n")
        let describe = try run(["describe", "config.json", "--verbose"])
        #expect(describe.status == 0)
        #expect(describe.stdout.contains("Secret    ****\n"))
        #expect(try run(["describe", "config.json", "--output", "json"]).status == 0)
        let events = try run(["events", "config.json", "--limit", "3"])
        #expect(events.stdout.split(separator: "\n").count == 3)
        #expect(try run(["list"]).stdout.contains(name))

        // a failing update (the topic's name taken by another stack's topic? no: a bucket named like the stack bucket)
        try Data("""
            {"Parameters": {"Secret": {"Type": "String", "NoEcho": true}, "Greeting": {"Type": "String"}},
             "Resources": {"Taken": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "cloudformation-123456789012-us-east-1"}}}}
            """.utf8).write(to: folder.url.appendingPathComponent("template.json.njk"))
        let failed = try run(["apply", "config.json", "--yes"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error: 'Taken' (AWS::S3::Bucket) CREATE_FAILED: "))
        #expect(failed.stderr.hasSuffix("error: stack '\(name)' ended UPDATE_ROLLBACK_COMPLETE\n"))

        #expect(try run(["delete", name]).status == 1)
        let deleted = try run(["delete", "config.json", "--yes", "--output", "json"])
        #expect(deleted.status == 0)
        #expect(deleted.stdout.contains("\"result\": \"complete\""))
        let missing = try run(["outputs", "config.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: stack '\(name)' does not exist\n")

        for value in [secret, "secret-access-key-do-not-print", "session-token-do-not-print-0123456789"] {
            #expect(!everything.contains(value), "'\(value)' was printed")
        }
    }
}
