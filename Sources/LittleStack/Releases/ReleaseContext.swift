import YAMLBridge

/// What computing a unit's content needs: the stack, where files are, and the rendered template.
public struct ReleaseContext: Sendable {
    /// The stack's name (part of code package keys).
    public var stackName: String
    /// The stack bucket, where code packages go.
    public var bucket: String
    /// The config's folder: `code` folders and `source` files are relative to it.
    public var configFolder: String
    /// The template's folder: where `openapi.yaml`/`openapi.json` are looked for by default.
    public var templateFolder: String
    /// The rendered template in JSON form (`RenderedTemplate.tree`).
    public var template: Node
    /// Each template parameter's value: the config's `ParameterValue`, else the template's `Default`.
    public var parameters: [String: String]

    /// Makes a context.
    public init(stackName: String, bucket: String, configFolder: String, templateFolder: String, template: Node,
                parameters: [String: String]) {
        self.stackName = stackName
        self.bucket = bucket
        self.configFolder = configFolder
        self.templateFolder = templateFolder
        self.template = template
        self.parameters = parameters
    }

    /// Parameter values: `configValues` (nil values skipped) over the template's `Default`s.
    /// - Parameters:
    ///   - template: the rendered template.
    ///   - configValues: the config's `Parameters` as key/value pairs.
    /// - Returns: the values by parameter name.
    public static func parameterValues(template: Node, configValues: [(String, String?)]) -> [String: String] {
        var values: [String: String] = [:]
        for pair in template["Parameters"]?.mapping?.pairs ?? [] {
            if let name = pair.key.scalar?.value, let value = pair.value["Default"]?.scalar?.value {
                values[name] = value
            }
        }
        for (key, value) in configValues {
            if let value { values[key] = value }
        }
        return values
    }

    /// The logical IDs of the template's resources of `type`, in order.
    public func resources(ofType type: String) -> [String] {
        (template["Resources"]?.mapping?.pairs ?? []).compactMap { pair in
            pair.value["Type"]?.scalar?.value == type ? pair.key.scalar?.value : nil
        }
    }

    /// The template's resource `logicalID`, or nil.
    public func resource(_ logicalID: String) -> Node? {
        template["Resources"]?[logicalID]
    }

    /// Every logical ID in the template's `Resources`.
    public var resourceIDs: Set<String> {
        Set((template["Resources"]?.mapping?.pairs ?? []).compactMap { $0.key.scalar?.value })
    }

    /// `node` with every `{"Ref": P}` (or `!Ref P`) to a known parameter replaced by P's value, so a
    /// change of a parameter counts as a change of what uses it.
    public func resolvingParameters(_ node: Node) -> Node {
        switch node {
        case .scalar(let s):
            if s.tag == "!Ref", let value = parameters[s.value] {
                return .scalar(Node.Scalar(value, style: .doubleQuoted))
            }
            return node
        case .sequence(var seq):
            seq.items = seq.items.map(resolvingParameters)
            return .sequence(seq)
        case .mapping(var map):
            if map.pairs.count == 1, map.pairs[0].key.scalar?.value == "Ref",
               let name = map.pairs[0].value.scalar?.value, let value = parameters[name] {
                return .scalar(Node.Scalar(value, style: .doubleQuoted))
            }
            map.pairs = map.pairs.map { (key: $0.key, value: resolvingParameters($0.value)) }
            return .mapping(map)
        }
    }
}
