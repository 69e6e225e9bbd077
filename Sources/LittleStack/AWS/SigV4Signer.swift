import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4 (header or query-string signing), as AWS's SigV4 specification defines it.
///
/// The signer is a value: credentials, region, service name and the service's signing rules. It reads no clock of its
/// own; the caller passes the signing time, so tests use a fixed one.
public struct SigV4Signer: Sendable {
    /// The credentials to sign with.
    public var credentials: Credentials
    /// The signing region (`us-east-1`).
    public var region: String
    /// The signing name of the service (`cloudformation`, `s3`, `execute-api`…).
    public var service: String
    /// How the service wants the request signed.
    public var options: Options

    /// Creates a signer.
    /// - Parameters:
    ///   - credentials: the credentials to sign with.
    ///   - region: the signing region.
    ///   - service: the service's signing name.
    ///   - options: the service's signing rules; defaults to ``Options/standard``.
    public init(credentials: Credentials, region: String, service: String, options: Options = .standard) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
    }

    /// The parts of one signature, kept for tests and debugging (never printed by the client: the canonical request can
    /// hold a session token).
    public struct Signature: Sendable, Equatable, CustomStringConvertible {
        /// The canonical request text.
        public var canonicalRequest: String
        /// The string to sign.
        public var stringToSign: String
        /// The hex signature.
        public var signature: String
        /// The `;`-joined signed header names.
        public var signedHeaders: String
        /// The credential scope (`20150830/us-east-1/service/aws4_request`).
        public var scope: String

        /// The scope and signed header names only: the signature and the canonical request (which can hold a
        /// session token) stay out of printed text.
        public var description: String {
            "Signature(scope: \(scope), signedHeaders: \(signedHeaders), signature: <redacted>)"
        }
    }

    // MARK: - Header signing

    /// Signs a request with an `Authorization` header.
    ///
    /// Adds `X-Amz-Date`, `Host` (when missing), `X-Amz-Security-Token` (when the credentials carry a session token) and,
    /// when ``Options/addContentSHA256Header`` is set, `x-amz-content-sha256`; then every header on the request is signed
    /// except `User-Agent`, `Expect` and `X-Amzn-Trace-Id` (which botocore leaves out too).
    /// - Parameters:
    ///   - request: the request to sign.
    ///   - date: the signing time.
    /// - Returns: the signed request.
    public func sign(_ request: AWSRequest, date: Date) -> AWSRequest {
        signDetailed(request, date: date).request
    }

    /// Signs a request with an `Authorization` header and returns the signature's parts too.
    /// - Parameters:
    ///   - request: the request to sign.
    ///   - date: the signing time.
    /// - Returns: the signed request and the parts of its signature.
    public func signDetailed(_ request: AWSRequest, date: Date) -> (request: AWSRequest, signature: Signature) {
        var request = request
        let stamp = Self.timestamp(date)
        request.headers.removeAll { ["authorization", "x-amz-date"].contains($0.name.lowercased()) }
        if request.header("host") == nil { request.headers.append((name: "Host", value: request.hostHeader)) }
        request.headers.append((name: "X-Amz-Date", value: stamp))
        let payloadHash = self.payloadHash(request.body)
        if options.addContentSHA256Header { request.setHeader("x-amz-content-sha256", payloadHash) }
        if let token = credentials.sessionToken, options.signSessionToken {
            request.setHeader("X-Amz-Security-Token", token)
        }
        let signature = computeSignature(request, stamp: stamp, payloadHash: payloadHash)
        request.headers.append((
            name: "Authorization",
            value: "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(signature.scope), "
                + "SignedHeaders=\(signature.signedHeaders), Signature=\(signature.signature)"
        ))
        if let token = credentials.sessionToken, !options.signSessionToken {
            request.setHeader("X-Amz-Security-Token", token)
        }
        return (request, signature)
    }

    // MARK: - Query-string signing

    /// Presigns a request: the signature goes in the query string (`X-Amz-Signature`), so the URL alone grants access.
    ///
    /// Only the `Host` header (plus any headers already on the request) is signed; the payload is `UNSIGNED-PAYLOAD`
    /// for S3, the body's hash otherwise.
    /// - Parameters:
    ///   - request: the request to presign.
    ///   - date: the signing time.
    ///   - expires: seconds the URL stays valid (1 to 604800).
    /// - Returns: the presigned request and the parts of its signature.
    public func presign(_ request: AWSRequest, date: Date, expires: Int) -> (request: AWSRequest, signature: Signature) {
        var request = request
        let stamp = Self.timestamp(date)
        if request.header("host") == nil { request.headers.append((name: "Host", value: request.hostHeader)) }
        let scope = "\(stamp.prefix(8))/\(region)/\(service)/aws4_request"
        let signedHeaders = canonicalHeaders(request.headers).names
        request.query.append((name: "X-Amz-Algorithm", value: "AWS4-HMAC-SHA256"))
        request.query.append((name: "X-Amz-Credential", value: "\(credentials.accessKeyID)/\(scope)"))
        request.query.append((name: "X-Amz-Date", value: stamp))
        request.query.append((name: "X-Amz-Expires", value: String(max(1, min(expires, 604_800)))))
        request.query.append((name: "X-Amz-SignedHeaders", value: signedHeaders))
        if let token = credentials.sessionToken {
            request.query.append((name: "X-Amz-Security-Token", value: token))
        }
        let payloadHash = options.pathEncoding == .s3 ? Self.unsignedPayload : Self.sha256Hex(request.body)
        let signature = computeSignature(request, stamp: stamp, payloadHash: payloadHash)
        request.query.append((name: "X-Amz-Signature", value: signature.signature))
        return (request, signature)
    }

    // MARK: - The algorithm

    /// `UNSIGNED-PAYLOAD`: the payload hash S3 accepts in place of the body's SHA-256.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    func payloadHash(_ body: Data) -> String {
        options.signPayload ? Self.sha256Hex(body) : Self.unsignedPayload
    }

    func computeSignature(_ request: AWSRequest, stamp: String, payloadHash: String) -> Signature {
        let headers = canonicalHeaders(request.headers)
        let canonical = [
            request.method.uppercased(),
            canonicalURI(request.path),
            Self.canonicalQuery(request.query),
            headers.text,
            headers.names,
            payloadHash,
        ].joined(separator: "\n")
        let day = String(stamp.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, Self.sha256Hex(Data(canonical.utf8))]
            .joined(separator: "\n")
        let key = signingKey(day: day)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)
        return Signature(
            canonicalRequest: canonical, stringToSign: stringToSign, signature: Self.hex(mac),
            signedHeaders: headers.names, scope: scope)
    }

    /// The key derived from the secret, day, region and service (`AWS4` + secret → date → region → service →
    /// `aws4_request`).
    func signingKey(day: String) -> SymmetricKey {
        func step(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)))
        }
        var key = SymmetricKey(data: Data(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] { key = step(key, part) }
        return key
    }

    /// The canonical URI: for S3 the encoded path as it is (no normalisation, no second encoding); for other services
    /// the path with `.`/`..` segments and empty segments removed, each segment encoded again.
    func canonicalURI(_ path: String) -> String {
        switch options.pathEncoding {
        case .s3:
            return Self.uriEncode(path, encodeSlash: false, keepPercent: true)
        case .standard:
            var segments: [Substring] = []
            for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
                if segment == "." { continue }
                if segment == ".." {
                    if !segments.isEmpty { segments.removeLast() }
                    continue
                }
                segments.append(segment)
            }
            var result = "/" + segments.map { Self.uriEncode(String($0)) }.joined(separator: "/")
            if path.hasSuffix("/") && !segments.isEmpty { result += "/" }
            return result
        }
    }

    /// The canonical query string: names and values encoded, sorted by name, then value.
    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        // Encoded text is ASCII, so String's ordering is the byte ordering the specification asks for.
        let pairs: [(String, String)] = query.map { (uriEncode($0.name), uriEncode($0.value)) }
        let sorted = pairs.sorted { (a: (String, String), b: (String, String)) -> Bool in
            a.0 == b.0 ? a.1 < b.1 : a.0 < b.0
        }
        return sorted.map { (pair: (String, String)) -> String in pair.0 + "=" + pair.1 }.joined(separator: "&")
    }

    /// The canonical headers block (lower-case names, sorted; trimmed values with inner runs of spaces collapsed;
    /// repeated names joined with commas, in order) and the `;`-joined signed header names.
    func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (text: String, names: String) {
        var values: [String: [String]] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            if Self.unsignedHeaders.contains(key) { continue }
            values[key, default: []].append(Self.trimHeaderValue(value))
        }
        let names = values.keys.sorted()
        let text = names.map { "\($0):\(values[$0]!.joined(separator: ","))\n" }.joined()
        return (text, names.joined(separator: ";"))
    }

    /// Headers never signed, as botocore does: proxies may rewrite them, and verifiers (moto) leave them out.
    static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "expect", "x-amzn-trace-id"]

    static func trimHeaderValue(_ value: String) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Encoding helpers

    /// Percent-encodes text as AWS's URI encoding does: every byte except `A-Z a-z 0-9 - _ . ~` becomes `%XX`
    /// (upper-case hex); `/` too unless `encodeSlash` is false.
    /// - Parameters:
    ///   - text: the text to encode.
    ///   - encodeSlash: whether `/` is encoded; defaults to `true`.
    /// - Returns: the encoded text.
    public static func uriEncode(_ text: String, encodeSlash: Bool = true) -> String {
        uriEncode(text, encodeSlash: encodeSlash, keepPercent: false)
    }

    /// `A-Z a-z 0-9 - _ . ~`: the bytes AWS's URI encoding leaves alone.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x7E
    }

    static func uriEncode(_ text: String, encodeSlash: Bool, keepPercent: Bool) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if Self.isUnreserved(byte) || (byte == 0x2F && !encodeSlash) || (byte == 0x25 && keepPercent) {
                out.append(byte)
                continue
            }
            out.append(0x25)
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lower-case hex SHA-256 of some bytes.
    public static func sha256Hex(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ mac: HMAC<SHA256>.MAC) -> String { mac.withUnsafeBytes { hex($0) } }
    static func hex(_ digest: SHA256.Digest) -> String { digest.withUnsafeBytes { hex($0) } }

    /// The ISO 8601 basic timestamp SigV4 uses (`20150830T123600Z`).
    /// - Parameter date: the time.
    /// - Returns: the timestamp, in UTC.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }
}
