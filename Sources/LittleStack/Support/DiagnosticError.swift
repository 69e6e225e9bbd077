/// An error made of one or more findings (config errors, a template that does not render or parse).
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The findings, in the order they should be printed.
    public var diagnostics: [Diagnostic]

    /// Wraps findings as an error.
    /// - Parameter diagnostics: at least one finding.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Wraps one finding as an error.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// Every finding as text, separated by line breaks.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
