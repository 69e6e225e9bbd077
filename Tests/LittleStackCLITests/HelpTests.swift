import ArgumentParser
import Testing
@testable import LittleStackCLI

/// The help screens operators read first: every command documented, with an example.
@Suite struct HelpTests {
    @Test func versionIsPrinted() throws {
        #expect(LittleStackCommand.configuration.version == LittleStackVersion.current)
        #expect(LittleStackVersion.current.split(separator: ".").count == 3)
    }

    @Test func rootHelpListsEveryCommand() {
        let help = LittleStackCommand.helpMessage(columns: 200)
        for command in LittleStackCommand.configuration.subcommands {
            let name = command._commandName
            #expect(help.contains("  \(name) "), "root help misses \(name)")
        }
    }

    @Test(arguments: LittleStackCommand.configuration.subcommands.map { $0._commandName })
    func everyCommandHasAnAbstractAndAnExample(name: String) throws {
        let command = try #require(LittleStackCommand.configuration.subcommands.first { $0._commandName == name })
        #expect(!command.configuration.abstract.isEmpty)
        #expect(command.configuration.abstract.hasSuffix("."), "abstract of \(name) should be one sentence with a period")
        #expect(command.configuration.discussion.contains("littlestack \(name)"),
                "help of \(name) should show an example command line")
    }
}
