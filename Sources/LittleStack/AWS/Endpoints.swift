import Foundation

/// Where each service's requests go, as the aws cli decides it.
///
/// A configured endpoint wins: an override given in code, then `AWS_ENDPOINT_URL_<SERVICE>` (`AWS_ENDPOINT_URL_S3`,
/// `AWS_ENDPOINT_URL_CLOUDFORMATION`, `AWS_ENDPOINT_URL_API_GATEWAY`…), then `AWS_ENDPOINT_URL`, then the profile's
/// `services` section (`endpoint_url` under the service's key), then the profile's own `endpoint_url`; all of these
/// are ignored when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or the profile's `ignore_configured_endpoint_urls` is
/// `true`. Otherwise the public endpoint:
/// `https://<service>.<region>.amazonaws.com` (`.amazonaws.com.cn` in China regions), `https://iam.amazonaws.com`
/// for IAM, and for S3 virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com` (path style for bucket names that
/// are not valid host labels, and always against a configured endpoint).
public struct Endpoints: Sendable {
    /// The environment variables to read.
    public var environment: [String: String]
    /// Endpoints set in code, by ``AWSService/environmentID``; they win over the environment.
    public var overrides: [String: URL]
    /// The profile's settings from the aws cli's config file (`endpoint_url`, `ignore_configured_endpoint_urls`).
    public var profileSettings: [String: String]
    /// The profile's `services` section: service identifier (`cloudformation`, `api_gateway`) → settings.
    public var profileServices: [String: [String: String]]

    /// Creates an endpoint resolver.
    /// - Parameters:
    ///   - environment: the environment; defaults to the process's.
    ///   - overrides: endpoints by ``AWSService/environmentID``; defaults to none.
    ///   - profileSettings: the profile's config-file settings; defaults to none.
    ///   - profileServices: the profile's `services` section; defaults to none.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, overrides: [String: URL] = [:],
        profileSettings: [String: String] = [:], profileServices: [String: [String: String]] = [:]
    ) {
        self.environment = environment
        self.overrides = overrides
        self.profileSettings = profileSettings
        self.profileServices = profileServices
    }

    /// The configured endpoint for a service (override, `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the
    /// profile's `services` section, the profile's `endpoint_url`), if any.
    /// - Parameter service: the service.
    /// - Returns: the endpoint, or `nil` when the public endpoint applies.
    public func configuredEndpoint(for service: AWSService) -> URL? {
        if let url = overrides[service.environmentID] { return url }
        let ignore = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] ?? profileSettings["ignore_configured_endpoint_urls"]
        if ignore?.lowercased() == "true" { return nil }
        let candidates = [
            environment["AWS_ENDPOINT_URL_\(service.environmentID)"], environment["AWS_ENDPOINT_URL"],
            profileServices[service.environmentID.lowercased()]?["endpoint_url"], profileSettings["endpoint_url"],
        ]
        for case let text? in candidates {
            if !text.isEmpty, let url = URL(string: text), url.host != nil { return url }
        }
        return nil
    }

    /// The endpoint a service's requests go to.
    /// - Parameters:
    ///   - service: the service.
    ///   - region: the region.
    /// - Returns: the configured endpoint, else the public one.
    public func endpoint(for service: AWSService, region: String) -> URL {
        if let url = configuredEndpoint(for: service) { return url }
        let suffix = Self.dnsSuffix(region: region)
        if service.isGlobal {
            return URL(string: region.hasPrefix("cn-")
                ? "https://\(service.endpointPrefix).\(region).\(suffix)"
                : "https://\(service.endpointPrefix).\(suffix)")!
        }
        return URL(string: "https://\(service.endpointPrefix).\(region).\(suffix)")!
    }

    /// The region a service's requests are signed for: `us-east-1` for global services on the public endpoint (the
    /// China partition's `cn-north-1`), else the region.
    /// - Parameters:
    ///   - service: the service.
    ///   - region: the region.
    /// - Returns: the signing region.
    public func signingRegion(for service: AWSService, region: String) -> String {
        guard service.isGlobal, configuredEndpoint(for: service) == nil else { return region }
        return region.hasPrefix("cn-") ? "cn-north-1" : "us-east-1"
    }

    /// Where requests for one S3 bucket go.
    public struct BucketEndpoint: Sendable, Equatable {
        /// The base URL; with path style it still lacks the `/<bucket>` path segment, which ``pathPrefix`` holds.
        public var url: URL
        /// The encoded path every request for the bucket starts with: `/<bucket>` (path style) or empty.
        public var pathPrefix: String
        /// Whether the bucket is in the path (`true`) or the host name (`false`).
        public var isPathStyle: Bool
    }

    /// Where requests for an S3 bucket go: path style against a configured endpoint or for names that cannot be a
    /// host label (dots, upper case), virtual-hosted otherwise.
    /// - Parameters:
    ///   - bucket: the bucket name.
    ///   - region: the region.
    /// - Returns: the bucket's endpoint.
    public func s3Bucket(_ bucket: String, region: String) -> BucketEndpoint {
        let encoded = SigV4Signer.uriEncode(bucket)
        if let url = configuredEndpoint(for: .s3) {
            return BucketEndpoint(url: url, pathPrefix: "/" + encoded, isPathStyle: true)
        }
        let suffix = Self.dnsSuffix(region: region)
        if Self.isVirtualHostable(bucket) {
            return BucketEndpoint(
                url: URL(string: "https://\(bucket).s3.\(region).\(suffix)")!, pathPrefix: "", isPathStyle: false)
        }
        return BucketEndpoint(
            url: URL(string: "https://s3.\(region).\(suffix)")!, pathPrefix: "/" + encoded, isPathStyle: true)
    }

    /// The `https://` URL CloudFormation should read an uploaded template from (`TemplateURL`).
    ///
    /// Against a configured endpoint (an emulator) this is `https://<bucket>.s3.amazonaws.com/<key>`, the form moto
    /// resolves from its own store; otherwise the regional virtual-hosted URL.
    /// - Parameters:
    ///   - bucket: the bucket.
    ///   - key: the object key.
    ///   - region: the region.
    /// - Returns: the URL text.
    public func templateURL(bucket: String, key: String, region: String) -> String {
        let path = SigV4Signer.uriEncode(key, encodeSlash: false)
        if configuredEndpoint(for: .s3) != nil { return "https://\(bucket).s3.amazonaws.com/\(path)" }
        return "https://\(bucket).s3.\(region).\(Self.dnsSuffix(region: region))/\(path)"
    }

    static func dnsSuffix(region: String) -> String { region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com" }

    /// Lower-case letters, digits and hyphens, 3 to 63 long, starting and ending with a letter or digit.
    static func isVirtualHostable(_ bucket: String) -> Bool {
        let bytes = Array(bucket.utf8)
        guard (3...63).contains(bytes.count) else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        guard alnum(bytes.first!), alnum(bytes.last!) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == 0x2D }
    }
}
