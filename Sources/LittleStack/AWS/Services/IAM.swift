import Foundation

/// AWS IAM's API (Query protocol, version 2010-05-08; global endpoint).
public struct IAMClient: Sendable {
    /// The client requests go through.
    public let client: AWSClient
    /// The API version sent.
    public static let version = "2010-05-08"

    /// Creates an IAM client.
    /// - Parameter client: the signed HTTP client.
    public init(client: AWSClient) { self.client = client }

    /// ListAccountAliases, every page (an account has at most one alias; little stack named its bucket after it).
    /// - Returns: the aliases.
    public func listAccountAliases() async throws -> [String] {
        var aliases: [String] = []
        var marker: String?
        repeat {
            var p = QueryParameters()
            p.add("Marker", marker)
            let result = try await client.query(
                .iam, action: "ListAccountAliases", version: Self.version, parameters: p.items, isIdempotent: true)
            aliases += result.members("AccountAliases").map(\.text)
            marker = result.string("IsTruncated") == "true" ? result.string("Marker") : nil
        } while marker != nil
        return aliases
    }
}
