/// A position in a template source: byte offset plus 1-based line and column (columns count Unicode scalars).
struct Span: Sendable, Equatable {
    var offset: Int
    var line: Int
    var column: Int

    static let start = Span(offset: 0, line: 1, column: 1)
}
