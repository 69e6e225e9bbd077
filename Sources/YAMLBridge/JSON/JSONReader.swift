/// Reads JSON (RFC 8259) into the same `Node` trees `YAMLReader` builds, with a mark on every node.
///
/// Strings become double-quoted scalars; numbers, `true`, `false` and `null` become plain scalars, so
/// `ScalarResolver` types JSON and YAML alike. Duplicate object keys are an error naming both places.
/// Nesting deeper than 512 levels is refused rather than risk the stack.
public enum JSONReader {
    /// Reads one JSON value.
    /// - Parameters:
    ///   - bytes: UTF-8 JSON (a leading byte order mark is skipped).
    ///   - path: The file name errors start with.
    /// - Returns: The value's tree.
    /// - Throws: `YAMLError` with the line and column of the first problem.
    public static func parse(_ bytes: [UInt8], path: String) throws -> Node {
        var reader = JSONByteReader(bytes: bytes, path: path)
        return try reader.document()
    }
}

/// The byte-level JSON parser behind `JSONReader`.
struct JSONByteReader {
    static let nestingLimit = 512

    private let bytes: [UInt8]
    private let path: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// A column cursor in the current line, so marks along one long line cost linear time overall.
    private var columnCursor = 0
    private var columnAtCursor = 1
    private var depth = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
            columnCursor = 3
        }
    }

    mutating func document() throws(YAMLError) -> Node {
        skipWhitespace()
        guard index < bytes.count else { throw error("expected a JSON value, found the end of the input") }
        let root = try value()
        skipWhitespace()
        if index < bytes.count { throw error("unexpected \(describe(at: index)) after the JSON value") }
        return root
    }

    // MARK: - Values

    private mutating func value() throws(YAMLError) -> Node {
        guard index < bytes.count else { throw error("expected a JSON value, found the end of the input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""):
            let start = mark()
            let text = try string()
            return .scalar(Node.Scalar(text, style: .doubleQuoted, start: start, end: mark()))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"): return try literal("true")
        case UInt8(ascii: "f"): return try literal("false")
        case UInt8(ascii: "n"): return try literal("null")
        default:
            let byte = bytes[index] | 0x20
            let word = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            throw error("expected a JSON value, found \(word ? describeWord() : describe(at: index))")
        }
    }

    private mutating func object() throws(YAMLError) -> Node {
        let start = mark()
        try enter()
        index += 1
        var pairs: [(key: Node, value: Node)] = []
        var keys = DuplicateKeyChecker()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .mapping(Node.Mapping(pairs, start: start, end: mark()))
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a string key, found \(describeHere())")
            }
            let keyStart = mark()
            let keyText = try string()
            let key = Node.scalar(Node.Scalar(keyText, style: .doubleQuoted, start: keyStart, end: mark()))
            if let first = keys.insert(key) {
                let name = DuplicateKeyChecker.name(of: key)
                throw YAMLError(path: path, mark: keyStart, message: "duplicate key \(name)", source: bytes,
                                note: ("\(name) first appears here", first.start))
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key, found \(describeHere())")
            }
            index += 1
            skipWhitespace()
            let item = try value()
            pairs.append((key: key, value: item))
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or '}', found the end of the input") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw error("expected ',' or '}', found \(describeHere())")
        }
        depth -= 1
        return .mapping(Node.Mapping(pairs, start: start, end: mark()))
    }

    private mutating func array() throws(YAMLError) -> Node {
        let start = mark()
        try enter()
        index += 1
        var items: [Node] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .sequence(Node.Sequence(items, start: start, end: mark()))
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or ']', found the end of the input") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw error("expected ',' or ']', found \(describeHere())")
        }
        depth -= 1
        return .sequence(Node.Sequence(items, start: start, end: mark()))
    }

    private mutating func enter() throws(YAMLError) {
        depth += 1
        if depth > JSONByteReader.nestingLimit {
            throw error("arrays and objects nest deeper than \(JSONByteReader.nestingLimit) levels")
        }
    }

    private mutating func literal(_ word: String) throws(YAMLError) -> Node {
        let start = mark()
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                index = start.offset
                throw error("expected a JSON value, found \(describeWord())")
            }
            index += 1
        }
        return .scalar(Node.Scalar(word, style: .plain, start: start, end: mark()))
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, kept as written.
    private mutating func number() throws(YAMLError) -> Node {
        let start = mark()
        let begin = index
        func digits(_ reader: inout JSONByteReader) -> Int {
            var count = 0
            while reader.index < reader.bytes.count, reader.bytes[reader.index] >= 48, reader.bytes[reader.index] <= 57 {
                reader.index += 1
                count += 1
            }
            return count
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        let intDigits = digits(&self)
        var valid = intDigits > 0 && !(intDigits > 1 && bytes[intStart] == UInt8(ascii: "0"))
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            valid = digits(&self) > 0
        }
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            valid = digits(&self) > 0
        }
        if !valid {
            // Show the whole bad token, not just the part read so far.
            while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[begin..<index], as: UTF8.self)
            index = begin
            throw error("invalid number '\(text)'")
        }
        let text = String(decoding: bytes[begin..<index], as: UTF8.self)
        return .scalar(Node.Scalar(text, style: .plain, start: start, end: mark()))
    }

    // MARK: - Strings

    /// A string whose opening quote is current; leaves `index` past the closing quote.
    private mutating func string() throws(YAMLError) -> String {
        let open = index
        index += 1
        // Fast path: no escapes.
        var scan = index
        while scan < bytes.count {
            let byte = bytes[scan]
            if byte == UInt8(ascii: "\"") {
                let text = try validUTF8(index, scan)
                index = scan + 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            scan += 1
        }
        var output: [UInt8] = []
        output.reserveCapacity(scan - index + 16)
        while true {
            guard index < bytes.count else {
                index = open
                throw error("unterminated string")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; break }
            if byte < 0x20 {
                throw error("control character U+\(hex4(UInt32(byte))) in a string (escape it)")
            }
            if byte != UInt8(ascii: "\\") {
                output.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else {
                index = open
                throw error("unterminated string")
            }
            let escape = bytes[index + 1]
            switch escape {
            case UInt8(ascii: "\""): output.append(0x22)
            case UInt8(ascii: "\\"): output.append(0x5C)
            case UInt8(ascii: "/"): output.append(0x2F)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try unicodeEscape()
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
                continue
            default:
                throw error("invalid escape '\\\(String(decoding: [escape], as: UTF8.self))' in a string")
            }
            index += 2
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            index = open
            throw error("invalid UTF-8 in a string")
        }
        return text
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; leaves `index` past it.
    private mutating func unicodeEscape() throws(YAMLError) -> Unicode.Scalar {
        let first = try hexQuad(at: index + 2)
        if (0xD800...0xDBFF).contains(first) {
            if index + 7 < bytes.count, bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u") {
                let second = try hexQuad(at: index + 8)
                if (0xDC00...0xDFFF).contains(second) {
                    index += 12
                    return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
                }
            }
            throw error("unpaired surrogate '\\u\(hex4(first))' in a string")
        }
        if (0xDC00...0xDFFF).contains(first) {
            throw error("unpaired surrogate '\\u\(hex4(first))' in a string")
        }
        index += 6
        return Unicode.Scalar(first)!
    }

    private mutating func hexQuad(at position: Int) throws(YAMLError) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard position + offset < bytes.count else {
                throw error("invalid unicode escape in a string (four hex digits expected)")
            }
            let byte = bytes[position + offset]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw error("invalid unicode escape in a string (four hex digits expected)")
            }
            value = value * 16 + digit
        }
        return value
    }

    private mutating func validUTF8(_ from: Int, _ to: Int) throws(YAMLError) -> String {
        // ASCII needs no validation; anything else is checked by the standard library.
        var ascii = true
        for position in from..<to where bytes[position] >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes[from..<to], as: UTF8.self) }
        guard let text = String(validating: bytes[from..<to], as: UTF8.self) else {
            index = from - 1
            throw error("invalid UTF-8 in a string")
        }
        return text
    }

    private func hex4(_ value: UInt32) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    // MARK: - Positions and messages

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                newLine()
            case UInt8(ascii: "\r"):
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                newLine()
            default:
                return
            }
        }
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
        columnCursor = index
        columnAtCursor = 1
    }

    /// The mark of `index` (lines only ever end in whitespace, which `skipWhitespace` counts).
    private mutating func mark() -> Mark {
        if index < columnCursor {
            columnCursor = lineStart
            columnAtCursor = 1
        }
        while columnCursor < index {
            if bytes[columnCursor] & 0xC0 != 0x80 { columnAtCursor += 1 }
            columnCursor += 1
        }
        return Mark(line: line, column: columnAtCursor, offset: index)
    }

    private func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    /// "'x'" for the character at `position`, or "the end of the input".
    private func describe(at position: Int) -> String {
        guard position < bytes.count else { return "the end of the input" }
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[position..<end], as: UTF8.self))'"
    }

    private func describeHere() -> String { describe(at: index) }

    /// The word at `index` in quotes (`'nul'`, `'True'`), for a misspelt literal.
    private func describeWord() -> String {
        var end = index
        while end < bytes.count, !isDelimiter(bytes[end]), end - index < 40 { end += 1 }
        if end == index { return describe(at: index) }
        return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
    }

    private mutating func error(_ message: String) -> YAMLError {
        YAMLError(path: path, mark: mark(), message: message, source: bytes)
    }
}
