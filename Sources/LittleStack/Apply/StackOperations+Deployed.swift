import YAMLBridge

extension StackOperations {
    /// The template a stack runs now (GetTemplate, original stage) as a tree, for `littlestack diff --deployed`.
    /// - Parameter stack: the stack's name or ARN.
    /// - Returns: the template's tree and its text.
    /// - Throws: ``ApplyError/stackNotFound(_:)``, ``ApplyError/unreadableTemplate(_:)``, the AWS client's errors.
    public func deployedTemplate(stack: String) async throws -> (tree: Node, text: String) {
        guard let described = try await backend.describeStack(stack) else { throw ApplyError.stackNotFound(stack) }
        let text = try await backend.templateBody(stack: described.stackID)
        guard let tree = TemplateText.parse(text) else { throw ApplyError.unreadableTemplate(described.stackName) }
        return (tree, text)
    }
}
