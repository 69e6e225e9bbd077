import YAMLBridge

/// Reads a CloudFormation template's text (JSON or YAML) into a tree, for the parts apply looks at.
enum TemplateText {
    /// The template's tree, or nil when the text is neither valid JSON nor valid YAML.
    static func parse(_ text: String) -> Node? {
        let bytes = Array(text.utf8)
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        if first == UInt8(ascii: "{"), let tree = try? JSONReader.parse(bytes, path: "template") { return tree }
        return try? YAMLReader.parse(bytes, path: "template")
    }
}
