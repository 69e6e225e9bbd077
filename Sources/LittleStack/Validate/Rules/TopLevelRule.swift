import YAMLBridge

/// The template's outer shape: known sections, `AWSTemplateFormatVersion`, a non-empty
/// `Resources` with a `Type` on every resource and only known resource attributes.
enum TopLevelRule {
    static let sections = [
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
        "Conditions", "Transform", "Resources", "Outputs", "Hooks",
    ]

    static let resourceAttributes = [
        "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy",
        "Metadata", "CreationPolicy", "UpdatePolicy",
    ]

    static let objectSections: Set<String> = ["Parameters", "Mappings", "Conditions", "Resources", "Outputs", "Rules", "Metadata"]

    static func check(_ context: inout ValidationContext) {
        let root = context.model.root
        for (key, value) in root.pairs {
            let name = JSONValue.keyText(key)
            if !sections.contains(name) {
                context.report(.error, at: key.start,
                               "unknown top-level section '\(name)'" + ValidationContext.suggestion(name, in: sections))
            } else if objectSections.contains(name), value.mapping == nil {
                context.report(.error, at: value.start, "'\(name)' must be an object, not \(NodeType.name(value))")
            }
        }
        if let version = root["AWSTemplateFormatVersion"], JSONValue(node: version) != .string("2010-09-09") {
            context.report(.error, at: version.start, "'AWSTemplateFormatVersion' must be '2010-09-09'")
        }
        if let description = root["Description"], case .scalar = description,
           case .string(let text) = JSONValue(node: description), text.utf8.count > 1024 {
            context.report(.error, at: description.start,
                           "'Description' is \(text.utf8.count) bytes, more than the limit of 1024")
        }
        guard let resources = root["Resources"] else {
            context.report(.error, at: root.start, "missing 'Resources' section")
            return
        }
        guard case .mapping(let map) = resources else { return }
        if map.pairs.isEmpty {
            context.report(.error, at: resources.start, "'Resources' must hold at least one resource")
        }
        for entry in context.model.resources {
            guard case .mapping(let body) = entry.node else {
                context.report(.error, at: entry.node.start,
                               "resource '\(entry.name)' must be an object, not \(NodeType.name(entry.node))")
                continue
            }
            if let type = body["Type"] {
                if entry.type == nil {
                    context.report(.error, at: type.start, "'Type' of resource '\(entry.name)' must be a string")
                }
            } else {
                context.report(.error, at: entry.keyMark, "resource '\(entry.name)' has no 'Type'")
            }
            if let properties = body["Properties"], properties.mapping == nil {
                context.report(.error, at: properties.start,
                               "'Properties' of resource '\(entry.name)' must be an object, not \(NodeType.name(properties))")
            }
            for (key, _) in body.pairs {
                let name = JSONValue.keyText(key)
                if !resourceAttributes.contains(name) {
                    context.report(.error, at: key.start, "unknown attribute '\(name)' in resource '\(entry.name)'"
                                   + ValidationContext.suggestion(name, in: resourceAttributes))
                }
            }
        }
        for entry in context.model.outputs {
            guard case .mapping(let body) = entry.node else {
                context.report(.error, at: entry.node.start,
                               "output '\(entry.name)' must be an object, not \(NodeType.name(entry.node))")
                continue
            }
            if body["Value"] == nil {
                context.report(.error, at: entry.keyMark, "output '\(entry.name)' has no 'Value'")
            }
        }
    }
}
