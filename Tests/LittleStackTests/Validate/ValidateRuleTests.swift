import Testing
@testable import LittleStack

/// One template per rule group, each finding with its exact message and position.
@Suite struct ValidateRuleTests {
    /// Validates `Fixtures/validate/<name>` read as is, printing paths as the bare name.
    static func validate(_ name: String) throws -> String {
        let bytes = try FileIO.read(FixturePaths.fixture("validate", name))
        let kind = TemplateKind.fromName(name) ?? .json
        let template = try Renderer.parse(SourceFile(path: name, bytes: bytes), text: String(decoding: bytes, as: UTF8.self),
                                          kind: kind, templatePath: name, origins: nil)
        let findings = Validator.validate(template, config: nil)
        return (findings.map(\.description) + [Validator.summary(findings)]).joined(separator: "\n")
    }

    @Test func logicalIds() throws {
        #expect(try Self.validate("logical-ids.json") == """
        logical-ids.json:3:5: error: parameter logical ID 'stage-name' must be alphanumeric (A-Z, a-z, 0-9)
            "stage-name": { "Type": "String", "Default": "dev" },
            ^
        logical-ids.json:5:5: error: parameter 'Count' has no 'Type'
            "Count": { "Default": "1" }
            ^
        logical-ids.json:8:5: error: resource logical ID 'my_queue' must be alphanumeric (A-Z, a-z, 0-9)
            "my_queue": { "Type": "AWS::SQS::Queue" },
            ^
        logical-ids.json:9:5: error: 'Queue' is both a parameter and a resource
            "Queue": { "Type": "AWS::SQS::Queue" }
            ^
        logical-ids.json:12:5: error: output logical ID 'Queue.Url' must be alphanumeric (A-Z, a-z, 0-9)
            "Queue.Url": { "Value": { "Ref": "Queue" } },
            ^
        logical-ids.json:13:5: error: output 'Missing' has no 'Value'
            "Missing": { "Export": { "Name": "x" } }
            ^
        6 errors, 0 warnings
        """)
    }

    @Test func missingResources() throws {
        #expect(try Self.validate("missing-resources.json") == """
        missing-resources.json:1:1: error: missing 'Resources' section
        {
        ^
        1 error, 0 warnings
        """)
    }

    @Test func references() throws {
        #expect(try Self.validate("references.json") == """
        references.json:7:76: error: 'Condition' refers to unknown condition 'IsEast'
            "IsProdEast": { "Fn::And": [ { "Condition": "IsProd" }, { "Condition": "IsEast" } ] }
                                                                                   ^
        references.json:15:31: error: 'DependsOn' refers to unknown resource 'Queue'
              "DependsOn": [ "Topic", "Queue" ],
                                      ^
        references.json:17:26: error: 'Ref' to unknown resource or parameter 'Rolle'
                "Role": { "Ref": "Rolle" },
                                 ^
        references.json:18:44: error: 'Fn::FindInMap' refers to unknown mapping 'Size' (did you mean 'Sizes'?)
                "MemorySize": { "Fn::FindInMap": [ "Size", "prod", "Memory" ] },
                                                   ^
        references.json:19:50: error: mapping 'Sizes' has no key 'dev'
                "Timeout": { "Fn::FindInMap": [ "Sizes", "dev", "Timeout" ] },
                                                         ^
        references.json:20:38: error: 'Fn::If' refers to unknown condition 'IsDev'
                "Description": { "Fn::If": [ "IsDev", "dev", { "Ref": "AWS::NoValue" } ] }
                                             ^
        references.json:25:20: error: 'Condition' refers to unknown condition 'IsProdd' (did you mean 'IsProd'?)
              "Condition": "IsProdd",
                           ^
        references.json:27:63: error: 'Fn::Sub' refers to unknown resource or parameter 'Stag' (did you mean 'Stage'?)
                "TopicName": { "Fn::Sub": "${AWS::StackName}-${Stage}-${Stag}-${!Literal}" },
                                                                      ^
        references.json:28:64: error: 'Fn::Sub' refers to unknown resource 'Functio' (did you mean 'Function'?)
                "DisplayName": { "Fn::Sub": [ "${Name}-${Function.Arn}-${Functio.Arn}", { "Name": { "Ref": "Stage" } } ] },
                                                                       ^
        references.json:29:45: error: 'Fn::GetAtt' of unknown resource 'Key'
                "KmsMasterKeyId": { "Fn::GetAtt": [ "Key", "Arn" ] }
                                                    ^
        10 errors, 0 warnings
        """)
    }

    @Test func releaseShapes() throws {
        #expect(try Self.validate("release-shapes.json") == """
        release-shapes.json:7:101: error: 'FunctionName' of version 'Version2' refers to 'Topic', an AWS::SNS::Topic, not an AWS::Lambda::Function
            "Version2": { "Type": "AWS::Lambda::Version", "Properties": { "FunctionName": { "Fn::GetAtt": [ "Topic", "TopicArn" ] } } },
                                                                                                            ^
        release-shapes.json:8:134: error: 'FunctionVersion' of alias 'AliasByRef' must be {"Fn::GetAtt": ["Version1", "Version"]}: a 'Ref' to a version is its ARN, not its number
            "AliasByRef": { "Type": "AWS::Lambda::Alias", "Properties": { "FunctionName": { "Ref": "Function" }, "FunctionVersion": { "Ref": "Version1" }, "Name": "a" } },
                                                                                                                                             ^
        release-shapes.json:9:152: error: 'FunctionVersion' of alias 'AliasWrongAttribute' must be the 'Version' attribute of 'Version1', not 'Arn'
            "AliasWrongAttribute": { "Type": "AWS::Lambda::Alias", "Properties": { "FunctionName": { "Ref": "Function" }, "FunctionVersion": { "Fn::GetAtt": [ "Version1", "Arn" ] }, "Name": "b" } },
                                                                                                                                                               ^
        release-shapes.json:10:94: error: 'FunctionName' of alias 'AliasOfTopic' refers to 'Topic', an AWS::SNS::Topic, not an AWS::Lambda::Function
            "AliasOfTopic": { "Type": "AWS::Lambda::Alias", "Properties": { "FunctionName": { "Ref": "Topic" }, "FunctionVersion": { "Fn::GetAtt": [ "Function", "Version" ] }, "Name": "c" } },
                                                                                                     ^
        release-shapes.json:10:142: error: 'FunctionVersion' of alias 'AliasOfTopic' refers to 'Function', an AWS::Lambda::Function, not an AWS::Lambda::Version
            "AliasOfTopic": { "Type": "AWS::Lambda::Alias", "Properties": { "FunctionName": { "Ref": "Topic" }, "FunctionVersion": { "Fn::GetAtt": [ "Function", "Version" ] }, "Name": "c" } },
                                                                                                                                                     ^
        release-shapes.json:13:98: error: 'RestApiId' of deployment 'Deployment' refers to 'Function', an AWS::Lambda::Function, not an AWS::ApiGateway::RestApi
            "Deployment": { "Type": "AWS::ApiGateway::Deployment", "Properties": { "RestApiId": { "Ref": "Function" } } },
                                                                                                         ^
        release-shapes.json:14:96: error: 'DeploymentId' of stage 'StageOnApi' refers to 'Api', an AWS::ApiGateway::RestApi, not an AWS::ApiGateway::Deployment
            "StageOnApi": { "Type": "AWS::ApiGateway::Stage", "Properties": { "DeploymentId": { "Ref": "Api" }, "RestApiId": { "Ref": "Api" } } },
                                                                                                       ^
        release-shapes.json:15:90: error: 'DeploymentId' of stage 'StageByGetAtt' must be a 'Ref' to an AWS::ApiGateway::Deployment
            "StageByGetAtt": { "Type": "AWS::ApiGateway::Stage", "Properties": { "DeploymentId": { "Fn::GetAtt": [ "Deployment", "DeploymentId" ] }, "RestApiId": { "Ref": "Topic" } } },
                                                                                                 ^
        release-shapes.json:15:164: error: 'RestApiId' of stage 'StageByGetAtt' refers to 'Topic', an AWS::SNS::Topic, not an AWS::ApiGateway::RestApi
            "StageByGetAtt": { "Type": "AWS::ApiGateway::Stage", "Properties": { "DeploymentId": { "Fn::GetAtt": [ "Deployment", "DeploymentId" ] }, "RestApiId": { "Ref": "Topic" } } },
                                                                                                                                                                           ^
        9 errors, 0 warnings
        """)
    }

    @Test func subBlock() throws {
        #expect(try Self.validate("sub-block.yaml") == """
        sub-block.yaml:10:17: error: 'Fn::Sub' refers to unknown resource or parameter 'Bucket'
                  echo "${Bucket}" > /etc/motd
                        ^
        sub-block.yaml:13:42: error: 'Fn::Sub' refers to unknown resource or parameter 'Nam'
                  Value: !Sub "${AWS::StackName}-${Nam}"
                                                 ^
        sub-block.yaml:15:18: error: 'Fn::GetAtt' of unknown resource 'Instanc' (did you mean 'Instance'?)
                  Value: !GetAtt Instanc.PublicIp
                         ^
        sub-block.yaml:17:18: error: 'Ref' to unknown resource or parameter 'Zone'
                  Value: !Ref Zone
                         ^
        4 errors, 0 warnings
        """)
    }

    @Test func topLevel() throws {
        #expect(try Self.validate("top-level.json") == """
        top-level.json:2:31: error: 'AWSTemplateFormatVersion' must be '2010-09-09'
          "AWSTemplateFormatVersion": "2010-09-10",
                                      ^
        top-level.json:3:3: error: unknown top-level section 'Descripton' (did you mean 'Description'?)
          "Descripton": "misspelt",
          ^
        top-level.json:4:14: error: 'Outputs' must be an object, not an array
          "Outputs": [],
                     ^
        top-level.json:6:5: error: resource 'Topic' has no 'Type'
            "Topic": { "Properties": {} },
            ^
        top-level.json:7:43: error: unknown attribute 'Propeties' in resource 'Queue' (did you mean 'Properties'?)
            "Queue": { "Type": "AWS::SQS::Queue", "Propeties": {} },
                                                  ^
        top-level.json:8:25: error: 'Type' of resource 'Bucket' must be a string
            "Bucket": { "Type": ["AWS::S3::Bucket"] }
                                ^
        6 errors, 0 warnings
        """)
    }
}
