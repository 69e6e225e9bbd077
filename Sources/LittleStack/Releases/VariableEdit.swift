import YAMLBridge

/// A new value for one key of one group under `Littleware.Variables`: what release bookkeeping asks
/// the config writer to change (added at the end of the group when the key is new).
public struct VariableEdit: Sendable {
    /// The group's key under `Littleware.Variables` (e.g. `authnapi`).
    public var group: String
    /// The key inside the group (e.g. `prodDeployment`).
    public var key: String
    /// The new value.
    public var value: Node

    /// Makes an edit.
    public init(group: String, key: String, value: Node) {
        self.group = group
        self.key = key
        self.value = value
    }

    /// A double-quoted string scalar, or `null` for nil.
    static func string(_ text: String?) -> Node {
        guard let text else { return .scalar(Node.Scalar("null")) }
        return .scalar(Node.Scalar(text, style: .doubleQuoted))
    }
}

extension VariableEdit {
    /// `Littleware.Variables` with `edits` applied: a key's value replaced in place, a new key appended
    /// to its group, a missing group appended (as the config writer does to the file).
    /// - Parameters:
    ///   - edits: the edits, applied in order.
    ///   - variables: `Littleware.Variables`, or nil when absent.
    /// - Returns: the new `Variables` node.
    public static func apply(_ edits: [VariableEdit], to variables: Node?) -> Node {
        var root = variables?.mapping ?? Node.Mapping([])
        for edit in edits {
            var groupIndex = root.pairs.firstIndex { $0.key.scalar?.value == edit.group }
            if groupIndex == nil {
                root.pairs.append((key: .scalar(Node.Scalar(edit.group, style: .doubleQuoted)),
                                   value: .mapping(Node.Mapping([]))))
                groupIndex = root.pairs.count - 1
            }
            var group = root.pairs[groupIndex!].value.mapping ?? Node.Mapping([])
            if let keyIndex = group.pairs.firstIndex(where: { $0.key.scalar?.value == edit.key }) {
                group.pairs[keyIndex].value = edit.value
            } else {
                group.pairs.append((key: .scalar(Node.Scalar(edit.key, style: .doubleQuoted)), value: edit.value))
            }
            root.pairs[groupIndex!].value = .mapping(group)
        }
        return .mapping(root)
    }
}
