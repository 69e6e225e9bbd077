import Foundation

/// Amazon S3's API (REST-XML): the bucket and object calls littlestack needs.
///
/// Object keys are encoded with AWS's rules (`/` kept), and S3 signs that path as is.
public struct S3Client: Sendable {
    /// The client requests go through.
    public let client: AWSClient

    /// Creates an S3 client.
    /// - Parameter client: the signed HTTP client.
    public init(client: AWSClient) { self.client = client }

    private func request(
        bucket: String, key: String? = nil, method: String, headers: [(name: String, value: String)] = [],
        body: Data = Data()
    ) throws -> AWSRequest {
        let endpoint = client.endpoints.s3Bucket(bucket, region: client.region)
        var path = endpoint.pathPrefix
        if let key { path += "/" + SigV4Signer.uriEncode(key, encodeSlash: false) } else { path += "/" }
        return try client.request(.s3, method: method, path: path, headers: headers, body: body, endpoint: endpoint.url)
    }

    /// CreateBucket, with a `LocationConstraint` outside `us-east-1`.
    /// - Parameters:
    ///   - bucket: the bucket name.
    ///   - region: the region; defaults to the client's.
    /// - Throws: ``AWSServiceError`` (`BucketAlreadyOwnedByYou`, `BucketAlreadyExists`…).
    public func createBucket(_ bucket: String, region: String? = nil) async throws {
        let region = region ?? client.region
        var body = Data()
        if region != "us-east-1" {
            body = Data(
                ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<LocationConstraint>\(region)</LocationConstraint></CreateBucketConfiguration>").utf8)
        }
        let headers: [(name: String, value: String)] = body.isEmpty ? [] : [("Content-Type", "application/xml")]
        _ = try await client.execute(
            try request(bucket: bucket, method: "PUT", headers: headers, body: body), service: .s3)
    }

    /// HeadBucket.
    /// - Parameter bucket: the bucket name.
    /// - Returns: `true` when the bucket exists and is reachable with these credentials, `false` when it does not exist.
    /// - Throws: ``AWSServiceError`` for anything else (`Forbidden`: it exists but belongs to someone else).
    public func headBucket(_ bucket: String) async throws -> Bool {
        do {
            _ = try await client.execute(try request(bucket: bucket, method: "HEAD"), service: .s3)
            return true
        } catch let error as AWSServiceError where error.status == 404 {
            return false
        }
    }

    /// Creates the bucket unless it exists already (HeadBucket, then CreateBucket; `BucketAlreadyOwnedByYou` counts as
    /// success).
    /// - Parameter bucket: the bucket name.
    /// - Returns: `true` when it was created by this call.
    @discardableResult
    public func ensureBucket(_ bucket: String) async throws -> Bool {
        if try await headBucket(bucket) { return false }
        do {
            try await createBucket(bucket)
            return true
        } catch let error as AWSServiceError where error.code == "BucketAlreadyOwnedByYou" {
            return false
        }
    }

    /// PutObject with a signed body hash (`x-amz-content-sha256`).
    /// - Parameters:
    ///   - bucket: the bucket.
    ///   - key: the object key.
    ///   - body: the bytes.
    ///   - contentType: `Content-Type`, if any.
    /// - Returns: the object's `ETag`, if the reply carried one.
    @discardableResult
    public func putObject(bucket: String, key: String, body: Data, contentType: String? = nil) async throws -> String? {
        var headers: [(name: String, value: String)] = []
        if let contentType { headers.append(("Content-Type", contentType)) }
        let response = try await client.execute(
            try request(bucket: bucket, key: key, method: "PUT", headers: headers, body: body), service: .s3)
        return response.headers["etag"]
    }

    /// GetObject.
    /// - Parameters:
    ///   - bucket: the bucket.
    ///   - key: the object key.
    /// - Returns: the object's bytes.
    /// - Throws: ``AWSServiceError`` (`NoSuchKey`, `NoSuchBucket`).
    public func getObject(bucket: String, key: String) async throws -> Data {
        try await client.execute(try request(bucket: bucket, key: key, method: "GET"), service: .s3).body
    }

    /// The URL CloudFormation reads a template from (`TemplateURL`); see ``Endpoints/templateURL(bucket:key:region:)``.
    public func templateURL(bucket: String, key: String) -> String {
        client.endpoints.templateURL(bucket: bucket, key: key, region: client.region)
    }
}
