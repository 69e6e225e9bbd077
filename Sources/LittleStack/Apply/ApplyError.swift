/// Why apply or one of its sibling commands stopped, as one printable message.
///
/// Messages follow littlestack's rules: lowercase, the offending name in single quotes, no trailing period, and
/// built from names, statuses and CloudFormation's reasons only (printed through the console's redactor).
public struct ApplyError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case stackNotFound(String)
        case notUpdatable(String, String)
        case busy(String, String)
        case needsConfirmation(String)
        case changeSetFailed(String, String)
        case changeSetTimedOut(String, Int)
        case invalidConfig(String)
        case followLimit(String, String, Int)
        case unreadableTemplate(String)
    }

    private let code: Code

    /// The stack does not exist.
    public static func stackNotFound(_ stack: String) -> ApplyError { ApplyError(code: .stackNotFound(stack)) }

    /// The stack is in a status CloudFormation cannot update from (`ROLLBACK_COMPLETE`…).
    public static func notUpdatable(_ stack: String, status: String) -> ApplyError {
        ApplyError(code: .notUpdatable(stack, status))
    }

    /// Another operation is running on the stack.
    public static func busy(_ stack: String, status: String) -> ApplyError { ApplyError(code: .busy(stack, status)) }

    /// Standard input is not a terminal and `--yes` was not given; `action` says what was refused.
    public static func needsConfirmation(_ action: String) -> ApplyError { ApplyError(code: .needsConfirmation(action)) }

    /// The change set failed for a reason other than "no changes".
    public static func changeSetFailed(_ name: String, reason: String) -> ApplyError {
        ApplyError(code: .changeSetFailed(name, reason))
    }

    /// The change set stayed pending too long.
    public static func changeSetTimedOut(_ name: String, seconds: Int) -> ApplyError {
        ApplyError(code: .changeSetTimedOut(name, seconds))
    }

    /// The config or template could not be used; the diagnostics were printed already.
    public static func invalidConfig(_ path: String) -> ApplyError { ApplyError(code: .invalidConfig(path)) }

    /// Following stopped at the time limit while the stack was still changing.
    public static func followLimit(_ stack: String, status: String, minutes: Int) -> ApplyError {
        ApplyError(code: .followLimit(stack, status, minutes))
    }

    /// The deployed template of a stack is neither JSON nor YAML littlestack can read.
    public static func unreadableTemplate(_ stack: String) -> ApplyError { ApplyError(code: .unreadableTemplate(stack)) }

    /// The message.
    public var description: String {
        switch code {
        case .stackNotFound(let stack):
            return "stack '\(stack)' does not exist"
        case .notUpdatable(let stack, let status):
            return "stack '\(stack)' is in \(status) and cannot be updated; delete it with 'littlestack delete \(stack)' and apply again"
        case .busy(let stack, let status):
            return "stack '\(stack)' is busy (\(status)); wait for it to finish and apply again"
        case .needsConfirmation(let action):
            return "refusing to \(action) without confirmation: standard input is not a terminal; pass --yes to go ahead"
        case .changeSetFailed(let name, let reason):
            return "change set '\(name)' failed: \(reason)"
        case .changeSetTimedOut(let name, let seconds):
            return "change set '\(name)' was still pending after \(seconds) seconds"
        case .invalidConfig(let path):
            return "'\(path)' has errors; nothing was applied"
        case .followLimit(let stack, let status, let minutes):
            return "stack '\(stack)' still \(status) after \(minutes) minutes; stopped following (the operation goes on)"
        case .unreadableTemplate(let stack):
            return "the deployed template of stack '\(stack)' cannot be read as JSON or YAML"
        }
    }
}
