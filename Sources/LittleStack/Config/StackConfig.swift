import YAMLBridge

/// A stack config (`stackParams.json`) as little stack wrote it: the aws cli's `create-stack`
/// input plus a `Littleware` block naming the template and its variables.
///
/// Load one with `StackConfig.load(path:environment:)`. The parsed tree and the file's bytes are
/// kept (`node`, `source`) so `ConfigWriter` can rewrite values in place, keeping key order and
/// indentation, and keys littlestack does not interpret stay available in `otherKeys`.
public struct StackConfig: Sendable {
    /// One `Parameters` entry.
    public struct Parameter: Sendable, Equatable {
        /// `ParameterKey`.
        public var key: String
        /// `ParameterValue`, or nil when absent (e.g. with `UsePreviousValue`).
        public var value: String?
        /// `UsePreviousValue`, when given.
        public var usePreviousValue: Bool?
        /// Where the entry's `ParameterKey` value is, for messages about it.
        public var mark: Mark

        /// Creates an entry.
        public init(key: String, value: String?, usePreviousValue: Bool? = nil,
                    mark: Mark = Mark(line: 0, column: 0, offset: 0)) {
            self.key = key
            self.value = value
            self.usePreviousValue = usePreviousValue
            self.mark = mark
        }

        /// Equal when key, value and `UsePreviousValue` are; the position does not count.
        public static func == (a: Parameter, b: Parameter) -> Bool {
            a.key == b.key && a.value == b.value && a.usePreviousValue == b.usePreviousValue
        }
    }

    /// One `Tags` entry (the same tag CloudFormation takes).
    public typealias Tag = CloudFormation.Tag

    /// The syntax the config is written in, chosen by its extension (`.yaml`/`.yml`, else JSON).
    public enum Format: String, Sendable {
        case json, yaml
    }

    /// Where `TemplatePath` was found.
    public enum TemplateLocation: Sendable, Equatable {
        /// An absolute `TemplatePath`.
        case absolute
        /// Relative to the config's folder.
        case configFolder
        /// Relative to `$LITTLE_HOME` (little stack's own checkout), the legacy base.
        case littleHome
    }

    /// The config file's path as given.
    public var path: String
    /// The config file's bytes, for diagnostics and rewriting.
    public var source: SourceFile
    /// JSON or YAML.
    public var format: Format
    /// The parsed tree, key order and marks kept.
    public var node: Node

    /// `StackName`.
    public var stackName: String
    /// `Parameters`, in order.
    public var parameters: [Parameter]
    /// `Tags`, in order.
    public var tags: [Tag]
    /// `Tags` exactly as written (entries may carry more keys); `stackTags` in templates.
    public var rawTags: [JSONValue]
    /// `Capabilities`; empty when absent.
    public var capabilities: [String]
    /// `TimeoutInMinutes` (create only).
    public var timeoutInMinutes: Int?
    /// `EnableTerminationProtection` (create only).
    public var enableTerminationProtection: Bool?
    /// `RoleARN`.
    public var roleARN: String?
    /// `NotificationARNs`; empty when absent.
    public var notificationARNs: [String]
    /// Every other top-level key except `Littleware` (other `create-stack` keys and unknown ones), in order.
    public var otherKeys: [(String, JSONValue)]

    /// `Littleware.TemplatePath` as written.
    public var templatePath: String
    /// The template file found for `TemplatePath`.
    public var resolvedTemplatePath: String
    /// Which base `resolvedTemplatePath` was found under.
    public var templateLocation: TemplateLocation
    /// `Littleware.Variables` as written, or nil when absent.
    public var variables: JSONValue?
    /// `Littleware.Bucket`, when given.
    public var bucket: String?
    /// Warnings found while reading (unknown keys, unknown capabilities).
    public var warnings: [Diagnostic]
}
