import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the stacks of the account and region.",
            discussion: """
            Deleted stacks are left out.

            Examples:
              littlestack list
              littlestack list --region eu-west-1 --output json
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        func run() async throws {
            try await StackCommand.run(global: global, aws: aws) { ops in
                try await ops.list(json: global.output == .json)
                return 0
            }
        }
    }
}
