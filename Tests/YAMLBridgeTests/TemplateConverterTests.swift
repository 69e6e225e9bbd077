import Testing
@testable import YAMLBridge

@Suite struct TemplateConverterTests {
    func convert(_ text: String, to format: TemplateFormat? = nil, jsonIndent: Int = 4) throws -> String {
        let (template, input) = try TemplateConverter.read(Array(text.utf8), path: "t")
        return TemplateConverter.write(template, as: format ?? input.other, jsonIndent: jsonIndent)
    }

    @Test func yamlBecomesCfnFlipJSON() throws {
        #expect(try convert("A: !Ref B\nC: [1, !GetAtt D.E]\nF: {}\n") == """
        {
            "A": {
                "Ref": "B"
            },
            "C": [
                1,
                {
                    "Fn::GetAtt": [
                        "D",
                        "E"
                    ]
                }
            ],
            "F": {}
        }

        """)
    }

    @Test func jsonBecomesShortFormYAML() throws {
        #expect(try convert(#"  {"A": {"Ref": "B"}, "C": {"Fn::Sub": "x\ny\n"}}"#) == "A: !Ref B\nC: !Sub |\n  x\n  y\n")
    }

    @Test func formatIsTakenFromTheFirstCharacter() throws {
        #expect(try TemplateConverter.read(Array("\u{FEFF}\n [1]".utf8), path: "t").format == .json)
        #expect(try TemplateConverter.read(Array("- 1".utf8), path: "t").format == .yaml)
        // Not JSON, but a YAML flow mapping: read as YAML.
        let (template, format) = try TemplateConverter.read(Array("{a: !Ref b}".utf8), path: "t")
        #expect(format == .yaml)
        #expect(JSONWriter.write(template, indent: 0) == #"{"a":{"Ref":"b"}}"#)
    }

    @Test func neitherJSONNorYAMLGivesTheJSONError() {
        let error = #expect(throws: YAMLError.self) { try TemplateConverter.read(Array("{\"a\": [1,}".utf8), path: "t.json") }
        #expect(error.map { "\($0)" } == """
        t.json:1:10: error: expected a JSON value, found '}'
        {"a": [1,}
                 ^
        """)
    }

    @Test func aFileNamedJSONIsNeverReadAsYAML() throws {
        // Valid YAML (a flow mapping with a trailing comma), but a .json file must be JSON.
        let error = #expect(throws: YAMLError.self) { try TemplateConverter.read(Array("{\"a\": 1,}\n".utf8), path: "j.json") }
        #expect(error.map { "\($0)" } == """
        j.json:1:9: error: expected a string key, found '}'
        {"a": 1,}
                ^
        """)
        #expect(try TemplateConverter.read(Array("{\"a\": 1,}\n".utf8), path: "j.yaml").format == .yaml)
    }

    @Test func sameFormatNormalises() throws {
        #expect(try convert("a: !GetAtt [R, Arn]\nb: 'x'\n", to: .yaml) == "a: !GetAtt R.Arn\nb: x\n")
        #expect(try convert(#"{"a":[1,2.50]}"#, to: .json, jsonIndent: 0) == "{\"a\":[1,2.50]}\n")
    }

    @Test func tagErrorsCarryThePath() {
        let error = #expect(throws: YAMLError.self) { try TemplateConverter.read(Array("x:\n  y: !Reff z\n".utf8), path: "s.yaml") }
        #expect(error.map { "\($0)" } == """
        s.yaml:2:6: error: unknown tag '!Reff'
          y: !Reff z
             ^
        """)
    }
}
