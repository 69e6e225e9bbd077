import ArgumentParser
import Foundation
import LittleStack

/// `littlestack init`: copies a library stack into a folder, ready to edit.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Copy a stack from the stacks library into a folder, ready to edit.",
        discussion: """
        Examples:
          littlestack init --list
          littlestack init hello-api ./my-api
          littlestack validate ./my-api/config.json

        Exit codes: 0 copied (or listed), 1 on an unknown stack or a destination that is not empty.
        """
    )

    @Flag(name: .long, help: "List the library's stacks, one line each.")
    var list = false

    @Argument(help: "The library stack to copy (see --list).")
    var stack: String?

    @Argument(help: "The folder to create; it must not exist or must be empty.")
    var directory: String?

    func validate() throws {
        if !list && (stack == nil || directory == nil) {
            throw ValidationError("give a STACK and a DIRECTORY, or --list")
        }
    }

    func run() throws {
        do {
            let library = try StackLibrary.locate(
                environment: ProcessInfo.processInfo.environment,
                executablePath: CommandLine.arguments[0].contains("/")
                    ? CommandLine.arguments[0] : (Bundle.main.executablePath ?? CommandLine.arguments[0]))
            if list {
                let entries = try library.entries()
                let width = entries.map(\.name.count).max() ?? 0
                for entry in entries {
                    print(entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.summary)
                }
                return
            }
            guard let stack, let directory else { return }
            let destination = URL(fileURLWithPath: directory)
            let files = try library.copy(stack, to: destination)
            print("created \(directory) from '\(stack)' (\(files.count) files):")
            for file in files { print("  \(file)") }
            print("next: littlestack validate \((directory as NSString).appendingPathComponent("config.json"))")
        } catch let failure as StackLibrary.Failure {
            FileHandle.standardError.write(Data("littlestack: error: \(failure)\n".utf8))
            throw ExitCode.failure
        }
    }
}
