import Foundation

extension AWSClient {
    /// Calls an action of a Query-protocol service (CloudFormation, STS, IAM): a form POST of `Action`, `Version` and
    /// the parameters; the reply is XML.
    /// - Parameters:
    ///   - service: the service.
    ///   - action: the action name (`DescribeStacks`).
    ///   - version: the API version (`2010-05-15`).
    ///   - parameters: the flattened parameters (`Parameters.member.1.ParameterKey`), in order.
    ///   - isIdempotent: whether retrying after a timeout is safe (read-only actions, or ones with a client token).
    /// - Returns: the `<ActionResult>` element (the root when there is none).
    /// - Throws: ``AWSServiceError``, ``AWSClientError``.
    public func query(
        _ service: AWSService, action: String, version: String, parameters: [(name: String, value: String)] = [],
        isIdempotent: Bool = false
    ) async throws -> XMLTree {
        let all = [(name: "Action", value: action), (name: "Version", value: version)] + parameters
        let form = all.map { SigV4Signer.uriEncode($0.name) + "=" + SigV4Signer.uriEncode($0.value) }
            .joined(separator: "&")
        let request = try self.request(
            service, method: "POST",
            headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")],
            body: Data(form.utf8), isIdempotent: isIdempotent)
        let response = try await execute(request, service: service)
        guard let tree = XMLTree.parse(response.body) else {
            throw AWSClientError.invalidResponse(service: service.endpointPrefix, reason: "\(action) reply is not XML")
        }
        return tree.child("\(action)Result") ?? tree
    }

    /// Calls a REST-JSON operation (Lambda, API Gateway) and decodes its JSON reply.
    /// - Parameters:
    ///   - service: the service.
    ///   - method: the HTTP method.
    ///   - path: the encoded path.
    ///   - query: decoded query parameters.
    ///   - body: a JSON body, if any (sent as `application/json`).
    ///   - as: the type to decode.
    /// - Returns: the decoded reply.
    /// - Throws: ``AWSServiceError``, ``AWSClientError`` (``AWSClientError/invalidResponse(service:reason:)`` when the
    ///   reply does not decode).
    public func restJSON<T: Decodable>(
        _ service: AWSService, method: String = "GET", path: String, query: [(name: String, value: String)] = [],
        body: Data? = nil, as: T.Type
    ) async throws -> T {
        var headers: [(name: String, value: String)] = [(name: "Accept", value: "application/json")]
        if body != nil { headers.append((name: "Content-Type", value: "application/json")) }
        let request = try self.request(
            service, method: method, path: path, query: query, headers: headers, body: body ?? Data())
        let response = try await execute(request, service: service)
        do {
            return try JSONDecoder().decode(T.self, from: response.body.isEmpty ? Data("{}".utf8) : response.body)
        } catch {
            throw AWSClientError.invalidResponse(
                service: service.endpointPrefix, reason: "\(T.self) does not decode: \(Self.decodingReason(error))")
        }
    }

    static func decodingReason(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "malformed JSON" }
        switch error {
        case .keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "malformed JSON" : "wrong type at '\(path)'"
        @unknown default: return "malformed JSON"
        }
    }
}

/// Builds the flattened parameter list of a Query-protocol call.
public struct QueryParameters: Sendable {
    /// The parameters in order.
    public private(set) var items: [(name: String, value: String)] = []

    /// Creates an empty list.
    public init() {}

    /// Adds a parameter when the value is not `nil`.
    public mutating func add(_ name: String, _ value: String?) {
        if let value { items.append((name: name, value: value)) }
    }

    /// Adds a boolean as `true`/`false` when not `nil`.
    public mutating func add(_ name: String, _ value: Bool?) {
        if let value { items.append((name: name, value: value ? "true" : "false")) }
    }

    /// Adds a list of strings as `name.member.1`, `name.member.2`…
    public mutating func addList(_ name: String, _ values: [String]) {
        for (i, value) in values.enumerated() { items.append((name: "\(name).member.\(i + 1)", value: value)) }
    }

    /// Adds a list of structures as `name.member.N.field`.
    public mutating func addStructures<T>(_ name: String, _ values: [T], _ fields: (T) -> [(String, String?)]) {
        for (i, value) in values.enumerated() {
            for (field, fieldValue) in fields(value) {
                if let fieldValue { items.append((name: "\(name).member.\(i + 1).\(field)", value: fieldValue)) }
            }
        }
    }
}
