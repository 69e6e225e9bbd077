import Foundation

extension StackOperations {
    /// `littlestack apply config.json`: reads the config, renders and validates its template (printing every
    /// finding; errors stop here, before anything is sent), then applies it (see ``apply(_:options:)``).
    ///
    /// The releases feature calls this after updating the config.
    /// - Parameters:
    ///   - configPath: the stack config (`stackParams.json`).
    ///   - options: what was asked.
    /// - Returns: what happened; ``ApplyResult/exitCode`` is the process status.
    /// - Throws: ``ApplyError/invalidConfig(_:)`` after printing the findings, ``ApplyError`` for refusals, the AWS
    ///   client's errors.
    public func apply(configPath: String, options: ApplyOptions) async throws -> ApplyResult {
        try refuseWithoutConfirmation(options, what: "execute a change set for '\(configPath)'")
        let deployment = try await prepare(configPath: configPath, bucket: options.bucket)
        return try await apply(deployment, options: options)
    }

    /// Reads, renders and validates a config into a ``StackDeployment``, printing findings on standard error.
    ///
    /// The template sees the real stack bucket as `stackBucket`: `bucket`, else `Littleware.Bucket`, else
    /// `cloudformation-<account>-<region>` (one STS call).
    /// - Parameters:
    ///   - configPath: the stack config.
    ///   - bucket: `--bucket`, if given.
    /// - Throws: ``ApplyError/invalidConfig(_:)`` when the config, the render or validation has errors.
    public func prepare(configPath: String, bucket: String?) async throws -> StackDeployment {
        let config: StackConfig
        do {
            config = try StackConfig.load(path: configPath, environment: environment)
        } catch {
            report(error)
            throw ApplyError.invalidConfig(configPath)
        }
        let stackBucket: String
        if let asked = bucket ?? config.bucket, !asked.isEmpty {
            stackBucket = asked
        } else {
            stackBucket = StackBucket.defaultName(account: try await backend.accountID(), region: backend.region)
        }
        let rendered: RenderedTemplate
        do {
            rendered = try Renderer.render(config: config, bucket: stackBucket)
        } catch {
            for warning in config.warnings { console.err(warning.description + "\n") }
            report(error)
            throw ApplyError.invalidConfig(configPath)
        }
        let findings = Validator.validate(rendered, config: config)
        for finding in findings { console.err(finding.description + "\n") }
        if findings.contains(where: { $0.severity == .error }) {
            console.err(Validator.summary(findings) + "\n")
            throw ApplyError.invalidConfig(configPath)
        }
        return StackDeployment(
            stackName: config.stackName, templatePath: config.templatePath, templateBody: rendered.text,
            template: rendered.tree,
            parameters: config.parameters.map {
                StackParameter(key: $0.key, value: $0.value ?? "", usePreviousValue: $0.usePreviousValue ?? false)
            },
            tags: config.tags, capabilities: config.capabilities,
            roleARN: config.roleARN, notificationARNs: config.notificationARNs,
            timeoutInMinutes: config.timeoutInMinutes,
            enableTerminationProtection: config.enableTerminationProtection ?? false, bucket: stackBucket)
    }

    /// The stack a `config.json|STACK` argument names: a config's `StackName` when the argument is a config file,
    /// else the argument itself.
    /// - Throws: ``ApplyError/invalidConfig(_:)`` (findings printed) for a config that cannot be read.
    public func stackName(from argument: String) throws -> String {
        try resolve(argument).stackName
    }

    /// Resolves a `config.json|STACK` argument: the stack's name, and these operations knowing the config's
    /// parameters (so NoEcho values echoed by outputs or reasons are redacted too).
    /// - Throws: ``ApplyError/invalidConfig(_:)`` (findings printed) for a config that cannot be read.
    public func resolve(_ argument: String) throws -> (stackName: String, operations: StackOperations) {
        guard FileManager.default.fileExists(atPath: argument) else { return (argument, self) }
        do {
            guard try StackFile.isConfig(at: argument) else { return (argument, self) }
            let config = try StackConfig.load(path: argument, environment: environment)
            var ops = self
            ops.knownParameters += config.parameters.compactMap { p in p.value.map { StackParameter(key: p.key, value: $0) } }
            return (config.stackName, ops)
        } catch {
            report(error)
            throw ApplyError.invalidConfig(argument)
        }
    }

    /// Fails before any work when confirmation would be needed but cannot be asked.
    func refuseWithoutConfirmation(_ options: ApplyOptions, what: String) throws {
        if !options.assumeYes, !options.dryRun, !console.canPrompt { throw ApplyError.needsConfirmation(what) }
    }

    /// Prints a config or render failure: its findings with carets, or its text.
    func report(_ error: any Error) {
        if let error = error as? DiagnosticError {
            for d in error.diagnostics { console.err(d.description + "\n") }
        } else {
            console.err("error: \(error)\n")
        }
    }
}
