import Foundation

/// One HTTP request to an AWS service, in the parts SigV4 signs: method, host, encoded path, decoded query, headers, body.
///
/// The path is kept in its wire form (already percent-encoded, as it goes on the request line); query names and values
/// are kept decoded and encoded once, with AWS's rules, both for the wire and for the canonical request, so the two can
/// never disagree.
public struct AWSRequest: Sendable {
    /// The HTTP method, upper case (`GET`, `POST`, `PUT`, `HEAD`, `DELETE`).
    public var method: String
    /// `https` or `http`.
    public var scheme: String
    /// The host name, without port.
    public var host: String
    /// The port, or `nil` for the scheme's default.
    public var port: Int?
    /// The percent-encoded path, starting with `/`.
    public var path: String
    /// Query parameters, decoded, in the order they go on the wire.
    public var query: [(name: String, value: String)]
    /// Header fields in order; a name may repeat.
    public var headers: [(name: String, value: String)]
    /// The body bytes (empty for none).
    public var body: Data
    /// Whether sending the request twice has the same effect as sending it once, which makes retrying it after a lost
    /// connection or a timeout safe. Defaults to `true` for GET, HEAD, PUT and DELETE, `false` otherwise.
    public var isIdempotent: Bool

    /// Creates a request.
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - scheme: `https` or `http`.
    ///   - host: the host name, without port.
    ///   - port: the port, `nil` for the scheme's default.
    ///   - path: the percent-encoded path.
    ///   - query: decoded query parameters.
    ///   - headers: header fields.
    ///   - body: the body.
    ///   - isIdempotent: see ``isIdempotent``; `nil` derives it from the method.
    public init(
        method: String, scheme: String = "https", host: String, port: Int? = nil, path: String = "/",
        query: [(name: String, value: String)] = [], headers: [(name: String, value: String)] = [],
        body: Data = Data(), isIdempotent: Bool? = nil
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
        self.body = body
        self.isIdempotent = isIdempotent ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method)
    }

    /// The `Host` header value: the host, plus `:port` when the port is not the scheme's default.
    public var hostHeader: String {
        guard let port else { return host }
        if (scheme == "https" && port == 443) || (scheme == "http" && port == 80) { return host }
        return "\(host):\(port)"
    }

    /// The query string as sent: each name and value encoded with ``SigV4Signer/uriEncode(_:encodeSlash:)``.
    public var encodedQuery: String {
        query.map { SigV4Signer.uriEncode($0.name) + "=" + SigV4Signer.uriEncode($0.value) }.joined(separator: "&")
    }

    /// The full URL (scheme, host, port, path, query).
    public var url: URL? {
        let q = query.isEmpty ? "" : "?" + encodedQuery
        let h = host.contains(":") ? "[\(host)]" : host
        let p = port.map { ":\($0)" } ?? ""
        return URL(string: "\(scheme)://\(h)\(p)\(path)\(q)")
    }

    /// The value of the first header with this name (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// Replaces every header with this name (case-insensitive) by one with the given value.
    public mutating func setHeader(_ name: String, _ value: String) {
        let lower = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lower }
        headers.append((name: name, value: value))
    }
}

extension AWSRequest: CustomStringConvertible {
    /// `POST https://host/path?query` and the header names; the values of `Authorization` and `X-Amz-Security-Token`
    /// and the presigned query's signature and token are replaced by `<redacted>`, so a request can be logged.
    public var description: String {
        let hidden: Set<String> = ["authorization", "x-amz-security-token", "x-amz-signature", "x-amz-credential"]
        let query = self.query.map { item in
            SigV4Signer.uriEncode(item.name) + "="
                + (hidden.contains(item.name.lowercased()) ? "<redacted>" : SigV4Signer.uriEncode(item.value))
        }
        let headers = self.headers.map { header in
            header.name + ": " + (hidden.contains(header.name.lowercased()) ? "<redacted>" : header.value)
        }
        let target = "\(scheme)://\(hostHeader)\(path)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        return "\(method) \(target) [\(headers.joined(separator: ", "))] (\(body.count) bytes)"
    }
}
