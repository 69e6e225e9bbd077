#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file system call that failed: which file, what was being done and the system's reason.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What was being done: `open`, `read`, `write`, `fsync`, `rename`…
    public var operation: String
    /// The system's reason (strerror text).
    public var reason: String

    /// Creates the error.
    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    /// The error for the current `errno`.
    static func current(path: String, operation: String) -> FileError {
        FileError(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }

    /// `cannot <operation>: <reason>`, lowercase as every message.
    public var message: String {
        "cannot \(operation): \(reason.prefix(1).lowercased() + reason.dropFirst())"
    }

    /// `path: error: cannot <operation>: <reason>`.
    public var description: String {
        "\(path): error: \(message)"
    }
}
