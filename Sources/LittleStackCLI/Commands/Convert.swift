import ArgumentParser
import Foundation
import YAMLBridge
import LittleStack

/// `littlestack convert`: CloudFormation templates between YAML (short-form tags) and JSON, as cfn-flip does.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a CloudFormation template between YAML and JSON.",
        discussion: """
        Input starting with '{' or '[' is read as JSON, anything else as YAML. Without --to, JSON becomes \
        YAML and YAML becomes JSON. YAML short forms (!Ref, !GetAtt, !Sub…) become their JSON long forms \
        and back; key order is kept. JSON is written as cfn-flip writes it (4-space indent). Comments in \
        YAML are not carried over.

        Examples:
          littlestack convert template.yaml > template.json
          littlestack convert template.json --to yaml -o template.yaml
          cat template.yaml | littlestack convert - --compact
        """
    )

    /// The formats `--to` takes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, yaml

        var templateFormat: TemplateFormat { self == .json ? .json : .yaml }
    }

    @Argument(help: "The template to convert ('-' reads standard input).")
    var file: String

    @Option(name: .long, help: "The output format: json or yaml (default: JSON for YAML input, YAML for JSON input).")
    var to: Format?

    @Flag(name: .long, help: "Write JSON on one line.")
    var compact = false

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("repeat"), help: .hidden)
    var repeatCount: Int = 0

    mutating func run() throws {
        let path = file == "-" ? "<stdin>" : file
        let bytes: [UInt8]
        if file == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("error: cannot read '\(file)'\n".utf8))
                throw ExitCode.failure
            }
            bytes = [UInt8](data)
        }
        let text: String
        do {
            text = try Convert.convert(bytes, path: path, to: to?.templateFormat, compact: compact)
            if repeatCount > 0 { try timeRepeats(bytes, path: path) }
        } catch let error as ConvertError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
        if let output {
            do {
                try AtomicFile.write(text, to: output)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode.failure
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// A failure that is not about a place in the input.
    struct ConvertError: Error {
        var message: String
    }

    /// The converted text, ending in a newline.
    static func convert(_ bytes: [UInt8], path: String, to: TemplateFormat?, compact: Bool) throws -> String {
        let (template, format) = try TemplateConverter.read(bytes, path: path)
        let output = to ?? format.other
        if compact, output == .yaml { throw ConvertError(message: "--compact applies to JSON output only") }
        return TemplateConverter.write(template, as: output, jsonIndent: compact ? 0 : 4)
    }

    /// Times parsing and the whole conversion in process (the benchmark's hidden `--repeat N`).
    private func timeRepeats(_ bytes: [UInt8], path: String) throws {
        let clock = ContinuousClock()
        var parsed = 0
        let parseTime = try clock.measure {
            for _ in 0..<repeatCount { parsed += try YAMLReader.parse(bytes, path: path).mapping?.pairs.count ?? 0 }
        }
        var written = 0
        let convertTime = try clock.measure {
            for _ in 0..<repeatCount { written += try Convert.convert(bytes, path: path, to: to?.templateFormat, compact: compact).utf8.count }
        }
        func milliseconds(_ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%.3f", seconds * 1000 / Double(repeatCount))
        }
        FileHandle.standardError.write(Data("""
        parse: \(milliseconds(parseTime)) ms per iteration (\(repeatCount) iterations, \(parsed / repeatCount) top-level keys)
        convert: \(milliseconds(convertTime)) ms per iteration (\(written / repeatCount) bytes out)

        """.utf8))
    }
}
