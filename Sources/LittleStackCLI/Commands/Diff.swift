import ArgumentParser
import LittleStack

extension LittleStackCommand {
    /// `littlestack diff A B`: what changes between two templates or two stacks; `diff CONFIG --deployed`:
    /// what applying the config would change in the live stack's template.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show the structural differences between two templates or two stack configs.",
            discussion: """
            Configs are rendered first. Resources, parameters, outputs, conditions and mappings added, removed or changed (with property paths and old → new values); key order and JSON/YAML formatting do not count. With --deployed, the old side is the live stack's template (GetTemplate) and the new side the config's render. Colored on a terminal unless NO_COLOR is set. Exits 0 when equal, 1 when different, 2 on error.

            Examples:
              littlestack diff stacks/environments/config-{dev,prod}.json
              littlestack diff old.json new.yaml --output json
              littlestack diff stacks/hello-api/config.json --deployed
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var aws: AWSOptions

        @Argument(help: "The old template or stack config (with --deployed: the stack config).")
        var old: String

        @Argument(help: "The new template or stack config (not with --deployed).")
        var new: String?

        @Flag(help: "Compare the config's render with the template of its live stack.")
        var deployed = false

        func validate() throws {
            if deployed && new != nil { throw ValidationError("--deployed takes one stack config, not two files") }
            if !deployed && new == nil { throw ValidationError("give two templates or configs to compare, or one config with --deployed") }
        }

        func run() async throws {
            let report: DiffReport
            do {
                if deployed {
                    let (rendered, config) = try StackInput.load(old, options: global, strict: false)
                    guard let config else {
                        throw ValidationError("--deployed needs a stack config, and '\(old)' is a template")
                    }
                    let ops = try await StackOperations.connect(profile: aws.profile, region: aws.region,
                                                                console: .standard(verbose: global.verbose))
                    let live = try await ops.deployedTemplate(stack: config.stackName)
                    report = StructuralDiff.compare(live.tree, rendered.tree)
                } else if let new {
                    let (a, _) = try StackInput.load(old, options: global, strict: false)
                    let (b, _) = try StackInput.load(new, options: global, strict: false)
                    report = StructuralDiff.compare(a.tree, b.tree)
                } else {
                    return
                }
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
