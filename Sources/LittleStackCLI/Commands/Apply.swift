import ArgumentParser
import Foundation
import LittleStack

extension LittleStackCommand {
    /// `littlestack apply config.json`: render, validate, upload, change set, confirm, execute, follow, outputs.
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Apply a stack config through a CloudFormation change set.",
            discussion: """
            First the release bookkeeping of 'littlestack release': a changed API gets a new deployment (beta moves to it), changed function code or configuration a new version; the config is rewritten only once the change set exists and the stack is updated. Then it renders and validates the config's template (errors stop here), uploads it to the stack bucket (cf/<StackName>/<template>), creates a change set (CREATE for a new stack, UPDATE otherwise), shows its changes, asks before executing it, follows the stack's events to a final status and prints the outputs. Exits 0 when the stack is complete or nothing changed, 1 on a rollback, a failure, a declined prompt or an error.

            Examples:
              littlestack apply stacks/hello-api/config.json
              littlestack apply stacks/hello-api/config.json --yes --output json
              littlestack apply stacks/hello-api/config.json --dry-run
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "The stack config (stackParams.json).")
        var config: String

        @Flag(name: .shortAndLong, help: "Execute the change set without asking (needed when stdin is not a terminal).")
        var yes = false

        @Flag(help: "Create and show the change set, then stop and leave it for review.")
        var dryRun = false

        @Option(help: "The bucket for the template (default: Littleware.Bucket, else cloudformation-<account>-<region>).")
        var bucket: String?

        @Option(help: "The change set's name (default: little-<user>-<host>).")
        var changeSetName: String?

        @Option(help: "Release entries kept per list; the oldest that no pointer uses are removed (0 keeps all).")
        var keep: Int = Retention.defaultKeep

        func validate() throws {
            if keep < 0 { throw ValidationError("--keep must be 0 (keep all) or more") }
        }

        func run() async throws {
            let options = ApplyOptions(assumeYes: yes, dryRun: dryRun, bucket: bucket, changeSetName: changeSetName,
                                       json: global.output == .json)
            let release = ReleaseOptions(keep: keep == 0 ? nil : keep)
            try await StackCommand.run(global: global, aws: aws) { ops in
                try await ops.applyReleasing(configPath: config, options: options, release: release).apply.exitCode
            }
        }
    }
}

/// The shared frame of the commands that talk to CloudFormation: connect, run, print errors, exit.
enum StackCommand {
    /// Connects with `--profile`/`--region`, runs `body`, and exits with its status; an error is printed on
    /// standard error as `error: message` (through the console's redactor) and exits 1.
    static func run(global: GlobalOptions, aws: AWSOptions,
                    _ body: (StackOperations) async throws -> Int32) async throws {
        let console = ApplyConsole.standard(verbose: global.verbose)
        let status: Int32
        do {
            let ops = try await StackOperations.connect(profile: aws.profile, region: aws.region, console: console)
            do {
                status = try await body(ops)
            } catch let error as ExitCode {
                throw error
            } catch {
                ops.console.err("error: \(error)\n")
                throw ExitCode.failure
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            console.err("error: \(error)\n")
            throw ExitCode.failure
        }
        if status != 0 { throw ExitCode(status) }
    }
}
