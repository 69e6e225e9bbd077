/// One lexer token; `text` is the token's value (string contents unescaped, data as is).
struct Token: Sendable {
    /// Token kinds, as nunjucks' lexer names them.
    enum Kind: String, Sendable {
        case string, data, blockStart = "block-start", blockEnd = "block-end"
        case variableStart = "variable-start", variableEnd = "variable-end", comment
        case leftParen = "left-paren", rightParen = "right-paren", leftBracket = "left-bracket"
        case rightBracket = "right-bracket", leftCurly = "left-curly", rightCurly = "right-curly"
        case op = "operator", comma, colon, tilde, pipe, int, float, boolean, none, symbol, regex
    }

    let kind: Kind
    let text: String
    let span: Span
    /// For regex tokens: the flags.
    var flags: String = ""

    /// True when this is the symbol `name`.
    func isSymbol(_ name: String) -> Bool { kind == .symbol && text == name }
    /// True when this is the operator `op`.
    func isOp(_ op: String) -> Bool { kind == .op && text == op }
}
