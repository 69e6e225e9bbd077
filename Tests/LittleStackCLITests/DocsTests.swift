import Foundation
import Testing

/// The documentation tells the truth about the binary: every command and option it names exists,
/// and every example that needs no AWS prints exactly what the page shows (the convention for
/// runnable examples is on `DocMarkdown` and in doc/README.md).
@Suite(.enabled(if: CLIProcess.binary != nil, "no littlestack binary: see binaryIsBuilt"))
struct DocsTests {
    /// What `--help` says exists: subcommand names, and each one's long options ("" is the root).
    struct HelpIndex: Sendable {
        var commands: Set<String>
        var options: [String: Set<String>]

        /// Every option of any command, for an option named on its own.
        var allOptions: Set<String> { options.values.reduce(into: Set()) { $0.formUnion($1) } }
    }

    static let help: HelpIndex = {
        guard let root = try? CLIProcess.run(["--help"]) else { return HelpIndex(commands: [], options: [:]) }
        var commands = Set<String>()
        var inSubcommands = false
        for line in root.stdout.components(separatedBy: "\n") {
            if line.hasPrefix("SUBCOMMANDS:") { inSubcommands = true; continue }
            if inSubcommands, let r = line.range(of: #"^  [a-z][a-z-]*( |$)"#, options: .regularExpression) {
                commands.insert(line[r].trimmingCharacters(in: .whitespaces))
            }
        }
        var options: [String: Set<String>] = ["": longOptions(in: root.stdout)]
        for command in commands {
            options[command] = longOptions(in: (try? CLIProcess.run([command, "--help"]))?.stdout ?? "")
        }
        return HelpIndex(commands: commands, options: options)
    }()

    /// The `--long` options a help screen lists (in its USAGE and OPTIONS sections).
    static func longOptions(in help: String) -> Set<String> {
        var result = Set<String>()
        let sections = help.components(separatedBy: "\n").drop { !$0.hasPrefix("USAGE:") }
        let regex = try! NSRegularExpression(pattern: #"--[a-z][a-z0-9-]*"#)
        for line in sections {
            for m in regex.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                result.insert(String(line[Range(m.range, in: line)!]))
            }
        }
        return result
    }

    static let uses: [DocMarkdown.CommandUse] = DocMarkdown.files.flatMap { file in
        DocMarkdown.code(in: file).flatMap(DocMarkdown.commandUses)
    }

    /// The docs name commands at all (a parser that finds nothing would pass everything).
    @Test func docsAreFound() {
        let names = Set(Self.uses.flatMap(\.commands))
        #expect(names.isSuperset(of: ["render", "render-template", "validate", "diff", "convert", "apply", "init"]))
        #expect(Self.help.commands.count >= 17)
    }

    @Test(arguments: DocMarkdown.files.map(\.name))
    func everyNamedCommandExists(file: String) {
        for use in Self.uses where use.file == file {
            for command in use.commands {
                #expect(Self.help.commands.contains(command), "\(use): no command '\(command)' in littlestack --help")
            }
        }
    }

    @Test(arguments: DocMarkdown.files.map(\.name))
    func everyNamedOptionExists(file: String) {
        let all = Self.help.allOptions
        for use in Self.uses where use.file == file {
            let known: Set<String>
            if use.commands.isEmpty {
                known = all
            } else {
                // With several commands (`events|outputs`), an option must exist on each.
                known = use.commands.map { Self.help.options[$0] ?? [] }.reduce(all) { $0.intersection($1) }
            }
            for option in use.options {
                #expect(known.contains(option), "\(use): option '\(option)' is not in the help of \(use.commands.isEmpty ? "any command" : use.commands.joined(separator: ", "))")
            }
        }
    }

    static let examples: [DocMarkdown.Example] = DocMarkdown.files.flatMap(DocMarkdown.examples)

    /// The runnable examples exist, and each has at least one command.
    @Test func examplesAreFound() {
        let runnable = Self.examples.filter { !$0.needsAWS }
        #expect(runnable.count >= 10, "only \(runnable.count) runnable console examples")
        for example in Self.examples {
            #expect(!example.steps.isEmpty, "\(example): a console block without a '$ ' command")
        }
    }

    @Test(arguments: examples.filter { !$0.needsAWS })
    func exampleRunsAsShown(example: DocMarkdown.Example) throws {
        let scratch = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.copyItem(atPath: CLIProcess.repositoryRoot + "/stacks", toPath: scratch + "/stacks")
        for step in example.steps {
            let result = try CLIProcess.shell(step.command, in: scratch, mergeStandardError: true)
            #expect(result.stdout == step.expected,
                    "\(example.file):\(step.line): $ \(step.command)\n--- expected\n\(step.expected)--- actual\n\(result.stdout)---")
            #expect(result.status == step.status, "\(example.file):\(step.line): $ \(step.command): exit \(result.status)")
        }
    }

    static let templateExamples: [DocMarkdown.TemplateExample] = DocMarkdown.files
        .filter { $0.name == "doc/template-language.md" }
        .flatMap(DocMarkdown.templateExamples)

    /// The variables template-language.md's examples use, as that page defines them.
    static let templateVariables = """
        {"tags": [{"Key": "org", "Value": "apps"}, {"Key": "stage", "Value": "dev"}],
         "nothing": null,
         "repos": [{"name": "api", "size": 3}, {"name": "web", "size": 1}],
         "subnets": [{"name": "a", "public": true}, {"name": "b", "public": false}, {"name": "c", "public": true}],
         "policy": {"rules": [{"rulePriority": 1}]},
         "body": "{\\n  \\"a\\": 1\\n}"}
        """

    @Test func templateExamplesAreFound() {
        #expect(Self.templateExamples.count >= 50, "only \(Self.templateExamples.count) template examples")
    }

    /// Each example of the template-language page, rendered alone with `render-template`.
    @Test(arguments: templateExamples)
    func templateExampleRendersAsShown(example: DocMarkdown.TemplateExample) throws {
        let scratch = try CLIProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try example.template.write(toFile: scratch + "/example.njk", atomically: true, encoding: .utf8)
        try Self.templateVariables.write(toFile: scratch + "/vars.json", atomically: true, encoding: .utf8)
        let result = try CLIProcess.run(["render-template", "example.njk", "--vars", "vars.json"], in: scratch)
        #expect(result.stdout == example.output, "\(example)")
        #expect(result.stderr == "", "\(example)")
        #expect(result.status == 0, "\(example)")
    }
}
