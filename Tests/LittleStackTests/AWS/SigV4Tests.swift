import Foundation
import Testing

@testable import LittleStack

@Suite struct SigV4Tests {
    /// AWS's SigV4 test-suite credentials, scope and time.
    static let suiteCredentials = Credentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
    /// The S3 documentation's example credentials and time.
    static let s3Credentials = Credentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let s3Date = Date(timeIntervalSince1970: 1_369_353_600)  // 20130524T000000Z

    @Test func timestampFormat() {
        #expect(SigV4Signer.timestamp(Self.suiteDate) == "20150830T123600Z")
        #expect(SigV4Signer.timestamp(Self.s3Date) == "20130524T000000Z")
    }

    @Test(arguments: [
        "get-vanilla",  // the simplest GET
        "get-vanilla-query",  // empty query
        "get-vanilla-empty-query-key",  // one parameter
        "get-vanilla-query-order-key",  // parameters sorted by name
        "get-vanilla-query-order-key-case",  // upper case sorts first
        "get-vanilla-query-order-value",  // same name: sorted by value
        "get-vanilla-query-unreserved",  // unreserved characters stay as they are
        "get-vanilla-utf8-query",  // UTF-8 name percent-encoded
        "get-unreserved",  // unreserved characters in the path
        "get-utf8",  // UTF-8 path percent-encoded
        "get-header-key-duplicate",  // repeated header: values joined with commas, in order
        "get-header-value-order",  // repeated header: order kept
        "get-header-value-multiline",  // folded header: each line one value
        "get-header-value-trim",  // values trimmed, runs of spaces collapsed
        "get-space",  // space in the path
        "get-slash",  // '//' collapses
        "get-slashes",  // '//example//' becomes '/example/'
        "get-slash-dot-slash",  // '/./' becomes '/'
        "get-slash-pointless-dot",  // '/./example' becomes '/example'
        "get-relative",  // '/example/..' becomes '/'
        "get-relative-relative",  // '/example1/example2/../..' becomes '/'
        "post-vanilla",  // the simplest POST
        "post-vanilla-query",  // POST with a query
        "post-vanilla-empty-query-value",  // POST with a query parameter
        "post-header-key-case",  // header names lower-cased
        "post-header-key-sort",  // headers sorted
        "post-header-value-case",  // header values keep their case
        "post-x-www-form-urlencoded",  // form body hashed
        "post-x-www-form-urlencoded-parameters",  // content-type parameters and content-length signed
    ])
    func suiteVector(_ name: String) throws {
        let fixture = try SigV4Fixture(name)
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "service")
        let (signed, signature) = signer.signDetailed(fixture.request, date: Self.suiteDate)
        #expect(signature.canonicalRequest == fixture.creq)
        #expect(signature.stringToSign == fixture.sts)
        #expect(signed.header("Authorization") == fixture.authz)
    }

    @Test func sessionTokenSignedBeforeSigning() throws {
        let fixture = try SigV4Fixture("post-sts-header-before")
        let token = try #require(fixture.request.header("X-Amz-Security-Token"))
        var credentials = Self.suiteCredentials
        credentials.sessionToken = token
        var request = fixture.request
        request.headers.removeAll { $0.name == "X-Amz-Security-Token" }
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
        let (signed, signature) = signer.signDetailed(request, date: Self.suiteDate)
        #expect(signature.canonicalRequest == fixture.creq)
        #expect(signature.stringToSign == fixture.sts)
        #expect(signed.header("Authorization") == fixture.authz)
        #expect(signed.header("X-Amz-Security-Token") == token)
    }

    @Test func sessionTokenAddedAfterSigning() throws {
        let before = try SigV4Fixture("post-sts-header-before")
        let fixture = try SigV4Fixture("post-sts-header-after")
        var credentials = Self.suiteCredentials
        credentials.sessionToken = before.request.header("X-Amz-Security-Token")
        let signer = SigV4Signer(
            credentials: credentials, region: "us-east-1", service: "service",
            options: .init(signSessionToken: false))
        let (signed, signature) = signer.signDetailed(fixture.request, date: Self.suiteDate)
        #expect(signature.canonicalRequest == fixture.creq)
        #expect(signature.stringToSign == fixture.sts)
        #expect(signed.header("Authorization") == fixture.authz)
        #expect(signed.header("X-Amz-Security-Token") == credentials.sessionToken)
    }

    @Test func s3GetObjectWithRange() throws {
        let fixture = try SigV4Fixture("s3-get-object")
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1", service: "s3", options: .s3)
        let (signed, signature) = signer.signDetailed(fixture.request, date: Self.s3Date)
        #expect(signature.canonicalRequest == fixture.creq)
        #expect(signature.stringToSign == fixture.sts)
        #expect(signature.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(signed.header("Authorization") == fixture.authz)
    }

    @Test func s3PresignedGet() throws {
        let fixture = try SigV4Fixture("s3-presigned-get")
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1", service: "s3", options: .s3)
        let (signed, signature) = signer.presign(fixture.request, date: Self.s3Date, expires: 86400)
        #expect(signature.canonicalRequest == fixture.creq)
        #expect(signed.url?.absoluteString == SigV4Fixture.text("s3-presigned-get", "url"))
        #expect(signed.header("Authorization") == nil)
    }

    @Test func s3UnsignedPayload() {
        let signer = SigV4Signer(
            credentials: Self.s3Credentials, region: "us-east-1", service: "s3", options: .s3UnsignedPayload)
        let request = AWSRequest(method: "PUT", host: "examplebucket.s3.amazonaws.com", path: "/a.txt", body: Data("x".utf8))
        let (signed, signature) = signer.signDetailed(request, date: Self.s3Date)
        #expect(signed.header("x-amz-content-sha256") == "UNSIGNED-PAYLOAD")
        #expect(signature.canonicalRequest.hasSuffix("\nhost;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD"))
    }

    @Test(arguments: [
        // S3 keeps the encoded path: no normalisation, no second encoding.
        (SigV4Signer.Options.s3, "/my-object//example//photo.user", "/my-object//example//photo.user"),
        (SigV4Signer.Options.s3, "/a%20b/c%2Bd", "/a%20b/c%2Bd"),
        // Other services normalise and encode the encoded path again.
        (SigV4Signer.Options.standard, "/functions/arn%3Aaws%3Alambda/aliases", "/functions/arn%253Aaws%253Alambda/aliases"),
        (SigV4Signer.Options.standard, "/a/./b/../c/", "/a/c/"),
    ])
    func canonicalURI(options: SigV4Signer.Options, path: String, expected: String) {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "x", options: options)
        #expect(signer.canonicalURI(path) == expected)
    }

    @Test func uriEncoding() {
        #expect(SigV4Signer.uriEncode("a b+c/d=é~") == "a%20b%2Bc%2Fd%3D%C3%A9~")
        #expect(SigV4Signer.uriEncode("a b/c", encodeSlash: false) == "a%20b/c")
    }

    @Test func credentialsNeverPrintSecrets() {
        let credentials = Credentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: "TOKEN123", source: "environment")
        #expect(
            "\(credentials)"
                == "Credentials(accessKeyID: ****************MPLE, secretAccessKey: <redacted>, sessionToken: <redacted>, source: environment)"
        )
        #expect(String(reflecting: credentials) == "\(credentials)")
    }

    @Test func signedRequestDescriptionIsRedacted() {
        var credentials = Self.suiteCredentials
        credentials.sessionToken = "TOKEN123"
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
        let request = AWSRequest(method: "GET", host: "example.amazonaws.com", path: "/a", query: [("k", "v w")])
        let (signed, signature) = signer.signDetailed(request, date: Self.suiteDate)
        #expect(
            "\(signed)"
                == "GET https://example.amazonaws.com/a?k=v%20w [Host: example.amazonaws.com, X-Amz-Date: 20150830T123600Z, X-Amz-Security-Token: <redacted>, Authorization: <redacted>] (0 bytes)"
        )
        #expect(
            "\(signature)"
                == "Signature(scope: 20150830/us-east-1/service/aws4_request, signedHeaders: host;x-amz-date;x-amz-security-token, signature: <redacted>)"
        )
        let presigned = signer.presign(request, date: Self.suiteDate, expires: 60).request
        #expect(
            "\(presigned)"
                == "GET https://example.amazonaws.com/a?k=v%20w&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=<redacted>&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Security-Token=<redacted>&X-Amz-Signature=<redacted> [Host: example.amazonaws.com] (0 bytes)"
        )
    }
}
