import YAMLBridge

extension NoEchoParameters {
    /// The NoEcho parameter names of a template given as text (JSON or YAML, as GetTemplate returns it).
    /// - Parameter text: the template.
    /// - Returns: the names; empty when the text cannot be parsed.
    public static func names(inTemplateText text: String) -> Set<String> {
        guard let tree = TemplateText.parse(text) else { return [] }
        return names(in: tree)
    }
}
