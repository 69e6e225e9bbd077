/// One finding about a file: an error, a warning or a note, at a 1-based line and column.
///
/// Printed as `path:line:column: severity: message`, the offending line and a caret under the
/// column, followed by its notes (a second position, such as the template line behind a
/// rendered line). Messages are built from names and codes only, never from secret values.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a finding is, as compilers say it.
    public enum Severity: String, Sendable, Equatable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// `error`, `warning` or `note`.
    public var severity: Severity
    /// The file the position is in, as given on the command line (or with ` (rendered)` for a render's output).
    public var path: String
    /// 1-based line; 0 when the finding is about the whole file.
    public var line: Int
    /// 1-based column in Unicode scalars; 0 when the finding is about the whole file.
    public var column: Int
    /// Lowercase message without a trailing period.
    public var message: String
    /// The text of `line` as it is in the file (no line break), or nil when not known.
    public var sourceLine: String?
    /// Further positions that explain this one.
    public var notes: [Diagnostic]

    /// Creates a finding.
    /// - Parameters:
    ///   - severity: error, warning or note.
    ///   - path: the file.
    ///   - line: 1-based line, 0 for none.
    ///   - column: 1-based column, 0 for none.
    ///   - message: the message.
    ///   - sourceLine: the line's text for the caret display.
    ///   - notes: notes printed after it.
    public init(severity: Severity, path: String, line: Int = 0, column: Int = 0, message: String,
                sourceLine: String? = nil, notes: [Diagnostic] = []) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
        self.notes = notes
    }

    /// The finding as text: header line, source line and caret (when known), then each note.
    public var description: String {
        var text = path
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        text += ": \(severity.rawValue): \(message)"
        if let source = sourceLine, line > 0 {
            text += "\n" + source
            if column > 0 { text += "\n" + Diagnostic.caret(under: column, in: source) }
        }
        for note in notes { text += "\n" + note.description }
        return text
    }

    /// The caret line: the line's own tabs kept, every other scalar before the column a space.
    static func caret(under column: Int, in line: String) -> String {
        var prefix = ""
        var count = 1
        for scalar in line.unicodeScalars {
            if count >= column { break }
            prefix.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            count += 1
        }
        if count < column { prefix += String(repeating: " ", count: column - count) }
        return prefix + "^"
    }

    /// The finding as a JSON object: severity, path, line, column, message and notes.
    public var jsonValue: JSONValue {
        .object([
            ("severity", .string(severity.rawValue)),
            ("path", .string(path)),
            ("line", .number(Double(line))),
            ("column", .number(Double(column))),
            ("message", .string(message)),
            ("notes", .array(notes.map(\.jsonValue))),
        ])
    }

    /// Orders findings by path, line, column, then severity and message, so output is stable.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            if a.path != b.path { return a.path < b.path }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }
}
