import YAMLBridge

/// The `${…}` variables of an `Fn::Sub` string, and where they sit in the source.
enum SubString {
    /// Each `${name}` in `text` (skipping `${!literal}`) with the byte offset of its `$`.
    static func variables(in text: String) -> [(String, Int)] {
        let bytes = Array(text.utf8)
        var result: [(String, Int)] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x24, bytes[i + 1] == 0x7B else { i += 1; continue }
            guard let close = bytes[(i + 2)...].firstIndex(of: 0x7D) else { break }
            if i + 2 < bytes.count, bytes[i + 2] != 0x21 {
                let name = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
                    .trimmingSpaces()
                if !name.isEmpty { result.append((name, i)) }
            }
            i = close + 1
        }
        return result
    }

    /// The source position of byte `offset` of `scalar`'s value, when the value's text appears
    /// unchanged in the source (no escapes; one line, or a literal block); else the scalar's start.
    static func mark(ofByte offset: Int, in scalar: Node.Scalar, source: SourceFile) -> Mark {
        let value = Array(scalar.value.utf8)
        let bytes = source.bytes
        var start = scalar.start.offset
        // A tagged scalar (`!Sub "…"`) starts at its tag: step over the tag and the blanks after it.
        if start < bytes.count, bytes[start] == 0x21 {
            while start < bytes.count, bytes[start] != 0x20, bytes[start] != 0x0A { start += 1 }
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        }
        let tagWidth = start - scalar.start.offset
        switch scalar.style {
        case .plain, .singleQuoted, .doubleQuoted:
            let skip = scalar.style == .plain ? 0 : 1
            let from = start + skip
            guard !value.contains(0x0A), from + value.count <= bytes.count,
                  Array(bytes[from..<(from + value.count)]) == value else { return scalar.start }
            let column = scalar.start.column + tagWidth + skip + scalarCount(value[0..<offset])
            return Mark(line: scalar.start.line, column: column, offset: from + offset)
        case .literal:
            // Value line k sits on source line start.line + 1 + k, after the block's indentation.
            let before = value[0..<offset]
            let lineIndex = before.filter { $0 == 0x0A }.count
            let lineStartInValue = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            let sourceLine = scalar.start.line + 1 + lineIndex
            guard let text = source.line(sourceLine) else { return scalar.start }
            let lineBytes = Array(text.utf8)
            let indent = lineBytes.prefix(while: { $0 == 0x20 }).count
            let lineEndInValue = value[lineStartInValue...].firstIndex(of: 0x0A) ?? value.count
            let expected = value[lineStartInValue..<lineEndInValue]
            guard Array(lineBytes.dropFirst(indent)) == Array(expected) else { return scalar.start }
            let column = indent + 1 + scalarCount(value[lineStartInValue..<offset])
            return Mark(line: sourceLine, column: column, offset: source.offset(ofLine: sourceLine) + indent + offset - lineStartInValue)
        case .folded:
            return scalar.start
        }
    }

    private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
