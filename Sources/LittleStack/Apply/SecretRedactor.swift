import Foundation

/// The last line of defence against printing secrets: replaces known secret strings in any text with `****`.
///
/// Structural masking (``NoEchoParameters``) covers the places littlestack knows about; this covers the rest, such as
/// a CloudFormation status reason that quotes a parameter value. Secrets shorter than four characters are not
/// searched for, because replacing every occurrence of a one-letter value would garble all output.
public struct SecretRedactor: Sendable, Equatable {
    /// The secrets, longest first (so a secret containing another is replaced whole).
    public private(set) var secrets: [String]

    /// Makes a redactor.
    /// - Parameter secrets: the values to hide (NoEcho parameter values, secret keys, session tokens).
    public init(secrets: [String] = []) {
        self.secrets = []
        add(secrets)
    }

    /// The shortest secret that is searched for.
    public static let minimumLength = 4

    /// Adds more secrets.
    public mutating func add(_ more: [String]) {
        let kept = more.filter { $0.count >= Self.minimumLength && !secrets.contains($0) }
        secrets = (secrets + kept).sorted { $0.count > $1.count }
    }

    /// The text with every secret replaced by `****`.
    public func redact(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: NoEchoParameters.mask)
        }
        return text
    }
}
