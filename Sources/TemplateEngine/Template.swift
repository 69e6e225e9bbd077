/// One parsed and compiled template: root code plus its blocks by name. Immutable once built, so it is cached.
final class Template: @unchecked Sendable {
    let source: Source
    let root: CodeBlock
    let blocks: [String: CodeBlock]
    /// The absolute path relative names resolve against (nil for in-memory templates without a folder).
    var path: String { source.path }

    init(source: Source, root: CodeBlock, blocks: [String: CodeBlock]) {
        self.source = source
        self.root = root
        self.blocks = blocks
    }
}
