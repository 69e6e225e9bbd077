/// `littlestack release` without AWS: the bookkeeping of `apply` on a config whose stack bucket is known.
public enum ReleaseBookkeeping {
    /// Under the config's lock: records changed API and code content (new entries, beta moved, the code's
    /// key set), applies retention and rewrites the config atomically. Uploads and applies nothing.
    /// - Parameters:
    ///   - configPath: the stack config.
    ///   - bucket: the stack bucket (`stackBucket`, where code packages are expected).
    ///   - environment: the process environment (`LITTLE_HOME` for the template).
    ///   - release: retention, description and day.
    /// - Returns: the change, already written.
    /// - Throws: `ReleaseError`, `DiagnosticError` (config or render), `FileError`; the config is then unchanged.
    public static func release(configPath: String, bucket: String, environment: [String: String],
                               release: ReleaseOptions = ReleaseOptions()) throws -> ReleaseChange {
        let lock = try ReleaseLock(configPath: configPath)
        defer { lock.release() }
        let config = try StackConfig.load(path: configPath, environment: environment)
        let planner = ReleasePlanner(bucket: bucket, day: release.day ?? ReleaseOptions.today(), keep: release.keep) {
            try Renderer.render(config: $0, bucket: bucket).tree
        }
        let change = try planner.release(config, description: release.description)
        try change.commit()
        return change
    }
}
