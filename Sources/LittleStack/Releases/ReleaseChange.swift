import YAMLBridge

/// A planned change to a config's releases: what `release`, `promote` and `rollback` decided, the
/// code packages to upload and the parameters to pass, and the config's new bytes. Nothing is
/// uploaded or written by planning: the caller applies the stack, then `commit`s.
public struct ReleaseChange: Sendable {
    /// The config as loaded.
    public var config: StackConfig
    /// The config with the new `Littleware.Variables`, for rendering and applying.
    public var updated: StackConfig
    /// The book after the change.
    public var book: ReleaseBook
    /// What recording the current content did, per track.
    public var recorded: [ReleaseBook.RecordRow]
    /// The pointers promote or rollback moved.
    public var moves: [PointerMove]
    /// The entries retention removed.
    public var pruned: [ReleaseBook.PrunedEntry]
    /// Code packages the stack needs in its bucket.
    public var packages: [CodePackage]
    /// Template parameter values to pass over the config's (the code's S3 key or image URI).
    public var parameterOverrides: [String: String]
    /// The variable edits.
    public var edits: [VariableEdit]
    /// The config file's new content, or nil when it does not change.
    public var newBytes: [UInt8]?

    /// What recording, collapsing and retention did, one line each, for people.
    public var summary: String {
        var lines: [String] = []
        for row in recorded {
            switch row.outcome {
            case .appended(let entry):
                lines.append("\(row.unit) \(row.part): new \(row.part == "api" ? "deployment" : "version") '\(entry.resourceName)'")
            case .adopted(let name):
                lines.append("\(row.unit) \(row.part): recorded the content hash on '\(name)'")
            case .replaced(let old, let entry):
                lines.append("\(row.unit) \(row.part): new \(row.part == "api" ? "deployment" : "version") '\(entry.resourceName)' replaces '\(old)' (never deployed)")
            case .unchanged:
                lines.append("\(row.unit) \(row.part): unchanged")
            }
        }
        for entry in book.collapsed {
            lines.append("\(entry.unit) \(entry.part): dropped '\(entry.entry.resourceName)' (never deployed; one version per apply)")
        }
        for entry in pruned {
            lines.append("\(entry.unit) \(entry.part): removed '\(entry.entry.resourceName)' (--keep)")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Writes the config's new content atomically (no-op when nothing changed). Call it only after the
    /// stack was applied: a failed apply must leave the config as it was. A config edited by someone else
    /// since it was read is not overwritten.
    /// - Throws: `ReleaseError` when the file changed since it was read, `FileError` when the write
    ///   fails; the config is then unchanged.
    public func commit() throws {
        guard let newBytes else { return }
        let current = try FileIO.read(config.path)
        if current != config.source.bytes {
            throw ReleaseError("the config changed while littlestack was working on it; it was not rewritten (run 'littlestack release' to record the releases again)",
                               path: config.path)
        }
        try ReleaseConfigFile.write(newBytes, to: config.path)
    }
}

extension ReleaseChange {
    /// Carries the change out: uploads the code packages, applies the stack, and rewrites the config
    /// only when the apply succeeded, so a failure at any step leaves the config as it was.
    /// - Parameters:
    ///   - upload: puts one package in the stack bucket.
    ///   - apply: applies `updated` with `parameterOverrides`; returns true when the stack reached a
    ///     good state (or had no changes), false when it failed or was not executed (dry run, declined).
    /// - Returns: whether the config was committed.
    /// - Throws: whatever a step throws; the config is then unchanged.
    public func perform(upload: (CodePackage) async throws -> Void,
                        apply: (ReleaseChange) async throws -> Bool) async throws -> Bool {
        for package in packages { try await upload(package) }
        guard try await apply(self) else { return false }
        try commit()
        return true
    }
}
