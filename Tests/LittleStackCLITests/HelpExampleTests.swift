import ArgumentParser
import Testing
@testable import LittleStackCLI

/// The examples in each command's help are real command lines: they parse with the command's
/// own options, and they survive the 80-column help screen in one piece.
@Suite struct HelpExampleTests {
    /// (command name, example arguments after `littlestack`, the example line as written)
    static let examples: [(String, [String], String)] = LittleStackCommand.configuration.subcommands.flatMap { command in
        command.configuration.discussion.split(separator: "\n").compactMap { line -> (String, [String], String)? in
            // An example is a line of its own: `littlestack …`, or shell piping into it.
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let start = trimmed.hasPrefix("littlestack ") ? trimmed.range(of: "littlestack ")
                    : trimmed.range(of: " | littlestack ").map({ trimmed.range(of: "littlestack ", range: $0.lowerBound..<trimmed.endIndex)! })
            else { return nil }
            var text = String(trimmed[start.upperBound...])
            // Shell around the example (`cat x | littlestack convert -`, `> out.json`) is not ours.
            for stop in [" > ", " | ", " #"] {
                if let r = text.range(of: stop) { text = String(text[..<r.lowerBound]) }
            }
            return (command._commandName, words(text).flatMap(expandBraces), trimmed)
        }
    }

    /// bash's brace expansion of one word (`config-{dev,prod}.json` → two words), as the
    /// interactive shell a reader pastes the example into does it.
    static func expandBraces(_ word: String) -> [String] {
        guard let open = word.firstIndex(of: "{"), let close = word[open...].firstIndex(of: "}"),
              word[open..<close].contains(",") else { return [word] }
        let prefix = word[..<open], suffix = String(word[word.index(after: close)...])
        return word[word.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { expandBraces(prefix + $0 + suffix) }
    }

    /// Splits a command line on spaces, keeping "quoted words" together (without the quotes).
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quote: Character?
        var started = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                started = true
            } else if c == " " {
                if started || !current.isEmpty { result.append(current) }
                current = ""
                started = false
            } else {
                current.append(c)
            }
        }
        if started || !current.isEmpty { result.append(current) }
        return result
    }

    /// Each example parses (it may run another command, as `init`'s next step `validate` does).
    @Test(arguments: examples.map { $0.2 })
    func exampleParses(line: String) throws {
        let example = try #require(Self.examples.first { $0.2 == line })
        do {
            _ = try LittleStackCommand.parseAsRoot(example.1)
        } catch {
            Issue.record("'\(line)' does not parse: \(LittleStackCommand.message(for: error))")
        }
    }

    /// ArgumentParser wraps help at the terminal's width; an example longer than that is printed
    /// broken over two lines, and a reader copying it gets half a command.
    @Test(arguments: examples.map { $0.2 })
    func exampleFitsEightyColumns(line: String) throws {
        let example = try #require(Self.examples.first { $0.2 == line })
        let command = try #require(LittleStackCommand.configuration.subcommands.first { $0._commandName == example.0 })
        let help = LittleStackCommand.helpMessage(for: command, columns: 80)
        #expect(help.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == line },
                "the help of '\(example.0)' at 80 columns breaks the example: \(line)")
    }
}
