import ArgumentParser

/// The `littlestack` command: renders, checks and applies CloudFormation stacks from little stack configs.
@main
struct LittleStackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "littlestack",
        abstract: "Render, validate, diff and apply CloudFormation stacks from little stack configs.",
        discussion: """
        Examples:
          littlestack render stacks/hello-api/config.json
          littlestack validate stacks/hello-api/config.json
          littlestack apply stacks/hello-api/config.json
        """,
        version: LittleStackVersion.current,
        subcommands: [
            // Before AWS: templates, configs, checks.
            RenderTemplate.self, Variables.self, Render.self, Validate.self, Diff.self, Convert.self, Init.self,
            // Against AWS: the stack.
            Apply.self, Plan.self, Events.self, Outputs.self, Describe.self, Delete.self, List.self,
            // Against AWS: releases.
            Release.self, Promote.self, Rollback.self, Releases.self,
        ]
    )

    static func main() async {
        AllocatorTuning.apply()
        // `render-template` in its plain form skips ArgumentParser's start-up (see `plainRequest`). It exits
        // the process on success; a failure goes where ArgumentParser sends a command's thrown error.
        if let request = RenderTemplate.plainRequest(Array(CommandLine.arguments.dropFirst())) {
            do { try RenderTemplate.render(request) } catch { exit(withError: error) }
        }
        await main(nil)
    }
}
