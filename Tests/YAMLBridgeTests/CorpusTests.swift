import Foundation
import Testing
@testable import YAMLBridge

/// Real-shaped CloudFormation templates in Fixtures/cfn, each with the JSON cfn-flip 1.3 wrote for it.
@Suite struct CorpusTests {
    static let names = [
        "api-gateway-rest", "cloudfront", "conditions-mappings", "dynamodb-table", "ecs-service", "iam-policies",
        "lambda-function", "little-api-stack", "s3-bucket-policy", "scalars-and-anchors", "sns-sqs",
        "step-functions", "vpc-network",
    ]

    func fixture(_ name: String, _ ext: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixturesURL.appendingPathComponent("cfn/\(name).\(ext)")))
    }

    func longForm(_ name: String) throws -> Node {
        let bytes = try fixture(name, "yaml")
        let path = "cfn/\(name).yaml"
        return try CloudFormationYAML.toJSONTree(try YAMLReader.parse(bytes, path: path), path: path, source: bytes)
    }

    @Test func everyFixtureIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: fixturesURL.appendingPathComponent("cfn").path)
        #expect(Set(files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }) == Set(CorpusTests.names))
    }

    @Test(arguments: names)
    func jsonMatchesCfnFlipByteForByte(name: String) throws {
        let expected = String(decoding: try fixture(name, "json"), as: UTF8.self)
        #expect(JSONWriter.write(try longForm(name), indent: 4) == expected)
    }

    @Test(arguments: names)
    func jsonMatchesCfnFlipStructurally(name: String) throws {
        // Compared as JSON data: our compact JSON read back against cfn-flip's (YAML's `0777` and `yes` are
        // 511 and true by then), so layout plays no part and key order does not matter.
        let flipped = try JSONReader.parse(try fixture(name, "json"), path: "\(name).json")
        let ours = try JSONReader.parse(Array(JSONWriter.write(try longForm(name), indent: 0).utf8), path: "ours.json")
        #expect(ours == flipped)
    }

    @Test(arguments: names)
    func roundTripsAreStable(name: String) throws {
        // YAML → JSON → YAML → JSON gives the same JSON, and the YAML written twice is the same text.
        let json1 = JSONWriter.write(try longForm(name), indent: 4)
        let yaml1 = YAMLWriter.write(CloudFormationYAML.toYAMLTree(try JSONReader.parse(Array(json1.utf8), path: "1.json")))
        let long2 = try CloudFormationYAML.toJSONTree(try YAMLReader.parse(Array(yaml1.utf8), path: "1.yaml"))
        let json2 = JSONWriter.write(long2, indent: 4)
        #expect(json2 == json1)
        let yaml2 = YAMLWriter.write(CloudFormationYAML.toYAMLTree(long2))
        #expect(yaml2 == yaml1)
    }

    @Test(arguments: names)
    func shortFormTreeMatchesTheSource(name: String) throws {
        // toYAMLTree(toJSONTree(x)) == x, except where the source wrote a long form by hand or used !GetAtt's
        // list form: compare after one more trip, which settles both.
        let bytes = try fixture(name, "yaml")
        let source = try YAMLReader.parse(bytes, path: name)
        let once = CloudFormationYAML.toYAMLTree(try CloudFormationYAML.toJSONTree(source))
        let twice = CloudFormationYAML.toYAMLTree(try CloudFormationYAML.toJSONTree(once))
        #expect(once == twice)
    }

    /// Fixtures/cfn-written holds the YAML `littlestack convert` writes from each cfn-flip JSON; when it was
    /// committed, cfn-flip read every one back to exactly that JSON.
    @Test(arguments: names)
    func jsonBecomesTheCommittedYAML(name: String) throws {
        let json = try JSONReader.parse(try fixture(name, "json"), path: "\(name).json")
        let expected = String(decoding: Array(try Data(contentsOf: fixturesURL.appendingPathComponent("cfn-written/\(name).yaml"))),
                              as: UTF8.self)
        #expect(TemplateConverter.write(json, as: .yaml) == expected)
    }

    @Test func writtenYAMLOfOneTemplate() throws {
        let text = YAMLWriter.write(CloudFormationYAML.toYAMLTree(try longForm("sns-sqs")))
        #expect(text == """
        AWSTemplateFormatVersion: '2010-09-09'
        Description: Topic fanning out to a queue with a dead-letter queue
        Resources:
          DeadLetterQueue:
            Type: AWS::SQS::Queue
            Properties:
              MessageRetentionPeriod: 1209600
          WorkQueue:
            Type: AWS::SQS::Queue
            Properties:
              VisibilityTimeout: 180
              RedrivePolicy:
                deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn
                maxReceiveCount: 5
              Tags:
                - Key: team
                  Value: platform
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              DisplayName: 'Events: orders & refunds'
              KmsMasterKeyId: alias/aws/sns
          QueueSubscription:
            Type: AWS::SNS::Subscription
            Properties:
              TopicArn: !Ref Topic
              Protocol: sqs
              Endpoint: !GetAtt WorkQueue.Arn
              RawMessageDelivery: 'true'
              FilterPolicy:
                eventType:
                  - order_placed
                  - refund_issued
                amount:
                  - numeric:
                      - '>='
                      - 100
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues:
                - !Ref WorkQueue
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Principal:
                      Service: sns.amazonaws.com
                    Action: sqs:SendMessage
                    Resource: !GetAtt WorkQueue.Arn
                    Condition:
                      ArnEquals:
                        aws:SourceArn: !Ref Topic
          AlarmTopic:
            Type: AWS::SNS::Topic
            Properties:
              Subscription:
                - Protocol: email
                  Endpoint: ops@example.com
          QueueDepthAlarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              AlarmName: !Join
                - '-'
                - - !Ref AWS::StackName
                  - queue
                  - depth
              Namespace: AWS/SQS
              MetricName: ApproximateNumberOfMessagesVisible
              Dimensions:
                - Name: QueueName
                  Value: !GetAtt WorkQueue.QueueName
              Statistic: Maximum
              Period: 60
              EvaluationPeriods: 5
              Threshold: 1000
              ComparisonOperator: GreaterThanOrEqualToThreshold
              TreatMissingData: notBreaching
              AlarmActions:
                - !Ref AlarmTopic
        Outputs:
          QueueUrl:
            Value: !Ref WorkQueue
          TopicArn:
            Value: !Ref Topic
            Export:
              Name: !Sub ${AWS::StackName}:TopicArn

        """)
    }
}
