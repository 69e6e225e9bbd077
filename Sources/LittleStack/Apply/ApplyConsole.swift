import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where apply and its sibling commands print, and how they ask: injected so tests capture every byte.
///
/// Every write goes through ``redactor`` first, so a secret that slipped into a message still never leaves.
public struct ApplyConsole: Sendable {
    /// Writes to standard output.
    public var writeOut: @Sendable (String) -> Void
    /// Writes to standard error.
    public var writeErr: @Sendable (String) -> Void
    /// Reads one line of the user's answer (nil at end of input).
    public var readLine: @Sendable () -> String?
    /// Whether standard output is a terminal: decides the live, in-place event table. Defaults to false.
    public var isTerminal: Bool
    /// Whether to colour replacements and statuses (a terminal without `NO_COLOR`). Defaults to ``isTerminal``.
    public var color: Bool
    /// Whether a question can be asked (standard input and standard error are terminals). Defaults to false.
    public var canPrompt: Bool
    /// The terminal's width in columns; defaults to 120.
    public var width: Int
    /// The terminal's height in lines; defaults to 40.
    public var height: Int
    /// Whether `--verbose` asked for the steps to be narrated (on standard error). Defaults to false.
    public var verbose: Bool
    /// The secrets to hide from every write.
    public var redactor: SecretRedactor

    /// Makes a console from its parts.
    public init(writeOut: @escaping @Sendable (String) -> Void, writeErr: @escaping @Sendable (String) -> Void,
                readLine: @escaping @Sendable () -> String? = { nil }, isTerminal: Bool = false, color: Bool? = nil,
                canPrompt: Bool = false, width: Int = 120, height: Int = 40, verbose: Bool = false,
                redactor: SecretRedactor = SecretRedactor()) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.readLine = readLine
        self.isTerminal = isTerminal
        self.color = color ?? isTerminal
        self.canPrompt = canPrompt
        self.width = width
        self.height = height
        self.verbose = verbose
        self.redactor = redactor
    }

    /// The process's own standard output, error and input, with terminal detection and size.
    /// - Parameter verbose: whether `--verbose` was given.
    public static func standard(verbose: Bool) -> ApplyConsole {
        let outIsTTY = isatty(1) == 1
        var size = winsize()
        let hasSize = outIsTTY && ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return ApplyConsole(
            writeOut: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            writeErr: { text in FileHandle.standardError.write(Data(text.utf8)) },
            readLine: { Swift.readLine(strippingNewline: true) },
            isTerminal: outIsTTY, color: outIsTTY && !noColor,
            canPrompt: isatty(0) == 1 && isatty(2) == 1,
            width: hasSize ? Int(size.ws_col) : 120,
            height: hasSize && size.ws_row > 0 ? Int(size.ws_row) : 40,
            verbose: verbose)
    }

    /// Prints to standard output, secrets redacted.
    public func out(_ text: String) { writeOut(redactor.redact(text)) }

    /// Prints to standard error, secrets redacted.
    public func err(_ text: String) { writeErr(redactor.redact(text)) }

    /// Prints a step to standard error when verbose, as `littlestack: text` (the CLI's verbose form).
    public func note(_ text: String) { if verbose { err("littlestack: " + text + "\n") } }

    /// Asks a yes/no question on standard error; only `y` or `yes` (any case) is a yes.
    public func confirm(_ question: String) -> Bool {
        err(question + " [y/N] ")
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else {
            err("\n")
            return false
        }
        return answer == "y" || answer == "yes"
    }
}
