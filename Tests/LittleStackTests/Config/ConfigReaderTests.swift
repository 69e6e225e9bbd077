import Testing
@testable import LittleStack

@Suite struct ConfigReaderTests {
    let dir = FixturePaths.fixtures + "/config"

    func errorText(_ name: String, environment: [String: String] = [:]) -> String {
        do {
            _ = try StackConfig.load(path: dir + "/" + name, environment: environment)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func readsLittleStackConfig() throws {
        let path = FixturePaths.stackFixtures + "/api-lambda-openapi-json/config.json"
        let config = try StackConfig.load(path: path, environment: [:])
        #expect(config.stackName == "hello-api-dev")
        #expect(config.format == .json)
        #expect(config.capabilities == ["CAPABILITY_IAM"])
        #expect(config.timeoutInMinutes == 10)
        #expect(config.enableTerminationProtection == true)
        #expect(config.parameters.map(\.key) == ["LambdaKey", "LambdaRoleArn", "DomainName", "StageName"])
        #expect(config.parameters[3].value == "dev")
        #expect(config.tags == [.init(key: "org", value: "apps"), .init(key: "project", value: "hello-api"),
                                .init(key: "stage", value: "dev"), .init(key: "role", value: "api")])
        #expect(config.templatePath == "api.json.njk")
        #expect(config.resolvedTemplatePath == FixturePaths.stackFixtures + "/api-lambda-openapi-json/api.json.njk")
        #expect(config.templateLocation == .configFolder)
        #expect(config.variables?["hello"]?["prodLambdaVersion"] == .string("helloVer20240215r0"))
        #expect(config.warnings.isEmpty)
        #expect(config.otherKeys.isEmpty)
    }

    @Test func readsYAMLConfig() throws {
        let config = try StackConfig.load(path: dir + "/stack.yaml", environment: [:])
        #expect(config.format == .yaml)
        #expect(config.stackName == "yaml-stack")
        #expect(config.capabilities == ["CAPABILITY_NAMED_IAM"])
        #expect(config.timeoutInMinutes == 15)
        #expect(config.enableTerminationProtection == false)
        #expect(config.roleARN == "arn:aws:iam::123456789012:role/cfn")
        #expect(config.notificationARNs == ["arn:aws:sns:us-east-1:123456789012:stack-events"])
        #expect(config.parameters == [.init(key: "Stage", value: "prod"), .init(key: "Owner", value: nil, usePreviousValue: true)])
        #expect(config.bucket == "my-stack-bucket")
        #expect(config.variables == .object([("names", .array([.string("a"), .string("b")])), ("count", .number(2))]))
        #expect(config.resolvedTemplatePath == dir + "/templates/plain.json")
    }

    @Test func missingStackName() {
        #expect(errorText("missing-stack-name.json") == """
        \(dir)/missing-stack-name.json:1:1: error: missing 'StackName'
        {
        ^
        """)
    }

    @Test func wrongTypes() {
        #expect(errorText("bad-types.json") == """
        \(dir)/bad-types.json:3:25: error: 'TimeoutInMinutes' must be a number, not a string
            "TimeoutInMinutes": "5",
                                ^
        \(dir)/bad-types.json:4:36: error: 'EnableTerminationProtection' must be a boolean, not a string
            "EnableTerminationProtection": "yes",
                                           ^
        \(dir)/bad-types.json:5:41: error: 'Capabilities' entry must be a string, not a number
            "Capabilities": [ "CAPABILITY_IAM", 7 ],
                                                ^
        \(dir)/bad-types.json:5:41: warning: unknown capability '7'
            "Capabilities": [ "CAPABILITY_IAM", 7 ],
                                                ^
        \(dir)/bad-types.json:7:9: error: parameter without 'ParameterKey'
                { "ParameterValue": "orphan" },
                ^
        \(dir)/bad-types.json:8:53: error: 'ParameterValue' must be a string, not a number
                { "ParameterKey": "Size", "ParameterValue": 3 }
                                                            ^
        \(dir)/bad-types.json:10:13: error: 'Tags' must be an array, not an object
            "Tags": { "Key": "org", "Value": "apps" },
                    ^
        \(dir)/bad-types.json:11:71: error: 'Bucket' must be a string, not a boolean
            "Littleware": { "TemplatePath": "templates/plain.json", "Bucket": false }
                                                                              ^
        """)
    }

    @Test func templateNotFoundListsPathsTried() {
        #expect(errorText("template-not-found.json", environment: ["LITTLE_HOME": "/opt/little"]) == """
        \(dir)/template-not-found.json:4:25: error: template 'lib/cloudformation/missing.json' not found (tried '\(dir)/lib/cloudformation/missing.json', '/opt/little/lib/cloudformation/missing.json')
                "TemplatePath": "lib/cloudformation/missing.json"
                                ^
        """)
    }

    @Test func templatePathFallsBackToLittleHome() throws {
        let home = dir + "/little-home"
        let config = try StackConfig.load(path: dir + "/legacy.json", environment: ["LITTLE_HOME": home])
        #expect(config.resolvedTemplatePath == home + "/lib/legacy.json")
        #expect(config.templateLocation == .littleHome)
        #expect(errorText("legacy.json") == """
        \(dir)/legacy.json:3:37: error: template 'lib/legacy.json' not found (tried '\(dir)/lib/legacy.json')
            "Littleware": { "TemplatePath": "lib/legacy.json" }
                                            ^
        """)
    }

    @Test func unknownKeysAreKeptAndWarned() throws {
        let config = try StackConfig.load(path: dir + "/unknown-keys.json", environment: [:])
        #expect(config.otherKeys.map(\.0) == ["Capabilites", "DisableRollback"])
        #expect(config.warnings.map(\.description).joined(separator: "\n") == """
        \(dir)/unknown-keys.json:3:5: warning: unknown key 'Capabilites' (did you mean 'Capabilities'?)
            "Capabilites": [ "CAPABILITY_IAM" ],
            ^
        \(dir)/unknown-keys.json:5:23: warning: unknown capability 'CAPABILITY_IAMM'
            "Capabilities": [ "CAPABILITY_IAMM" ],
                              ^
        \(dir)/unknown-keys.json:6:31: warning: unknown key 'Vaule' (did you mean 'Value'?)
            "Tags": [ { "Key": "org", "Vaule": "apps", "Value": "apps" } ],
                                      ^
        \(dir)/unknown-keys.json:9:9: warning: unknown key 'Variabels' (did you mean 'Variables'?)
                "Variabels": {}
                ^
        """)
    }

    @Test func readerErrorsKeepTheirNote() {
        #expect(errorText("duplicate-key.json") == """
        \(dir)/duplicate-key.json:3:5: error: duplicate key 'StackName'
            "StackName": "second",
            ^
        \(dir)/duplicate-key.json:2:5: note: 'StackName' first appears here
            "StackName": "first",
            ^
        """)
    }

    @Test func stackNameMustBeValid() throws {
        let bytes = Array(#"{"StackName": "9lives_x", "Littleware": {"TemplatePath": "templates/plain.json"}}"#.utf8)
        #expect(throws: DiagnosticError.self) {
            try StackConfig.parse(bytes, path: dir + "/inline.json", environment: [:])
        }
        do {
            _ = try StackConfig.parse(bytes, path: dir + "/inline.json", environment: [:])
        } catch {
            #expect("\(error)" == """
            \(dir)/inline.json:1:15: error: stack name '9lives_x' must start with a letter and hold only letters, digits and '-' (at most 128)
            {"StackName": "9lives_x", "Littleware": {"TemplatePath": "templates/plain.json"}}
                          ^
            """)
        }
    }
}
