import YAMLBridge

/// Offline checks of a rendered template: shape, references, parameters against the config,
/// logical IDs, limits and the release resources' reference shapes.
public enum Validator {
    /// Checks `template` (and, with `config`, that its parameters match the config's).
    /// - Parameters:
    ///   - template: a rendered (or plainly read) template.
    ///   - config: the stack config it was rendered from, or nil for a template on its own.
    /// - Returns: every finding, sorted by path, line and column; the config's own warnings
    ///   (unknown keys) included.
    public static func validate(_ template: RenderedTemplate, config: StackConfig?) -> [Diagnostic] {
        guard case .mapping(let root) = template.tree else {
            var context = ValidationContext(template: template, model: TemplateModel(root: Node.Mapping([])), config: config)
            context.report(.error, at: template.tree.start, "template must be an object, not \(NodeType.name(template.tree))")
            return Diagnostic.sorted(context.findings + (config?.warnings ?? []))
        }
        var context = ValidationContext(template: template, model: TemplateModel(root: root), config: config)
        TopLevelRule.check(&context)
        LogicalIDRule.check(&context)
        ReferenceRule.check(&context)
        ParameterRule.check(&context)
        LimitRule.check(&context)
        ReleaseShapeRule.check(&context)
        return Diagnostic.sorted(context.findings + (config?.warnings ?? []))
    }

    /// One line summing findings up: `no problems found`, or `2 errors, 1 warning`.
    public static func summary(_ findings: [Diagnostic]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        if errors == 0 && warnings == 0 { return "no problems found" }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return count(errors, "error") + ", " + count(warnings, "warning")
    }
}
