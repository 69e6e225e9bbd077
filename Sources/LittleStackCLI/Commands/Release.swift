import ArgumentParser
import Foundation
import LittleStack

extension LittleStackCommand {
    /// `littlestack release config.json`: the release bookkeeping of `apply`, without uploading or applying.
    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "release",
            abstract: "Record changed API and code content in a config's release lists, without applying.",
            discussion: """
            For each release unit (Littleware.Releases, or each variable group with
            gatewayDeployments or lambdaVersions): when the API's content hash
            differs from the newest deployment's, a deployment entry is appended and
            the beta pointer moves to it; when the function's code or
            version-relevant properties changed, a version entry is appended. Prod
            pointers do not move (see 'littlestack promote'). Entries beyond --keep
            that no pointer uses are removed. The config is rewritten in place (key
            order and formatting kept). A new code package is uploaded to the stack
            bucket (code/<StackName>/<unit>/<sha256>.zip) so the config can name
            it; the stack itself is not changed (run 'littlestack apply').

            Examples:
              littlestack release stacks/hello-api/config.json
              littlestack release stacks/hello-api/config.json --description "hello 1.2"
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "The stack config (stackParams.json).")
        var config: String

        @Option(help: "Entries kept per list; the oldest that no pointer uses are removed (0 keeps all).")
        var keep: Int = Retention.defaultKeep

        @Option(help: "The description of new entries (default: released <date>, sha256 <hash>).")
        var description: String?

        @Option(help: "The stack bucket (default: $LITTLESTACK_BUCKET, Littleware.Bucket, else cloudformation-<account>-<region>).")
        var bucket: String?

        func validate() throws {
            if keep < 0 { throw ValidationError("--keep must be 0 (keep all) or more") }
        }

        func run() async throws {
            let release = ReleaseOptions(keep: keep == 0 ? nil : keep, description: description)
            let environment = ProcessInfo.processInfo.environment
            // With the bucket known, the bookkeeping needs no AWS call (no credentials either).
            let known = bucket ?? environment["LITTLESTACK_BUCKET"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (try? StackConfig.load(path: config, environment: environment))?.bucket
            if let known, !known.isEmpty {
                let console = ApplyConsole.standard(verbose: global.verbose)
                do {
                    let change = try ReleaseBookkeeping.release(configPath: config, bucket: known,
                                                                environment: environment, release: release)
                    print(change, on: console)
                } catch let error as ReleaseError {
                    console.err(error.description + "\n")
                    throw ExitCode.failure
                } catch {
                    console.err("\(error)\n")
                    throw ExitCode.failure
                }
                return
            }
            try await ReleaseCommandFrame.run(global: global, aws: aws) { ops in
                let change = try await ops.release(configPath: config, bucket: bucket, release: release)
                print(change, on: ops.console)
                return 0
            }
        }

        private func print(_ change: ReleaseChange, on console: ApplyConsole) {
            if global.output == .json {
                console.out(ReleaseCommandFrame.json(ReleaseReport(change, written: change.newBytes != nil)))
            } else {
                console.out(change.summary)
                console.out(change.newBytes == nil ? "config unchanged\n" : "updated \(config)\n")
            }
        }
    }
}

/// `--output json` of `release`, `promote` and `rollback`.
struct ReleaseReport: Encodable {
    struct Row: Encodable {
        var unit: String
        var part: String
        var outcome: String
        var resourceName: String?
    }
    struct Move: Encodable {
        var unit: String
        var part: String
        var pointer: String
        var from: String?
        var to: String
    }
    var recorded: [Row]
    var moves: [Move]
    var removed: [String]
    var configWritten: Bool
    var apply: ApplyResult?

    init(_ change: ReleaseChange, written: Bool, apply: ApplyResult? = nil) {
        recorded = change.recorded.map { row in
            switch row.outcome {
            case .unchanged: return Row(unit: row.unit, part: row.part, outcome: "unchanged")
            case .adopted(let name): return Row(unit: row.unit, part: row.part, outcome: "adopted", resourceName: name)
            case .appended(let entry):
                return Row(unit: row.unit, part: row.part, outcome: "appended", resourceName: entry.resourceName)
            case .replaced(_, let entry):
                return Row(unit: row.unit, part: row.part, outcome: "replaced", resourceName: entry.resourceName)
            }
        }
        moves = change.moves.map { Move(unit: $0.unit, part: $0.part, pointer: $0.pointer, from: $0.from, to: $0.to) }
        removed = (change.book.collapsed + change.pruned).map(\.entry.resourceName)
        configWritten = written
        self.apply = apply
    }
}

/// The frame of the release commands: connect, run, print a release error as is (it carries its own
/// `path: error:` prefix), other errors as `error: message`, exit with the body's status.
enum ReleaseCommandFrame {
    static func run(global: GlobalOptions, aws: AWSOptions, _ body: (StackOperations) async throws -> Int32) async throws {
        try await StackCommand.run(global: global, aws: aws) { ops in
            do {
                return try await body(ops)
            } catch let error as ReleaseError {
                ops.console.err(error.description + "\n")
                return 1
            }
        }
    }

    /// Pretty, sorted JSON with a final newline.
    static func json<T: Encodable>(_ value: T) -> String {
        JSONOutput.text(value)
    }

    /// Runs promote or rollback and prints the result.
    static func move(_ global: GlobalOptions, _ aws: AWSOptions, config: String, options: ApplyOptions,
                     release: ReleaseOptions,
                     _ call: @escaping (StackOperations, String, ApplyOptions, ReleaseOptions) async throws -> ReleaseApplyResult) async throws {
        try await run(global: global, aws: aws) { ops in
            let result = try await call(ops, config, options, release)
            if global.output == .json {
                ops.console.out(json(ReleaseReport(result.change, written: result.committed, apply: result.apply)))
            } else if result.committed {
                ops.console.out("updated \(config)\n")
            } else {
                ops.console.out("config unchanged\n")
            }
            return result.apply.exitCode
        }
    }
}
