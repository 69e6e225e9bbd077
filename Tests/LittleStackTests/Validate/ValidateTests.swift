import Foundation
import Testing
@testable import LittleStack

@Suite struct ValidateTests {
    static func template(_ text: String, path: String = "t.json") throws -> RenderedTemplate {
        try Renderer.parse(SourceFile(path: path, bytes: Array(text.utf8)), text: text,
                           kind: TemplateKind.fromName(path) ?? .json, templatePath: path, origins: nil)
    }

    static func findings(_ text: String) throws -> String {
        let findings = Validator.validate(try template(text), config: nil)
        return (findings.map(\.description) + [Validator.summary(findings)]).joined(separator: "\n")
    }

    /// `count` resources named R0…, then the given extra sections.
    static func generated(resources: Int, parameters: Int = 0, outputs: Int = 0, padding: Int = 0) -> String {
        var text = "{\n"
        if padding > 0 { text += "  \"Metadata\": { \"Padding\": \"\(String(repeating: "x", count: padding))\" },\n" }
        if parameters > 0 {
            text += "  \"Parameters\": {\n"
            text += (0..<parameters).map { "    \"P\($0)\": { \"Type\": \"String\", \"Default\": \"d\" }" }.joined(separator: ",\n")
            text += "\n  },\n"
        }
        text += "  \"Resources\": {\n"
        text += (0..<resources).map { "    \"R\($0)\": { \"Type\": \"AWS::SNS::Topic\" }" }.joined(separator: ",\n")
        text += "\n  }"
        if outputs > 0 {
            text += ",\n  \"Outputs\": {\n"
            text += (0..<outputs).map { "    \"O\($0)\": { \"Value\": \"v\" }" }.joined(separator: ",\n")
            text += "\n  }"
        }
        return text + "\n}\n"
    }

    @Test func countLimits() throws {
        #expect(try Self.findings(Self.generated(resources: 501, parameters: 201, outputs: 201)) == """
        t.json:2:3: error: template has 201 parameters, more than the limit of 200
          "Parameters": {
          ^
        t.json:205:3: error: template has 501 resources, more than the limit of 500
          "Resources": {
          ^
        t.json:708:3: error: template has 201 outputs, more than the limit of 200
          "Outputs": {
          ^
        3 errors, 0 warnings
        """)
        #expect(try Self.findings(Self.generated(resources: 500, parameters: 200, outputs: 200)) == "no problems found")
    }

    @Test func bodySizeLimits() throws {
        // The generated text is the padding plus a fixed overhead: size templates to the byte.
        let overhead = Self.generated(resources: 1, padding: 1).utf8.count - 1
        #expect(try Self.findings(Self.generated(resources: 1, padding: 51_200 - overhead)) == "no problems found")
        #expect(try Self.findings(Self.generated(resources: 1, padding: 51_201 - overhead)) == """
        t.json: warning: template body is 51,201 bytes, more than the 51,200 bytes CloudFormation takes inline: it must go through S3 (littlestack uploads it)
        0 errors, 1 warning
        """)
        #expect(try Self.findings(Self.generated(resources: 1, padding: 1_048_576 - overhead)) == """
        t.json: warning: template body is 1,048,576 bytes, more than the 51,200 bytes CloudFormation takes inline: it must go through S3 (littlestack uploads it)
        0 errors, 1 warning
        """)
        #expect(try Self.findings(Self.generated(resources: 1, padding: 1_048_577 - overhead)) == """
        t.json: error: template body is 1,048,577 bytes, more than the limit of 1,048,576 bytes
        1 error, 0 warnings
        """)
    }

    @Test func parametersAgainstConfig() throws {
        let dir = FixturePaths.fixtures + "/config"
        let config = try StackConfig.load(path: dir + "/parameters.json", environment: [:])
        let template = try Renderer.load(templateAt: config.resolvedTemplatePath)
        let findings = Validator.validate(template, config: config)
        #expect(findings.map(\.description).joined(separator: "\n") == """
        \(dir)/parameters.json:5:27: error: parameter 'Ownr' is not in the template (did you mean 'Owner'?)
                { "ParameterKey": "Ownr", "ParameterValue": "mira" }
                                  ^
        \(dir)/templates/plain.json:4:5: error: parameter 'Owner' has no 'Default' and no value in '\(dir)/parameters.json'
            "Owner": { "Type": "String" },
            ^
        """)
    }

    @Test func configWarningsAreFindings() throws {
        let dir = FixturePaths.fixtures + "/config"
        let config = try StackConfig.load(path: dir + "/unknown-keys.json", environment: [:])
        let template = try Renderer.load(templateAt: config.resolvedTemplatePath)
        let findings = Validator.validate(template, config: config)
        #expect(findings.filter { $0.severity == .warning }.count == 4)
        #expect(Validator.summary(findings) == "2 errors, 4 warnings")
    }

    /// The fixtures' rendered outputs are real, clean templates: nothing to report.
    @Test(arguments: [
        "api-lambda-openapi-json/expected.txt", "api-openapi-yaml/expected.txt", "conditions-defaults/expected.txt",
        "ecr-repositories/expected.txt", "environments-dev-prod/expected-dev.txt", "environments-dev-prod/expected-prod.txt",
        "iam-policy-nested-loops/expected.txt", "macros-import-context/expected.txt", "tags-stack-tags-str/expected.txt",
        "yaml-network-subnets/expected.txt",
    ])
    func cleanTemplatesHaveNoFindings(_ name: String) throws {
        let path = FixturePaths.stackFixtures + "/" + name
        let template = try Renderer.load(templateAt: path)
        #expect(template.kind == (name.hasPrefix("yaml") ? .yaml : .json))
        #expect(Validator.validate(template, config: nil) == [])
    }

    @Test func notAnObject() throws {
        #expect(try Self.findings("[1, 2]\n") == """
        t.json:1:1: error: template must be an object, not an array
        [1, 2]
        ^
        1 error, 0 warnings
        """)
    }

    @Test func parseErrorOfPlainTemplate() {
        #expect(throws: DiagnosticError.self) { try Self.template("{\n  \"Resources\": {,\n}\n") }
    }

    @Test func jsonForm() throws {
        let findings = Validator.validate(try Self.template("{\"Resources\": {\"A\": {\"Type\": \"X\", \"DependsOn\": \"B\"}}}"), config: nil)
        #expect(JSONValue.array(findings.map(\.jsonValue)).jsonText() == #"""
        [{"severity":"error","path":"t.json","line":1,"column":48,"message":"'DependsOn' refers to unknown resource 'B'","notes":[]}]
        """#)
    }

    @Test func cfnLintOutputBecomesFindings() throws {
        let source = SourceFile(path: "t.json (rendered)", bytes: Array("{\n  \"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"Bogus\": 1}}}\n}\n".utf8))
        let output = #"""
        [{"Filename": "x.json", "Id": "c2", "Level": "Error",
          "Location": {"End": {"ColumnNumber": 72, "LineNumber": 2}, "Path": ["Resources", "A", "Properties", "Bogus"],
                       "Start": {"ColumnNumber": 65, "LineNumber": 2}},
          "Message": "Additional properties are not allowed ('Bogus' was unexpected)", "ParentId": null,
          "Rule": {"Description": "d", "Id": "E3002", "ShortDescription": "s", "Source": "u"}},
         {"Level": "Warning", "Location": {"Start": {"ColumnNumber": 3, "LineNumber": 2}}, "Message": "w", "Rule": {"Id": "W1"}}]
        """#
        let findings = try CFNLint.parse(Array(output.utf8), source: source)
        #expect(findings.map(\.description).joined(separator: "\n") == """
        t.json (rendered):2:65: error: Additional properties are not allowed ('Bogus' was unexpected) (cfn-lint E3002)
          "Resources": {"A": {"Type": "AWS::SNS::Topic", "Properties": {"Bogus": 1}}}
                                                                        ^
        t.json (rendered):2:3: warning: w (cfn-lint W1)
          "Resources": {"A": {"Type": "AWS::SNS::Topic", "Properties": {"Bogus": 1}}}
          ^
        """)
        #expect(try CFNLint.parse([], source: source) == [])
    }

    /// cfn-lint itself, when installed: a bad property is reported at its rendered position.
    @Test(.enabled(if: CFNLint.executable(environment: ProcessInfo.processInfo.environment) != nil))
    func cfnLintRuns() throws {
        let template = try Self.template("{\n  \"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"Bogus\": 1}}}\n}\n")
        let exe = CFNLint.executable(environment: ProcessInfo.processInfo.environment)!
        let findings = try CFNLint.run(template, executable: exe)
        #expect(findings.map { "\($0.line):\($0.column) \($0.severity)" } == ["2:65 error"])
        #expect(findings.first?.message.hasSuffix("(cfn-lint E3002)") == true)
    }
}
