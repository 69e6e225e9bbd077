import Foundation

/// A Lambda alias (GetAlias).
public struct LambdaAlias: Sendable, Equatable, Decodable {
    /// `AliasArn`.
    public var aliasARN: String
    /// `Name`.
    public var name: String
    /// `FunctionVersion`: the version the alias points at.
    public var functionVersion: String
    /// `Description`.
    public var description: String?
    /// `RevisionId`.
    public var revisionID: String?

    enum CodingKeys: String, CodingKey {
        case aliasARN = "AliasArn", name = "Name", functionVersion = "FunctionVersion", description = "Description"
        case revisionID = "RevisionId"
    }
}

/// One version of a function (ListVersionsByFunction, GetFunction's `Configuration`).
public struct LambdaFunctionConfiguration: Sendable, Equatable, Decodable {
    /// `FunctionName`.
    public var functionName: String
    /// `FunctionArn`.
    public var functionARN: String
    /// `Version` (`$LATEST`, `1`, `2`…).
    public var version: String
    /// `Description`.
    public var description: String?
    /// `CodeSha256`: base64 SHA-256 of the deployment package.
    public var codeSHA256: String?
    /// `LastModified` as sent (`2024-01-02T03:04:05.123+0000`).
    public var lastModified: String?
    /// `Runtime`.
    public var runtime: String?
    /// `Handler`.
    public var handler: String?
    /// `RevisionId`.
    public var revisionID: String?

    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName", functionARN = "FunctionArn", version = "Version"
        case description = "Description", codeSHA256 = "CodeSha256", lastModified = "LastModified"
        case runtime = "Runtime", handler = "Handler", revisionID = "RevisionId"
    }
}

/// A function (GetFunction): its configuration and tags.
public struct LambdaFunction: Sendable, Equatable, Decodable {
    /// `Configuration`.
    public var configuration: LambdaFunctionConfiguration
    /// `Tags`.
    public var tags: [String: String]?

    enum CodingKeys: String, CodingKey {
        case configuration = "Configuration", tags = "Tags"
    }
}

/// AWS Lambda's API (REST-JSON, version 2015-03-31): the read calls the releases feature needs.
public struct LambdaClient: Sendable {
    /// The client requests go through.
    public let client: AWSClient

    /// Creates a Lambda client.
    /// - Parameter client: the signed HTTP client.
    public init(client: AWSClient) { self.client = client }

    static func functionPath(_ name: String) -> String { "/2015-03-31/functions/" + SigV4Signer.uriEncode(name) }

    /// GetAlias.
    /// - Parameters:
    ///   - functionName: the function's name or ARN.
    ///   - name: the alias name.
    /// - Returns: the alias.
    /// - Throws: ``AWSServiceError`` (`ResourceNotFoundException`).
    public func getAlias(functionName: String, name: String) async throws -> LambdaAlias {
        try await client.restJSON(
            .lambda, path: Self.functionPath(functionName) + "/aliases/" + SigV4Signer.uriEncode(name),
            as: LambdaAlias.self)
    }

    /// ListVersionsByFunction, every page.
    /// - Parameter functionName: the function's name or ARN.
    /// - Returns: the versions, `$LATEST` included.
    public func listVersionsByFunction(functionName: String) async throws -> [LambdaFunctionConfiguration] {
        struct Page: Decodable {
            var Versions: [LambdaFunctionConfiguration]?
            var NextMarker: String?
        }
        var versions: [LambdaFunctionConfiguration] = []
        var marker: String?
        repeat {
            var query: [(name: String, value: String)] = []
            if let marker { query.append(("Marker", marker)) }
            let page = try await client.restJSON(
                .lambda, path: Self.functionPath(functionName) + "/versions", query: query, as: Page.self)
            versions += page.Versions ?? []
            marker = page.NextMarker.flatMap { $0.isEmpty ? nil : $0 }
        } while marker != nil
        return versions
    }

    /// GetFunction.
    /// - Parameters:
    ///   - functionName: the function's name or ARN.
    ///   - qualifier: a version or alias, if any.
    /// - Returns: the function.
    public func getFunction(functionName: String, qualifier: String? = nil) async throws -> LambdaFunction {
        try await client.restJSON(
            .lambda, path: Self.functionPath(functionName), query: qualifier.map { [("Qualifier", $0)] } ?? [],
            as: LambdaFunction.self)
    }
}
