import Foundation
import LittleStack

/// Printing for the commands: results to stdout, diagnostics to stderr, colour only on a terminal.
enum Terminal {
    /// The process environment, read once per call site.
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Whether stdout is a terminal that wants colour (`isatty(1)` and `NO_COLOR` unset).
    static var stdoutWantsColor: Bool {
        isatty(1) == 1 && environment["NO_COLOR"] == nil
    }

    /// Writes bytes to stdout with write(2), all of them, without copying them into `Data` first.
    /// - Returns: false when stdout is closed (e.g. a pipe whose reader is gone).
    static func writeBytes(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
            let n = Foundation.write(1, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Writes `text` to stdout as is (no line break added).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` and a line break to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints findings to stderr as text, or as a JSON array on stdout with `--output json`.
    static func report(_ diagnostics: [Diagnostic], format: OutputFormat) {
        switch format {
        case .text:
            for d in diagnostics { error(d.description) }
        case .json:
            write(JSONValue.object([("findings", .array(diagnostics.map(\.jsonValue)))]).jsonText(indent: 2) + "\n")
        }
    }

    /// Prints a failure the library threw: findings with their carets, or the error's text.
    static func report(_ failure: Error, format: OutputFormat) {
        if let e = failure as? DiagnosticError {
            report(e.diagnostics, format: format)
        } else if let e = failure as? FileError {
            report([Diagnostic(severity: .error, path: e.path, message: e.message)], format: format)
        } else {
            report([Diagnostic(severity: .error, path: "littlestack", message: "\(failure)")], format: format)
        }
    }

    /// Says something on stderr when `--verbose` is given.
    static func verbose(_ options: GlobalOptions, _ text: @autoclosure () -> String) {
        if options.verbose { error("littlestack: " + text()) }
    }
}
