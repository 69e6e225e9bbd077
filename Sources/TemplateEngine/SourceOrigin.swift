/// Where a line of rendered output came from: the template file and line that emitted its first character.
///
/// `Environment.renderWithOrigins(file:context:)` returns one per output line, so an error found in the
/// rendered text (a JSON parse error, say) can point back at the template line.
public struct SourceOrigin: Sendable, Equatable, CustomStringConvertible {
    /// The template path, as errors show it.
    public var path: String
    /// The 1-based line in that template.
    public var line: Int

    /// Creates an origin.
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    /// `path:line`.
    public var description: String { "\(path):\(line)" }
}

/// Records which template line started each output line while a render runs (only when asked for).
final class OriginLog {
    /// (output offset where a line starts, origin), in increasing offset order.
    private(set) var entries: [(offset: Int, origin: SourceOrigin)] = []

    /// Notes the lines that start in `out[start...]`: text lines advance from `line` at each newline when
    /// `followNewlines` (template text), else they all belong to `line` (a printed value).
    func note(_ out: OutputBuffer, from start: Int, path: String, line: Int, followNewlines: Bool) {
        var current = line
        var p = start
        while p < out.count {
            if p == 0 || out[p - 1] == 0x0A {
                entries.append((p, SourceOrigin(path: path, line: current)))
            }
            if out[p] == 0x0A && followNewlines { current += 1 }
            p += 1
        }
    }

    /// Forgets lines at or after `offset` (the output there was cut: a capture, a macro's return value).
    func truncate(to offset: Int) {
        while let last = entries.last, last.offset >= offset { entries.removeLast() }
    }

    /// One origin per line of the final output.
    func origins(for out: [UInt8]) -> [SourceOrigin] {
        var result: [SourceOrigin] = []
        var k = 0
        var lineStart = 0
        var fallback = SourceOrigin(path: "", line: 0)
        while lineStart < out.count {
            while k < entries.count && entries[k].offset <= lineStart { fallback = entries[k].origin; k += 1 }
            result.append(fallback)
            var e = lineStart
            while e < out.count && out[e] != 0x0A { e += 1 }
            lineStart = e + 1
        }
        return result
    }
}
