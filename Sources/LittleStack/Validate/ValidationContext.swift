import YAMLBridge

/// What every rule reads (the template, its model, the config) and where findings go.
struct ValidationContext {
    let template: RenderedTemplate
    let model: TemplateModel
    let config: StackConfig?
    var findings: [Diagnostic] = []

    /// Records a finding at `mark` in the rendered template, with a note at the template line
    /// behind it when the engine reported origins.
    mutating func report(_ severity: Diagnostic.Severity, at mark: Mark, _ message: String) {
        report(severity, line: mark.line, column: mark.column, message)
    }

    /// Records a finding at a line and column of the rendered template.
    mutating func report(_ severity: Diagnostic.Severity, line: Int, column: Int, _ message: String) {
        var d = template.source.diagnostic(severity, line: line, column: column, message)
        if let note = template.originNote(forLine: line) { d.notes.append(note) }
        findings.append(d)
    }

    /// Records a finding about the whole template file.
    mutating func reportFile(_ severity: Diagnostic.Severity, _ message: String) {
        findings.append(Diagnostic(severity: severity, path: template.source.path, message: message))
    }

    /// Records a finding already positioned in another file (the config).
    mutating func append(_ diagnostic: Diagnostic) {
        findings.append(diagnostic)
    }

    /// ` (did you mean 'X'?)` when a candidate is close to `name`, else empty.
    static func suggestion(_ name: String, in candidates: [String]) -> String {
        Suggestion.closest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
