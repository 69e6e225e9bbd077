import Foundation
import Testing

@testable import LittleStack

@Suite struct AWSClientTests {
    static let ok = AWSLoopbackServer.Reply(
        status: 200,
        body: "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/x</Arn>"
            + "<UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>")

    @Test func retriesAfter503() async throws {
        let server = try AWSLoopbackServer(replies: [.init(status: 503, body: "<html>busy</html>"), Self.ok])
        defer { server.stop() }
        let recorder = AWSSleepRecorder()
        let identity = try await STSClient(client: awsLoopbackClient(endpoint: server.endpoint, recorder: recorder))
            .getCallerIdentity()
        #expect(identity == CallerIdentity(account: "123456789012", arn: "arn:aws:iam::123456789012:user/x", userID: "AIDA"))
        #expect(server.received.count == 2)
        #expect(recorder.sleeps.count == 1)
        #expect(recorder.sleeps.allSatisfy { $0 <= .milliseconds(200) })
    }

    @Test func retriesAfterThrottling() async throws {
        let throttled = AWSLoopbackServer.Reply(
            status: 400,
            body: "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>"
                + "</Error><RequestId>r-2</RequestId></ErrorResponse>")
        let server = try AWSLoopbackServer(replies: [throttled, throttled, Self.ok])
        defer { server.stop() }
        let recorder = AWSSleepRecorder()
        let identity = try await STSClient(client: awsLoopbackClient(endpoint: server.endpoint, recorder: recorder))
            .getCallerIdentity()
        #expect(identity.account == "123456789012")
        #expect(server.received.count == 3)
        #expect(recorder.sleeps.count == 2)
        #expect(recorder.sleeps[1] <= .milliseconds(400))
    }

    @Test func retriesExhaustedAfterFiveAttempts() async throws {
        let server = try AWSLoopbackServer(replies: [.init(status: 500, body: "<html><body><h1>Internal Server Error</h1></body></html>")])
        defer { server.stop() }
        let recorder = AWSSleepRecorder()
        let client = awsLoopbackClient(endpoint: server.endpoint, recorder: recorder)
        let error = await #expect(throws: AWSClientError.self) { try await STSClient(client: client).getCallerIdentity() }
        #expect(error == .retriesExhausted(attempts: 5, last: "sts: HTTP500: Internal Server Error (status 500)"))
        #expect("\(error!)" == "gave up after 5 attempts: sts: HTTP500: Internal Server Error (status 500)")
        #expect((error?.underlying as? AWSServiceError)?.code == "HTTP500")
        #expect(server.received.count == 5)
        #expect(recorder.sleeps.count == 4)
    }

    @Test func clientErrorIsNotRetried() async throws {
        let server = try AWSLoopbackServer(replies: [.init(
            status: 400,
            body: "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>"
                + "<Message>Stack with id nope does not exist</Message></Error><RequestId>r-3</RequestId></ErrorResponse>")])
        defer { server.stop() }
        let client = awsLoopbackClient(endpoint: server.endpoint)
        let error = await #expect(throws: AWSServiceError.self) {
            try await CloudFormationClient(client: client).describeStacks(stackName: "nope")
        }
        #expect(error == AWSServiceError(
            service: "cloudformation", code: "ValidationError", message: "Stack with id nope does not exist",
            requestID: "r-3", status: 400))
        #expect(server.received.count == 1)
        #expect(try await CloudFormationClient(client: client).describeStack("nope") == nil)
    }

    @Test func connectionRefusedNamesTheEndpoint() async throws {
        let port = try AWSLoopbackServer.closedPort()
        let recorder = AWSSleepRecorder()
        let client = awsLoopbackClient(endpoint: "http://127.0.0.1:\(port)", recorder: recorder)
        let error = await #expect(throws: AWSClientError.self) { try await STSClient(client: client).getCallerIdentity() }
        #expect(error == .connectionRefused(endpoint: "http://127.0.0.1:\(port)"))
        #expect("\(error!)" == "could not connect to 'http://127.0.0.1:\(port)'")
        #expect(recorder.sleeps.isEmpty)
    }

    @Test func timeoutNamesTheEndpoint() async throws {
        // The reply comes late enough that only the timeout can end the call. The upper bound is loose because on a
        // 2-core CI machine other tests' blocking work can delay resuming this task by seconds.
        let server = try AWSLoopbackServer(replies: [.init(status: 200, delay: 40)])
        defer { server.stop() }
        let client = awsLoopbackClient(
            endpoint: server.endpoint, retry: .none, timeout: .init(connect: .seconds(1), request: .seconds(60)))
        let start = ContinuousClock.now
        let error = await #expect(throws: AWSClientError.self) { try await STSClient(client: client).getCallerIdentity() }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(35))
        #expect(error == .timeout(endpoint: server.endpoint))
        #expect("\(error!)" == "request to '\(server.endpoint)' timed out")
    }

    @Test func requestDeadline() async throws {
        let server = try AWSLoopbackServer(replies: [.init(status: 200, delay: 40)])
        defer { server.stop() }
        let client = awsLoopbackClient(
            endpoint: server.endpoint, retry: .none,
            timeout: .init(connect: .seconds(60), request: .milliseconds(400)))
        let start = ContinuousClock.now
        let error = await #expect(throws: AWSClientError.self) { try await STSClient(client: client).getCallerIdentity() }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(350) && elapsed < .seconds(35))
        #expect(error == .timeout(endpoint: server.endpoint))
    }

    @Test func wireRequestMatchesItsSignature() async throws {
        let server = try AWSLoopbackServer(replies: [.init(status: 200, headers: [("ETag", "\"abc\"")])])
        defer { server.stop() }
        let client = awsLoopbackClient(endpoint: server.endpoint + "/")
        let etag = try await S3Client(client: client).putObject(
            bucket: "my-bucket", key: "cf/my stack/root+1.json", body: Data("{}".utf8), contentType: "application/json")
        #expect(etag == "\"abc\"")
        let received = try #require(server.received.first)
        #expect(received.method == "PUT")
        #expect(received.target == "/my-bucket/cf/my%20stack/root%2B1.json")
        #expect(received.header("x-amz-content-sha256") == SigV4Signer.sha256Hex(Data("{}".utf8)))
        #expect(received.header("x-amz-date") == "20150830T123600Z")
        // Re-sign what arrived: the server-side view of the request must give the same Authorization.
        let authorization = try #require(received.header("authorization"))
        let signedNames = authorization.components(separatedBy: "SignedHeaders=")[1]
            .components(separatedBy: ",")[0].split(separator: ";").map(String.init)
        #expect(signedNames == ["content-type", "host", "x-amz-content-sha256", "x-amz-date"])
        #expect(received.header("user-agent") == "littlestack")
        let headers = signedNames.map { name in (name: name, value: received.header(name) ?? "") }
        let request = AWSRequest(
            method: "PUT", scheme: "http", host: "127.0.0.1", port: server.port, path: received.target,
            headers: headers, body: received.body)
        let signer = SigV4Signer(credentials: client.credentials, region: "us-east-1", service: "s3", options: .s3)
        #expect(signer.sign(request, date: Date(timeIntervalSince1970: 1_440_938_160)).header("authorization") == authorization)
    }

    @Test func queryRequestIsAFormPost() async throws {
        let server = try AWSLoopbackServer(replies: [Self.ok])
        defer { server.stop() }
        _ = try await STSClient(client: awsLoopbackClient(endpoint: server.endpoint)).getCallerIdentity()
        let received = try #require(server.received.first)
        #expect(received.method == "POST")
        #expect(received.target == "/")
        #expect(String(decoding: received.body, as: UTF8.self) == "Action=GetCallerIdentity&Version=2011-06-15")
        #expect(received.header("content-type") == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(received.header("authorization")?.hasPrefix(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=") == true)
    }

    @Test func logLinesCarryNoSecrets() async throws {
        let server = try AWSLoopbackServer(replies: [.init(status: 503), Self.ok])
        defer { server.stop() }
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var lines: [String] = []
        }
        let lines = Lines()
        let client = AWSClient(
            credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "SECRET", sessionToken: "TOKEN"),
            region: "us-east-1", endpoints: Endpoints(environment: ["AWS_ENDPOINT_URL": server.endpoint]),
            configuration: .init(sleeper: .immediate, log: { line in lines.lock.withLock { lines.lines.append(line) } }))
        _ = try await STSClient(client: client).getCallerIdentity()
        let logged = lines.lock.withLock { lines.lines }.map { line in
            // Durations vary: keep the shape.
            line.replacingOccurrences(of: #"in \d+ ms"#, with: "in N ms", options: .regularExpression)
        }
        #expect(logged == [
            "sts POST \(server.endpoint)/ -> 503 in N ms",
            "sts POST \(server.endpoint)/ -> 200 in N ms (attempt 2)",
        ])
        #expect(server.received[1].header("x-amz-security-token") == "TOKEN")
    }

    @Test func redirectsAreNotFollowed() async throws {
        let elsewhere = try AWSLoopbackServer(replies: [Self.ok])
        defer { elsewhere.stop() }
        let server = try AWSLoopbackServer(replies: [.init(
            status: 301, headers: [("Location", elsewhere.endpoint + "/b/k")],
            body: "<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed"
                + " using the specified endpoint.</Message><Endpoint>b.s3.eu-west-1.amazonaws.com</Endpoint></Error>")])
        defer { server.stop() }
        let error = await #expect(throws: AWSServiceError.self) {
            try await S3Client(client: awsLoopbackClient(endpoint: server.endpoint)).getObject(bucket: "b", key: "k")
        }
        #expect(error?.code == "PermanentRedirect")
        #expect(error?.status == 301)
        #expect(elsewhere.received.isEmpty)
    }

    @Test func cancellationIsNotAConnectionError() async throws {
        // The reply never comes in time, so only the cancellation can end the call however late this task resumes.
        let server = try AWSLoopbackServer(replies: [.init(status: 200, delay: 40)])
        defer { server.stop() }
        let client = awsLoopbackClient(endpoint: server.endpoint)
        let task = Task { try await STSClient(client: client).getCallerIdentity() }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }

    @Test func backoffIsFullJitterCappedExponential() {
        let retry = AWSClient.Configuration.Retry()
        #expect(retry.maxAttempts == 5)
        #expect((1...8).map { retry.ceiling(afterAttempt: $0) } == [
            .milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600), .milliseconds(3200),
            .milliseconds(6400), .seconds(10), .seconds(10),
        ])
        #expect(retry.delay(afterAttempt: 3, random: 0.5) == .milliseconds(400))
        #expect(retry.delay(afterAttempt: 3, random: 0) == .zero)
    }

    @Test(arguments: [
        (500, "InternalFailure", true),  // any 5xx
        (503, "ServiceUnavailable", true),
        (429, "TooManyRequestsException", true),  // 429
        (400, "Throttling", true),  // Query throttling
        (400, "ThrottlingException", true),  // JSON throttling
        (400, "RequestLimitExceeded", true),
        (400, "ValidationError", false),  // client errors are final
        (403, "SignatureDoesNotMatch", false),
        (404, "NoSuchBucket", false),
    ])
    func retryableErrors(status: Int, code: String, retryable: Bool) {
        let error = AWSServiceError(service: "x", code: code, message: "", status: status)
        #expect(AWSClient.Configuration.Retry().isRetryable(error) == retryable)
    }
}
