/// Splits template text into tokens on UTF-8 bytes, following nunjucks 3.2.4's tokenizer rule for rule.
///
/// Pull-based: the parser asks for one token at a time, because `raw` blocks read the text directly.
struct Lexer {
    let bytes: [UInt8]
    private(set) var index = 0
    private var line = 1
    private var column = 1
    private var inCode = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var span: Span { Span(offset: index, line: line, column: column) }
    var isFinished: Bool { index >= bytes.count }

    private static let whitespace: [UInt8] = Array(" \n\t\r".utf8)
    private static let delims: [UInt8] = Array("()[]{}%*-+~/#,:|.<>=!".utf8)

    private func current() -> UInt8 { index < bytes.count ? bytes[index] : 0 }
    private func peek(_ n: Int) -> UInt8 { index + n < bytes.count ? bytes[index + n] : 0 }

    /// Whether the text at the cursor is a whitespace character (ASCII or U+00A0) and its byte length.
    private func whitespaceLength() -> Int {
        guard index < bytes.count else { return 0 }
        let c = bytes[index]
        if Lexer.whitespace.contains(c) { return 1 }
        if c == 0xC2 && peek(1) == 0xA0 { return 2 }
        return 0
    }

    private func isDelimiter(_ c: UInt8) -> Bool { Lexer.delims.contains(c) }

    mutating func forward() {
        let c = bytes[index]
        index += 1
        if c == 0x0A {
            line += 1
            column = 1
        } else if c & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func forward(_ n: Int) { for _ in 0..<n where index < bytes.count { forward() } }

    private func matches(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard index + n <= bytes.count else { return false }
        let p = s.utf8Start
        for i in 0..<n where bytes[index + i] != p[i] { return false }
        return true
    }

    private mutating func extract(_ s: StaticString) -> Bool {
        if matches(s) { forward(s.utf8CodeUnitCount); return true }
        return false
    }

    private func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }

    /// The next token, or nil at the end of the text.
    mutating func next() throws(TemplateError.Kind) -> Token? {
        if isFinished { return nil }
        return inCode ? try nextCode() : try nextData()
    }

    private mutating func nextCode() throws(TemplateError.Kind) -> Token? {
        // Whitespace between code tokens is dropped here (nunjucks' parser skips it anyway).
        while true {
            let n = whitespaceLength()
            if n == 0 { break }
            forward(n)
        }
        if isFinished { return nil }
        let start = span
        let c = current()
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            return Token(kind: .string, text: parseString(c), span: start)
        }
        if extract("%}") { inCode = false; return Token(kind: .blockEnd, text: "%}", span: start) }
        if extract("-%}") { inCode = false; return Token(kind: .blockEnd, text: "-%}", span: start) }
        if extract("}}") { inCode = false; return Token(kind: .variableEnd, text: "}}", span: start) }
        if extract("-}}") { inCode = false; return Token(kind: .variableEnd, text: "-}}", span: start) }
        if c == UInt8(ascii: "r") && peek(1) == UInt8(ascii: "/") {
            forward(2)
            var body: [UInt8] = []
            while !isFinished {
                if current() == UInt8(ascii: "/") && bytes[index - 1] != UInt8(ascii: "\\") { forward(); break }
                body.append(current())
                forward()
            }
            var flags = ""
            while !isFinished, "gimy".utf8.contains(current()) {
                flags.unicodeScalars.append(Unicode.Scalar(current()))
                forward()
            }
            return Token(kind: .regex, text: String(decoding: body, as: UTF8.self), span: start, flags: flags)
        }
        if isDelimiter(c) {
            forward()
            var op = String(Unicode.Scalar(c))
            let two = op + String(Unicode.Scalar(current()))
            if ["==", "===", "!=", "!==", "<=", ">=", "//", "**"].contains(two) {
                forward()
                op = two
                let three = two + String(Unicode.Scalar(current()))
                if ["===", "!=="].contains(three) { forward(); op = three }
            }
            let kind: Token.Kind
            switch op {
            case "(": kind = .leftParen
            case ")": kind = .rightParen
            case "[": kind = .leftBracket
            case "]": kind = .rightBracket
            case "{": kind = .leftCurly
            case "}": kind = .rightCurly
            case ",": kind = .comma
            case ":": kind = .colon
            case "~": kind = .tilde
            case "|": kind = .pipe
            default: kind = .op
            }
            return Token(kind: kind, text: op, span: start)
        }
        let from = index
        while !isFinished && whitespaceLength() == 0 && !isDelimiter(current()) { forward() }
        let word = text(from, index)
        if !word.isEmpty && word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            if current() == UInt8(ascii: ".") {
                forward()
                let decFrom = index
                while !isFinished, current() >= 0x30, current() <= 0x39 { forward() }
                return Token(kind: .float, text: word + "." + text(decFrom, index), span: start)
            }
            return Token(kind: .int, text: word, span: start)
        }
        switch word {
        case "true", "false": return Token(kind: .boolean, text: word, span: start)
        case "none", "null": return Token(kind: .none, text: word, span: start)
        default: return Token(kind: .symbol, text: word, span: start)
        }
    }

    /// A quoted string: a backslash takes the next character literally, except `\n`, `\t`, `\r`.
    private mutating func parseString(_ delimiter: UInt8) -> String {
        forward()
        var out: [UInt8] = []
        while !isFinished && current() != delimiter {
            if current() == UInt8(ascii: "\\") {
                forward()
                if isFinished { break }
                switch current() {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                default: out.append(current())
                }
                forward()
            } else {
                out.append(current())
                forward()
            }
        }
        if !isFinished { forward() }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func nextData() throws(TemplateError.Kind) -> Token? {
        let start = span
        if extract("{%-") || extract("{%") {
            inCode = true
            return Token(kind: .blockStart, text: text(start.offset, index), span: start)
        }
        if extract("{{-") || extract("{{") {
            inCode = true
            return Token(kind: .variableStart, text: text(start.offset, index), span: start)
        }
        var inComment = false
        if extract("{#") { inComment = true }
        while !isFinished {
            let c = current()
            if c == UInt8(ascii: "{") || c == UInt8(ascii: "#") {
                if !inComment && (matches("{%") || matches("{{") || matches("{#")) { break }
                if matches("#}") {
                    if !inComment { throw .syntax("unexpected end of comment") }
                    forward(2)
                    return Token(kind: .comment, text: text(start.offset, index), span: start)
                }
            }
            forward()
        }
        if inComment && isFinished { throw .syntax("expected end of comment, got end of file") }
        return Token(kind: .data, text: text(start.offset, index), span: start)
    }

    /// For `raw`/`verbatim`: the text up to the matching end tag (nested tags counted), consuming that tag.
    ///
    /// As nunjucks does it: each `{% raw %}`/`{% endraw %}` found is consumed with the text before it; when the
    /// tags run out before the level returns to zero, what was consumed is the raw text and lexing goes on
    /// after it.
    mutating func extractRaw(tag: String) -> String {
        let endTag = "end" + tag
        var level = 1
        var collected: [UInt8] = []
        var i = index
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "%") else { i += 1; continue }
            var j = i + 2
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            let nameStart = j
            while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "%") { j += 1 }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
            var k = j
            while k < bytes.count, isSpace(bytes[k]) { k += 1 }
            guard (name == tag || name == endTag), k + 1 < bytes.count, bytes[k] == UInt8(ascii: "%"), bytes[k + 1] == UInt8(ascii: "}") else {
                i += 1
                continue
            }
            level += name == tag ? 1 : -1
            if level == 0 {
                collected.append(contentsOf: bytes[index..<i])
                forward(k + 2 - index)
                return String(decoding: collected, as: UTF8.self)
            }
            collected.append(contentsOf: bytes[index..<(k + 2)])
            forward(k + 2 - index)
            i = index
        }
        return String(decoding: collected, as: UTF8.self)
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C }
}
