import LittleStack

/// A file given to `validate` or `diff`: a stack config (rendered first) or a template read as is.
enum StackInput {
    /// Loads `path`: a config when its top level has `StackName` or `Littleware`, else a template.
    /// - Returns: the rendered or read template, and the config when there was one.
    /// With `origins`, findings in the rendered text can name the template line behind them.
    static func load(_ path: String, options: GlobalOptions, strict: Bool,
                     origins: Bool = false) throws -> (RenderedTemplate, StackConfig?) {
        if path.hasSuffix(".njk") {
            throw DiagnosticError(Diagnostic(severity: .error, path: path,
                                             message: "'\(path)' is a template to render: give its stack config instead"))
        }
        guard try StackFile.isConfig(at: path) else {
            return (try Renderer.load(templateAt: path), nil)
        }
        let config = try loadConfig(path, options: options)
        let rendered = try Renderer.render(config: config, bucket: Terminal.environment["LITTLESTACK_BUCKET"],
                                           strict: strict, origins: origins)
        return (rendered, config)
    }

    /// Loads a config, saying under `--verbose` which template file it names; with `warn`, its
    /// warnings (unknown keys) go to stderr.
    static func loadConfig(_ path: String, options: GlobalOptions, warn: Bool = false) throws -> StackConfig {
        let config = try StackConfig.load(path: path, environment: Terminal.environment)
        if warn, options.output == .text {
            for warning in config.warnings { Terminal.error(warning.description) }
        }
        let base: String
        switch config.templateLocation {
        case .absolute: base = "an absolute path"
        case .configFolder: base = "relative to the config's folder"
        case .littleHome: base = "relative to $LITTLE_HOME"
        }
        Terminal.verbose(options, "template '\(config.resolvedTemplatePath)' (\(base))")
        return config
    }

}
