import YAMLBridge

/// Logical IDs (resources, parameters, outputs, conditions, mappings) are alphanumeric, at most 255 characters.
enum LogicalIDRule {
    static func check(_ context: inout ValidationContext) {
        let model = context.model
        let groups: [(String, [TemplateModel.Entry])] = [
            ("resource", model.resources), ("parameter", model.parameters), ("output", model.outputs),
            ("condition", model.conditions), ("mapping", model.mappings),
        ]
        for (kind, entries) in groups {
            for entry in entries {
                if entry.name.isEmpty || !entry.name.utf8.allSatisfy(isAlphanumeric) {
                    context.report(.error, at: entry.keyMark,
                                   "\(kind) logical ID '\(entry.name)' must be alphanumeric (A-Z, a-z, 0-9)")
                } else if entry.name.utf8.count > 255 {
                    context.report(.error, at: entry.keyMark,
                                   "\(kind) logical ID '\(entry.name.prefix(20))…' is longer than 255 characters")
                }
            }
        }
        // The same name in two sections makes `Ref` ambiguous: CloudFormation rejects it.
        var seen: [String: String] = [:]
        for (kind, entries) in [("parameter", model.parameters), ("resource", model.resources)] {
            for entry in entries {
                if let other = seen[entry.name], other != kind {
                    context.report(.error, at: entry.keyMark, "'\(entry.name)' is both a \(other) and a \(kind)")
                }
                seen[entry.name] = kind
            }
        }
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
