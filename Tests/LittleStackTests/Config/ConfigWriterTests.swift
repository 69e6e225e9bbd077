import Foundation
import Testing
@testable import LittleStack

@Suite struct ConfigWriterTests {
    let dir = FixturePaths.fixtures + "/config"

    /// The release step: append a version, move the prod pointer, add a key.
    @Test func rewritesOnlyChangedValues() throws {
        let config = try StackConfig.load(path: dir + "/rewrite.json", environment: [:])
        guard case .object(var variables)? = config.variables, case .object(var hello) = variables[0].1 else {
            Issue.record("no variables")
            return
        }
        for i in hello.indices {
            switch hello[i].0 {
            case "lambdaVersions":
                if case .array(var items) = hello[i].1 {
                    items.append(.object([("resourceName", .string("helloVer20240311r0")), ("description", .string("hello 1.1.1"))]))
                    hello[i].1 = .array(items)
                }
            case "gatewayDeployments":
                if case .array(var items) = hello[i].1 {
                    items.append(.object([("resourceName", .string("deploy20240311r0")), ("description", .string("v2"))]))
                    hello[i].1 = .array(items)
                }
            case "prodLambdaVersion": hello[i].1 = .string("helloVer20240311r0")
            default: break
            }
        }
        hello.append(("betaDeployment", .string("deploy20240311r0")))
        variables[0].1 = .object(hello)
        let output = try ConfigWriter.rewritingVariables(of: config, to: .object(variables))
        #expect(String(decoding: output, as: UTF8.self) == """
        {
            "StackName": "hello-api-dev",
            "Parameters": [
                {
                    "ParameterKey": "Stage",
                    "ParameterValue": "dev"
                }
            ],
            "Littleware": {
                "TemplatePath": "templates/plain.json",
                "Variables": {
                    "hello": {
                        "logLevel": "debug",
                        "lambdaVersions": [
                            {
                                "resourceName": "helloVer20240102r0",
                                "description": "initial prod version"
                            },
                            {
                                "resourceName": "helloVer20240311r0",
                                "description": "hello 1.1.1"
                            }
                        ],
                        "prodLambdaVersion": "helloVer20240311r0",
                        "gatewayDeployments": [ { "resourceName": "deploy20240102r0", "description": "initial deployment" }, { "resourceName": "deploy20240311r0", "description": "v2" } ],
                        "prodDeployment": "deploy20240102r0",
                        "betaDeployment": "deploy20240311r0"
                    }
                },
                "Bucket": "kept-after-variables"
            },
            "DisableRollback": false
        }

        """)
    }

    @Test func addsVariablesWhenAbsent() throws {
        let config = try StackConfig.load(path: dir + "/rewrite-no-variables.json", environment: [:])
        let output = try ConfigWriter.rewritingVariables(of: config, to: .object([("owner", .string("mira")), ("sizes", .array([.number(1), .number(2.5)]))]))
        #expect(String(decoding: output, as: UTF8.self) == """
        {
          "StackName": "catalog-dev",
          "Littleware": {
            "TemplatePath": "templates/plain.json",
            "Variables": {
              "owner": "mira",
              "sizes": [
                1,
                2.5
              ]
            }
          }
        }

        """)
    }

    @Test func keepsTabIndentation() throws {
        let text = "{\n\t\"StackName\": \"tabs\",\n\t\"Littleware\": {\n\t\t\"TemplatePath\": \"templates/plain.json\",\n\t\t\"Variables\": {}\n\t}\n}\n"
        let config = try StackConfig.parse(Array(text.utf8), path: dir + "/inline.json", environment: [:])
        let output = try ConfigWriter.rewritingVariables(of: config, to: .object([("list", .array([.number(1)]))]))
        #expect(String(decoding: output, as: UTF8.self)
            == "{\n\t\"StackName\": \"tabs\",\n\t\"Littleware\": {\n\t\t\"TemplatePath\": \"templates/plain.json\",\n\t\t\"Variables\": {\n\t\t\t\"list\": [\n\t\t\t\t1\n\t\t\t]\n\t\t}\n\t}\n}\n")
    }

    @Test func unchangedVariablesLeaveBytesAlone() throws {
        let config = try StackConfig.load(path: dir + "/rewrite.json", environment: [:])
        let output = try ConfigWriter.rewritingVariables(of: config, to: config.variables!)
        #expect(output == config.source.bytes)
    }

    @Test func writesAtomically() throws {
        let folder = FixturePaths.temporaryFolder()
        let path = folder + "/stackParams.json"
        try FileIO.read(dir + "/rewrite-no-variables.json").withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
        // The template stays in the fixtures folder, found through LITTLE_HOME.
        let config = try StackConfig.load(path: path, environment: ["LITTLE_HOME": dir])
        try ConfigWriter.writeVariables(.object([("a", .bool(true))]), to: config)
        let reread = try StackConfig.load(path: path, environment: ["LITTLE_HOME": dir])
        #expect(reread.variables == .object([("a", .bool(true))]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["stackParams.json"])
    }
}

@Suite struct AtomicFileTests {
    @Test func failureMidWriteLeavesTargetIntact() throws {
        let folder = FixturePaths.temporaryFolder()
        let path = folder + "/target.json"
        try AtomicFile.write("old content\n", to: path)
        let big = [UInt8](repeating: 0x41, count: 3 << 20)
        #expect(throws: FileError(path: path, operation: "write", reason: "No space left on device")) {
            try AtomicFile.write(big, to: path, failAfterBytes: 1 << 20)
        }
        #expect(FixturePaths.text(path) == "old content\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["target.json"])
    }

    @Test func replacesContentAndKeepsMode() throws {
        let folder = FixturePaths.temporaryFolder()
        let path = folder + "/script.sh"
        try AtomicFile.write("echo one\n", to: path)
        chmod(path, 0o750)
        try AtomicFile.write("echo two\n", to: path)
        #expect(FixturePaths.text(path) == "echo two\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o750)
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: FileError(path: "/nonexistent-folder/x.json", operation: "create a temporary file",
                                  reason: "No such file or directory")) {
            try AtomicFile.write("x", to: "/nonexistent-folder/x.json")
        }
    }

    @Test func errorText() {
        let error = FileError(path: "out.json", operation: "rename", reason: "Permission denied")
        #expect("\(error)" == "out.json: error: cannot rename: permission denied")
    }
}

@Suite struct ConfigWriterYAMLTests {
    let path = FixturePaths.fixtures + "/config/stack.yaml"
    let head = """
    # a stack config written in YAML
    StackName: yaml-stack
    Capabilities: [CAPABILITY_NAMED_IAM]
    TimeoutInMinutes: 15
    EnableTerminationProtection: false
    RoleARN: arn:aws:iam::123456789012:role/cfn
    NotificationARNs:
      - arn:aws:sns:us-east-1:123456789012:stack-events
    Parameters:
      - ParameterKey: Stage
        ParameterValue: prod
      - ParameterKey: Owner
        UsePreviousValue: true
    Tags:
      - Key: org
        Value: apps
    Littleware:
      TemplatePath: templates/plain.json
      Bucket: my-stack-bucket
      Variables:

    """

    @Test func appendsToFlowSequenceAndReplacesScalars() throws {
        let config = try StackConfig.load(path: path, environment: [:])
        let output = try ConfigWriter.rewritingVariables(of: config, to: .object([
            ("names", .array([.string("a"), .string("b"), .string("c-1")])), ("count", .number(3)),
        ]))
        #expect(String(decoding: output, as: UTF8.self) == head + """
            names: [a, b, c-1]
            count: 3

        """)
    }

    @Test func addsBlockKeysAndRewritesShrunkLists() throws {
        let config = try StackConfig.load(path: path, environment: [:])
        let output = try ConfigWriter.rewritingVariables(of: config, to: .object([
            ("names", .array([.string("a")])), ("count", .number(2)),
            ("prodVersion", .string("v20240311")), ("release", .object([("note", .string("yes")), ("at", .string("10:15"))])),
        ]))
        #expect(String(decoding: output, as: UTF8.self) == head + """
            names: [ a ]
            count: 2
            prodVersion: v20240311
            release: { note: "yes", at: "10:15" }

        """)
    }

    @Test func appendsToBlockSequence() throws {
        let text = """
        StackName: block
        Littleware:
          TemplatePath: templates/plain.json
          Variables:
            lambdaVersions:
              - resourceName: ver1
                description: first
            prod: ver1

        """
        let config = try StackConfig.parse(Array(text.utf8), path: FixturePaths.fixtures + "/config/inline.yaml", environment: [:])
        let output = try ConfigWriter.rewritingVariables(of: config, to: .object([
            ("lambdaVersions", .array([
                .object([("resourceName", .string("ver1")), ("description", .string("first"))]),
                .object([("resourceName", .string("ver2")), ("description", .string("second: fixes"))]),
            ])),
            ("prod", .string("ver2")),
        ]))
        #expect(String(decoding: output, as: UTF8.self) == """
        StackName: block
        Littleware:
          TemplatePath: templates/plain.json
          Variables:
            lambdaVersions:
              - resourceName: ver1
                description: first
              - { resourceName: ver2, description: "second: fixes" }
            prod: ver2

        """)
    }

    /// The list is the mapping's last value: both appends land at one offset, the entry first.
    @Test func nestedAppendsAtOneOffset() throws {
        let text = "StackName: nested\nLittleware:\n  TemplatePath: templates/plain.json\n  Variables:\n    list:\n      - 1\n"
        let config = try StackConfig.parse(Array(text.utf8), path: FixturePaths.fixtures + "/config/inline.yaml", environment: [:])
        let output = try ConfigWriter.rewritingVariables(of: config, to: .object([
            ("list", .array([.number(1), .number(2)])), ("more", .bool(true)),
        ]))
        #expect(String(decoding: output, as: UTF8.self)
            == "StackName: nested\nLittleware:\n  TemplatePath: templates/plain.json\n  Variables:\n    list:\n      - 1\n      - 2\n    more: true\n")
    }
}
