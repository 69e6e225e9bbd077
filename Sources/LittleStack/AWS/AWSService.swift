/// One AWS service as the client needs to know it: endpoint prefix, signing name and rules, the suffix of its
/// `AWS_ENDPOINT_URL_<SERVICE>` variable, and whether it is global (one endpoint, signed for `us-east-1`).
public struct AWSService: Sendable, Hashable {
    /// The endpoint prefix (`cloudformation` in `cloudformation.us-east-1.amazonaws.com`).
    public var endpointPrefix: String
    /// The name requests are signed for (SigV4 scope).
    public var signingName: String
    /// The service ID as `AWS_ENDPOINT_URL_<ID>` spells it (`CLOUDFORMATION`, `API_GATEWAY`).
    public var environmentID: String
    /// The signing rules.
    public var signingOptions: SigV4Signer.Options
    /// Whether the service has one global endpoint (IAM), signed for `us-east-1`.
    public var isGlobal: Bool

    /// Creates a service description.
    /// - Parameters:
    ///   - endpointPrefix: the endpoint prefix.
    ///   - signingName: the signing name; defaults to the endpoint prefix.
    ///   - environmentID: the `AWS_ENDPOINT_URL_<ID>` suffix.
    ///   - signingOptions: the signing rules; defaults to ``SigV4Signer/Options/standard``.
    ///   - isGlobal: whether the service is global; defaults to `false`.
    public init(
        endpointPrefix: String, signingName: String? = nil, environmentID: String,
        signingOptions: SigV4Signer.Options = .standard, isGlobal: Bool = false
    ) {
        self.endpointPrefix = endpointPrefix
        self.signingName = signingName ?? endpointPrefix
        self.environmentID = environmentID
        self.signingOptions = signingOptions
        self.isGlobal = isGlobal
    }

    /// AWS CloudFormation (Query protocol, version 2010-05-15).
    public static let cloudFormation = AWSService(endpointPrefix: "cloudformation", environmentID: "CLOUDFORMATION")
    /// Amazon S3 (REST-XML; S3 signing rules).
    public static let s3 = AWSService(endpointPrefix: "s3", environmentID: "S3", signingOptions: .s3)
    /// AWS STS (Query protocol, version 2011-06-15; regional endpoints).
    public static let sts = AWSService(endpointPrefix: "sts", environmentID: "STS")
    /// AWS IAM (Query protocol, version 2010-05-08; global).
    public static let iam = AWSService(endpointPrefix: "iam", environmentID: "IAM", isGlobal: true)
    /// AWS Lambda (REST-JSON, API version 2015-03-31).
    public static let lambda = AWSService(endpointPrefix: "lambda", environmentID: "LAMBDA")
    /// Amazon API Gateway (REST-JSON).
    public static let apiGateway = AWSService(endpointPrefix: "apigateway", environmentID: "API_GATEWAY")
}
