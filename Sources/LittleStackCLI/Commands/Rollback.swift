import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack rollback config.json [UNIT]`: prod pointers move back to the previous release.
    struct Rollback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rollback",
            abstract: "Move prod back to the release it had before the last promote, then apply.",
            discussion: """
            Prints the before → after table, then applies the stack like 'littlestack
            apply' and rewrites the config once the stack is updated. Prod goes back
            to the entry recorded in <prod pointer>History by the last promote (for
            lists never promoted by littlestack: the entry listed before prod's).
            Refuses when there is nothing to go back to, and when the API or code
            changed since the last release (apply that first).

            Examples:
              littlestack rollback stacks/hello-api/config.json
              littlestack rollback stacks/hello-api/config.json helloapi --part function
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "The stack config (stackParams.json).")
        var config: String

        @Argument(help: "The release unit to roll back (default: all).")
        var unit: String?

        @OptionGroup var move: PointerMoveOptions

        func run() async throws {
            try await ReleaseCommandFrame.move(global, aws, config: config,
                                               options: move.applyOptions(json: global.output == .json),
                                               release: move.releaseOptions(unit: unit)) {
                try await $0.rollback(configPath: $1, options: $2, release: $3)
            }
        }
    }
}
