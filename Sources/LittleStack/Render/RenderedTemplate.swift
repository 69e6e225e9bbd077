import YAMLBridge

/// A template after rendering (or read as is), with its parsed tree.
public struct RenderedTemplate: Sendable {
    /// The rendered text, exactly as nunjucks produces it.
    public var text: String
    /// The parsed template in JSON form: YAML short tags (`!Ref x`) turned into long form
    /// (`{"Ref": "x"}`), marks pointing into `source`.
    public var tree: Node
    /// JSON or YAML.
    public var kind: TemplateKind
    /// The template file the text came from.
    public var templatePath: String
    /// The rendered text as a source for diagnostics: its path is `templatePath` with
    /// ` (rendered)` after it, or the file's own path when the template was read as is.
    public var source: SourceFile
    /// For each rendered line (index 0 = line 1), the template file and line that produced it,
    /// when the engine reports origins; nil otherwise (and for templates read as is).
    public var origins: [TemplateOrigin]?

    /// Creates a rendered template.
    public init(text: String, tree: Node, kind: TemplateKind, templatePath: String, source: SourceFile,
                origins: [TemplateOrigin]? = nil) {
        self.text = text
        self.tree = tree
        self.kind = kind
        self.templatePath = templatePath
        self.source = source
        self.origins = origins
    }

    /// The note pointing at the template line behind rendered line `line`, when origins are known.
    public func originNote(forLine line: Int) -> Diagnostic? {
        guard let origins, line >= 1, line <= origins.count else { return nil }
        let origin = origins[line - 1]
        guard origin.line > 0 else { return nil }
        let lineText = (try? FileIO.read(origin.path)).map { SourceFile(path: origin.path, bytes: $0).line(origin.line) } ?? nil
        return Diagnostic(severity: .note, path: origin.path, line: origin.line, column: 0,
                          message: "rendered from this template line", sourceLine: nil,
                          notes: []).withSource(lineText)
    }
}

/// The template file and line that produced one rendered line.
public struct TemplateOrigin: Sendable, Equatable {
    /// The template (or included/imported) file.
    public var path: String
    /// 1-based line in it.
    public var line: Int

    /// Creates an origin.
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }
}

extension Diagnostic {
    /// A copy showing `line` as its source text (a whole-line note shows no caret column).
    func withSource(_ line: String?) -> Diagnostic {
        var copy = self
        copy.sourceLine = line
        return copy
    }
}
