import YAMLBridge

/// Plans release changes over a loaded config. Rendering is passed in, so the bookkeeping can be
/// tested without the template engine or AWS.
public struct ReleasePlanner: Sendable {
    /// Renders a config and returns the template's tree (JSON form).
    public typealias Render = @Sendable (StackConfig) throws -> Node

    /// The live stack's logical IDs (empty when it does not exist), or nil when unknown (offline).
    public var deployed: Set<String>?

    /// The stack bucket (`stackBucket`, where code packages go).
    public var bucket: String
    /// The UTC day for new logical IDs, `yyyymmdd`.
    public var day: String
    /// Entries kept per list (`--keep`); nil keeps all.
    public var keep: Int?
    /// Renders a config.
    public var render: Render

    /// Makes a planner.
    public init(bucket: String, day: String, keep: Int? = Retention.defaultKeep, deployed: Set<String>? = nil,
                render: @escaping Render) {
        self.deployed = deployed
        self.bucket = bucket
        self.day = day
        self.keep = keep
        self.render = render
    }

    /// The current content of every unit, computed from the config's rendered template.
    func contents(_ config: StackConfig, book: ReleaseBook) throws -> (contents: [UnitContent], templateIDs: Set<String>) {
        let tree = try render(config)
        let configFolder = FileIO.directory(of: config.path)
        let context = ReleaseContext(
            stackName: config.stackName, bucket: bucket, configFolder: configFolder,
            templateFolder: FileIO.directory(of: config.resolvedTemplatePath), template: tree,
            parameters: ReleaseContext.parameterValues(template: tree,
                                                       configValues: config.parameters.map { ($0.key, $0.value) }))
        let functionUnits = book.units.filter { $0.unit.function != nil }.count
        var contents: [UnitContent] = []
        for unit in book.units {
            // A `code/` folder beside the config is only taken as the code when one unit has a function.
            let result = Result { () throws(ReleaseError) -> UnitContent in
                try UnitContent.compute(unit: unit.unit, context: context, codeFolderDefault: functionUnits == 1)
            }
            switch result {
            case .success(let content): contents.append(content)
            case .failure(let error): throw error.located(in: config.path, source: nil)
            }
        }
        return (contents, context.resourceIDs)
    }

    /// Plans `release` (and the bookkeeping of `apply`): appends entries for changed content, moves
    /// beta, applies retention.
    /// - Parameters:
    ///   - config: the loaded config.
    ///   - description: the new entries' description (nil: the default).
    /// - Returns: the change.
    /// - Throws: `ReleaseError`, rendering errors, or `DiagnosticError` when the config cannot be rewritten.
    public func release(_ config: StackConfig, description: String? = nil) throws -> ReleaseChange {
        var book = try ReleaseConfigFile.book(of: config)
        let (contents, ids) = try contents(config, book: book)
        let recorded = book.record(contents, day: day, description: description, templateIDs: ids, deployed: deployed)
        return try finish(config, book: &book, contents: contents, recorded: recorded, moves: [])
    }

    /// Plans `promote`: prod moves to what beta has (API) and to the newest version (function).
    /// - Parameters:
    ///   - config: the loaded config.
    ///   - unit: one unit, or nil for all.
    ///   - part: `api` or `function`, or nil for both.
    /// - Returns: the change.
    /// - Throws: `ReleaseError` when nothing would move or unreleased changes are pending.
    public func promote(_ config: StackConfig, unit: String? = nil, part: String? = nil) throws -> ReleaseChange {
        try movePointers(config) { book throws(ReleaseError) in try book.promote(unit: unit, part: part) }
    }

    /// Plans `rollback`: prod moves back to the release listed before it.
    /// - Parameters:
    ///   - config: the loaded config.
    ///   - unit: one unit, or nil for all.
    ///   - part: `api` or `function`, or nil for both.
    /// - Returns: the change.
    /// - Throws: `ReleaseError` when nothing would move or unreleased changes are pending.
    public func rollback(_ config: StackConfig, unit: String? = nil, part: String? = nil) throws -> ReleaseChange {
        try movePointers(config) { book throws(ReleaseError) in try book.rollback(unit: unit, part: part) }
    }

    private func movePointers(_ config: StackConfig,
                              _ move: (inout ReleaseBook) throws(ReleaseError) -> [PointerMove]) throws -> ReleaseChange {
        var book = try ReleaseConfigFile.book(of: config)
        let (contents, ids) = try contents(config, book: book)
        // Content not yet released would reach prod untested (and the apply would release it): refuse.
        var probe = book
        let recorded = probe.record(contents, day: day, templateIDs: ids, deployed: deployed)
        let pending = recorded.filter {
            switch $0.outcome {
            case .appended, .replaced: return true
            default: return false
            }
        }
        if !pending.isEmpty {
            let names = pending.map { "'\($0.unit)' \($0.part)" }.joined(separator: ", ")
            throw ReleaseError("\(names) changed since the last release; run 'littlestack apply' first (beta gets the change), then promote", path: config.path)
        }
        book = probe
        var moves: [PointerMove] = []
        switch Result(catching: { () throws(ReleaseError) -> [PointerMove] in try move(&book) }) {
        case .success(let done): moves = done
        case .failure(let error): throw error.located(in: config.path, source: nil)
        }
        return try finish(config, book: &book, contents: contents, recorded: recorded, moves: moves)
    }

    private func finish(_ config: StackConfig, book: inout ReleaseBook, contents: [UnitContent],
                        recorded: [ReleaseBook.RecordRow], moves: [PointerMove]) throws -> ReleaseChange {
        let pruned = keep.map { book.prune(keep: $0) } ?? []
        let edits = book.edits
        var updated = config
        updated.variables = ReleaseConfigFile.variables(of: config, with: edits)
        let newBytes = edits.isEmpty ? nil : try ReleaseConfigFile.rewritten(config, with: edits)
        var overrides: [String: String] = [:]
        for content in contents { overrides.merge(content.parameterValues) { _, new in new } }
        return ReleaseChange(config: config, updated: updated, book: book, recorded: recorded, moves: moves,
                             pruned: pruned, packages: contents.compactMap(\.package), parameterOverrides: overrides,
                             edits: edits, newBytes: newBytes)
    }
}
