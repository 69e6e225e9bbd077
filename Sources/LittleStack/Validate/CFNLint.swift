import Foundation
import YAMLBridge

/// Runs cfn-lint (when installed) on a rendered template and reads its findings.
public enum CFNLint {
    /// The `cfn-lint` executable on `PATH`, or nil when there is none.
    /// - Parameter environment: the environment whose `PATH` is searched.
    public static func executable(environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = FileIO.join(String(folder), "cfn-lint")
            if access(candidate, X_OK) == 0, FileIO.isFile(candidate) { return candidate }
        }
        return nil
    }

    /// Lints `template`'s text: writes it to a temporary file (`.json` or `.yaml`), runs
    /// `cfn-lint --format json` on it and returns its findings at positions in `template.source`.
    /// - Parameters:
    ///   - template: the rendered template.
    ///   - executable: the cfn-lint to run.
    /// - Throws: `DiagnosticError` when cfn-lint cannot run or prints something that is not its JSON.
    public static func run(_ template: RenderedTemplate, executable: String) throws -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.path
        let file = FileIO.join(folder, "littlestack-lint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).\(template.kind.rawValue)")
        try AtomicFile.write(Array(template.text.utf8), to: file)
        defer { unlink(file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--format", "json", "--", file]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DiagnosticError(Diagnostic(severity: .error, path: executable, message: "cannot run cfn-lint: \(error)"))
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try parse(Array(data), source: template.source, origins: template)
    }

    /// Reads cfn-lint's `--format json` output (an array of matches with `Level`, `Message`,
    /// `Rule.Id` and `Location.Start`) as findings in `source`.
    /// - Throws: `DiagnosticError` when the output is not that JSON.
    public static func parse(_ output: [UInt8], source: SourceFile, origins: RenderedTemplate? = nil) throws -> [Diagnostic] {
        let trimmed = output.drop(while: { $0 == 0x20 || $0 == 0x0A })
        if trimmed.isEmpty { return [] }
        guard let node = try? JSONReader.parse(Array(trimmed), path: "cfn-lint"), case .array(let matches) = JSONValue(node: node) else {
            throw DiagnosticError(Diagnostic(severity: .error, path: "cfn-lint", message: "cfn-lint printed something that is not its JSON output"))
        }
        var result: [Diagnostic] = []
        for match in matches {
            let level = match["Level"]?.stringValue ?? "Error"
            let severity: Diagnostic.Severity = level == "Error" ? .error : level == "Warning" ? .warning : .note
            let message = match["Message"]?.stringValue ?? "cfn-lint finding"
            let id = match["Rule"]?["Id"]?.stringValue ?? "?"
            var line = 0, column = 0
            if case .number(let l)? = match["Location"]?["Start"]?["LineNumber"], l >= 0, l < 1e9 { line = Int(l) }
            if case .number(let c)? = match["Location"]?["Start"]?["ColumnNumber"], c >= 0, c < 1e9 { column = Int(c) }
            var d = source.diagnostic(severity, line: line, column: column, "\(message) (cfn-lint \(id))")
            if let note = origins?.originNote(forLine: line) { d.notes.append(note) }
            result.append(d)
        }
        return result
    }
}
