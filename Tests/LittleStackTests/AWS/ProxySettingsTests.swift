import Foundation
import Testing

@testable import LittleStack

/// `https_proxy`, `http_proxy` and `no_proxy` as curl and the aws cli read them, and requests through a proxy.
@Suite struct ProxySettingsTests {
    @Test func readsTheEnvironmentLowerCaseFirst() throws {
        let settings = try ProxySettings(environment: [
            "https_proxy": "http://alice:s%40cret@proxy.corp:3128", "HTTPS_PROXY": "http://ignored:1",
            "HTTP_PROXY": "plain.corp", "NO_PROXY": " .internal.corp, 10.0.0.7:8080 ,[::2],, *.ignored ",
        ])
        #expect(settings.https == ProxySettings.Server(host: "proxy.corp", port: 3128, user: "alice", password: "s@cret"))
        #expect(settings.http == ProxySettings.Server(host: "plain.corp", port: 80))
        #expect("\(settings.https!)" == "http://alice:<redacted>@proxy.corp:3128")
        #expect(String(reflecting: settings).contains("s@cret") == false)
        #expect(settings.noProxy == ["internal.corp", "10.0.0.7", "::2", "*.ignored"])
        #expect(try ProxySettings(environment: [:]) == .direct)
    }

    @Test(arguments: [
        ("https", "cloudformation.us-east-1.amazonaws.com", "proxy.corp"),
        ("http", "cloudformation.us-east-1.amazonaws.com", "plain.corp"),
        ("https", "api.internal.corp", nil),  // subdomain of a no_proxy entry
        ("https", "internal.corp", nil),  // the entry itself
        ("https", "notinternal.corp", "proxy.corp"),  // a suffix that is not a subdomain
        ("https", "10.0.0.7", nil),
        ("https", "[::2]", nil),
        ("http", "127.0.0.1", nil),  // loopback: always direct
        ("http", "127.9.8.7", nil),
        ("http", "localhost", nil),
        ("http", "[::1]", nil),
    ] as [(String, String, String?)])
    func chooses(scheme: String, host: String, proxyHost: String?) throws {
        let settings = try ProxySettings(environment: [
            "https_proxy": "proxy.corp:3128", "http_proxy": "http://plain.corp", "no_proxy": "internal.corp,10.0.0.7,::2",
        ])
        #expect(settings.server(scheme: scheme, host: host)?.host == proxyHost)
    }

    @Test func starBypassesEverything() throws {
        let settings = try ProxySettings(environment: ["https_proxy": "proxy.corp:3128", "no_proxy": "*"])
        #expect(settings.server(scheme: "https", host: "s3.amazonaws.com") == nil)
    }

    @Test(arguments: ["http://", "http://:8080", "ftp://proxy.corp", "http://proxy.corp:0", "http://proxy.corp:99999"])
    func badProxyNamesTheVariableNotItsValue(value: String) {
        let error = #expect(throws: AWSClientError.self) {
            try ProxySettings(environment: ["HTTPS_PROXY": value])
        }
        #expect(error == .invalidProxy(variable: "HTTPS_PROXY"))
        #expect("\(error!)" == "HTTPS_PROXY is not a proxy URL like 'http://proxy.example.com:3128'")
    }

    @Test(.enabled(if: AWSEmulator.endpoint != nil, "needs the emulator"))
    func requestsGoThroughTheProxyWithItsCredentials() async throws {
        let proxy = try LoopbackConnectProxy()
        defer { proxy.stop() }
        let port = try #require(AWSEmulator.endpoint?.port)
        // Only the proxy can reach this made-up host: it tunnels to the same port on 127.0.0.1.
        let client = AWSClient(
            credentials: Credentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoints: Endpoints(environment: ["AWS_ENDPOINT_URL": "http://emulator.invalid:\(port)"]),
            configuration: .init(retry: .none),
            proxy: try ProxySettings(environment: ["http_proxy": "http://ops:pa%3Ass@127.0.0.1:\(proxy.port)"]))
        let identity = try await STSClient(client: client).getCallerIdentity()
        #expect(identity.account == "123456789012")
        #expect(proxy.targets == ["emulator.invalid:\(port)"])
        #expect(proxy.authorizations == ["Basic " + Data("ops:pa:ss".utf8).base64EncodedString()])
    }

    @Test(.enabled(if: AWSEmulator.endpoint != nil, "needs the emulator"))
    func loopbackEndpointsNeverUseTheProxy() async throws {
        let proxy = try LoopbackConnectProxy()
        defer { proxy.stop() }
        let endpoint = try #require(AWSEmulator.endpoint)
        let client = AWSClient(
            credentials: Credentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoints: Endpoints(environment: ["AWS_ENDPOINT_URL": endpoint.absoluteString]),
            configuration: .init(retry: .none),
            proxy: try ProxySettings(environment: ["http_proxy": "http://127.0.0.1:\(proxy.port)"]))
        _ = try await STSClient(client: client).getCallerIdentity()
        #expect(proxy.targets.isEmpty)
    }
}
