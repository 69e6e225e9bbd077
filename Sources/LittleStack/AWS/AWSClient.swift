import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends signed requests to AWS services over URLSession, with timeouts, retries and error parsing.
///
/// One client holds one set of credentials and a region; the per-service clients (``CloudFormationClient``,
/// ``S3Client``, ``STSClient``, ``IAMClient``, ``LambdaClient``, ``APIGatewayClient``) wrap it.
public final class AWSClient: Sendable {
    /// The credentials requests are signed with.
    public let credentials: Credentials
    /// The region requests go to.
    public let region: String
    /// Where each service's requests go.
    public let endpoints: Endpoints
    /// Timeouts, retries, clock.
    public let configuration: Configuration
    private let session: URLSession

    /// Creates a client.
    /// - Parameters:
    ///   - credentials: the credentials to sign with.
    ///   - region: the region.
    ///   - endpoints: the endpoint resolver; defaults to one reading the process's environment.
    ///   - configuration: timeouts, retries, clock; see ``Configuration``.
    public init(
        credentials: Credentials, region: String, endpoints: Endpoints = Endpoints(),
        configuration: Configuration = Configuration()
    ) {
        self.credentials = credentials
        self.region = region
        self.endpoints = endpoints
        self.configuration = configuration
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = Self.wholeSeconds(configuration.timeout.connect)
        sessionConfiguration.timeoutIntervalForResource = Self.wholeSeconds(configuration.timeout.request)
        sessionConfiguration.httpCookieAcceptPolicy = .never
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = URLSession(configuration: sessionConfiguration, delegate: NoRedirects(), delegateQueue: nil)
    }

    /// Refuses redirects: a signed request must not be re-sent, Authorization header and all, to another host; the
    /// 3xx reply is returned and becomes an ``AWSServiceError`` (S3's `PermanentRedirect` names the right region).
    private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    deinit { session.finishTasksAndInvalidate() }

    /// A duration in whole seconds, rounded up, at least 1: URLSession on Linux drops fractions (0.3 s would mean
    /// "time out at once").
    static func wholeSeconds(_ duration: Duration) -> TimeInterval {
        let (s, atto) = duration.components
        return TimeInterval(max(1, s + (atto > 0 ? 1 : 0)))
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
            credentials: credentials, region: endpoints.signingRegion(for: service, region: region),
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

    /// Runs an operation, throwing ``AWSClientError/timeout(endpoint:)`` (and cancelling it) when it outlasts
    /// `limit`: URLSession's own resource timeout is not honoured on Linux.
    private func withDeadline<T: Sendable>(
        _ limit: Duration, endpoint: String, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw AWSClientError.timeout(endpoint: endpoint)
            }
            return value
        }
    }

    private func send(_ request: AWSRequest) async throws -> AWSResponse {
        guard let url = request.url else { throw AWSClientError.invalidEndpoint(Self.describe(request)) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = Self.wholeSeconds(configuration.timeout.connect)
        for (name, value) in request.headers where name.lowercased() != "host" {
            urlRequest.addValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty || ["POST", "PUT"].contains(request.method) { urlRequest.httpBody = request.body }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await withDeadline(configuration.timeout.request, endpoint: Self.describe(request)) {
                [session, urlRequest] in try await session.data(for: urlRequest)
            }
        } catch let error as AWSClientError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as URLError {
            let endpoint = Self.describe(request)
            switch error.code {
            case .cancelled: throw CancellationError()
            case .timedOut: throw AWSClientError.timeout(endpoint: endpoint)
            case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
                throw AWSClientError.connectionRefused(endpoint: endpoint)
            default: throw AWSClientError.connectionLost(endpoint: endpoint)
            }
        } catch {
            throw AWSClientError.connectionLost(endpoint: Self.describe(request))
        }
        guard let http = response as? HTTPURLResponse else {
            throw AWSClientError.connectionLost(endpoint: Self.describe(request))
        }
        if data.count > configuration.maxResponseBytes {
            throw AWSClientError.responseTooLarge(limit: configuration.maxResponseBytes)
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return AWSResponse(status: http.statusCode, headers: headers, body: data)
    }
}
