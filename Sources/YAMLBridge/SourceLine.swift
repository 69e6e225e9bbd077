/// Finds the text of one source line and draws the caret under a column, for error messages.
///
/// Line breaks are `\n`, `\r\n` and `\r`, as libyaml and the JSON reader count them.
enum SourceLine {
    /// The line holding `mark`, without its line break.
    ///
    /// The byte offset finds the line when it is set; a mark built by hand with offset 0 past
    /// line 1 is found by counting lines instead, so both kinds print the right line.
    static func text(at mark: Mark, in source: [UInt8]) -> String {
        if source.isEmpty { return "" }
        var start: Int
        if mark.offset > 0 || mark.line <= 1 {
            start = min(max(mark.offset, 0), source.count)
            // An offset sitting on a line break belongs to the line the break ends.
            while start > 0, source[start - 1] != UInt8(ascii: "\n"), source[start - 1] != UInt8(ascii: "\r") {
                start -= 1
            }
        } else {
            start = lineStart(number: mark.line, in: source)
        }
        var end = start
        while end < source.count, source[end] != UInt8(ascii: "\n"), source[end] != UInt8(ascii: "\r") {
            end += 1
        }
        return String(decoding: source[start..<end], as: UTF8.self)
    }

    /// The byte offset where 1-based line `number` starts (the end of the source when it has fewer lines).
    static func lineStart(number: Int, in source: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while line < number, index < source.count {
            let byte = source[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
            } else if byte == UInt8(ascii: "\r") {
                if index < source.count, source[index] == UInt8(ascii: "\n") { index += 1 }
                line += 1
            }
        }
        return index
    }

    /// A caret under 1-based `column` of `line`; the indent copies the line's tabs so it lines up.
    static func caret(under column: Int, of line: String) -> String {
        var indent = ""
        var count = 0
        for scalar in line.unicodeScalars where count < column - 1 {
            indent.append(scalar == "\t" ? "\t" : " ")
            count += 1
        }
        while count < column - 1 {
            indent.append(" ")
            count += 1
        }
        return indent + "^"
    }

    /// The mark of a 0-based byte offset, counting lines and Unicode scalars from the start.
    static func mark(atByte offset: Int, in source: [UInt8]) -> Mark {
        let limit = min(max(offset, 0), source.count)
        var line = 1
        var column = 1
        var index = 0
        while index < limit {
            let byte = source[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < source.count, source[index + 1] == UInt8(ascii: "\n") { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return Mark(line: line, column: column, offset: limit)
    }
}
