import YAMLBridge

/// Parses JSON or YAML bytes into a `Node`, turning the reader's error into a diagnostic.
enum TreeReader {
    /// Parses `source` as YAML when `asYAML`, else as JSON.
    /// - Throws: `DiagnosticError` with the parse error at its position.
    static func parse(_ source: SourceFile, asYAML: Bool) throws -> Node {
        do {
            return asYAML ? try YAMLReader.parse(source.bytes, path: source.path)
                          : try JSONReader.parse(source.bytes, path: source.path)
        } catch let error as YAMLError {
            throw DiagnosticError(diagnostic(error, in: source))
        }
    }

    /// The diagnostic for a reader error in `source`.
    static func diagnostic(_ error: YAMLError, in source: SourceFile) -> Diagnostic {
        let notes = error.note.map { [source.diagnostic(.note, at: $0.mark, $0.message)] } ?? []
        return source.diagnostic(.error, at: error.mark, error.message, notes: notes)
    }
}
