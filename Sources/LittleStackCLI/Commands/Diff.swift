import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack diff A B`: what changes between two templates or two stacks.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the structural differences between two templates or two stack configs.",
            discussion: """
            Configs are rendered first. Resources, parameters, outputs, conditions and mappings added, removed or changed (with property paths and old → new values); key order and JSON/YAML formatting do not count. Colored on a terminal unless NO_COLOR is set. Exits 0 when equal, 1 when different, 2 on error.

            Examples:
              littlestack diff stacks/api/config-dev.json stacks/api/config-prod.json
              littlestack diff old.json new.yaml --output json
            """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The old template or stack config.")
        var old: String

        @Argument(help: "The new template or stack config.")
        var new: String

        func run() throws {
            let report: DiffReport
            do {
                let (a, _) = try StackInput.load(old, options: global, strict: false)
                let (b, _) = try StackInput.load(new, options: global, strict: false)
                report = StructuralDiff.compare(a.tree, b.tree)
            } catch {
                Terminal.report(error, format: .text)
                throw ExitCode(2)
            }
            switch global.output {
            case .text: Terminal.write(report.text(color: Terminal.stdoutWantsColor))
            case .json: Terminal.write(report.jsonValue.jsonText(indent: 2) + "\n")
            }
            if !report.isEqual { throw ExitCode(1) }
        }
    }
}
