import Foundation
import Testing

@testable import LittleStack

/// Temporary credentials are renewed through the chain shortly before they expire, and only then.
@Suite struct RefreshingCredentialsTests {
    static let now = Date(timeIntervalSince1970: 1_440_938_160)

    /// Counts refreshes and hands out `ASIAREFRESHED<n>` keys that expire an hour after `now`.
    final class Chain: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var refreshes: Int { lock.withLock { count } }
        var fails = false

        func next() throws -> Credentials {
            let n: Int = try lock.withLock {
                if fails { throw CredentialsError.noCredentials(profile: "default", tried: ["test chain"]) }
                count += 1
                return count
            }
            return Credentials(
                accessKeyID: "ASIAREFRESHED\(n)", secretAccessKey: "s\(n)", sessionToken: "t\(n)",
                expiration: RefreshingCredentialsTests.now.addingTimeInterval(3600))
        }
    }

    private func client(_ server: AWSLoopbackServer, expiresIn seconds: TimeInterval, chain: Chain) -> AWSClient {
        AWSClient(
            credentials: Credentials(
                accessKeyID: "ASIAFIRST", secretAccessKey: "s0", sessionToken: "t0",
                expiration: Self.now.addingTimeInterval(seconds)),
            region: "us-east-1", endpoints: Endpoints(environment: ["AWS_ENDPOINT_URL": server.endpoint]),
            configuration: .init(retry: .none, clock: { Self.now }),
            refresh: { try chain.next() })
    }

    private func keyIDs(_ server: AWSLoopbackServer) -> [String] {
        server.received.compactMap { request in
            request.header("authorization").flatMap { $0.split(separator: "/").first?.split(separator: "=").last.map(String.init) }
        }
    }

    private static let identity = """
        <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn>\
        <UserId>u</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>
        """

    @Test func credentialsAboutToExpireAreRenewedOnce() async throws {
        let server = try AWSLoopbackServer(replies: [.init(status: 200, body: Self.identity)])
        defer { server.stop() }
        let chain = Chain()
        let client = client(server, expiresIn: 5 * 60, chain: chain)
        _ = try await STSClient(client: client).getCallerIdentity()
        _ = try await STSClient(client: client).getCallerIdentity()
        #expect(chain.refreshes == 1)
        #expect(keyIDs(server) == ["ASIAREFRESHED1", "ASIAREFRESHED1"])
        #expect(server.received.map { $0.header("x-amz-security-token") } == ["t1", "t1"])
        #expect(client.credentials.accessKeyID == "ASIAREFRESHED1")
    }

    @Test func credentialsWithTimeLeftAreKept() async throws {
        let server = try AWSLoopbackServer(replies: [.init(status: 200, body: Self.identity)])
        defer { server.stop() }
        let chain = Chain()
        _ = try await STSClient(client: client(server, expiresIn: 30 * 60, chain: chain)).getCallerIdentity()
        #expect(chain.refreshes == 0)
        #expect(keyIDs(server) == ["ASIAFIRST"])
    }

    @Test func aFailedRefreshKeepsStillValidCredentialsAndFailsExpiredOnes() async throws {
        let server = try AWSLoopbackServer(replies: [.init(status: 200, body: Self.identity)])
        defer { server.stop() }
        let chain = Chain()
        chain.fails = true
        _ = try await STSClient(client: client(server, expiresIn: 60, chain: chain)).getCallerIdentity()
        #expect(keyIDs(server) == ["ASIAFIRST"])
        await #expect(throws: CredentialsError.self) {
            try await STSClient(client: client(server, expiresIn: -1, chain: chain)).getCallerIdentity()
        }
        #expect(server.received.count == 1)
    }

    /// Credentials renewed in the middle of a run join the console's redactor: a `credential_process` hands out
    /// a new secret key and token at each call, with an expiry inside the renewal window, so the first request
    /// renews them; afterwards the console hides the new ones too.
    @Test func renewedSecretsJoinTheConsoleRedactor() async throws {
        let home = try awsTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try awsWrite(
            """
            #!/bin/sh
            n=$(cat '\(home)/count' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '\(home)/count'
            echo '{"Version": 1, "AccessKeyId": "ASIAPROC'$n'", "SecretAccessKey": "rotated-secret-'$n'",'
            echo ' "SessionToken": "rotated-token-'$n'", "Expiration": "'$(date -u -d '+5 minutes' +%Y-%m-%dT%H:%M:%SZ)'"}'
            """, to: home + "/bin/creds", executable: true)
        try awsWrite("[profile rotating]\ncredential_process = \(home)/bin/creds\n", to: home + "/.aws/config")
        let server = try AWSLoopbackServer(replies: [.init(status: 200, body: """
            <ListStacksResponse><ListStacksResult><StackSummaries/></ListStacksResult></ListStacksResponse>
            """)])
        defer { server.stop() }
        let (console, output) = ApplyConsole.capturing()
        let ops = try await StackOperations.connect(profile: "rotating", region: "us-east-1", console: console, environment: [
            "HOME": home, "AWS_ENDPOINT_URL": server.endpoint,
        ])
        _ = try await ops.list()
        #expect(keyIDs(server) == ["ASIAPROC2"])
        console.err("first rotated-secret-1 rotated-token-1, renewed rotated-secret-2 rotated-token-2\n")
        #expect(output.stderr.hasSuffix("first **** ****, renewed **** ****\n"))
    }
}
