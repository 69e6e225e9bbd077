/// The two formats a CloudFormation template is written in.
public enum TemplateFormat: String, Sendable, CaseIterable {
    /// JSON, long-form functions only.
    case json
    /// YAML, where functions may be short-form tags.
    case yaml

    /// The other format: what `littlestack convert` writes when no format is asked for.
    public var other: TemplateFormat { self == .json ? .yaml : .json }
}

/// Reads a template in either format into its long-form (JSON) tree, and writes such a tree in either
/// format, as cfn-flip does: the engine behind `littlestack convert`.
public enum TemplateConverter {
    /// Reads a template, telling JSON from YAML by its first character.
    ///
    /// Text starting with `{` or `[` (after white space and a byte order mark) is JSON; if it is not valid
    /// JSON but is valid YAML (a flow mapping such as `{a: 1}`), it is YAML — unless `path` ends in `.json`;
    /// when it is neither, the JSON error is the one thrown. Anything else is YAML.
    /// - Parameters:
    ///   - bytes: The template's UTF-8 text.
    ///   - path: The file name errors start with.
    /// - Returns: The template with intrinsic functions in long form (`{"Ref": …}`), and the format it was in.
    /// - Throws: `YAMLError` from the reader or from `CloudFormationYAML.toJSONTree`.
    public static func read(_ bytes: [UInt8], path: String) throws -> (template: Node, format: TemplateFormat) {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") {
            do {
                return (try JSONReader.parse(bytes, path: path), .json)
            } catch {
                // A file named .json is JSON: a trailing comma there is an error, not a reason to read YAML.
                if path.lowercased().hasSuffix(".json") { throw error }
                guard let yaml = try? YAMLReader.parse(bytes, path: path) else { throw error }
                return (try CloudFormationYAML.toJSONTree(yaml, path: path, source: bytes), .yaml)
            }
        }
        let yaml = try YAMLReader.parse(bytes, path: path)
        return (try CloudFormationYAML.toJSONTree(yaml, path: path, source: bytes), .yaml)
    }

    /// Writes a long-form template, ending in a newline.
    /// - Parameters:
    ///   - template: A long-form tree, as `read` returns.
    ///   - format: JSON (cfn-flip's layout with `jsonIndent` 4) or YAML (short-form tags, `YAMLWriter`).
    ///   - jsonIndent: Spaces per level for JSON; 0 writes one line. Defaults to 4, as cfn-flip writes.
    /// - Returns: The template's text.
    public static func write(_ template: Node, as format: TemplateFormat, jsonIndent: Int = 4) -> String {
        switch format {
        case .json: return JSONWriter.write(template, indent: jsonIndent) + "\n"
        case .yaml: return YAMLWriter.write(CloudFormationYAML.toYAMLTree(template))
        }
    }
}
