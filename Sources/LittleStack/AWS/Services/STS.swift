import Foundation

/// Who the credentials belong to (STS GetCallerIdentity).
public struct CallerIdentity: Sendable, Equatable {
    /// `Account`: the 12-digit account ID.
    public var account: String
    /// `Arn`: the caller's ARN.
    public var arn: String
    /// `UserId`.
    public var userID: String
}

/// The input of STS AssumeRole.
public struct AssumeRoleRequest: Sendable, Equatable {
    /// `RoleArn`.
    public var roleARN: String
    /// `RoleSessionName`.
    public var roleSessionName: String
    /// `ExternalId`, if the role requires one.
    public var externalID: String?
    /// `DurationSeconds`, if not the default hour.
    public var durationSeconds: Int?

    /// Creates a request.
    public init(roleARN: String, roleSessionName: String, externalID: String? = nil, durationSeconds: Int? = nil) {
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
    }
}

/// AWS STS's API (Query protocol, version 2011-06-15).
public struct STSClient: Sendable {
    /// The client requests go through.
    public let client: AWSClient
    /// The API version sent.
    public static let version = "2011-06-15"

    /// Creates an STS client.
    /// - Parameter client: the signed HTTP client.
    public init(client: AWSClient) { self.client = client }

    /// GetCallerIdentity.
    /// - Returns: the account, ARN and user ID of the credentials.
    public func getCallerIdentity() async throws -> CallerIdentity {
        let result = try await client.query(.sts, action: "GetCallerIdentity", version: Self.version, isIdempotent: true)
        return CallerIdentity(
            account: result.string("Account") ?? "", arn: result.string("Arn") ?? "",
            userID: result.string("UserId") ?? "")
    }

    /// AssumeRole.
    /// - Parameter request: the role and session.
    /// - Returns: the role's temporary credentials.
    public func assumeRole(_ request: AssumeRoleRequest) async throws -> Credentials {
        var p = QueryParameters()
        p.add("RoleArn", request.roleARN)
        p.add("RoleSessionName", request.roleSessionName)
        p.add("ExternalId", request.externalID)
        p.add("DurationSeconds", request.durationSeconds.map(String.init))
        let result = try await client.query(.sts, action: "AssumeRole", version: Self.version, parameters: p.items)
        guard let c = result.child("Credentials"), let key = c.string("AccessKeyId"),
            let secret = c.string("SecretAccessKey")
        else { throw AWSClientError.invalidResponse(service: "sts", reason: "AssumeRole reply has no credentials") }
        return Credentials(
            accessKeyID: key, secretAccessKey: secret, sessionToken: c.string("SessionToken"),
            expiration: AWSDate.parse(c.string("Expiration")), source: "assumed role '\(request.roleARN)'")
    }
}
