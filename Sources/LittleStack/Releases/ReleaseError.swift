import YAMLBridge

/// A release-bookkeeping failure: what went wrong and, when it comes from a file, where.
///
/// Printed as `path:line:column: error: message`, the offending line and a caret when a mark is
/// known, `path: error: message` when only the file is, and `error: message` otherwise.
public struct ReleaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the problem is in (a config, a code folder), or nil.
    public var path: String?
    /// Where in `path`, or nil.
    public var mark: Mark?
    /// The source line at `mark`, for the caret display, or nil.
    public var sourceLine: String?
    /// The message: lowercase, names quoted with single quotes, no trailing period.
    public var message: String
    /// A complete diagnostic from another layer (a YAML or JSON parse error), printed as is.
    public var formatted: String?

    /// Makes an error.
    /// - Parameters:
    ///   - message: what went wrong.
    ///   - path: the file, if any.
    ///   - mark: the position in `path`, if any.
    ///   - sourceLine: the text of the line at `mark`, if known.
    public init(_ message: String, path: String? = nil, mark: Mark? = nil, sourceLine: String? = nil) {
        self.message = message
        self.path = path
        self.mark = mark
        self.sourceLine = sourceLine
    }

    /// The same error located at `mark` in `path`, with the line taken from `source` (the file's text).
    /// - Parameters:
    ///   - path: the file's path as shown to the user.
    ///   - source: the file's text, or nil when not at hand.
    /// - Returns: the located error (an already located error is returned unchanged).
    public func located(in path: String, source: String?) -> ReleaseError {
        if self.path != nil { return self }
        var copy = self
        copy.path = path
        if let mark, mark.line > 0, let source {
            copy.sourceLine = ReleaseError.line(mark.line, of: source)
        }
        return copy
    }

    /// An error another layer already formatted (its text printed unchanged).
    /// - Parameter error: the error, e.g. a `YAMLError`.
    /// - Returns: the wrapped error.
    public static func wrapping(_ error: any Error) -> ReleaseError {
        var wrapped = ReleaseError("\(error)")
        wrapped.formatted = "\(error)"
        return wrapped
    }

    /// `path:line:column: error: message`, then the line and a caret under the column.
    public var description: String {
        if let formatted { return formatted }
        var head = ""
        if let path {
            head = path + ":"
            if let mark, mark.line > 0 { head += "\(mark.line):\(mark.column):" }
            head += " "
        }
        var text = head + "error: " + message
        if let sourceLine, let mark, mark.line > 0 {
            text += "\n" + sourceLine + "\n" + ReleaseError.caret(under: mark.column, in: sourceLine)
        }
        return text
    }

    /// The 1-based line `number` of `source`, without its line break.
    static func line(_ number: Int, of source: String) -> String? {
        var current = 1
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                return line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            }
            current += 1
        }
        return nil
    }

    /// A caret under 1-based `column` (Unicode scalars); the indent copies the line's tabs so it lines up.
    static func caret(under column: Int, in line: String) -> String {
        var indent = ""
        for (index, scalar) in line.unicodeScalars.enumerated() where index < column - 1 {
            indent.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        return indent + "^"
    }
}
