import YAMLBridge

/// Reads a config's release book and writes release edits back into the config file.
public enum ReleaseConfigFile {
    /// The config's `Littleware` node.
    public static func littleware(of config: StackConfig) -> Node? {
        config.node["Littleware"]
    }

    /// The release book of a loaded config: its units (declared or inferred) with their lists and pointers.
    /// - Parameter config: the loaded config.
    /// - Returns: the book.
    /// - Throws: `ReleaseError` located in the config file, with the offending line and a caret.
    public static func book(of config: StackConfig) throws(ReleaseError) -> ReleaseBook {
        let littleware = littleware(of: config)
        do {
            let units = try ReleaseDeclaration.units(littleware: littleware)
            return try ReleaseBook.read(units: units, variables: littleware?["Variables"])
        } catch {
            throw error.located(in: config.path, source: String(decoding: config.source.bytes, as: UTF8.self))
        }
    }

    /// `Littleware.Variables` with `edits` applied, as template variables see it.
    /// - Parameters:
    ///   - config: the loaded config.
    ///   - edits: the release edits.
    /// - Returns: the new value.
    public static func variables(of config: StackConfig, with edits: [VariableEdit]) -> JSONValue {
        JSONValue(node: VariableEdit.apply(edits, to: littleware(of: config)?["Variables"]))
    }

    /// The config file's new bytes: only the edited values change; key order, indentation and every
    /// other byte stay as they were (`ConfigWriter`).
    /// - Parameters:
    ///   - config: the loaded config.
    ///   - edits: the release edits.
    /// - Returns: the new file content.
    /// - Throws: `DiagnosticError` when the config cannot be rewritten in place.
    public static func rewritten(_ config: StackConfig, with edits: [VariableEdit]) throws -> [UInt8] {
        try ConfigWriter.rewritingVariables(of: config, to: variables(of: config, with: edits))
    }

    /// Writes `bytes` over the config atomically (temporary file, fsync, rename): a crash leaves the old
    /// file or the new one, never a mix.
    /// - Parameters:
    ///   - bytes: the new content, from `rewritten`.
    ///   - path: the config's path.
    /// - Throws: `FileError` naming the failed step; the config is then unchanged.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try AtomicFile.write(bytes, to: path)
    }
}
