import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack outputs config.json|STACK`.
    struct Outputs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "outputs",
            abstract: "Print a stack's outputs.",
            discussion: """
            Text prints 'key  value' lines; --output json prints one object of key to value.

            Examples:
              littlestack outputs stacks/hello-api/config.json
              littlestack outputs hello-api --output json
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "A stack config or a stack name.")
        var stack: String

        func run() async throws {
            try await StackCommand.run(global: global, aws: aws) { ops in
                let (name, ops) = try ops.resolve(stack)
                try await ops.outputs(stack: name, json: global.output == .json)
                return 0
            }
        }
    }
}
