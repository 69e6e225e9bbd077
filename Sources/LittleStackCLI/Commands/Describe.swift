import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack describe config.json|STACK`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "describe",
            abstract: "Print a stack's status, parameters, tags, outputs and resources.",
            discussion: """
            NoEcho parameter values are printed as ****.

            Examples:
              littlestack describe stacks/hello-api/config.json
              littlestack describe hello-api --output json
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "A stack config or a stack name.")
        var stack: String

        func run() async throws {
            try await StackCommand.run(global: global, aws: aws) { ops in
                let (name, ops) = try ops.resolve(stack)
                try await ops.describe(stack: name, json: global.output == .json)
                return 0
            }
        }
    }
}
