import YAMLBridge

/// Tells stack configs from templates, for commands that take either.
public enum StackFile {
    /// Whether the file at `path` is a stack config: its top level has `Littleware`, or
    /// `StackName` without `Resources`. Anything else (including a file that does not parse) is
    /// treated as a template, whose reading then reports the problem.
    /// - Throws: `FileError` when it cannot be read.
    public static func isConfig(at path: String) throws -> Bool {
        let bytes = try FileIO.read(path)
        let yaml = path.hasSuffix(".yaml") || path.hasSuffix(".yml") || TemplateKind.fromContent(bytes) == .yaml
        guard let node = try? (yaml ? YAMLReader.parse(bytes, path: path) : JSONReader.parse(bytes, path: path)),
              case .mapping(let map) = node else { return false }
        return map["Littleware"] != nil || (map["StackName"] != nil && map["Resources"] == nil)
    }
}
