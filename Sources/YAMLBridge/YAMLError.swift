/// An error found reading YAML or JSON, or converting a CloudFormation template, with its place in the source.
///
/// It prints as compilers do: `path:line:column: error: message`, the offending line, a caret under the
/// column, and, when a second place matters (the first of two duplicate keys, the construct libyaml was
/// reading), a `note:` with its own location, line and caret.
public struct YAMLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A second position that explains the error, printed as a `note:`.
    public struct Note: Sendable, Equatable {
        /// What the note says, e.g. "'Name' first appears here".
        public var message: String
        /// Where the note points.
        public var mark: Mark
        /// The source line at `mark`, without its line break.
        public var sourceLine: String

        /// Creates a note from its parts.
        public init(message: String, mark: Mark, sourceLine: String) {
            self.message = message
            self.mark = mark
            self.sourceLine = sourceLine
        }
    }

    /// The file the source came from, as given to the reader ("-" or "<stdin>" for standard input).
    public var path: String
    /// Where the error is.
    public var mark: Mark
    /// What is wrong: lowercase, names quoted with single quotes, no trailing period.
    public var message: String
    /// The source line at `mark`, without its line break.
    public var sourceLine: String
    /// The second position, when there is one.
    public var note: Note?

    /// Creates an error whose source lines are already known.
    public init(path: String, mark: Mark, message: String, sourceLine: String, note: Note? = nil) {
        self.path = path
        self.mark = mark
        self.message = message
        self.sourceLine = sourceLine
        self.note = note
    }

    /// Creates an error, taking the offending lines from `source`.
    /// - Parameters:
    ///   - path: The file name printed first.
    ///   - mark: Where the error is.
    ///   - message: What is wrong.
    ///   - source: The UTF-8 text the marks point into.
    ///   - note: A second position and what it says, when there is one.
    public init(path: String, mark: Mark, message: String, source: [UInt8],
                note: (message: String, mark: Mark)? = nil) {
        self.init(path: path, mark: mark, message: message,
                  sourceLine: SourceLine.text(at: mark, in: source),
                  note: note.map { Note(message: $0.message, mark: $0.mark,
                                        sourceLine: SourceLine.text(at: $0.mark, in: source)) })
    }

    /// `path:line:column: error: message`, the line and the caret; then the note the same way.
    public var description: String {
        var text = "\(path):\(mark.line):\(mark.column): error: \(message)\n\(sourceLine)\n"
            + SourceLine.caret(under: mark.column, of: sourceLine)
        if let note {
            text += "\n\(path):\(note.mark.line):\(note.mark.column): note: \(note.message)\n\(note.sourceLine)\n"
                + SourceLine.caret(under: note.mark.column, of: note.sourceLine)
        }
        return text
    }
}
