import YAMLBridge

/// A file's path and bytes, with the line lookups diagnostics need.
public struct SourceFile: Sendable {
    /// The path as diagnostics print it.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// Byte offset where each line starts (index 0 = line 1).
    private let lineStarts: [Int]

    /// Wraps a file's content.
    /// - Parameters:
    ///   - path: the path diagnostics print.
    ///   - bytes: the content.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The number of lines (a final line break does not start a new one).
    public var lineCount: Int {
        if let last = bytes.last, last == 0x0A { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// The text of 1-based line `n` without its line break, or nil past the end.
    public func line(_ n: Int) -> String? {
        guard n >= 1, n <= lineStarts.count else { return nil }
        let start = lineStarts[n - 1]
        var end = n < lineStarts.count ? lineStarts[n] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        guard start <= end else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The 1-based line holding byte `offset`.
    public func lineNumber(atOffset offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// Byte offset where 1-based line `n` starts.
    public func offset(ofLine n: Int) -> Int {
        lineStarts[max(0, min(n - 1, lineStarts.count - 1))]
    }

    /// A finding at `mark` in this file, with the line text for the caret.
    /// - Parameters:
    ///   - severity: error, warning or note.
    ///   - mark: the position.
    ///   - message: the message.
    ///   - notes: further positions.
    public func diagnostic(_ severity: Diagnostic.Severity, at mark: Mark, _ message: String,
                           notes: [Diagnostic] = []) -> Diagnostic {
        diagnostic(severity, line: mark.line, column: mark.column, message, notes: notes)
    }

    /// A finding at a line and column in this file, with the line text for the caret.
    public func diagnostic(_ severity: Diagnostic.Severity, line: Int, column: Int, _ message: String,
                           notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(severity: severity, path: path, line: line, column: column, message: message,
                   sourceLine: line > 0 ? self.line(line) : nil, notes: notes)
    }
}
