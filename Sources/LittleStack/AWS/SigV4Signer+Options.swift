extension SigV4Signer {
    /// How a service wants its requests signed.
    public struct Options: Sendable, Hashable {
        /// How the path becomes the canonical URI.
        public enum PathEncoding: Sendable, Hashable {
            /// Normalise the path (`.`/`..`, empty segments) and encode each segment again: every service but S3.
            case standard
            /// Use the encoded path as is: S3.
            case s3
        }

        /// How the path becomes the canonical URI; defaults to ``PathEncoding/standard``.
        public var pathEncoding: PathEncoding
        /// Whether the body's SHA-256 is signed (`false`: `UNSIGNED-PAYLOAD`); defaults to `true`.
        public var signPayload: Bool
        /// Whether to send (and sign) `x-amz-content-sha256`, which S3 requires; defaults to `false`.
        public var addContentSHA256Header: Bool
        /// Whether `X-Amz-Security-Token` is signed (added before signing) or added after; defaults to `true`.
        public var signSessionToken: Bool

        /// Creates signing options.
        /// - Parameters:
        ///   - pathEncoding: see ``pathEncoding``.
        ///   - signPayload: see ``signPayload``.
        ///   - addContentSHA256Header: see ``addContentSHA256Header``.
        ///   - signSessionToken: see ``signSessionToken``.
        public init(
            pathEncoding: PathEncoding = .standard, signPayload: Bool = true, addContentSHA256Header: Bool = false,
            signSessionToken: Bool = true
        ) {
            self.pathEncoding = pathEncoding
            self.signPayload = signPayload
            self.addContentSHA256Header = addContentSHA256Header
            self.signSessionToken = signSessionToken
        }

        /// The rules of every service but S3.
        public static let standard = Options()
        /// S3's rules: path as is, signed payload, `x-amz-content-sha256` sent.
        public static let s3 = Options(pathEncoding: .s3, addContentSHA256Header: true)
        /// S3's rules with `UNSIGNED-PAYLOAD` (for bodies not worth hashing twice).
        public static let s3UnsignedPayload = Options(pathEncoding: .s3, signPayload: false, addContentSHA256Header: true)
    }
}
