import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack rollback config.json [UNIT]`: prod pointers move back to the previous release.
    struct Rollback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
              littlestack rollback stacks/hello-api/config.json helloapi --part function --yes
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "The stack config (stackParams.json).")
        var config: String

        @Argument(help: "The release unit to roll back (default: all).")
        var unit: String?

        @Option(help: "Roll back only the 'api' or the 'function' part.")
        var part: String?

        @Option(help: "Entries kept per list; the oldest that no pointer uses are removed (0 keeps all).")
        var keep: Int = Retention.defaultKeep

        @Flag(name: .shortAndLong, help: "Execute the change set without asking (needed when stdin is not a terminal).")
        var yes = false

        @Flag(help: "Create and show the change set, then stop; the config is not changed.")
        var dryRun = false

        @Option(help: "The stack bucket (default: Littleware.Bucket, else cloudformation-<account>-<region>).")
        var bucket: String?

        @Option(help: "The change set's name (default: little-<user>-<host>).")
        var changeSetName: String?

        func validate() throws {
            if let part, part != "api", part != "function" { throw ValidationError("--part must be 'api' or 'function'") }
            if keep < 0 { throw ValidationError("--keep must be 0 (keep all) or more") }
        }

        func run() async throws {
            let options = ApplyOptions(assumeYes: yes, dryRun: dryRun, bucket: bucket, changeSetName: changeSetName,
                                       json: global.output == .json)
            let release = ReleaseOptions(keep: keep == 0 ? nil : keep, unit: unit, part: part)
            try await ReleaseCommandFrame.move(global, aws, config: config, options: options, release: release) {
                try await $0.rollback(configPath: $1, options: $2, release: $3)
            }
        }
    }
}
