import Foundation

/// apply, plan, events, outputs, describe, delete and list: the steps, over a ``StackBackend``, printing on an
/// ``ApplyConsole``.
///
/// Each command returns its result (so the CLI and the releases feature pick the exit status and tests compare
/// values) and prints as it goes: text on a terminal or a pipe, or one JSON document when asked.
public struct StackOperations: Sendable {
    /// The calls to AWS.
    public let backend: StackBackend
    /// Where to print.
    public var console: ApplyConsole
    /// The process environment (for the default change-set name). Defaults to the process's.
    public var environment: [String: String]
    /// The host name (for the default change-set name). Defaults to the process's.
    public var hostName: String
    /// Parameters known from a config given as `config.json|STACK`: their NoEcho values (by the deployed template)
    /// are redacted from everything printed, outputs that echo them included. Defaults to none.
    public var knownParameters: [StackParameter] = []
    /// Called after each step of an apply (progress reports; tests stop the emulator between steps). Defaults to nil.
    public var onStep: (@Sendable (ApplyStep) async -> Void)?

    /// Makes the operations.
    /// - Parameters:
    ///   - backend: the calls to AWS.
    ///   - console: where to print.
    ///   - environment: the environment; defaults to the process's.
    ///   - hostName: the host name; defaults to the process's.
    public init(backend: StackBackend, console: ApplyConsole,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                hostName: String = ProcessInfo.processInfo.hostName) {
        self.backend = backend
        self.console = console
        self.environment = environment
        self.hostName = hostName
    }

    /// The change set's name: the one asked for, else little stack's `little-<user>-<host>`, sanitized.
    public func changeSetName(requested: String?) -> String {
        ChangeSetName.resolve(requested: requested, environment: environment, hostName: hostName)
    }

    /// Pretty, sorted JSON with ISO 8601 dates and a final newline.
    static func json<T: Encodable>(_ value: T) -> String {
        JSONOutput.text(value)
    }

    /// Sleeps for a poll delay (cancellation ends the wait early and is rethrown).
    static func sleep(_ duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
