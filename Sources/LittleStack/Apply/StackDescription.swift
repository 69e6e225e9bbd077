/// What `littlestack describe` shows: the stack with NoEcho parameters masked, its tags, outputs and resources.
public struct StackDescription: Sendable, Equatable, Codable {
    /// The stack's name.
    public var stackName: String
    /// Its ARN.
    public var stackID: String
    /// Its status.
    public var status: String
    /// Why, when CloudFormation says.
    public var statusReason: String?
    /// Parameters, NoEcho values as `****`.
    public var parameters: [StackParameter]
    /// Tags.
    public var tags: [Deployed.Tag]
    /// Outputs.
    public var outputs: [Deployed.Output]
    /// Resources.
    public var resources: [Deployed.Resource]

    enum CodingKeys: String, CodingKey {
        case stackName, stackID = "stackId", status, statusReason, parameters, tags, outputs, resources
    }

    /// The description as text: a `Key: value` block, then Parameters, Tags, Outputs and Resources tables.
    public var text: String {
        var text = "Stack:   \(stackName)\nStatus:  \(status)\n"
        if let reason = statusReason, !reason.isEmpty { text += "Reason:  \(reason)\n" }
        text += "ID:      \(stackID)\n"
        if !parameters.isEmpty {
            text += "Parameters:\n" + TextTable.render(header: ["Key", "Value"], rows: parameters.map { [$0.key, $0.value] }, indent: 2)
        }
        if !tags.isEmpty {
            text += "Tags:\n" + TextTable.render(header: ["Key", "Value"], rows: tags.map { [$0.key, $0.value] }, indent: 2)
        }
        if !outputs.isEmpty {
            text += "Outputs:\n" + TextTable.render(header: ["Key", "Value"], rows: outputs.map { [$0.key, $0.value] }, indent: 2)
        }
        if !resources.isEmpty {
            text += "Resources:\n" + TextTable.render(
                header: ["Logical ID", "Type", "Status", "Physical ID"],
                rows: resources.map { [$0.logicalResourceID, $0.resourceType, $0.status, $0.physicalResourceID ?? "-"] },
                indent: 2)
        }
        return text
    }
}
