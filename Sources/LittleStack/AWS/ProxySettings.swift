import Foundation

/// The HTTP proxy AWS requests go through, read from the environment the way curl and the aws cli read it.
///
/// `https_proxy`/`HTTPS_PROXY` for https endpoints, `http_proxy`/`HTTP_PROXY` for http ones (lower case wins),
/// each `http://[user:password@]host[:port]` (port 80 when absent; 1080 is not assumed: SOCKS is not supported).
/// `no_proxy`/`NO_PROXY` lists hosts reached directly: `*` for all, a name for itself and its subdomains
/// (`example.com` and `.example.com` both cover `api.example.com`), an IP address for itself; a `:port` on an entry
/// is ignored and CIDR ranges are not understood. Loopback hosts (`localhost`, `127.0.0.0/8`, `::1`) are always
/// reached directly, so a local emulator never goes through a proxy.
public struct ProxySettings: Sendable, Equatable {
    /// One proxy server. Its description never shows the password.
    public struct Server: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
        /// The proxy's host.
        public var host: String
        /// The proxy's port.
        public var port: Int
        /// The user for Basic proxy authentication, when the URL holds one.
        public var user: String?
        /// The password that goes with ``user``.
        public var password: String?

        /// Creates a proxy server.
        public init(host: String, port: Int, user: String? = nil, password: String? = nil) {
            self.host = host
            self.port = port
            self.user = user
            self.password = password
        }

        /// `http://user:<redacted>@host:port`, or `http://host:port`.
        public var description: String {
            "http://" + (user.map { "\($0):<redacted>@" } ?? "") + "\(host):\(port)"
        }

        /// The same as ``description``.
        public var debugDescription: String { description }
    }

    /// The proxy for http endpoints.
    public var http: Server?
    /// The proxy for https endpoints.
    public var https: Server?
    /// The `no_proxy` entries, lower-cased, without leading dots or ports.
    public var noProxy: [String]

    /// No proxy: every request connects directly.
    public static let direct = ProxySettings(http: nil, https: nil, noProxy: [])

    /// Creates settings.
    public init(http: Server?, https: Server?, noProxy: [String]) {
        self.http = http
        self.https = https
        self.noProxy = noProxy
    }

    /// Reads the settings from an environment.
    /// - Parameter environment: the environment (`ProcessInfo.processInfo.environment` for the process's).
    /// - Throws: ``AWSClientError/invalidProxy(variable:)`` for a proxy URL without a host or with a bad port; the
    ///   message names the variable, never its value (it can hold a password).
    public init(environment: [String: String]) throws {
        func server(_ names: String...) throws -> Server? {
            for name in names {
                guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
                guard let server = Self.parseServer(text) else { throw AWSClientError.invalidProxy(variable: name) }
                return server
            }
            return nil
        }
        self.http = try server("http_proxy", "HTTP_PROXY")
        self.https = try server("https_proxy", "HTTPS_PROXY")
        let list = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        self.noProxy = list.split(separator: ",").compactMap { Self.normalizeNoProxyEntry(String($0)) }
    }

    /// The proxy a request to `host` over `scheme` goes through, or `nil` to connect directly.
    /// - Parameters:
    ///   - scheme: `http` or `https`.
    ///   - host: the endpoint's host.
    /// - Returns: the proxy server, or `nil`.
    public func server(scheme: String, host: String) -> Server? {
        guard let server = scheme.lowercased() == "http" ? http : https else { return nil }
        let host = Self.bareHost(host.lowercased())
        if Self.isLoopback(host) { return nil }
        for entry in noProxy {
            if entry == "*" || host == entry || host.hasSuffix("." + entry) { return nil }
        }
        return server
    }

    /// `http://user:pass@host:port/` → the server; a URL without a scheme is read as `http://`.
    static func parseServer(_ text: String) -> Server? {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty,
            ["http", "https"].contains(components.scheme?.lowercased() ?? "")
        else { return nil }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { return nil }
        let user = components.user.map { $0.removingPercentEncoding ?? $0 }
        let password = user == nil ? nil : (components.password.map { $0.removingPercentEncoding ?? $0 } ?? "")
        return Server(host: host, port: port, user: user, password: password)
    }

    static func normalizeNoProxyEntry(_ raw: String) -> String? {
        var entry = raw.trimmingCharacters(in: .whitespaces).lowercased()
        while entry.hasPrefix(".") { entry.removeFirst() }
        if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
            entry = String(entry[entry.index(after: entry.startIndex)..<close])
        } else if entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":") {
            entry = String(entry[..<colon])
        }
        return entry.isEmpty ? nil : entry
    }

    static func bareHost(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
