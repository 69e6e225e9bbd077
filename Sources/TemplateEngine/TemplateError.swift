/// A template failure with its position: `path:line:column: error: message`, the source line and a caret.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    /// Why a template failed; carries no position (the VM or parser attaches it once, at the boundary).
    public enum Kind: Error, Sendable, Equatable {
        /// The template text does not parse.
        case syntax(String)
        /// Evaluation failed (bad call, a filter that throws, recursion limit).
        case runtime(String)
        /// An include, import or extends named a template the loader cannot find.
        case templateNotFound(String)
        /// `--strict`: an undefined variable or attribute was read.
        case undefinedValue(String)

        /// The message text, lowercase, no trailing period.
        public var message: String {
            switch self {
            case .syntax(let m), .runtime(let m): return m
            case .templateNotFound(let name): return "template not found: '\(name)'"
            case .undefinedValue(let name): return "'\(name)' is undefined"
            }
        }
    }

    /// What went wrong.
    public var kind: Kind
    /// The template path the error is in.
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// The message, e.g. `unknown filter 'uppercase'`.
    public var message: String
    /// The offending source line as it is in the file.
    public var lineText: String

    /// Creates an error at a position in a source.
    init(_ kind: Kind, source: Source, span: Span) {
        self.kind = kind
        self.path = source.path
        self.line = span.line
        self.column = span.column
        self.message = kind.message
        self.lineText = source.lineText(span.line)
    }

    /// Creates an error for a file that has no source text to show (a bad vars file path, say).
    public init(path: String, line: Int, column: Int, message: String, lineText: String = "") {
        self.kind = .runtime(message)
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.lineText = lineText
    }

    /// `path:line:column: error: message`, then the line and a caret under the column.
    public var description: String {
        var caret = ""
        var col = 1
        for s in lineText.unicodeScalars {
            if col >= column { break }
            caret.unicodeScalars.append(s == "\t" ? "\t" : " ")
            col += 1
        }
        while col < column { caret += " "; col += 1 }
        caret += "^"
        return "\(path):\(line):\(column): error: \(message)\n\(lineText)\n\(caret)"
    }
}
