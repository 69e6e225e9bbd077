import Foundation

/// Reads the user documentation's Markdown for the docs tests: the files, their code, the
/// `littlestack` command lines named in that code, the runnable `console` examples and the
/// template-language example tables.
///
/// The runnable-example convention (also written down in doc/README.md, "Examples in these pages"):
///
/// - A fenced block whose info string is `console` is a transcript. Each line starting with `$ `
///   is a command (a line ending in ` \` continues on the next); the lines after it, up to the next
///   `$ ` line or the end of the block, are exactly what it prints, stdout and stderr together.
/// - Commands run with `/bin/sh` in a fresh scratch folder holding a copy of the repository's
///   `stacks/`, so paths read as from the repository's root; the commands of one block share that
///   folder, in order. `littlestack` is the binary under test; no AWS settings, no
///   `LITTLESTACK_BUCKET`, `NO_COLOR=1`.
/// - A command whose line ends with `# exit N` must exit with status N; any other must exit 0.
/// - A block whose info string is `console aws` needs AWS (or the emulator): it is not run, but its
///   command names and options are still checked against `--help`.
struct DocMarkdown {
    /// One Markdown file.
    struct File: Sendable {
        /// The path relative to the repository root, for messages.
        var name: String
        /// Its lines.
        var lines: [String]
    }

    /// A piece of code in a file: a line of a fenced block, or an inline code span.
    struct Code: Sendable {
        var file: String
        var line: Int
        var text: String
        var inline: Bool
    }

    /// A `littlestack` command line named in the docs.
    struct CommandUse: CustomStringConvertible, Sendable {
        var file: String
        var line: Int
        /// The subcommand names (several for `events\|outputs`), empty for the root or a placeholder.
        var commands: [String]
        /// The `--long` options named after it.
        var options: [String]

        var description: String { "\(file):\(line): littlestack \(commands.joined(separator: "|")) \(options.joined(separator: " "))" }
    }

    /// One command of a runnable example, with what it must print.
    struct Step: Sendable {
        var line: Int
        var command: String
        var expected: String
        var status: Int32
    }

    /// A `console` block.
    struct Example: CustomStringConvertible, Sendable {
        var file: String
        var line: Int
        var needsAWS: Bool
        var steps: [Step]

        var description: String { "\(file):\(line)" }
    }

    /// A row of an `| example | output |` table, or a "`template` prints `output`" sentence.
    struct TemplateExample: CustomStringConvertible, Sendable {
        var file: String
        var line: Int
        var template: String
        var output: String

        var description: String { "\(file):\(line): \(template)" }
    }

    static let root = CLIProcess.repositoryRoot

    /// doc/*.md, README.md and the library stacks' READMEs.
    static let files: [File] = {
        var names = ["README.md"]
        let manager = FileManager.default
        for name in ((try? manager.contentsOfDirectory(atPath: root + "/doc")) ?? []).sorted() where name.hasSuffix(".md") {
            names.append("doc/" + name)
        }
        for stack in ((try? manager.contentsOfDirectory(atPath: root + "/stacks")) ?? []).sorted()
        where manager.fileExists(atPath: root + "/stacks/" + stack + "/README.md") {
            names.append("stacks/" + stack + "/README.md")
        }
        return names.compactMap { name in
            guard let text = try? String(contentsOfFile: root + "/" + name, encoding: .utf8) else { return nil }
            return File(name: name, lines: text.components(separatedBy: "\n"))
        }
    }()

    /// Every fenced-block line and inline code span of `file`.
    static func code(in file: File) -> [Code] {
        var result: [Code] = []
        var fence: String?
        for (index, line) in file.lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if trimmed == open { fence = nil } else { result.append(Code(file: file.name, line: index + 1, text: line, inline: false)) }
                continue
            }
            if trimmed.hasPrefix("```") {
                fence = String(trimmed.prefix { $0 == "`" })
                continue
            }
            if line.hasPrefix("    ") && trimmed.hasPrefix("littlestack ") {
                // An indented code block (commands.md's synopses).
                result.append(Code(file: file.name, line: index + 1, text: trimmed, inline: false))
                continue
            }
            for span in spans(in: line) {
                result.append(Code(file: file.name, line: index + 1, text: span, inline: true))
            }
        }
        return result
    }

    /// The inline code spans of a line, raw (table pipes escaped as `\|` unescaped).
    static func spans(in line: String) -> [String] {
        var result: [String] = []
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "`") {
            let ticks = rest[open...].prefix { $0 == "`" }
            let afterOpen = rest[ticks.endIndex...]
            guard let close = afterOpen.range(of: String(ticks)) else { break }
            var content = String(afterOpen[..<close.lowerBound])
            if ticks.count > 1, content.hasPrefix(" "), content.hasSuffix(" ") { content = String(content.dropFirst().dropLast()) }
            result.append(content.replacingOccurrences(of: "\\|", with: "|"))
            rest = afterOpen[close.upperBound...]
        }
        return result
    }

    /// The `littlestack …` uses in one piece of code.
    static func commandUses(in code: Code) -> [CommandUse] {
        var uses: [CommandUse] = []
        let text = code.text
        var searchFrom = text.startIndex
        while let hit = text.range(of: "littlestack", range: searchFrom..<text.endIndex) {
            searchFrom = hit.upperBound
            if hit.lowerBound > text.startIndex {
                let before = text[text.index(before: hit.lowerBound)]
                guard " \t/(\"'$".contains(before) else { continue }
            }
            guard hit.upperBound < text.endIndex, text[hit.upperBound] == " " || text[hit.upperBound] == "\t" else { continue }
            // The rest of this command: up to a shell separator or comment.
            var segment = String(text[hit.upperBound...])
            for separator in [" | ", " || ", " && ", ";", " > ", " 2>", " #", "   "] {
                if let r = segment.range(of: separator) { segment = String(segment[..<r.lowerBound]) }
            }
            let words = segment.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = words.first else { continue }
            var commands: [String] = []
            var optionWords = words
            if first.range(of: #"^[a-z][a-z-]*(\|[a-z][a-z-]*)*$"#, options: .regularExpression) != nil {
                commands = first.split(separator: "|").map(String.init)
                optionWords = Array(words.dropFirst())
            }
            let options = optionWords.compactMap { word -> String? in
                let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: "[]()`\"'"))
                guard let r = trimmed.range(of: #"^--[a-z][a-z0-9-]*"#, options: .regularExpression) else { return nil }
                return String(trimmed[r])
            }
            uses.append(CommandUse(file: code.file, line: code.line, commands: commands, options: options))
        }
        // An inline span that is just an option (`--strict`, `--output json`) names one of some command.
        if uses.isEmpty, code.inline, let r = text.range(of: #"^--[a-z][a-z0-9-]*"#, options: .regularExpression) {
            uses.append(CommandUse(file: code.file, line: code.line, commands: [], options: [String(text[r])]))
        }
        return uses
    }

    /// The `console` blocks of `file`.
    static func examples(in file: File) -> [Example] {
        var result: [Example] = []
        var index = 0
        let lines = file.lines
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("```") else { index += 1; continue }
            let fence = String(trimmed.prefix { $0 == "`" })
            let info = trimmed.dropFirst(fence.count).split(separator: " ").map(String.init)
            let start = index + 1
            let indent = lines[index].prefix { $0 == " " }.count
            var body: [(Int, String)] = []
            index += 1
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != fence {
                body.append((index + 1, String(lines[index].dropFirst(min(indent, lines[index].prefix { $0 == " " }.count)))))
                index += 1
            }
            index += 1
            guard info.first == "console" else { continue }
            var steps: [Step] = []
            var pending: [String] = []
            var continuing = false
            var hereDocument: String?
            for (number, line) in body {
                if let end = hereDocument, var last = steps.popLast() {
                    // A here-document's lines are part of the command, up to its end word.
                    last.command += "\n" + line
                    if line == end { hereDocument = nil }
                    steps.append(last)
                    continue
                }
                if continuing, var last = steps.popLast() {
                    last.command += "\n" + line
                    continuing = line.hasSuffix(" \\")
                    hereDocument = hereDocumentEnd(in: line)
                    if !continuing { last.status = exitStatus(of: last.command) }
                    steps.append(last)
                    continue
                }
                if line.hasPrefix("$ ") {
                    if var last = steps.popLast() { last.expected = joined(pending); steps.append(last) }
                    pending = []
                    let command = String(line.dropFirst(2))
                    continuing = command.hasSuffix(" \\")
                    hereDocument = hereDocumentEnd(in: command)
                    steps.append(Step(line: number, command: command, expected: "", status: exitStatus(of: command)))
                } else {
                    pending.append(line)
                }
            }
            if var last = steps.popLast() { last.expected = joined(pending); steps.append(last) }
            result.append(Example(file: file.name, line: start, needsAWS: info.contains("aws"), steps: steps))
        }
        return result
    }

    private static func joined(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    /// The end word of a here-document a command line opens (`cat > f <<'EOF'`), else nil.
    private static func hereDocumentEnd(in line: String) -> String? {
        guard let r = line.range(of: #"<<-?\s*['"]?[A-Za-z_]+['"]?"#, options: .regularExpression) else { return nil }
        return line[r].filter { $0.isLetter || $0 == "_" }
    }

    /// The `# exit N` a command line ends with, else 0.
    private static func exitStatus(of command: String) -> Int32 {
        guard let r = command.range(of: #"#\s*exit\s+([0-9]+)\s*$"#, options: .regularExpression) else { return 0 }
        return Int32(command[r].filter(\.isNumber)) ?? 0
    }

    /// The rows of `| example | output |` tables whose output cell is only code spans, and the
    /// sentences "`template` prints `output`".
    static func templateExamples(in file: File) -> [TemplateExample] {
        var result: [TemplateExample] = []
        var inTable = false
        var fenced = false
        for (index, line) in file.lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") { fenced.toggle(); continue }
            if fenced { continue }
            if trimmed.replacingOccurrences(of: " ", with: "") == "|example|output|" { inTable = true; continue }
            if inTable {
                guard trimmed.hasPrefix("|") else { inTable = false; continue }
                if trimmed.hasPrefix("|---") { continue }
                let cells = splitRow(trimmed)
                guard cells.count == 2 else { continue }
                let outputs = spans(in: cells[1])
                // Only an output cell made of code spans alone (joined by ", ") is an exact output.
                let rebuilt = spans(in: cells[1].replacingOccurrences(of: "\\|", with: "|"))
                    .map { "`\($0)`" }.joined(separator: ", ")
                guard !outputs.isEmpty, rebuilt == cells[1].replacingOccurrences(of: "\\|", with: "|")
                        .trimmingCharacters(in: .whitespaces) else { continue }
                let templates = spans(in: cells[0])
                guard templates.count >= outputs.count else { continue }
                for (template, output) in zip(templates, outputs) {
                    result.append(TemplateExample(file: file.name, line: index + 1, template: template, output: output))
                }
                continue
            }
        }
        // "`A` prints `B`" in a paragraph (lines joined, so a sentence may wrap).
        var paragraph: [(Int, String)] = []
        fenced = false
        func flush() {
            guard let first = paragraph.first else { return }
            let text = paragraph.map(\.1).joined(separator: " ")
            let pattern = #"`([^`]+)`\s+prints\s+`([^`]+)`"#
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let template = String(text[Range(match.range(at: 1), in: text)!])
                let output = String(text[Range(match.range(at: 2), in: text)!])
                if template.contains("{{") || template.contains("{%") {
                    result.append(TemplateExample(file: file.name, line: first.0, template: template, output: output))
                }
            }
            paragraph = []
        }
        for (index, line) in file.lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") { fenced.toggle(); flush(); continue }
            if fenced || trimmed.isEmpty || trimmed.hasPrefix("|") { flush(); continue }
            paragraph.append((index + 1, trimmed))
        }
        flush()
        return result
    }

    /// A table row's cells, splitting on `|` not escaped as `\|` and not inside a code span.
    static func splitRow(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var inCode = false
        var previous: Character = " "
        for c in row {
            if c == "`" { inCode.toggle() }
            if c == "|" && previous != "\\" && !inCode {
                cells.append(current)
                current = ""
            } else {
                current.append(c)
            }
            previous = c
        }
        cells.append(current)
        return cells.dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
