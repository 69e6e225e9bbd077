import Testing
import YAMLBridge
@testable import LittleStack

@Suite struct NoEchoTests {
    @Test func namesFromJSONTemplate() {
        let text = """
            {"Parameters": {
              "DbPassword": {"Type": "String", "NoEcho": true},
              "ApiKey": {"Type": "String", "NoEcho": "TRUE"},
              "Domain": {"Type": "String"},
              "Visible": {"Type": "String", "NoEcho": false}
            }, "Resources": {}}
            """
        #expect(NoEchoParameters.names(inTemplateText: text) == ["DbPassword", "ApiKey"])
    }

    @Test func namesFromYAMLTemplate() {
        let text = """
            Parameters:
              Secret:
                Type: String
                NoEcho: true
              Plain: {Type: String}
            Resources:
              T: {Type: AWS::SNS::Topic, Properties: {TopicName: !Ref Plain}}
            """
        #expect(NoEchoParameters.names(inTemplateText: text) == ["Secret"])
    }

    @Test func unreadableTemplateHidesNothingStructurally() {
        #expect(NoEchoParameters.names(inTemplateText: "{ not json") == [])
        #expect(NoEchoParameters.names(inTemplateText: "Resources: {}") == [])
    }

    @Test func masking() {
        let params = [StackParameter(key: "DbPassword", value: "hunter2hunter2"), StackParameter(key: "Domain", value: "api.example.com")]
        #expect(NoEchoParameters.masked(params, noEcho: ["DbPassword"])
            == [StackParameter(key: "DbPassword", value: "****"), StackParameter(key: "Domain", value: "api.example.com")])
    }

    @Test func deploymentKnowsItsSecretValues() {
        let template = TemplateText.parse(#"{"Parameters": {"Pw": {"Type": "String", "NoEcho": true}, "D": {"Type": "String"}}}"#)
        let deployment = StackDeployment(stackName: "s", templatePath: "t.json", templateBody: "", template: template,
                                         parameters: [.init(key: "Pw", value: "s3cr3t-value"), .init(key: "D", value: "x")])
        #expect(deployment.noEchoValues == ["s3cr3t-value"])
    }

    @Test func redactorReplacesLongestFirstAndSkipsShortValues() {
        let redactor = SecretRedactor(secrets: ["abcd", "abcdefgh", "xy", ""])
        #expect(redactor.secrets == ["abcdefgh", "abcd"])
        #expect(redactor.redact("value abcdefgh and abcd and xy") == "value **** and **** and xy")
    }

    /// Copies of a redactor share one list (renewed credentials reach every console); a new one starts empty.
    @Test func redactorCopiesShareWhatIsAdded() {
        var (console, output) = ApplyConsole.capturing()
        let original = SecretRedactor(secrets: ["first-secret"])
        console.redactor = original
        let copy = console.redactor
        copy.add(["added-later-secret"])
        #expect(original.secrets == ["added-later-secret", "first-secret"])
        console.err("first-secret added-later-secret\n")
        #expect(output.stderr == "**** ****\n")
        #expect(SecretRedactor().secrets.isEmpty)
    }

    @Test func consoleRedactsEveryWrite() {
        let (console, output) = ApplyConsole.capturing(verbose: true)
        console.redactor.add(["TOKEN-123456"])
        console.out("out TOKEN-123456\n")
        console.err("err TOKEN-123456\n")
        console.note("note TOKEN-123456")
        #expect(output.stdout == "out ****\n")
        #expect(output.stderr == "err ****\nlittlestack: note ****\n")
    }
}
