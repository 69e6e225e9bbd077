import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack releases config.json`: history and pointers per unit, compared with the live stack.
    struct Releases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "releases",
            abstract: "Show each release unit's history and where its stages and aliases point, live and in the config.",
            discussion: """
            Lists each unit's deployments and versions newest first, marks the
            entries prod and beta point at, and for each stage (API Gateway
            GetStage) and alias (Lambda GetAlias) the template drives, compares the
            live target with the config's. Exits 0 when they agree, 2 when any stage
            or alias drifted, 1 on an error.

            Examples:
              littlestack releases stacks/hello-api/config.json
              littlestack releases stacks/hello-api/config.json --output json
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "The stack config (stackParams.json).")
        var config: String

        @Option(help: "The stack bucket (default: Littleware.Bucket, else cloudformation-<account>-<region>).")
        var bucket: String?

        func run() async throws {
            try await ReleaseCommandFrame.run(global: global, aws: aws) { ops in
                let status = try await ops.releases(configPath: config, bucket: bucket)
                ops.console.out(global.output == .json ? ReleaseCommandFrame.json(status) : status.text)
                return status.hasDrift ? 2 : 0
            }
        }
    }
}
