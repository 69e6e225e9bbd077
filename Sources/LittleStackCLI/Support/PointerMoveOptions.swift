import ArgumentParser
import LittleStack

/// The options `promote` and `rollback` share: which part moves, retention, and how the change set is applied.
struct PointerMoveOptions: ParsableArguments {
    @Option(help: "Move only the 'api' or the 'function' part.")
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

    /// How the move is applied.
    func applyOptions(json: Bool) -> ApplyOptions {
        ApplyOptions(assumeYes: yes, dryRun: dryRun, bucket: bucket, changeSetName: changeSetName, json: json)
    }

    /// What moves, and what is kept.
    func releaseOptions(unit: String?) -> ReleaseOptions {
        ReleaseOptions(keep: keep == 0 ? nil : keep, unit: unit, part: part)
    }
}
