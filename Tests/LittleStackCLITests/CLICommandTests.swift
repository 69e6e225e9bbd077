import Foundation
import Testing

/// The `littlestack` binary as a user runs it: exact stdout, stderr and exit status for each
/// command that needs no AWS. Skipped (with a recorded issue) when no built binary is found.
@Suite(.enabled(if: CLIProcess.binary != nil, "no littlestack binary: see binaryIsBuilt"))
struct CLICommandTests {
    static let root = CLIProcess.repositoryRoot

    @Test func version() throws {
        let result = try CLIProcess.run(["--version"])
        #expect(result.stdout == "0.1.0\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func initList() throws {
        let result = try CLIProcess.run(["init", "--list"])
        #expect(result.stdout == """
            account-baseline  An account's baseline: a KMS-encrypted multi-region CloudTrail trail, an alarm topic and a monthly cost budget.
            ecr               ECR container repositories from a list, with lifecycle policies and cross-account pull access.
            environments      One template applied as dev, stage, prod and per-developer stacks from small configs that differ only in what differs.
            hello-api         A Lambda function behind an API Gateway REST API with a beta and a prod stage, released through versions and deployments.
            static-site       A private S3 bucket served over HTTPS by CloudFront through an origin access control, with an optional custom domain.
            vpc               A VPC across N availability zones with public and private subnet tiers, NAT gateways and route tables (YAML template).

            """)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    /// A copied stack validates from any working directory: its template is found beside its config.
    @Test func initThenValidateElsewhere() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let copy = try CLIProcess.run(["init", "hello-api", tmp + "/x"])
        #expect(copy.stdout == """
            created \(tmp)/x from 'hello-api' (5 files):
              README.md
              code/index.py
              config.json
              openapi.yaml
              template.json.njk
            next: littlestack validate \(tmp)/x/config.json

            """)
        #expect(copy.stderr == "")
        #expect(copy.status == 0)
        #expect(!FileManager.default.fileExists(atPath: tmp + "/x/expected.txt"), "the library's expected output is not copied")

        try FileManager.default.createDirectory(atPath: tmp + "/elsewhere", withIntermediateDirectories: true)
        let check = try CLIProcess.run(["validate", tmp + "/x/config.json"], in: tmp + "/elsewhere")
        #expect(check.stdout == "no problems found\n")
        #expect(check.stderr == "")
        #expect(check.status == 0)

        let again = try CLIProcess.run(["init", "hello-api", tmp + "/x"])
        #expect(again.stdout == "")
        #expect(again.stderr == "littlestack: error: '\(tmp)/x' exists and is not empty\n")
        #expect(again.status == 1)
    }

    @Test func initUnknownStack() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let result = try CLIProcess.run(["init", "nope", tmp + "/y"])
        #expect(result.stdout == "")
        #expect(result.stderr == "littlestack: error: unknown stack 'nope' (available: account-baseline, ecr, environments, hello-api, static-site, vpc)\n")
        #expect(result.status == 1)
    }

    /// `--vars` gives the context; a name not beside the template is found on `--search-path`.
    @Test func renderTemplateWithVarsAndSearchPath() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try FileManager.default.createDirectory(atPath: tmp + "/lib", withIntermediateDirectories: true)
        try #"{% from "macros.njk" import tag %}{"Tags": [{{ tag("stage", stage) }}], "Name": {{ name | dump }}}"# .appending("\n")
            .write(toFile: tmp + "/stack.json.njk", atomically: true, encoding: .utf8)
        try #"{% macro tag(k, v) %}{"Key": "{{ k }}", "Value": "{{ v | upper }}"}{% endmacro %}"#
            .write(toFile: tmp + "/lib/macros.njk", atomically: true, encoding: .utf8)
        try #"{"stage": "dev", "name": "say \"hi\""}"#.write(toFile: tmp + "/vars.json", atomically: true, encoding: .utf8)
        let result = try CLIProcess.run(["render-template", "stack.json.njk", "--vars", "vars.json", "--search-path", "lib"], in: tmp)
        #expect(result.stdout == #"{"Tags": [{"Key": "stage", "Value": "DEV"}], "Name": "say \"hi\""}"# + "\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)

        let without = try CLIProcess.run(["render-template", "stack.json.njk", "--vars", "vars.json"], in: tmp)
        #expect(without.stdout == "")
        #expect(without.stderr == """
            stack.json.njk:1:4: error: template not found: 'macros.njk'
            {% from "macros.njk" import tag %}{"Tags": [{{ tag("stage", stage) }}], "Name": {{ name | dump }}}
               ^

            """)
        #expect(without.status == 1)
    }

    /// The plain form (read without ArgumentParser) and a form only ArgumentParser reads render and fail alike.
    @Test func renderTemplateBothArgumentReaders() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try FileManager.default.createDirectory(atPath: tmp + "/lib", withIntermediateDirectories: true)
        try #"{% include "part.njk" %}|{{ name }}|{{ missing.x }}"#.write(toFile: tmp + "/t.njk", atomically: true, encoding: .utf8)
        try "part:{{ name | upper }}".write(toFile: tmp + "/lib/part.njk", atomically: true, encoding: .utf8)
        try #"{"name": "api"}"#.write(toFile: tmp + "/vars.json", atomically: true, encoding: .utf8)
        let plain = try CLIProcess.run(["render-template", "t.njk", "--vars", "vars.json", "--search-path", "lib"], in: tmp)
        let parsed = try CLIProcess.run(["render-template", "--vars=vars.json", "--search-path=lib", "--", "t.njk"], in: tmp)
        #expect(plain.stdout == "part:API|api|")
        #expect(parsed.stdout == plain.stdout)
        #expect(plain.stderr == "" && parsed.stderr == "")
        #expect(plain.status == 0 && parsed.status == 0)

        let plainStrict = try CLIProcess.run(["render-template", "t.njk", "--vars", "vars.json", "--search-path", "lib", "--strict"], in: tmp)
        let parsedStrict = try CLIProcess.run(["render-template", "--strict", "--vars=vars.json", "--search-path=lib", "t.njk"], in: tmp)
        #expect(plainStrict.stdout == "" && parsedStrict.stdout == "")
        #expect(plainStrict.stderr == """
            t.njk:1:40: error: 'missing' is undefined
            {% include "part.njk" %}|{{ name }}|{{ missing.x }}
                                                   ^

            """)
        #expect(parsedStrict.stderr == plainStrict.stderr)
        #expect(plainStrict.status == 1 && parsedStrict.status == 1)
    }

    @Test func renderTemplateError() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try "Resources:\n  {{ image | uppercase }}\n".write(toFile: tmp + "/bad.yaml.njk", atomically: true, encoding: .utf8)
        let result = try CLIProcess.run(["render-template", "bad.yaml.njk"], in: tmp)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            bad.yaml.njk:2:14: error: unknown filter 'uppercase'
              {{ image | uppercase }}
                         ^

            """)
        #expect(result.status == 1)
    }

    @Test func renderTemplateStrictUndefined() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try "\t{{ nope.x }}\n".write(toFile: tmp + "/t.njk", atomically: true, encoding: .utf8)
        let lax = try CLIProcess.run(["render-template", "t.njk"], in: tmp)
        #expect(lax.stdout == "\t\n")
        #expect(lax.stderr == "")
        #expect(lax.status == 0)
        let strict = try CLIProcess.run(["render-template", "t.njk", "--strict"], in: tmp)
        #expect(strict.stdout == "")
        #expect(strict.stderr == "t.njk:1:5: error: 'nope' is undefined\n\t{{ nope.x }}\n\t   ^\n")
        #expect(strict.status == 1)
    }

    @Test func renderHelloAPI() throws {
        let result = try CLIProcess.run(["render", "stacks/hello-api/config.json"],
                                        environment: ["LITTLESTACK_BUCKET": "littlestack-fixtures-bucket"])
        let expected = try String(contentsOfFile: Self.root + "/stacks/hello-api/expected.txt", encoding: .utf8)
        #expect(result.stdout == expected)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    /// `-o` writes the file and prints nothing.
    @Test func renderToFile() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let result = try CLIProcess.run(["render", Self.root + "/stacks/vpc/config.json", "-o", tmp + "/vpc.yaml"],
                                        in: tmp, environment: ["LITTLESTACK_BUCKET": "littlestack-fixtures-bucket"])
        #expect(result.stdout == "")
        #expect(result.stderr == "")
        #expect(result.status == 0)
        let written = try String(contentsOfFile: tmp + "/vpc.yaml", encoding: .utf8)
        #expect(written == (try String(contentsOfFile: Self.root + "/stacks/vpc/expected.txt", encoding: .utf8)))
    }

    @Test func variables() throws {
        let result = try CLIProcess.run(["variables", "stacks/environments/config-dev.json"],
                                        environment: ["LITTLESTACK_BUCKET": "my-bucket"])
        #expect(result.stdout == #"""
            {
              "stackParameters": {
                "Environment": "dev"
              },
              "stackTags": [
                {
                  "Key": "project",
                  "Value": "jobs"
                },
                {
                  "Key": "stage",
                  "Value": "dev"
                }
              ],
              "stackTagsStr": "{\"Key\":\"project\",\"Value\":\"jobs\"},{\"Key\":\"stage\",\"Value\":\"dev\"}",
              "stackVariables": null,
              "stackBucket": "my-bucket",
              "templateFiles": {
                "openapi": "{}"
              }
            }

            """#)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    /// A usage error is ArgumentParser's: usage on stderr, exit 64.
    @Test func missingArgument() throws {
        let result = try CLIProcess.run(["render"])
        #expect(result.stdout == "")
        #expect(result.stderr == """
            Error: Missing expected argument '<config>'
            Help:  <config>  The stack config (stackParams.json, or .yaml/.yml).
            Usage: littlestack render [--output <output>] [--verbose] <config> [--out <file>] [--format <format>] [--strict]
              See 'littlestack render --help' for more information.

            """)
        #expect(result.status == 64)
    }

    static let smallYAML = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "${AWS::StackName}-data"
              Tags:
                - Key: arn
                  Value: !GetAtt topic.TopicArn
          topic:
            Type: AWS::SNS::Topic
        Outputs:
          Name:
            Value: !Ref bucket

        """

    @Test func convertYAMLToJSON() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try Self.smallYAML.write(toFile: tmp + "/small.yaml", atomically: true, encoding: .utf8)
        let result = try CLIProcess.run(["convert", "small.yaml"], in: tmp)
        #expect(result.stdout == """
            {
                "AWSTemplateFormatVersion": "2010-09-09",
                "Resources": {
                    "bucket": {
                        "Type": "AWS::S3::Bucket",
                        "Properties": {
                            "BucketName": {
                                "Fn::Sub": "${AWS::StackName}-data"
                            },
                            "Tags": [
                                {
                                    "Key": "arn",
                                    "Value": {
                                        "Fn::GetAtt": [
                                            "topic",
                                            "TopicArn"
                                        ]
                                    }
                                }
                            ]
                        }
                    },
                    "topic": {
                        "Type": "AWS::SNS::Topic"
                    }
                },
                "Outputs": {
                    "Name": {
                        "Value": {
                            "Ref": "bucket"
                        }
                    }
                }
            }

            """)
        #expect(result.stderr == "")
        #expect(result.status == 0)

        let compact = try CLIProcess.run(["convert", "small.yaml", "--compact"], in: tmp)
        #expect(compact.stdout == #"{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"bucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::Sub":"${AWS::StackName}-data"},"Tags":[{"Key":"arn","Value":{"Fn::GetAtt":["topic","TopicArn"]}}]}},"topic":{"Type":"AWS::SNS::Topic"}},"Outputs":{"Name":{"Value":{"Ref":"bucket"}}}}"# + "\n")
        #expect(compact.status == 0)

        // Converted and original are the same template to diff.
        let written = try CLIProcess.run(["convert", "small.yaml", "--to", "json", "-o", "small.json"], in: tmp)
        #expect(written.stdout == "" && written.stderr == "" && written.status == 0)
        let same = try CLIProcess.run(["diff", "small.yaml", "small.json"], in: tmp)
        #expect(same.stdout == "no differences\n")
        #expect(same.status == 0)
    }

    @Test func diffEqualConfigs() throws {
        let result = try CLIProcess.run(["diff", "stacks/environments/config-stage.json", "stacks/environments/config-stage.json"])
        #expect(result.stdout == "no differences\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func diffDifferentConfigs() throws {
        let result = try CLIProcess.run(["diff", "stacks/environments/config-dev.json", "stacks/environments/config-dev-mira.json"])
        #expect(result.stdout == """
            Template
              ~ Description: "jobs service (jobs-dev): queue, dead-letter queue, job table and artifact bucket" → "jobs service (jobs-dev-mira): queue, dead-letter queue, job table and artifact bucket"
            Resources
              ~ deadLetterQueue (AWS::SQS::Queue)
                  ~ Properties.QueueName: "jobs-dev-dead-letters" → "jobs-dev-mira-dead-letters"
                  ~ Properties.Tags[0].Value: "jobs-dev-dead-letters" → "jobs-dev-mira-dead-letters"
                  + Properties.Tags[3]: {"Key":"owner","Value":"mira"}
              ~ jobQueue (AWS::SQS::Queue)
                  ~ Properties.QueueName: "jobs-dev-jobs" → "jobs-dev-mira-jobs"
                  ~ Properties.Tags[0].Value: "jobs-dev-jobs" → "jobs-dev-mira-jobs"
                  + Properties.Tags[3]: {"Key":"owner","Value":"mira"}
              ~ jobTable (AWS::DynamoDB::Table)
                  ~ Properties.TableName: "jobs-dev-jobs" → "jobs-dev-mira-jobs"
                  ~ Properties.Tags[0].Value: "jobs-dev-jobs" → "jobs-dev-mira-jobs"
                  + Properties.Tags[3]: {"Key":"owner","Value":"mira"}
              ~ artifactBucket (AWS::S3::Bucket)
                  ~ Properties.Tags[0].Value: "jobs-dev-artifacts" → "jobs-dev-mira-artifacts"
                  + Properties.Tags[3]: {"Key":"owner","Value":"mira"}
              ~ deadLetterAlarm (AWS::CloudWatch::Alarm)
                  ~ Properties.AlarmName: "jobs-dev-dead-letters" → "jobs-dev-mira-dead-letters"
            0 added, 0 removed, 6 changed

            """)
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    @Test func diffMissingFileIsExitTwo() throws {
        let result = try CLIProcess.run(["diff", "stacks/environments/config-dev.json", "stacks/environments/missing.json"])
        #expect(result.stdout == "")
        #expect(result.stderr == "stacks/environments/missing.json: error: cannot open: no such file or directory\n")
        #expect(result.status == 2)
    }

    @Test func validateBrokenTemplate() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try """
            {
                "Resources": {
                    "topic": {
                        "Type": "AWS::SNS::Topic",
                        "Properties": { "TopicName": { "Ref": "TopicNmae" } }
                    }
                }
            }

            """.write(toFile: tmp + "/broken.json", atomically: true, encoding: .utf8)
        let result = try CLIProcess.run(["validate", "broken.json"], in: tmp)
        #expect(result.stdout == """
            broken.json:5:51: error: 'Ref' to unknown resource or parameter 'TopicNmae'
                        "Properties": { "TopicName": { "Ref": "TopicNmae" } }
                                                              ^
            1 error, 0 warnings

            """)
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    @Test func validateUnparsableTemplate() throws {
        let tmp = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try "{\n  \"Resources\": {\n    \"a\": {\"Type\": \"AWS::SNS::Topic\"},\n  }\n}\n"
            .write(toFile: tmp + "/bad.json", atomically: true, encoding: .utf8)
        let result = try CLIProcess.run(["validate", "bad.json"], in: tmp)
        #expect(result.stdout == "bad.json:4:3: error: expected a string key, found '}'\n  }\n  ^\n1 error, 0 warnings\n")
        #expect(result.status == 1)
    }

    @Test func validateLibraryStack() throws {
        let result = try CLIProcess.run(["validate", "stacks/vpc/config.json", "--strict"])
        #expect(result.stdout == "no problems found\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }
}

/// Records why the CLI suites were skipped, so a missing binary is visible instead of silent.
@Suite struct CLIBinaryTests {
    @Test func binaryIsBuilt() {
        if CLIProcess.binary == nil {
            Issue.record(Comment(rawValue: CLIProcess.missingBinaryNote))
        }
    }
}
