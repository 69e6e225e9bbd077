extension StackConfig {
    /// Top-level keys littlestack reads.
    public static let littlestackKeys = [
        "StackName", "Parameters", "Tags", "Capabilities", "TimeoutInMinutes", "EnableTerminationProtection",
        "RoleARN", "NotificationARNs", "Littleware",
    ]

    /// The rest of CloudFormation's `create-stack` input keys: kept and passed on, never warned about.
    public static let createStackKeys = [
        "TemplateBody", "TemplateURL", "Parameters", "DisableRollback", "RollbackConfiguration",
        "TimeoutInMinutes", "NotificationARNs", "Capabilities", "ResourceTypes", "RoleARN", "OnFailure",
        "StackPolicyBody", "StackPolicyURL", "Tags", "ClientRequestToken", "EnableTerminationProtection",
        "RetainExceptOnCreate", "StackName",
    ]

    /// Keys of the `Littleware` block.
    public static let littlewareKeys = ["TemplatePath", "Variables", "Bucket", "Releases"]

    /// Keys of a `Parameters` entry.
    static let parameterKeys = ["ParameterKey", "ParameterValue", "UsePreviousValue", "ResolvedValue"]

    /// Keys of a `Tags` entry.
    static let tagKeys = ["Key", "Value"]

    /// The capabilities CloudFormation knows.
    static let knownCapabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]
}
