import Testing
@testable import YAMLBridge

@Suite struct IntrinsicTagTests {
    /// YAML → long-form compact JSON.
    func json(_ text: String) throws -> String {
        let bytes = Array(text.utf8)
        let node = try YAMLReader.parse(bytes, path: "t.yaml")
        return JSONWriter.write(try CloudFormationYAML.toJSONTree(node, path: "t.yaml", source: bytes), indent: 0)
    }

    /// JSON → short-form YAML.
    func yamlText(_ json: String) throws -> String {
        YAMLWriter.write(CloudFormationYAML.toYAMLTree(try JSONReader.parse(Array(json.utf8), path: "t.json")))
    }

    static let cases: [(yaml: String, json: String, back: String)] = [
        ("v: !Ref Name", #"{"v":{"Ref":"Name"}}"#, "v: !Ref Name\n"),
        ("v: !Ref 'AWS::Region'", #"{"v":{"Ref":"AWS::Region"}}"#, "v: !Ref AWS::Region\n"),
        // A tag's text is a string, even when it looks like a number.
        ("v: !Ref 123", #"{"v":{"Ref":"123"}}"#, "v: !Ref 123\n"),
        ("v: !Condition IsProd", #"{"v":{"Condition":"IsProd"}}"#, "v: !Condition IsProd\n"),
        ("v: !GetAtt Role.Arn", #"{"v":{"Fn::GetAtt":["Role","Arn"]}}"#, "v: !GetAtt Role.Arn\n"),
        // Split at the first dot only: attribute names can hold dots.
        ("v: !GetAtt Db.Endpoint.Address", #"{"v":{"Fn::GetAtt":["Db","Endpoint.Address"]}}"#, "v: !GetAtt Db.Endpoint.Address\n"),
        ("v: !GetAtt [Role, Arn]", #"{"v":{"Fn::GetAtt":["Role","Arn"]}}"#, "v: !GetAtt Role.Arn\n"),
        ("v: !GetAtt [Role, !Ref Attr]", #"{"v":{"Fn::GetAtt":["Role",{"Ref":"Attr"}]}}"#, "v: !GetAtt\n  - Role\n  - !Ref Attr\n"),
        ("v: !Sub '${AWS::StackName}-x'", #"{"v":{"Fn::Sub":"${AWS::StackName}-x"}}"#, "v: !Sub ${AWS::StackName}-x\n"),
        ("v: !Sub ['${A}-${B}', {A: !Ref X, B: b}]", #"{"v":{"Fn::Sub":["${A}-${B}",{"A":{"Ref":"X"},"B":"b"}]}}"#,
         "v: !Sub\n  - ${A}-${B}\n  - A: !Ref X\n    B: b\n"),
        ("v: !Join ['', [a, !Ref B]]", #"{"v":{"Fn::Join":["",["a",{"Ref":"B"}]]}}"#, "v: !Join\n  - ''\n  - - a\n    - !Ref B\n"),
        ("v: !Select [0, !GetAZs '']", #"{"v":{"Fn::Select":[0,{"Fn::GetAZs":""}]}}"#, "v: !Select\n  - 0\n  - !GetAZs ''\n"),
        ("v: !Select ['1', [a, b]]", #"{"v":{"Fn::Select":["1",["a","b"]]}}"#, "v: !Select\n  - '1'\n  - - a\n    - b\n"),
        ("v: !Split [',', !Ref L]", #"{"v":{"Fn::Split":[",",{"Ref":"L"}]}}"#, "v: !Split\n  - ','\n  - !Ref L\n"),
        ("v: !If [C, !Ref A, !Ref 'AWS::NoValue']", #"{"v":{"Fn::If":["C",{"Ref":"A"},{"Ref":"AWS::NoValue"}]}}"#,
         "v: !If\n  - C\n  - !Ref A\n  - !Ref AWS::NoValue\n"),
        ("v: !Equals [!Ref S, prod]", #"{"v":{"Fn::Equals":[{"Ref":"S"},"prod"]}}"#, "v: !Equals\n  - !Ref S\n  - prod\n"),
        ("v: !And [!Condition A, !Condition B]", #"{"v":{"Fn::And":[{"Condition":"A"},{"Condition":"B"}]}}"#,
         "v: !And\n  - !Condition A\n  - !Condition B\n"),
        ("v: !Or [!Condition A, !Equals [a, b]]", #"{"v":{"Fn::Or":[{"Condition":"A"},{"Fn::Equals":["a","b"]}]}}"#,
         "v: !Or\n  - !Condition A\n  - !Equals\n    - a\n    - b\n"),
        ("v: !Not [!Condition A]", #"{"v":{"Fn::Not":[{"Condition":"A"}]}}"#, "v: !Not\n  - !Condition A\n"),
        ("v: !FindInMap [M, !Ref 'AWS::Region', K]", #"{"v":{"Fn::FindInMap":["M",{"Ref":"AWS::Region"},"K"]}}"#,
         "v: !FindInMap\n  - M\n  - !Ref AWS::Region\n  - K\n"),
        ("v: !Base64 text", #"{"v":{"Fn::Base64":"text"}}"#, "v: !Base64 text\n"),
        // A function inside a tag with a mapping value keeps its long form (a node has one tag).
        ("v: !Base64 {Fn::Sub: 'x${A}'}", #"{"v":{"Fn::Base64":{"Fn::Sub":"x${A}"}}}"#, "v: !Base64\n  Fn::Sub: x${A}\n"),
        ("v: !Cidr [!GetAtt V.CidrBlock, 6, 8]", #"{"v":{"Fn::Cidr":[{"Fn::GetAtt":["V","CidrBlock"]},6,8]}}"#,
         "v: !Cidr\n  - !GetAtt V.CidrBlock\n  - 6\n  - 8\n"),
        ("v: !GetAZs us-east-1", #"{"v":{"Fn::GetAZs":"us-east-1"}}"#, "v: !GetAZs us-east-1\n"),
        ("v: !ImportValue shared-vpc", #"{"v":{"Fn::ImportValue":"shared-vpc"}}"#, "v: !ImportValue shared-vpc\n"),
        ("v: !ImportValue {Fn::Sub: '${N}-vpc'}", #"{"v":{"Fn::ImportValue":{"Fn::Sub":"${N}-vpc"}}}"#,
         "v: !ImportValue\n  Fn::Sub: ${N}-vpc\n"),
        ("v: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}",
         #"{"v":{"Fn::Transform":{"Name":"AWS::Include","Parameters":{"Location":"s3://b/k"}}}}"#,
         "v: !Transform\n  Name: AWS::Include\n  Parameters:\n    Location: s3://b/k\n"),
        ("v: !ToJsonString {a: [1, true]}", #"{"v":{"Fn::ToJsonString":{"a":[1,true]}}}"#, "v: !ToJsonString\n  a:\n    - 1\n    - true\n"),
        ("v: !Length [a, b]", #"{"v":{"Fn::Length":["a","b"]}}"#, "v: !Length\n  - a\n  - b\n"),
        ("v: !Contains [[a], !Ref P]", #"{"v":{"Fn::Contains":[["a"],{"Ref":"P"}]}}"#, "v: !Contains\n  - - a\n  - !Ref P\n"),
        ("v: !EachMemberEquals [p, q]", #"{"v":{"Fn::EachMemberEquals":["p","q"]}}"#, "v: !EachMemberEquals\n  - p\n  - q\n"),
        ("v: !EachMemberIn [p, q]", #"{"v":{"Fn::EachMemberIn":["p","q"]}}"#, "v: !EachMemberIn\n  - p\n  - q\n"),
        ("v: !RefAll AWS::EC2::VPC::Id", #"{"v":{"Fn::RefAll":"AWS::EC2::VPC::Id"}}"#, "v: !RefAll AWS::EC2::VPC::Id\n"),
        ("v: !ValueOf [P, Tag]", #"{"v":{"Fn::ValueOf":["P","Tag"]}}"#, "v: !ValueOf\n  - P\n  - Tag\n"),
        ("v: !ValueOfAll [T, Tag]", #"{"v":{"Fn::ValueOfAll":["T","Tag"]}}"#, "v: !ValueOfAll\n  - T\n  - Tag\n"),
        // Standard tags are data, not functions.
        ("v: !!str 12", #"{"v":"12"}"#, "v: '12'\n"),
        // Multi-line !Sub stays a literal block.
        ("v: !Sub |\n  a ${B}\n  c\n", #"{"v":{"Fn::Sub":"a ${B}\nc\n"}}"#, "v: !Sub |\n  a ${B}\n  c\n"),
    ]

    @Test(arguments: cases)
    func shortFormsBecomeLongFormsAndBack(yaml: String, json: String, back: String) throws {
        #expect(try self.json(yaml) == json)
        #expect(try yamlText(json) == back)
        // And the written YAML reads back to the same long form.
        #expect(try self.json(back) == json)
    }

    @Test func longFormsWithoutAShortFormStay() throws {
        // Non-string scalars would become strings under a tag; unknown Fn:: names; more than one key.
        #expect(try yamlText(#"{"a":{"Fn::Base64":12},"b":{"Fn::ForEach::X":[1]},"c":{"Ref":"A","x":1},"d":{"Fn::GetAtt":["A.B","C"]}}"#) == """
        a:
          Fn::Base64: 12
        b:
          Fn::ForEach::X:
            - 1
        c:
          Ref: A
          x: 1
        d: !GetAtt
          - A.B
          - C

        """)
    }

    @Test func keyOrderIsKept() throws {
        #expect(try json("z: !Ref A\ny: 1\nx: [!Ref B]\n") == #"{"z":{"Ref":"A"},"y":1,"x":[{"Ref":"B"}]}"#)
    }

    @Test(arguments: [
        ("a: !Sbu x\n", """
        t.yaml:1:4: error: unknown tag '!Sbu'
        a: !Sbu x
           ^
        """),
        ("a:\n  - !!binary aGk=\n", """
        t.yaml:2:5: error: unsupported tag '!!binary'
          - !!binary aGk=
            ^
        """),
        ("base: &b {x: 1}\nc:\n  <<: *b\n", """
        t.yaml:3:3: error: merge keys ('<<') are not supported in CloudFormation templates
          <<: *b
          ^
        """),
        ("a: !GetAtt Role\n", """
        t.yaml:1:4: error: '!GetAtt Role' needs the form 'Resource.Attribute'
        a: !GetAtt Role
           ^
        """),
    ])
    func errors(text: String, expected: String) {
        #expect(throws: YAMLError.self) { try json(text) }
        do {
            _ = try json(text)
        } catch {
            #expect("\(error)" == expected)
        }
    }
}
