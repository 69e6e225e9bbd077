import Foundation
@testable import LittleStack

/// The local emulator the integration tests talk to: `AWS_ENDPOINT_URL` when it points at this machine.
enum Emulator {
    /// The endpoint, or nil when `AWS_ENDPOINT_URL` is unset or not on 127.0.0.1/localhost (tests are skipped).
    static var endpoint: URL? {
        guard let text = ProcessInfo.processInfo.environment["AWS_ENDPOINT_URL"], let url = URL(string: text),
              let host = url.host, host == "127.0.0.1" || host == "localhost" else { return nil }
        return url
    }

    /// Whether integration tests can run.
    static var isAvailable: Bool { endpoint != nil }

    /// A client for an emulator (test keys, us-east-1).
    static func client(endpoint: URL, sessionToken: String? = nil,
                       retry: AWSClient.Configuration.Retry = .init()) -> AWSClient {
        AWSClient(credentials: Credentials(accessKeyID: "testing", secretAccessKey: "testing", sessionToken: sessionToken),
                  region: "us-east-1",
                  endpoints: Endpoints(environment: ["AWS_ENDPOINT_URL": endpoint.absoluteString]),
                  configuration: .init(retry: retry))
    }

    /// Operations over the emulator with a captured console.
    static func operations(endpoint: URL? = Emulator.endpoint, verbose: Bool = false, answers: [String] = [],
                           canPrompt: Bool = false, sessionToken: String? = nil,
                           retry: AWSClient.Configuration.Retry = .init())
        -> (StackOperations, CapturedOutput) {
        let (console, output) = ApplyConsole.capturing(answers: answers, canPrompt: canPrompt, verbose: verbose)
        let ops = StackOperations(backend: StackBackend(client: client(endpoint: endpoint!, sessionToken: sessionToken, retry: retry)),
                                  console: console, environment: ["USER": "tester"], hostName: "ci_host.local")
        return (ops, output)
    }

    /// A stack name no other test uses.
    static func uniqueStackName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// Test templates: a topic, then a queue beside it, then a bucket that cannot be created (its name is taken).
enum TestStack {
    static func template(queue: Bool = false, failingBucket: String? = nil) -> String {
        var resources = [#""Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": "${AWS::StackName}-topic"}}}"#]
        if queue {
            resources.append(#""Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "${AWS::StackName}-queue"}}}"#)
        }
        if let failingBucket {
            resources.append(#""Taken": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "\#(failingBucket)"}}"#)
        }
        return """
            {
              "Parameters": {
                "Secret": {"Type": "String", "NoEcho": true},
                "Greeting": {"Type": "String"}
              },
              "Resources": {
                \(resources.joined(separator: ",\n    "))
              },
              "Outputs": {
                "TopicArn": {"Value": {"Ref": "Topic"}},
                "Greeting": {"Value": {"Ref": "Greeting"}}
              }
            }
            """
    }

    static func deployment(_ stackName: String, template: String, secret: String = "pa55-w0rd-xyzzy",
                           greeting: String = "hello") -> StackDeployment {
        StackDeployment(stackName: stackName, templatePath: "stacks/test/template.json.njk", templateBody: template,
                        template: TemplateText.parse(template),
                        parameters: [.init(key: "Secret", value: secret), .init(key: "Greeting", value: greeting)],
                        tags: [.init(key: "org", value: "tests")])
    }
}
