import Testing
@testable import LittleStack

@Suite struct DiffTests {
    static func tree(_ name: String) throws -> RenderedTemplate {
        try Renderer.load(templateAt: FixturePaths.fixture("diff", name))
    }

    @Test func yamlWithShortTagsEqualsJSON() throws {
        let report = StructuralDiff.compare(try Self.tree("old.json").tree, try Self.tree("same.yaml").tree)
        #expect(report.isEqual)
        #expect(report.text() == "no differences\n")
        #expect(report.jsonValue.jsonText() == #"{"equal":true,"sections":[],"summary":{"added":0,"removed":0,"changed":0}}"#)
    }

    @Test func textReport() throws {
        let report = StructuralDiff.compare(try Self.tree("old.json").tree, try Self.tree("new.yaml").tree)
        #expect(!report.isEqual)
        #expect(report.text() == """
        Template
          ~ Description: "hello api" → "hello api, release 2"
        Parameters
          - LogLevel
          ~ Stage
              + AllowedValues[1]: "qa"
        Mappings
          + Memory
        Resources
          + Version20240311 (AWS::Lambda::Version)
          - OldTopic (AWS::SNS::Topic)
          ~ Function (AWS::Lambda::Function)
              ~ Properties.MemorySize: 256 → 512
              - Properties.Environment.Variables.LOG_LEVEL: {"Ref":"LogLevel"}
              + Properties.Environment.Variables.STAGE: {"Ref":"Stage"}
              + Properties.Tags[1]: {"Key":"stage","Value":{"Ref":"Stage"}}
          ~ ProdAlias (AWS::Lambda::Alias)
              ~ Properties.FunctionVersion.Fn::GetAtt[0]: "Version20240102" → "Version20240311"
        Outputs
          + AliasArn
        3 added, 2 removed, 4 changed

        """)
    }

    @Test func jsonReport() throws {
        let report = StructuralDiff.compare(try Self.tree("old.json").tree, try Self.tree("new.yaml").tree)
        #expect(report.jsonValue.jsonText(indent: 2) == """
        {
          "equal": false,
          "sections": [
            {
              "name": "Template",
              "added": [],
              "removed": [],
              "changed": [
                {
                  "name": "Description",
                  "changes": [
                    {
                      "kind": "changed",
                      "path": "",
                      "old": "hello api",
                      "new": "hello api, release 2"
                    }
                  ]
                }
              ]
            },
            {
              "name": "Parameters",
              "added": [],
              "removed": [
                {
                  "name": "LogLevel"
                }
              ],
              "changed": [
                {
                  "name": "Stage",
                  "changes": [
                    {
                      "kind": "added",
                      "path": "AllowedValues[1]",
                      "new": "qa"
                    }
                  ]
                }
              ]
            },
            {
              "name": "Mappings",
              "added": [
                {
                  "name": "Memory"
                }
              ],
              "removed": [],
              "changed": []
            },
            {
              "name": "Resources",
              "added": [
                {
                  "name": "Version20240311",
                  "type": "AWS::Lambda::Version"
                }
              ],
              "removed": [
                {
                  "name": "OldTopic",
                  "type": "AWS::SNS::Topic"
                }
              ],
              "changed": [
                {
                  "name": "Function",
                  "type": "AWS::Lambda::Function",
                  "changes": [
                    {
                      "kind": "changed",
                      "path": "Properties.MemorySize",
                      "old": 256,
                      "new": 512
                    },
                    {
                      "kind": "removed",
                      "path": "Properties.Environment.Variables.LOG_LEVEL",
                      "old": {
                        "Ref": "LogLevel"
                      }
                    },
                    {
                      "kind": "added",
                      "path": "Properties.Environment.Variables.STAGE",
                      "new": {
                        "Ref": "Stage"
                      }
                    },
                    {
                      "kind": "added",
                      "path": "Properties.Tags[1]",
                      "new": {
                        "Key": "stage",
                        "Value": {
                          "Ref": "Stage"
                        }
                      }
                    }
                  ]
                },
                {
                  "name": "ProdAlias",
                  "type": "AWS::Lambda::Alias",
                  "changes": [
                    {
                      "kind": "changed",
                      "path": "Properties.FunctionVersion.Fn::GetAtt[0]",
                      "old": "Version20240102",
                      "new": "Version20240311"
                    }
                  ]
                }
              ]
            },
            {
              "name": "Outputs",
              "added": [
                {
                  "name": "AliasArn"
                }
              ],
              "removed": [],
              "changed": []
            }
          ],
          "summary": {
            "added": 3,
            "removed": 2,
            "changed": 4
          }
        }
        """)
    }

    @Test func colorsOnlyWhenAsked() {
        let report = StructuralDiff.compare(
            JSONValue.object([("Resources", .object([("A", .object([("Type", .string("AWS::SNS::Topic"))]))]))]),
            JSONValue.object([("Resources", .object([("B", .object([("Type", .string("AWS::SQS::Queue"))]))]))]))
        #expect(report.text(color: true) == """
        \u{1B}[1mResources\u{1B}[0m
        \u{1B}[32m  + B (AWS::SQS::Queue)\u{1B}[0m
        \u{1B}[31m  - A (AWS::SNS::Topic)\u{1B}[0m
        1 added, 1 removed, 0 changed

        """)
        #expect(report.text(color: false) == """
        Resources
          + B (AWS::SQS::Queue)
          - A (AWS::SNS::Topic)
        1 added, 1 removed, 0 changed

        """)
    }

    /// Table rows: old array, new array, the changes expected.
    @Test(arguments: [
        // an insertion in the middle is one added entry
        ([1, 2, 3], [1, 9, 2, 3], ["added [1]: 9"]),
        // a removal at the front
        ([1, 2, 3], [2, 3], ["removed [0]: 1"]),
        // a replacement in place
        ([1, 2, 3], [1, 5, 3], ["changed [1]: 2 → 5"]),
        // appended entries
        ([1], [1, 2, 3], ["added [1]: 2", "added [2]: 3"]),
        // everything different
        ([1, 2], [3], ["changed [0]: 1 → 3", "removed [1]: 2"]),
    ] as [([Double], [Double], [String])])
    func arrayChanges(old: [Double], new: [Double], expected: [String]) {
        var changes: [DiffReport.PropertyChange] = []
        StructuralDiff.properties(.array(old.map(JSONValue.number)), .array(new.map(JSONValue.number)), path: "", into: &changes)
        let shown = changes.map { c -> String in
            switch c.kind {
            case .added: return "added \(c.path): \(c.new!.jsonText())"
            case .removed: return "removed \(c.path): \(c.old!.jsonText())"
            case .changed: return "changed \(c.path): \(c.old!.jsonText()) → \(c.new!.jsonText())"
            }
        }
        #expect(shown == expected)
    }

    @Test func pathsQuoteAwkwardKeys() {
        #expect(StructuralDiff.join("", "Properties") == "Properties")
        #expect(StructuralDiff.join("Properties", "a.b") == #"Properties["a.b"]"#)
        #expect(StructuralDiff.join("Metadata", "Fn::GetAtt") == "Metadata.Fn::GetAtt")
    }

    /// Two configs of one template (the fixtures' dev and prod): rendered, then compared.
    @Test func configsRenderedFirst() throws {
        let dir = FixturePaths.stackFixtures + "/environments-dev-prod"
        let dev = try Renderer.render(config: try StackConfig.load(path: dir + "/config-dev.json", environment: [:]), bucket: "b")
        let prod = try Renderer.render(config: try StackConfig.load(path: dir + "/config-prod.json", environment: [:]), bucket: "b")
        #expect(StructuralDiff.compare(dev.tree, prod.tree).text() == """
        Template
          ~ Description: "catalog service (DEV) for mira" → "catalog service (PROD) for catalog-team"
        Parameters
          + AlarmTopicArn
        Resources
          + catalogVersion (AWS::Lambda::Version)
          + catalogLiveAlias (AWS::Lambda::Alias)
          + throttleAlarm (AWS::CloudWatch::Alarm)
          + errorRateAlarm (AWS::CloudWatch::Alarm)
          + latencyAlarm (AWS::CloudWatch::Alarm)
          ~ itemsTable (AWS::DynamoDB::GlobalTable)
              ~ Type: "AWS::DynamoDB::Table" → "AWS::DynamoDB::GlobalTable"
              ~ DeletionPolicy: "Delete" → "Retain"
              ~ Properties.TableName: "catalog-dev-mira-items" → "catalog-prod-items"
              ~ Properties.BillingMode: "PAY_PER_REQUEST" → "PROVISIONED"
              - Properties.PointInTimeRecoverySpecification: {"PointInTimeRecoveryEnabled":false}
              + Properties.WriteProvisionedThroughputSettings: {"WriteCapacityAutoScalingSettings":{"MinCapacity":10,"MaxCapacity":100,"TargetTrackingScalingPolicyConfiguration":{"TargetValue":70}}}
              + Properties.Replicas: [{"Region":{"Ref":"AWS::Region"},"ReadProvisionedThroughputSettings":{"ReadCapacityUnits":50},"PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}},{"Region":"us-west-2","ReadProvis…
          ~ catalogFunction (AWS::Lambda::Function)
              ~ Properties.FunctionName: "catalog-dev-mira-api" → "catalog-prod-api"
              ~ Properties.Code.S3Key: "lambda/catalog/dev/bundle.zip" → "lambda/catalog/prod/bundle.zip"
              ~ Properties.MemorySize: 512 → 2048
              ~ Properties.Timeout: 30 → 10
              ~ Properties.Environment.Variables.TABLE: "catalog-dev-mira-items" → "catalog-prod-items"
              ~ Properties.Environment.Variables.ENVIRONMENT: "dev" → "prod"
              ~ Properties.Tags[1].Value: "dev" → "prod"
              ~ Properties.Tags[2].Value: "mira" → "catalog-team"
        6 added, 0 removed, 3 changed

        """)
    }
}
