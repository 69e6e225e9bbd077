import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack events config.json|STACK`: the stack's latest events, optionally followed.
    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "events",
            abstract: "Print a stack's latest events, oldest first.",
            discussion: """
            With --follow, keeps printing new events while the stack is changing and exits with the final status (0 complete, 1 rollback or failure).

            Examples:
              littlestack events stacks/hello-api/config.json
              littlestack events hello-api --follow
              littlestack events hello-api --limit 20 --output json
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "A stack config or a stack name.")
        var stack: String

        @Flag(name: .shortAndLong, help: "Follow new events until the stack settles.")
        var follow = false

        @Option(help: "How many past events to print.")
        var limit = 100

        func validate() throws {
            if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        }

        func run() async throws {
            try await StackCommand.run(global: global, aws: aws) { ops in
                let (name, ops) = try ops.resolve(stack)
                let result = try await ops.events(stack: name, follow: follow, limit: limit, json: global.output == .json)
                guard let outcome = result.outcome, outcome.kind != .complete else { return 0 }
                return 1
            }
        }
    }
}
