import YAMLBridge

/// The named parts of a parsed template that validation rules look names up in.
struct TemplateModel {
    /// One named entry of a section (a resource, a parameter…).
    struct Entry {
        var name: String
        var keyMark: Mark
        var node: Node
        /// A resource's `Type`, when it is a string.
        var type: String?
    }

    var root: Node.Mapping
    var resources: [Entry] = []
    var parameters: [Entry] = []
    var conditions: [Entry] = []
    var mappings: [Entry] = []
    var outputs: [Entry] = []
    var resourceIndex: [String: Int] = [:]
    var parameterNames: Set<String> = []
    var conditionNames: Set<String> = []
    var mappingIndex: [String: Int] = [:]
    /// Whether a `Transform` (SAM, macros) may add names the template does not show.
    var hasTransform = false

    /// CloudFormation's pseudo parameters, usable wherever a parameter is.
    static let pseudoParameters: Set<String> = [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ]

    init(root: Node.Mapping) {
        self.root = root
        resources = TemplateModel.entries(root["Resources"])
        parameters = TemplateModel.entries(root["Parameters"])
        conditions = TemplateModel.entries(root["Conditions"])
        mappings = TemplateModel.entries(root["Mappings"])
        outputs = TemplateModel.entries(root["Outputs"])
        for i in resources.indices {
            if case .string(let t)? = resources[i].node["Type"].map({ JSONValue(node: $0) }) { resources[i].type = t }
            if resourceIndex[resources[i].name] == nil { resourceIndex[resources[i].name] = i }
        }
        parameterNames = Set(parameters.map(\.name))
        conditionNames = Set(conditions.map(\.name))
        for (i, m) in mappings.enumerated() where mappingIndex[m.name] == nil { mappingIndex[m.name] = i }
        hasTransform = root["Transform"] != nil
    }

    static func entries(_ node: Node?) -> [Entry] {
        guard case .mapping(let m)? = node else { return [] }
        return m.pairs.map { Entry(name: JSONValue.keyText($0.key), keyMark: $0.key.start, node: $0.value) }
    }

    /// The resource named `name`, if the template has one.
    func resource(_ name: String) -> Entry? {
        resourceIndex[name].map { resources[$0] }
    }

    /// Every name a `Ref` may use.
    var refTargets: [String] { resources.map(\.name) + parameters.map(\.name) + TemplateModel.pseudoParameters.sorted() }
}
