/// Whether a template (rendered or not) is JSON or CloudFormation YAML.
public enum TemplateKind: String, Sendable, Equatable {
    case json, yaml

    /// The kind a template's file name says: `.json.njk`/`.json` → JSON, `.yaml.njk`/`.yml.njk`/
    /// `.yaml`/`.yml` → YAML; nil when the name does not tell.
    public static func fromName(_ path: String) -> TemplateKind? {
        var name = FileIO.fileName(of: path).lowercased()
        if name.hasSuffix(".njk") { name.removeLast(4) }
        if name.hasSuffix(".json") { return .json }
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { return .yaml }
        return nil
    }

    /// The kind the text looks like: JSON when its first non-blank byte is `{`, else YAML.
    public static func fromContent<Bytes: Sequence>(_ bytes: Bytes) -> TemplateKind where Bytes.Element == UInt8 {
        for b in bytes where b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 {
            return b == 0x7B ? .json : .yaml
        }
        return .yaml
    }
}
