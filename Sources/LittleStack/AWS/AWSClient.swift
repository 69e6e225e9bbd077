import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends signed requests to AWS services over AsyncHTTPClient, with timeouts, retries and error parsing.
///
/// One client holds one set of credentials and a region; the per-service clients (``CloudFormationClient``,
/// ``S3Client``, ``STSClient``, ``IAMClient``, ``LambdaClient``, ``APIGatewayClient``) wrap it.
public final class AWSClient: Sendable {
    /// The credentials requests are signed with now (renewed ones once a refresh has run).
    public var credentials: Credentials { signingCredentials.snapshot }
    private let signingCredentials: RefreshingCredentials
    /// The region requests go to.
    public let region: String
    /// Where each service's requests go.
    public let endpoints: Endpoints
    /// Timeouts, retries, clock.
    public let configuration: Configuration
    /// The proxies requests go through (none by default).
    public let proxy: ProxySettings
    /// Direct connections.
    private let http: HTTPClient
    /// Connections through each configured proxy server.
    private let proxied: [ProxySettings.Server: HTTPClient]

    /// Creates a client.
    /// - Parameters:
    ///   - credentials: the credentials to sign with.
    ///   - region: the region.
    ///   - endpoints: the endpoint resolver; defaults to one reading the process's environment.
    ///   - configuration: timeouts, retries, clock; see ``Configuration``.
    ///   - proxy: the proxies to use; defaults to ``ProxySettings/direct`` (``ProxySettings/init(environment:)`` reads `https_proxy`…).
    ///   - refresh: where new credentials come from when `credentials` are about to expire (the credentials chain,
    ///     run again); defaults to none: they are used until they fail.
    public init(
        credentials: Credentials, region: String, endpoints: Endpoints = Endpoints(),
        configuration: Configuration = Configuration(), proxy: ProxySettings = .direct,
        refresh: (@Sendable () async throws -> Credentials)? = nil
    ) {
        self.signingCredentials = RefreshingCredentials(credentials, refresh: refresh)
        self.region = region
        self.endpoints = endpoints
        self.configuration = configuration
        var httpConfiguration = HTTPClient.Configuration(
            // A signed request must not be re-sent, Authorization header and all, to another host: the 3xx reply is
            // returned and becomes an ``AWSServiceError`` (S3's `PermanentRedirect` names the right region).
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(configuration.timeout.connect), read: TimeAmount(configuration.timeout.connect)),
            decompression: .disabled)
        // One attempt, one connection try: the client's own retry policy decides what is tried again, and an
        // endpoint that refuses connections is reported at once rather than after the connect timeout.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
        self.proxy = proxy
        var proxied: [ProxySettings.Server: HTTPClient] = [:]
        for server in Set([proxy.http, proxy.https].compactMap { $0 }) {
            var viaProxy = httpConfiguration
            viaProxy.proxy = .server(
                host: server.host, port: server.port,
                authorization: server.user.map { .basic(username: $0, password: server.password ?? "") })
            proxied[server] = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: viaProxy)
        }
        self.proxied = proxied
    }

    /// HTTP clients must be shut down before they go; nothing can wait here, so a task does it.
    deinit {
        let clients = [http] + Array(proxied.values)
        Task { for client in clients { try? await client.shutdown() } }
    }

    // MARK: - Building requests

    /// A request to a service's endpoint; `path` (encoded) is appended to the endpoint's own path.
    /// - Parameters:
    ///   - service: the service.
    ///   - method: the HTTP method.
    ///   - path: the encoded path below the endpoint, starting with `/`.
    ///   - query: decoded query parameters.
    ///   - headers: header fields.
    ///   - body: the body.
    ///   - isIdempotent: whether retrying after a timeout is safe; `nil` derives it from the method.
    ///   - endpoint: the endpoint to use instead of the service's (S3 buckets).
    /// - Returns: the request.
    /// - Throws: ``AWSClientError/invalidEndpoint(_:)`` when the endpoint has no host,
    ///   ``AWSClientError/invalidRegion(_:)`` when the region could not be part of a host name.
    public func request(
        _ service: AWSService, method: String, path: String = "/", query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: Data = Data(), isIdempotent: Bool? = nil,
        endpoint: URL? = nil
    ) throws -> AWSRequest {
        guard Self.isValidRegion(region) else { throw AWSClientError.invalidRegion(region) }
        let base = endpoint ?? endpoints.endpoint(for: service, region: region)
        guard let components = URLComponents(url: base, resolvingAgainstBaseURL: false),
            let host = components.host, !host.isEmpty
        else { throw AWSClientError.invalidEndpoint(Self.describe(base)) }
        var basePath = components.percentEncodedPath
        while basePath.hasSuffix("/") { basePath.removeLast() }
        var fullPath = basePath + (path.hasPrefix("/") ? path : "/" + path)
        if fullPath.isEmpty { fullPath = "/" }
        return AWSRequest(
            method: method, scheme: components.scheme ?? "https", host: host, port: components.port, path: fullPath,
            query: query, headers: headers, body: body, isIdempotent: isIdempotent)
    }

    /// Lower-case letters, digits and hyphens: a region goes into host names, so nothing else may pass.
    static func isValidRegion(_ region: String) -> Bool {
        !region.isEmpty && region.utf8.count <= 64
            && region.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// `scheme://host:port` of a URL: the only part of an endpoint messages show.
    static func describe(_ url: URL) -> String {
        let scheme = url.scheme ?? "https"
        guard let host = url.host else { return scheme + "://" }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    static func describe(_ request: AWSRequest) -> String {
        "\(request.scheme)://\(request.host)" + (request.port.map { ":\($0)" } ?? "")
    }

    // MARK: - Sending

    /// Signs and sends a request, retrying as ``Configuration/retry`` says.
    /// - Parameters:
    ///   - request: the unsigned request.
    ///   - service: the service (signing name and rules, error attribution).
    /// - Returns: the 2xx response.
    /// - Throws: ``AWSServiceError`` for an error reply; ``AWSClientError`` for connection failures, timeouts,
    ///   retries used up (``AWSClientError/retriesExhausted(attempts:lastError:)``) or an oversized reply.
    public func execute(_ request: AWSRequest, service: AWSService) async throws -> AWSResponse {
        var request = request
        if request.header("user-agent") == nil { request.headers.append(("User-Agent", configuration.userAgent)) }
        let signer = SigV4Signer(
            credentials: try await signingCredentials.valid(at: configuration.clock()),
            region: endpoints.signingRegion(for: service, region: region),
            service: service.signingName, options: service.signingOptions)
        let retry = configuration.retry
        var attempt = 0
        while true {
            attempt += 1
            let failure: any Error & Sendable
            let retryable: Bool
            let started = ContinuousClock.now
            do {
                let signed = signer.sign(request, date: configuration.clock())
                let response = try await send(signed)
                log(request, service: service, attempt: attempt, started: started, outcome: "\(response.status)")
                if (200..<300).contains(response.status) { return response }
                let error = AWSServiceError.parse(response, service: service.endpointPrefix)
                failure = error
                retryable = retry.isRetryable(error)
            } catch let error as AWSClientError {
                log(request, service: service, attempt: attempt, started: started, outcome: error.shortDescription)
                failure = error
                retryable = request.isIdempotent && error.isTransient
            }
            guard retryable else { throw failure }
            guard attempt < retry.maxAttempts else {
                if retry.maxAttempts == 1 { throw failure }
                throw AWSClientError.retriesExhausted(attempts: attempt, lastError: failure)
            }
            try await configuration.sleeper.sleep(retry.delay(afterAttempt: attempt, random: Double.random(in: 0...1)))
        }
    }

    /// Reports one attempt to ``Configuration/log``: service, method, endpoint and path, outcome, time. Never the
    /// query, headers or body (they can hold parameter values, tokens, signatures).
    private func log(_ request: AWSRequest, service: AWSService, attempt: Int, started: ContinuousClock.Instant, outcome: String) {
        guard let log = configuration.log else { return }
        let elapsed = ContinuousClock.now - started
        let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        log("\(service.endpointPrefix) \(request.method) \(Self.describe(request))\(request.path) -> \(outcome) in \(ms) ms"
            + (attempt > 1 ? " (attempt \(attempt))" : ""))
    }

    private func send(_ request: AWSRequest) async throws -> AWSResponse {
        guard let url = request.url else { throw AWSClientError.invalidEndpoint(Self.describe(request)) }
        var httpRequest = HTTPClientRequest(url: url.absoluteString)
        httpRequest.method = HTTPMethod(rawValue: request.method)
        // The Host header goes as signed (AsyncHTTPClient keeps a given one).
        for (name, value) in request.headers { httpRequest.headers.add(name: name, value: value) }
        if !request.body.isEmpty || ["POST", "PUT"].contains(request.method) {
            httpRequest.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let endpoint = Self.describe(request)
        do {
            let client = proxy.server(scheme: request.scheme, host: request.host).flatMap { proxied[$0] } ?? http
            let response = try await client.execute(httpRequest, timeout: TimeAmount(configuration.timeout.request))
            let body = try await response.body.collect(upTo: configuration.maxResponseBytes)
            var headers: [String: String] = [:]
            for (name, value) in response.headers where headers[name.lowercased()] == nil {
                headers[name.lowercased()] = value
            }
            return AWSResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch is CancellationError {
            throw CancellationError()
        } catch is NIOTooManyBytesError {
            throw AWSClientError.responseTooLarge(limit: configuration.maxResponseBytes)
        } catch let error as HTTPClientError {
            switch error {
            case .cancelled: throw CancellationError()
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded:
                throw AWSClientError.timeout(endpoint: endpoint)
            default: throw AWSClientError.connectionLost(endpoint: endpoint)
            }
        } catch {
            if Task.isCancelled { throw CancellationError() }
            if Self.isConnectionRefusal(error) { throw AWSClientError.connectionRefused(endpoint: endpoint) }
            throw AWSClientError.connectionLost(endpoint: endpoint)
        }
    }

    /// Whether a transport error means no connection was made (refused, unreachable, unresolvable host).
    private static func isConnectionRefusal(_ error: any Error) -> Bool {
        if let io = error as? IOError {
            return [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains(io.errnoCode)
        }
        return error is NIOConnectionError
    }
}
