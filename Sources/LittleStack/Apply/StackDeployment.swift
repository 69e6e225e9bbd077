import YAMLBridge

/// A stack ready to apply: the rendered template and everything CreateChangeSet takes from the config.
///
/// Built from a config by rendering and validating it (``StackOperations/apply(configPath:options:)``), or directly
/// by a caller that already has a rendered template (the releases feature, tests).
public struct StackDeployment: Sendable {
    /// The stack's name.
    public var stackName: String
    /// The template's path as the config names it; its file name (without `.njk`) names the uploaded object.
    public var templatePath: String
    /// The rendered template text, uploaded as is.
    public var templateBody: String
    /// The rendered template's tree; its `Parameters` say which values are NoEcho. Nil hides nothing structurally.
    public var template: Node?
    /// Parameters in clear.
    public var parameters: [StackParameter]
    /// Stack tags.
    public var tags: [Deployed.Tag]
    /// Capabilities such as `CAPABILITY_NAMED_IAM`.
    public var capabilities: [String]
    /// The service role, if any.
    public var roleARN: String?
    /// SNS topics for stack events.
    public var notificationARNs: [String]
    /// Create-only: CloudFormation's change sets take no timeout, so littlestack uses it as the limit for following a
    /// create (nil: no limit beyond ``ApplyOptions/followLimit``).
    public var timeoutInMinutes: Int?
    /// Create-only: turned on with UpdateTerminationProtection once the stack is created.
    public var enableTerminationProtection: Bool
    /// The config's `Littleware.Bucket`, if it names one.
    public var bucket: String?

    /// Makes a deployment.
    public init(stackName: String, templatePath: String, templateBody: String, template: Node? = nil,
                parameters: [StackParameter] = [], tags: [Deployed.Tag] = [], capabilities: [String] = [],
                roleARN: String? = nil, notificationARNs: [String] = [], timeoutInMinutes: Int? = nil,
                enableTerminationProtection: Bool = false, bucket: String? = nil) {
        self.stackName = stackName
        self.templatePath = templatePath
        self.templateBody = templateBody
        self.template = template
        self.parameters = parameters
        self.tags = tags
        self.capabilities = capabilities
        self.roleARN = roleARN
        self.notificationARNs = notificationARNs
        self.timeoutInMinutes = timeoutInMinutes
        self.enableTerminationProtection = enableTerminationProtection
        self.bucket = bucket
    }

    /// The values of this stack's NoEcho parameters (what the console must never print).
    public var noEchoValues: [String] {
        guard let template else { return [] }
        let names = NoEchoParameters.names(in: template)
        return parameters.filter { names.contains($0.key) && !$0.usePreviousValue }.map(\.value)
    }
}
