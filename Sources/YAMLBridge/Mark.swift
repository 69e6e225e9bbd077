/// A position in a source text: 1-based line and column (columns count Unicode scalars,
/// as libyaml's marks do) plus the 0-based UTF-8 byte offset.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// 0-based byte offset into the UTF-8 source.
    public var offset: Int

    /// Creates a mark from its 1-based line and column and 0-based byte offset.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// "line:column", the form used in `path:line:column:` messages.
    public var description: String { "\(line):\(column)" }
}
