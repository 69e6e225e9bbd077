import YAMLBridge

extension RenderedTemplate {
    /// The template as pretty JSON (2-space indent, key order kept, YAML short tags in long
    /// form), ending with a line break.
    public func jsonText() -> String {
        JSONWriter.write(tree, indent: 2) + "\n"
    }

    /// The template as CloudFormation YAML with short-form tags (`!Ref x`), ending with a line break.
    public func yamlText() -> String {
        YAMLWriter.write(CloudFormationYAML.toYAMLTree(tree))
    }
}
