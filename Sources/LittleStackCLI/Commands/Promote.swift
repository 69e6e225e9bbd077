import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack promote config.json [UNIT]`: prod pointers move to beta's deployment and the newest version.
    struct Promote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "promote",
            abstract: "Move prod to what beta has (API) and to the newest version (function), then apply.",
            discussion: """
            Prints the before → after table, then applies the stack like 'littlestack
            apply' and rewrites the config once the stack is updated; where prod was
            is remembered in <prod pointer>History (e.g. prodDeploymentHistory) for
            'littlestack rollback'. Refuses when prod already points there, and when
            the API or code changed since the last release (apply first: beta gets
            the change).

            Examples:
              littlestack promote stacks/hello-api/config.json
              littlestack promote stacks/hello-api/config.json helloapi --part function
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "The stack config (stackParams.json).")
        var config: String

        @Argument(help: "The release unit to promote (default: all).")
        var unit: String?

        @OptionGroup var move: PointerMoveOptions

        func run() async throws {
            try await ReleaseCommandFrame.move(global, aws, config: config,
                                               options: move.applyOptions(json: global.output == .json),
                                               release: move.releaseOptions(unit: unit)) {
                try await $0.promote(configPath: $1, options: $2, release: $3)
            }
        }
    }
}
