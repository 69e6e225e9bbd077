import Testing
@testable import LittleStack

@Suite struct RendererTests {
    let dir = FixturePaths.fixtures + "/config/render"

    func render(_ config: String, strict: Bool = false) throws -> RenderedTemplate {
        try Renderer.render(config: try StackConfig.load(path: dir + "/" + config, environment: [:]), bucket: nil, strict: strict)
    }

    @Test func outputThatDoesNotParsePointsAtTheRenderedLineAndTheTemplateLine() throws {
        let error = #expect(throws: DiagnosticError.self) { try render("broken.json") }
        #expect(error?.description == """
        \(dir)/broken.json.njk (rendered):5:3: error: expected a string key, found '}'
          }
          ^
        \(dir)/broken.json.njk:6: note: rendered from this template line
          }
        """)
    }

    @Test func originsMapEveryRenderedLineToItsTemplateLine() throws {
        let config = try StackConfig.load(path: dir + "/strict.json", environment: [:])
        let plain = try Renderer.render(config: config, bucket: nil)
        let mapped = try Renderer.render(config: config, bucket: nil, origins: true)
        #expect(plain.origins == nil)
        #expect(mapped.text == plain.text)
        // One origin per line; a final newline ends the last line rather than starting another.
        let newlines = mapped.text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        let lines = newlines + (mapped.text.hasSuffix("\n") ? 0 : 1)
        #expect(mapped.origins?.count == lines)
        #expect(mapped.origins?.allSatisfy { $0.path == config.resolvedTemplatePath && $0.line >= 1 } == true)
    }

    @Test func strictMakesUndefinedAnError() throws {
        #expect(try render("strict.json").text.contains(#""TopicName": "" }"#))
        let error = #expect(throws: DiagnosticError.self) { try render("strict.json", strict: true) }
        #expect(error?.description == """
        \(dir)/strict.json.njk:3:91: error: cannot read 'stackVariables.topicName': 'stackVariables' is null
            "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "{{ stackVariables.topicName }}" } }
                                                                                                  ^
        """)
    }

    @Test func kindByContentAndFormats() throws {
        let rendered = try render("by-content.json")
        #expect(rendered.kind == .yaml)
        #expect(rendered.text == """
        Resources:
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !Sub "${AWS::StackName}-config-bucket"

        """)
        #expect(rendered.jsonText() == """
        {
          "Resources": {
            "Topic": {
              "Type": "AWS::SNS::Topic",
              "Properties": {
                "TopicName": {
                  "Fn::Sub": "${AWS::StackName}-config-bucket"
                }
              }
            }
          }
        }

        """)
        #expect(rendered.yamlText() == """
        Resources:
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !Sub ${AWS::StackName}-config-bucket

        """)
    }

    /// The YAML fixture converted to JSON and back is the same template.
    @Test func formatsRoundTrip() throws {
        let stack = try StackConfig.load(path: FixturePaths.stackFixtures + "/yaml-network-subnets/config.json", environment: [:])
        let rendered = try Renderer.render(config: stack, bucket: "b")
        let fromJSON = try Renderer.parse(SourceFile(path: "x.json", bytes: Array(rendered.jsonText().utf8)),
                                          text: rendered.jsonText(), kind: .json, templatePath: "x.json", origins: nil)
        let fromYAML = try Renderer.parse(SourceFile(path: "x.yaml", bytes: Array(rendered.yamlText().utf8)),
                                          text: rendered.yamlText(), kind: .yaml, templatePath: "x.yaml", origins: nil)
        #expect(StructuralDiff.compare(rendered.tree, fromJSON.tree).isEqual)
        #expect(StructuralDiff.compare(rendered.tree, fromYAML.tree).isEqual)
    }

    @Test(arguments: [
        ("api.json.njk", TemplateKind?.some(.json)), ("net.yaml.njk", .yaml), ("net.yml.njk", .yaml),
        ("t.json", .json), ("t.yml", .yaml), ("T.YAML", .yaml), ("cfn.njk", nil), ("template", nil),
    ])
    func kindFromName(name: String, kind: TemplateKind?) {
        #expect(TemplateKind.fromName("stacks/x/" + name) == kind)
    }

    @Test func kindFromContent() {
        #expect(TemplateKind.fromContent(Array("\n  {\"a\": 1}".utf8)) == .json)
        #expect(TemplateKind.fromContent(Array("a: 1".utf8)) == .yaml)
    }
}
