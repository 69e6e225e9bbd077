import TemplateEngine
import YAMLBridge

/// Renders a stack's template with its variables and parses the result.
public enum Renderer {
    /// Renders `config`'s template and checks the output parses (as JSON for a JSON template, as
    /// CloudFormation YAML for a YAML one).
    /// - Parameters:
    ///   - config: the stack config.
    ///   - bucket: the stack bucket's name (`stackBucket`); nil falls back as `TemplateVariables.bucketName` says.
    ///   - strict: make undefined variables errors instead of empty output.
    ///   - origins: record the template line behind each rendered line, so findings in the rendered
    ///     text can point back at the template (`validate` wants it; a plain render does not pay for it).
    /// - Returns: the text exactly as nunjucks would produce it, its tree and kind.
    /// - Throws: `DiagnosticError`: a template error at the template line, or a parse error at the
    ///   rendered line with a note at the template line that produced it.
    public static func render(config: StackConfig, bucket: String?, strict: Bool = false,
                              origins: Bool = false) throws -> RenderedTemplate {
        let variables = try TemplateVariables.build(for: config, bucket: bucket)
        let path = config.resolvedTemplatePath
        let kind = TemplateKind.fromName(path)
        if origins {
            let (bytes, lines) = try renderWithOrigins(templatePath: path, variables: variables, strict: strict)
            return try parse(SourceFile(path: path + " (rendered)", bytes: bytes), text: String(decoding: bytes, as: UTF8.self),
                             kind: kind ?? TemplateKind.fromContent(bytes), templatePath: path, origins: lines)
        }
        let bytes = try renderBytes(templatePath: path, variables: variables, strict: strict)
        let text = String(decoding: bytes, as: UTF8.self)
        let source = SourceFile(path: path + " (rendered)", bytes: bytes)
        do {
            return try parse(source, text: text, kind: kind ?? TemplateKind.fromContent(bytes), templatePath: path, origins: nil)
        } catch is DiagnosticError {
            // Only a failing render pays for the line map: render again to name the template line.
            let (again, lines) = try renderWithOrigins(templatePath: path, variables: variables, strict: strict)
            return try parse(SourceFile(path: path + " (rendered)", bytes: again), text: String(decoding: again, as: UTF8.self),
                             kind: kind ?? TemplateKind.fromContent(again), templatePath: path, origins: lines)
        }
    }

    /// Renders like `renderBytes`, also returning the template line behind each output line.
    static func renderWithOrigins(templatePath: String, variables: JSONValue,
                                  strict: Bool) throws -> ([UInt8], [TemplateOrigin]) {
        let environment = Environment(searchPaths: [], strict: strict)
        do {
            let (text, origins) = try environment.renderWithOrigins(file: templatePath, context: variables.templateValue)
            return (Array(text.utf8), origins.map { TemplateOrigin(path: $0.path, line: $0.line) })
        } catch let error as TemplateError {
            throw DiagnosticError(diagnostic(error))
        }
    }

    /// Renders a template file with `variables` as its context, its folder as the base for `./x`
    /// names (and the only folder templates load from).
    /// - Throws: `DiagnosticError` at the template position on a template error.
    public static func renderText(templatePath: String, variables: JSONValue, strict: Bool) throws -> String {
        String(decoding: try renderBytes(templatePath: templatePath, variables: variables, strict: strict), as: UTF8.self)
    }

    /// `renderText` as UTF-8 bytes.
    static func renderBytes(templatePath: String, variables: JSONValue, strict: Bool) throws -> [UInt8] {
        let environment = Environment(searchPaths: [], strict: strict)
        do {
            return try environment.renderBytes(file: templatePath, context: variables.templateValue)
        } catch let error as TemplateError {
            throw DiagnosticError(diagnostic(error))
        }
    }

    /// Reads a template file as is (no rendering) and parses it: for `validate`/`diff` of plain templates.
    /// - Parameter path: a `.json`, `.yaml`/`.yml` or other template file (kind by name, else content).
    /// - Throws: `DiagnosticError` at the parse error, or `FileError`.
    public static func load(templateAt path: String) throws -> RenderedTemplate {
        let bytes = try FileIO.read(path)
        let text = String(decoding: bytes, as: UTF8.self)
        let kind = TemplateKind.fromName(path) ?? TemplateKind.fromContent(bytes)
        return try parse(SourceFile(path: path, bytes: bytes), text: text, kind: kind, templatePath: path, origins: nil)
    }

    /// Parses rendered text into its JSON-form tree.
    static func parse(_ source: SourceFile, text: String, kind: TemplateKind, templatePath: String,
                      origins: [TemplateOrigin]?) throws -> RenderedTemplate {
        let partial = RenderedTemplate(text: text, tree: .mapping(Node.Mapping([])), kind: kind,
                                       templatePath: templatePath, source: source, origins: origins)
        do {
            var tree: Node
            switch kind {
            case .json:
                tree = try JSONReader.parse(source.bytes, path: source.path)
            case .yaml:
                tree = try CloudFormationYAML.toJSONTree(try YAMLReader.parse(source.bytes, path: source.path),
                                                         path: source.path, source: source.bytes)
            }
            var result = partial
            result.tree = tree
            return result
        } catch let error as YAMLError {
            var d = TreeReader.diagnostic(error, in: source)
            if let note = partial.originNote(forLine: error.mark.line) { d.notes.append(note) }
            throw DiagnosticError(d)
        }
    }

    /// The diagnostic for a template engine error, with the template line for the caret.
    static func diagnostic(_ error: TemplateError) -> Diagnostic {
        Diagnostic(severity: .error, path: error.path, line: error.line, column: error.column,
                   message: error.message, sourceLine: error.line > 0 ? error.lineText : nil)
    }
}
