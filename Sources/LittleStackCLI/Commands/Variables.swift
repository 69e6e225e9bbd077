import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack variables CONFIG`: the object a stack's template is rendered with.
    struct Variables: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "variables",
            abstract: "Print the variables a stack's template is rendered with.",
            discussion: """
            Prints stackParameters, stackTags, stackTagsStr, stackVariables, stackBucket and templateFiles.openapi as pretty JSON. stackBucket is $LITTLESTACK_BUCKET, else the config's Littleware.Bucket, else \(TemplateVariables.placeholderBucket).

            Examples:
              littlestack variables stacks/hello-api/config.json
              LITTLESTACK_BUCKET=my-bucket littlestack variables stacks/ecr/config.json
            """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The stack config (stackParams.json, or .yaml/.yml).")
        var config: String

        func run() throws {
            do {
                let stack = try StackInput.loadConfig(config, options: global, warn: true)
                let variables = try TemplateVariables.build(for: stack, bucket: Terminal.environment["LITTLESTACK_BUCKET"])
                Terminal.write(variables.jsonText(indent: 2) + "\n")
            } catch {
                Terminal.report(error, format: global.output)
                throw ExitCode.failure
            }
        }
    }
}
