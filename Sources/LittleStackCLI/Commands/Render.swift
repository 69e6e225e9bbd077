import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack render CONFIG`: the stack's template rendered with its variables.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Render a stack's template with the variables from its config.",
            discussion: """
            Prints the rendered text exactly as nunjucks produces it, after checking it parses (as JSON for a .json.njk template, as YAML for .yaml.njk/.yml.njk, else by content). --format json prints it as pretty JSON (YAML short tags in long form); --format yaml as CloudFormation YAML with short tags. -o writes the file atomically. stackBucket is $LITTLESTACK_BUCKET, else the config's Littleware.Bucket, else \(TemplateVariables.placeholderBucket).

            Examples:
              littlestack render stacks/hello-api/config.json
              littlestack render stacks/hello-api/config.json --format yaml -o hello.yaml
            """
        )

        /// What `render` prints.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, yaml
        }

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The stack config (stackParams.json, or .yaml/.yml).")
        var config: String

        @Option(name: [.customShort("o"), .customLong("out")],
                help: ArgumentHelp("Write the result to this file (atomically) instead of stdout.", valueName: "file"))
        var outFile: String?

        @Option(help: "Convert the result: json (pretty, long-form intrinsics) or yaml (short-form tags).")
        var format: Format?

        @Flag(help: "Fail on undefined variables instead of rendering them empty.")
        var strict = false

        func run() throws {
            do {
                let stack = try StackInput.loadConfig(config, options: global, warn: true)
                let rendered = try Renderer.render(config: stack, bucket: Terminal.environment["LITTLESTACK_BUCKET"],
                                                   strict: strict)
                let text: String
                switch format {
                case nil: text = rendered.text
                case .json: text = rendered.jsonText()
                case .yaml: text = rendered.yamlText()
                }
                if let outFile {
                    try AtomicFile.write(text, to: outFile)
                    Terminal.verbose(global, "wrote '\(outFile)'")
                } else {
                    Terminal.write(text)
                }
            } catch {
                Terminal.report(error, format: global.output)
                throw ExitCode.failure
            }
        }
    }
}
