import YAMLBridge

/// The object a stack's template is rendered with, built from its config as little stack built it.
///
/// | variable | value |
/// |---|---|
/// | `stackParameters` | `{ ParameterKey: ParameterValue }` in order; `null` for an entry without a value |
/// | `stackTags` | the `Tags` array as written |
/// | `stackTagsStr` | each tag as compact JSON, joined with `,` |
/// | `stackVariables` | `Littleware.Variables`, `null` when absent |
/// | `stackBucket` | the stack bucket's name (see `TemplateVariables.bucketName`) |
/// | `templateFiles.openapi` | `openapi.yaml` (else `openapi.json`) beside the template as 2-space JSON, `"{}"` when neither |
public enum TemplateVariables {
    /// The bucket name templates see when no bucket is known (no `bucket` argument, no
    /// `Littleware.Bucket`): a visible marker, never a real bucket (it is not a valid bucket name).
    public static let placeholderBucket = "LITTLESTACK_BUCKET_UNSET"

    /// The `stackBucket` value: `bucket` when given (the CLI passes `$LITTLESTACK_BUCKET`, apply the
    /// real bucket), else the config's `Littleware.Bucket`, else `placeholderBucket`.
    public static func bucketName(for config: StackConfig, bucket: String?) -> String {
        if let b = bucket, !b.isEmpty { return b }
        if let b = config.bucket, !b.isEmpty { return b }
        return placeholderBucket
    }

    /// Builds the template variables for `config`.
    /// - Parameters:
    ///   - config: the stack config (its `resolvedTemplatePath` locates `openapi.*`).
    ///   - bucket: the stack bucket's name, or nil (see `bucketName(for:bucket:)`).
    /// - Returns: the variables object, keys in the order of the table above.
    /// - Throws: `DiagnosticError` when an `openapi.yaml`/`openapi.json` beside the template does not parse.
    public static func build(for config: StackConfig, bucket: String?) throws -> JSONValue {
        var parameters: [(String, JSONValue)] = []
        for p in config.parameters {
            let value: JSONValue = p.value.map { .string($0) } ?? .null
            if let i = parameters.firstIndex(where: { $0.0 == p.key }) { parameters[i].1 = value } else {
                parameters.append((p.key, value))
            }
        }
        let tagsStr = config.rawTags.map { $0.jsonText() }.joined(separator: ",")
        return .object([
            ("stackParameters", .object(parameters)),
            ("stackTags", .array(config.rawTags)),
            ("stackTagsStr", .string(tagsStr)),
            ("stackVariables", config.variables ?? .null),
            ("stackBucket", .string(bucketName(for: config, bucket: bucket))),
            ("templateFiles", .object([("openapi", .string(try openAPI(besideTemplate: config.resolvedTemplatePath)))])),
        ])
    }

    /// `openapi.yaml` (else `openapi.json`) in the template's folder as pretty JSON text, or `"{}"`.
    static func openAPI(besideTemplate templatePath: String) throws -> String {
        let folder = FileIO.directory(of: templatePath)
        for (name, yaml) in [("openapi.yaml", true), ("openapi.json", false)] {
            let path = FileIO.join(folder, name)
            guard FileIO.isFile(path) else { continue }
            let source = SourceFile(path: path, bytes: try FileIO.read(path))
            let node = try TreeReader.parse(source, asYAML: yaml)
            return JSONValue(node: node).jsonText(indent: 2)
        }
        return "{}"
    }
}
