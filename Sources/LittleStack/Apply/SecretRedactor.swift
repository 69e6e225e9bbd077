import Foundation

/// The last line of defence against printing secrets: replaces known secret strings in any text with `****`.
///
/// Structural masking (``NoEchoParameters``) covers the places littlestack knows about; this covers the rest, such as
/// a CloudFormation status reason that quotes a parameter value. Secrets shorter than four characters are not
/// searched for, because replacing every occurrence of a one-letter value would garble all output.
///
/// Copies share one list: a secret added through any copy is hidden by all of them. Credentials renewed in the
/// middle of an apply are learnt by the AWS client, long after the console holding a copy was made, and must
/// still never print; a copy that hides more than it was told is the safe way to be wrong.
public struct SecretRedactor: Sendable, Equatable {
    /// The list all copies share.
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        /// Longest first (so a secret containing another is replaced whole). Read and written under `lock`.
        var secrets: [String] = []
    }

    private let store = Store()

    /// The secrets, longest first (so a secret containing another is replaced whole).
    public var secrets: [String] { store.lock.withLock { store.secrets } }

    /// Makes a redactor with a list of its own.
    /// - Parameter secrets: the values to hide (NoEcho parameter values, secret keys, session tokens).
    public init(secrets: [String] = []) {
        add(secrets)
    }

    /// The shortest secret that is searched for.
    public static let minimumLength = 4

    /// Adds more secrets, for this redactor and every copy of it.
    public func add(_ more: [String]) {
        store.lock.withLock {
            let kept = more.filter { $0.count >= Self.minimumLength && !store.secrets.contains($0) }
            guard !kept.isEmpty else { return }
            store.secrets = (store.secrets + kept).sorted { $0.count > $1.count }
        }
    }

    /// The text with every secret replaced by `****`.
    public func redact(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: NoEchoParameters.mask)
        }
        return text
    }

    /// Two redactors are equal when they hide the same secrets.
    public static func == (lhs: SecretRedactor, rhs: SecretRedactor) -> Bool { lhs.secrets == rhs.secrets }
}
