import Foundation

/// An access key pair, with the session token temporary credentials carry, and where it was found.
///
/// The description shows the source and the last four characters of the key ID only: the secret and the token never
/// appear in any description, log or error.
public struct Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The access key ID (`AKIA…`, `ASIA…`).
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials, if any.
    public var sessionToken: String?
    /// When temporary credentials expire, if known.
    public var expiration: Date?
    /// Where they came from, for messages (`environment`, `shared credentials file profile 'dev'`…).
    public var source: String

    /// Creates credentials.
    /// - Parameters:
    ///   - accessKeyID: the access key ID.
    ///   - secretAccessKey: the secret access key.
    ///   - sessionToken: the session token, if any.
    ///   - expiration: the expiry time, if known.
    ///   - source: where they came from; defaults to `static`.
    public init(
        accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil,
        source: String = "static"
    ) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// `Credentials(accessKeyID: ****************MPLE, secretAccessKey: <redacted>, sessionToken: none, source: …)`.
    public var description: String {
        let shown = accessKeyID.count > 4 ? String(repeating: "*", count: 16) + accessKeyID.suffix(4) : "****"
        return "Credentials(accessKeyID: \(shown), secretAccessKey: <redacted>, sessionToken: "
            + "\(sessionToken == nil ? "none" : "<redacted>"), source: \(source))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// What must never be printed: the secret access key and the session token.
    public var secrets: [String] { [secretAccessKey] + (sessionToken.map { [$0] } ?? []) }
}
