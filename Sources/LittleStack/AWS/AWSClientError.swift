/// A failure on the client's side of a call: no connection, a timeout, retries used up, a reply it cannot read.
///
/// An `Equatable` struct over a private code (async-http-client's `HTTPClientError` shape), so
/// `#expect(error == .timeout(endpoint: "…"))` works and new cases break no caller. Endpoints are shown as
/// `scheme://host:port` only: no path, no query (a presigned query would hold a signature), no credentials.
public struct AWSClientError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case connectionRefused(endpoint: String)
        case connectionLost(endpoint: String)
        case timeout(endpoint: String)
        case retriesExhausted(attempts: Int, last: String)
        case responseTooLarge(limit: Int)
        case invalidResponse(service: String, reason: String)
        case invalidEndpoint(String)
        case invalidRegion(String)
        case invalidProxy(variable: String)
    }

    private let code: Code
    /// The last error behind ``retriesExhausted(attempts:last:)`` (an ``AWSServiceError`` or ``AWSClientError``);
    /// not part of equality.
    public let underlying: (any Error & Sendable)?

    private init(_ code: Code, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.underlying = underlying
    }

    /// Equal when kind and details match; ``underlying`` is not compared.
    public static func == (a: AWSClientError, b: AWSClientError) -> Bool { a.code == b.code }

    /// Nothing listens at the endpoint (or its name does not resolve).
    public static func connectionRefused(endpoint: String) -> AWSClientError {
        AWSClientError(.connectionRefused(endpoint: endpoint))
    }
    /// The connection broke before a full reply arrived.
    public static func connectionLost(endpoint: String) -> AWSClientError {
        AWSClientError(.connectionLost(endpoint: endpoint))
    }
    /// No reply within the configured timeout.
    public static func timeout(endpoint: String) -> AWSClientError { AWSClientError(.timeout(endpoint: endpoint)) }
    /// Every attempt failed with a retryable error; `last` is the last one's description.
    public static func retriesExhausted(attempts: Int, last: String) -> AWSClientError {
        AWSClientError(.retriesExhausted(attempts: attempts, last: last))
    }
    /// Every attempt failed with a retryable error.
    /// - Parameters:
    ///   - attempts: how many attempts were made.
    ///   - lastError: the last attempt's error, kept as ``underlying``.
    public static func retriesExhausted(attempts: Int, lastError: any Error & Sendable) -> AWSClientError {
        AWSClientError(.retriesExhausted(attempts: attempts, last: "\(lastError)"), underlying: lastError)
    }
    /// The reply body was larger than the configured bound.
    public static func responseTooLarge(limit: Int) -> AWSClientError { AWSClientError(.responseTooLarge(limit: limit)) }
    /// A success reply the client could not read.
    public static func invalidResponse(service: String, reason: String) -> AWSClientError {
        AWSClientError(.invalidResponse(service: service, reason: reason))
    }
    /// An endpoint URL the client cannot use.
    public static func invalidEndpoint(_ endpoint: String) -> AWSClientError {
        AWSClientError(.invalidEndpoint(endpoint))
    }

    /// A region name that is not lower-case letters, digits and hyphens (it would end up in a host name).
    public static func invalidRegion(_ region: String) -> AWSClientError { AWSClientError(.invalidRegion(region)) }

    /// A proxy variable (`https_proxy`…) whose value is not an `http://host[:port]` URL; only the variable's name is
    /// kept, as its value can hold a password.
    public static func invalidProxy(variable: String) -> AWSClientError { AWSClientError(.invalidProxy(variable: variable)) }

    /// The message, lower-case first.
    public var description: String {
        switch code {
        case .connectionRefused(let endpoint): return "could not connect to '\(endpoint)'"
        case .connectionLost(let endpoint): return "connection to '\(endpoint)' was lost"
        case .timeout(let endpoint): return "request to '\(endpoint)' timed out"
        case .retriesExhausted(let attempts, let last): return "gave up after \(attempts) attempts: \(last)"
        case .responseTooLarge(let limit): return "response larger than \(limit) bytes"
        case .invalidResponse(let service, let reason): return "unreadable \(service) response: \(reason)"
        case .invalidEndpoint(let endpoint): return "invalid endpoint '\(endpoint)'"
        case .invalidRegion(let region): return "invalid region '\(region)'"
        case .invalidProxy(let variable): return "\(variable) is not a proxy URL like 'http://proxy.example.com:3128'"
        }
    }

    /// Whether the request may have failed in flight (timeout, lost connection): worth retrying when sending it twice
    /// is safe.
    public var isTransient: Bool {
        switch code {
        case .timeout, .connectionLost: return true
        default: return false
        }
    }

    /// The kind of error without its details (`timeout`), like `HTTPClientError.shortDescription`.
    public var shortDescription: String {
        switch code {
        case .connectionRefused: return "connectionRefused"
        case .connectionLost: return "connectionLost"
        case .timeout: return "timeout"
        case .retriesExhausted: return "retriesExhausted"
        case .responseTooLarge: return "responseTooLarge"
        case .invalidResponse: return "invalidResponse"
        case .invalidEndpoint: return "invalidEndpoint"
        case .invalidRegion: return "invalidRegion"
        case .invalidProxy: return "invalidProxy"
        }
    }
}
