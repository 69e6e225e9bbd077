import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack delete config.json|STACK`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a stack and follow its events until it is gone.",
            discussion: """
            Asks first unless --yes is given (needed when stdin is not a terminal). Exits 0 on DELETE_COMPLETE, 1 otherwise.

            Examples:
              littlestack delete stacks/hello-api/config.json
              littlestack delete hello-api --yes
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "A stack config or a stack name.")
        var stack: String

        @Flag(name: .shortAndLong, help: "Delete without asking.")
        var yes = false

        func run() async throws {
            try await StackCommand.run(global: global, aws: aws) { ops in
                let (name, ops) = try ops.resolve(stack)
                return try await ops.delete(stack: name, assumeYes: yes, json: global.output == .json).exitCode
            }
        }
    }
}
