import YAMLBridge

/// Template parameters have a `Type`; with a config, each parameter without a `Default` gets a
/// value from the config, and each config parameter exists in the template.
enum ParameterRule {
    static func check(_ context: inout ValidationContext) {
        for entry in context.model.parameters {
            guard case .mapping(let body) = entry.node else {
                context.report(.error, at: entry.node.start,
                               "parameter '\(entry.name)' must be an object, not \(NodeType.name(entry.node))")
                continue
            }
            if body["Type"] == nil {
                context.report(.error, at: entry.keyMark, "parameter '\(entry.name)' has no 'Type'")
            }
        }
        guard let config = context.config else { return }
        let given = Set(config.parameters.map(\.key))
        for entry in context.model.parameters {
            guard case .mapping(let body) = entry.node, body["Default"] == nil, !given.contains(entry.name) else { continue }
            context.report(.error, at: entry.keyMark,
                           "parameter '\(entry.name)' has no 'Default' and no value in '\(config.path)'")
        }
        let names = context.model.parameters.map(\.name)
        for parameter in config.parameters where !context.model.parameterNames.contains(parameter.key) {
            context.append(config.source.diagnostic(.error, at: parameter.mark,
                "parameter '\(parameter.key)' is not in the template" + ValidationContext.suggestion(parameter.key, in: names)))
        }
    }
}
