import Foundation
import YAMLBridge

/// The outcome of `apply`, `promote` or `rollback` with release bookkeeping.
public struct ReleaseApplyResult: Sendable {
    /// What was planned.
    public var change: ReleaseChange
    /// What the apply did.
    public var apply: ApplyResult
    /// Whether the config was rewritten.
    public var committed: Bool
}

extension StackOperations {
    /// `littlestack apply` with release bookkeeping: under the config's lock, records changed API and
    /// code content (new deployment, beta moved; code package uploaded, new version), applies the stack,
    /// and rewrites the config only when the stack is complete (or unchanged).
    /// - Parameters:
    ///   - configPath: the stack config.
    ///   - options: the apply options (a dry run commits nothing).
    ///   - release: retention and descriptions.
    /// - Returns: the change and the apply's result.
    /// - Throws: `ReleaseError` (lock held, bad declarations), ``ApplyError``, AWS errors; the config is then unchanged.
    public func applyReleasing(configPath: String, options: ApplyOptions,
                               release: ReleaseOptions = ReleaseOptions()) async throws -> ReleaseApplyResult {
        try refuseWithoutConfirmation(options, what: "execute a change set for '\(configPath)'")
        return try await withReleasePlan(configPath: configPath, bucket: options.bucket, release: release) { planner, config in
            try planner.release(config, description: release.description)
        } then: { change, bucket in
            if !options.json { console.out(change.summary) }
            return try await applyChange(change, bucket: bucket, options: options)
        }
    }

    /// `littlestack promote`: prod moves to what beta has and to the newest version, then the stack is applied.
    /// - Throws: `ReleaseError` "nothing to promote…" when prod is already there.
    public func promote(configPath: String, options: ApplyOptions,
                        release: ReleaseOptions = ReleaseOptions()) async throws -> ReleaseApplyResult {
        try refuseWithoutConfirmation(options, what: "execute a change set for '\(configPath)'")
        return try await withReleasePlan(configPath: configPath, bucket: options.bucket, release: release) { planner, config in
            try planner.promote(config, unit: release.unit, part: release.part)
        } then: { change, bucket in
            if !options.json { console.out(PointerMove.table(change.moves)) }
            return try await applyChange(change, bucket: bucket, options: options, ownJSON: true)
        }
    }

    /// `littlestack rollback`: prod moves back to the previous release, then the stack is applied.
    /// - Throws: `ReleaseError` "nothing to roll back…" when prod is at the oldest entry.
    public func rollback(configPath: String, options: ApplyOptions,
                         release: ReleaseOptions = ReleaseOptions()) async throws -> ReleaseApplyResult {
        try refuseWithoutConfirmation(options, what: "execute a change set for '\(configPath)'")
        return try await withReleasePlan(configPath: configPath, bucket: options.bucket, release: release) { planner, config in
            try planner.rollback(config, unit: release.unit, part: release.part)
        } then: { change, bucket in
            if !options.json { console.out(PointerMove.table(change.moves)) }
            return try await applyChange(change, bucket: bucket, options: options, ownJSON: true)
        }
    }

    /// `littlestack release`: the bookkeeping only. Records changed content and rewrites the config;
    /// uploads and applies nothing.
    /// - Parameters:
    ///   - configPath: the stack config.
    ///   - bucket: `--bucket`, if given.
    ///   - release: retention and descriptions.
    /// - Returns: the change (already committed).
    public func release(configPath: String, bucket: String?, release: ReleaseOptions = ReleaseOptions()) async throws -> ReleaseChange {
        let config = try loadConfig(configPath)
        let stackBucket = try await resolveBucket(bucket, config: config)
        return try ReleaseBookkeeping.release(configPath: configPath, bucket: stackBucket, environment: environment,
                                              release: release)
    }

    /// `littlestack releases`: the history and pointers of every unit, compared with the live stack.
    /// - Parameters:
    ///   - configPath: the stack config.
    ///   - bucket: `--bucket`, if given.
    /// - Returns: the status.
    public func releases(configPath: String, bucket: String?) async throws -> ReleaseStatus {
        let config = try loadConfig(configPath)
        let book = try ReleaseConfigFile.book(of: config)
        let stackBucket = try await resolveBucket(bucket, config: config)
        let tree = try Renderer.render(config: config, bucket: stackBucket).tree
        return try await ReleaseStatus.read(book: book, template: tree,
                                            reader: AWSReleaseReader(backend: backend, stackName: config.stackName))
    }

    // MARK: - Steps

    private func loadConfig(_ path: String) throws -> StackConfig {
        do {
            return try StackConfig.load(path: path, environment: environment)
        } catch {
            report(error)
            throw ApplyError.invalidConfig(path)
        }
    }

    /// The logical IDs of the stack's resources; empty when the stack does not exist.
    private func deployedIDs(_ stackName: String) async throws -> Set<String> {
        guard try await backend.describeStack(stackName) != nil else { return [] }
        return Set(try await backend.stackResources(stackName).map(\.logicalResourceID))
    }

    private func resolveBucket(_ asked: String?, config: StackConfig) async throws -> String {
        if let asked = asked ?? config.bucket, !asked.isEmpty { return asked }
        return StackBucket.defaultName(account: try await backend.accountID(), region: backend.region)
    }

    private func planner(bucket: String, release: ReleaseOptions) -> ReleasePlanner {
        ReleasePlanner(bucket: bucket, day: release.day ?? ReleaseOptions.today(), keep: release.keep) { config in
            try Renderer.render(config: config, bucket: bucket).tree
        }
    }

    private func withReleasePlan(
        configPath: String, bucket: String?, release: ReleaseOptions,
        plan: (ReleasePlanner, StackConfig) throws -> ReleaseChange,
        then run: (ReleaseChange, String) async throws -> ReleaseApplyResult
    ) async throws -> ReleaseApplyResult {
        let lock = try ReleaseLock(configPath: configPath)
        defer { lock.release() }
        let config = try loadConfig(configPath)
        let stackBucket = try await resolveBucket(bucket, config: config)
        var planner = planner(bucket: stackBucket, release: release)
        planner.deployed = try await deployedIDs(config.stackName)
        let change = try plan(planner, config)
        return try await run(change, stackBucket)
    }

    /// Uploads the packages, applies the updated config with the parameter overrides, commits on success.
    /// - Parameter ownJSON: with `--output json`, the caller prints one document holding the apply's
    ///   result, so the apply's own JSON is not printed.
    private func applyChange(_ change: ReleaseChange, bucket: String, options: ApplyOptions,
                             ownJSON: Bool = false) async throws -> ReleaseApplyResult {
        var runner = self
        if ownJSON, options.json { runner.console.writeOut = { _ in } }
        var applied: ApplyResult?
        let committed = try await change.perform(upload: { package in
            if try await !backend.bucketExists(bucket) {
                console.note("creating bucket '\(bucket)'")
                try await backend.createBucket(bucket)
            }
            console.note("uploading code to s3://\(bucket)/\(package.key)")
            try await backend.putObject(bucket: bucket, key: package.key, body: Data(package.bytes),
                                        contentType: "application/zip")
        }, apply: { change in
            let deployment = try deployment(for: change, bucket: bucket)
            var asked = options
            asked.bucket = bucket
            let result = try await runner.apply(deployment, options: asked)
            applied = result
            return result.result == .complete || result.result == .noChanges
        })
        return ReleaseApplyResult(change: change, apply: applied!, committed: committed)
    }

    /// The updated config rendered, validated and turned into a deployment with the parameter overrides.
    private func deployment(for change: ReleaseChange, bucket: String) throws -> StackDeployment {
        let config = change.updated
        let rendered: RenderedTemplate
        do {
            rendered = try Renderer.render(config: config, bucket: bucket)
        } catch {
            report(error)
            throw ApplyError.invalidConfig(config.path)
        }
        let findings = Validator.validate(rendered, config: config)
        for finding in findings { console.err(finding.description + "\n") }
        if findings.contains(where: { $0.severity == .error }) {
            console.err(Validator.summary(findings) + "\n")
            throw ApplyError.invalidConfig(config.path)
        }
        var parameters = config.parameters.map {
            StackParameter(key: $0.key, value: $0.value ?? "", usePreviousValue: $0.usePreviousValue ?? false)
        }
        for (key, value) in change.parameterOverrides.sorted(by: { $0.key < $1.key }) {
            if let i = parameters.firstIndex(where: { $0.key == key }) {
                parameters[i] = StackParameter(key: key, value: value, usePreviousValue: false)
            } else {
                parameters.append(StackParameter(key: key, value: value, usePreviousValue: false))
            }
        }
        return StackDeployment(
            stackName: config.stackName, templatePath: config.templatePath, templateBody: rendered.text,
            template: rendered.tree, parameters: parameters,
            tags: config.tags, capabilities: config.capabilities,
            roleARN: config.roleARN, notificationARNs: config.notificationARNs,
            timeoutInMinutes: config.timeoutInMinutes,
            enableTerminationProtection: config.enableTerminationProtection ?? false, bucket: bucket)
    }
}
