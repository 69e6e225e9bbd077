import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack plan config.json`: `apply --dry-run`.
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Show what applying a stack config would change, leaving the change set for review.",
            discussion: """
            The same as 'littlestack apply --dry-run': does the release bookkeeping in memory (the config is not rewritten), renders, validates, uploads, creates the change set and prints its changes; nothing is executed and nothing is deleted.

            Examples:
              littlestack plan stacks/hello-api/config.json
              littlestack plan stacks/hello-api/config.json --output json
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "The stack config (stackParams.json).")
        var config: String

        @Option(help: "The bucket for the template (default: Littleware.Bucket, else cloudformation-<account>-<region>).")
        var bucket: String?

        @Option(help: "The change set's name (default: little-<user>-<host>).")
        var changeSetName: String?

        func run() async throws {
            let options = ApplyOptions(dryRun: true, bucket: bucket, changeSetName: changeSetName,
                                       json: global.output == .json)
            try await StackCommand.run(global: global, aws: aws) { ops in
                try await ops.applyReleasing(configPath: config, options: options).apply.exitCode
            }
        }
    }
}
