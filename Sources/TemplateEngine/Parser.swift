/// Builds the AST from tokens, following nunjucks 3.2.4's grammar, precedence and whitespace control.
struct Parser {
    var lexer: Lexer
    var pending: [Token] = []
    var breakOnBlocks: [String]? = nil
    var dropLeadingWhitespace = false
    var depth = 0
    /// Statements being parsed, innermost last, so an unexpected end of file can name the unclosed one.
    var openTags: [(name: String, span: Span)] = []
    /// Deep nesting ends in an error, never a stack overflow.
    static let maxDepth = 200

    /// A parse failure with the span it happened at.
    struct Failure: Error {
        let kind: TemplateError.Kind
        let span: Span
    }

    init(bytes: [UInt8]) { lexer = Lexer(bytes) }

    /// Parses a whole template.
    static func parse(_ source: Source) throws(TemplateError) -> [Stmt] {
        var p = Parser(bytes: source.bytes)
        do {
            return try p.parseNodes()
        } catch {
            throw TemplateError(error.kind, source: source, span: error.span)
        }
    }

    // MARK: - Tokens

    mutating func nextToken() throws(Failure) -> Token? {
        if !pending.isEmpty { return pending.removeLast() }
        do { return try lexer.next() } catch { throw Failure(kind: error, span: lexer.span) }
    }

    mutating func peekToken() throws(Failure) -> Token? {
        if let t = pending.last { return t }
        guard let t = try nextToken() else { return nil }
        pending.append(t)
        return t
    }

    mutating func push(_ t: Token?) { if let t { pending.append(t) } }

    mutating func fail(_ message: String, at span: Span? = nil) throws(Failure) -> Never {
        let s: Span
        if let span { s = span } else if let t = try? peekToken() { s = t.span } else { s = lexer.span }
        throw Failure(kind: .syntax(message), span: s)
    }

    mutating func skip(_ kind: Token.Kind) throws(Failure) -> Bool {
        if let t = try peekToken(), t.kind == kind { pending.removeLast(); return true }
        return false
    }

    mutating func skipSymbol(_ name: String) throws(Failure) -> Bool {
        if let t = try peekToken(), t.isSymbol(name) { pending.removeLast(); return true }
        return false
    }

    mutating func skipOp(_ op: String) throws(Failure) -> Bool {
        if let t = try peekToken(), t.isOp(op) { pending.removeLast(); return true }
        return false
    }

    mutating func expect(_ kind: Token.Kind) throws(Failure) -> Token {
        guard let t = try nextToken() else { try fail("expected \(kind.rawValue), got end of file") }
        if t.kind != kind { try fail("expected \(kind.rawValue), got \(t.kind.rawValue)", at: t.span) }
        return t
    }

    mutating func advanceAfterBlockEnd(_ name: String? = nil) throws(Failure) {
        var name = name
        if name == nil {
            guard let t = try peekToken() else { try failUnclosed() }
            if t.kind != .symbol { try fail("expected symbol token or explicit name") }
            name = t.text
            _ = try nextToken()
        }
        if let t = try nextToken(), t.kind == .blockEnd {
            if t.text.hasPrefix("-") { dropLeadingWhitespace = true }
        } else {
            try fail("expected block end in \(name!) statement")
        }
    }

    mutating func advanceAfterVariableEnd(_ start: Span) throws(Failure) {
        guard let t = try nextToken() else { try fail("unclosed '{{': expected '}}' before the end of the file", at: start) }
        if t.kind == .variableEnd {
            dropLeadingWhitespace = t.text.hasPrefix("-")
        } else {
            try fail("expected '}}' to end the expression, found '\(t.text)'", at: t.span)
        }
    }

    /// The end of the file came before the innermost open statement's end tag.
    mutating func failUnclosed() throws(Failure) -> Never {
        guard let open = openTags.last else { try fail("unexpected end of file") }
        try fail("unclosed '\(open.name)': expected '\(Parser.endTag(open.name))' before the end of the file", at: open.span)
    }

    static func endTag(_ tag: String) -> String {
        switch tag {
        case "elif", "elseif", "else": return "endif"
        case "asyncEach": return "endeach"
        case "asyncAll": return "endall"
        default: return "end" + tag
        }
    }

    /// Parses a statement body while `tag` (opened at `span`) is open.
    mutating func body(of tag: String, at span: Span, until names: String...) throws(Failure) -> [Stmt] {
        openTags.append((tag, span))
        defer { openTags.removeLast() }
        let previous = breakOnBlocks
        breakOnBlocks = names
        defer { breakOnBlocks = previous }
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { try fail("nesting is too deep (more than \(Parser.maxDepth) levels)") }
        let nodes = try parseNodes()
        if try peekToken() == nil { try failUnclosed() }
        return nodes
    }

    // MARK: - Template level

    mutating func parseNodes() throws(Failure) -> [Stmt] {
        var body: [Stmt] = []
        while let tok = try nextToken() {
            switch tok.kind {
            case .data:
                var data = Substring(tok.text)
                let next = try peekToken()
                if dropLeadingWhitespace {
                    data = Parser.trimLeading(data)
                    dropLeadingWhitespace = false
                }
                if let next, (next.kind == .blockStart && next.text.hasSuffix("-"))
                    || (next.kind == .variableStart && next.text.hasSuffix("-"))
                    || (next.kind == .comment && next.text.hasPrefix("{#-")) {
                    data = Parser.trimTrailing(data)
                }
                if !data.isEmpty {
                    // The text may start later than the token did when leading whitespace was dropped.
                    let dropped = tok.text.utf8.distance(from: tok.text.startIndex, to: data.startIndex)
                    let skippedNewlines = tok.text.utf8.prefix(max(0, dropped)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    body.append(.data(String(data), line: tok.span.line + skippedNewlines))
                }
            case .blockStart:
                dropLeadingWhitespace = false
                guard let stmt = try parseStatement() else { return body }
                if let stmt { body.append(stmt) }
            case .variableStart:
                let e = try parseExpression()
                dropLeadingWhitespace = false
                try advanceAfterVariableEnd(tok.span)
                body.append(.output(e))
            case .comment:
                dropLeadingWhitespace = tok.text.hasSuffix("-#}")
            default:
                try fail("unexpected token at top-level: \(tok.kind.rawValue)", at: tok.span)
            }
        }
        return body
    }

    static func trimLeading(_ s: Substring) -> Substring {
        let sc = s.unicodeScalars
        if let i = sc.firstIndex(where: { !Value.isJSWhitespace($0) }) { return Substring(sc[i...]) }
        return ""
    }

    static func trimTrailing(_ s: Substring) -> Substring {
        let sc = s.unicodeScalars
        if let i = sc.lastIndex(where: { !Value.isJSWhitespace($0) }) { return Substring(sc[...i]) }
        return ""
    }

    /// One `{% … %}` statement; `.some(nil)` for statements that produce no node, nil at a break tag.
    mutating func parseStatement() throws(Failure) -> Stmt?? {
        guard let tok = try peekToken() else { try fail("unexpected end of file") }
        if tok.kind != .symbol { try fail("tag name expected", at: tok.span) }
        if let b = breakOnBlocks, b.contains(tok.text) { return nil }
        switch tok.text {
        case "raw": return .some(try parseRaw("raw"))
        case "verbatim": return .some(try parseRaw("verbatim"))
        case "if", "ifAsync": return .some(try parseIf())
        case "for", "asyncEach", "asyncAll": return .some(try parseFor())
        case "block": return .some(try parseBlock())
        case "extends": return .some(try parseExtends())
        case "include": return .some(try parseInclude())
        case "set": return .some(try parseSet())
        case "macro": return .some(try parseMacro())
        case "call": return .some(try parseCall())
        case "import": return .some(try parseImport())
        case "from": return .some(try parseFrom())
        case "filter": return .some(try parseFilterStatement())
        case "switch": return .some(try parseSwitch())
        default:
            if tok.text.hasPrefix("end"), let open = openTags.last {
                try fail("unexpected '\(tok.text)': expected '\(Parser.endTag(open.name))' to close '\(open.name)'", at: tok.span)
            }
            try fail("unknown block tag '\(tok.text)'", at: tok.span)
        }
    }

    mutating func parseRaw(_ tag: String) throws(Failure) -> Stmt {
        let start = try nextToken()!
        try advanceAfterBlockEnd(tag)
        guard pending.isEmpty else { try fail("unexpected token after '\(tag)'", at: start.span) }
        return .data(lexer.extractRaw(tag: tag), line: start.span.line)
    }

    mutating func parseIf() throws(Failure) -> Stmt {
        let tag = try nextToken()!
        let cond = try parseExpression()
        try advanceAfterBlockEnd(tag.text)
        let body = try self.body(of: tag.text, at: tag.span, until: "elif", "elseif", "else", "endif")
        let tok = try peekToken()
        switch tok?.text {
        case "elif", "elseif":
            return .ifStmt(cond, body, [try parseIf()])
        case "else":
            try advanceAfterBlockEnd()
            let elseBody = try self.body(of: tag.text, at: tag.span, until: "endif")
            try advanceAfterBlockEnd()
            return .ifStmt(cond, body, elseBody)
        case "endif":
            try advanceAfterBlockEnd()
            return .ifStmt(cond, body, nil)
        default:
            try fail("expected elif, else, or endif")
        }
    }

    mutating func parseFor() throws(Failure) -> Stmt {
        let forTok = try nextToken()!
        let endBlock = forTok.text == "for" ? "endfor" : (forTok.text == "asyncEach" ? "endeach" : "endall")
        var names: [String] = []
        guard case .symbol(let first, _) = try parsePrimary() else { try fail("variable name expected for loop") }
        names.append(first)
        while try skip(.comma) {
            guard case .symbol(let n, _) = try parsePrimary() else { try fail("variable name expected for loop") }
            names.append(n)
        }
        if !(try skipSymbol("in")) { try fail("expected \"in\" keyword for loop", at: forTok.span) }
        let iterable = try parseExpression()
        try advanceAfterBlockEnd(forTok.text)
        let body = try self.body(of: forTok.text, at: forTok.span, until: endBlock, "else")
        var elseBody: [Stmt]? = nil
        if try skipSymbol("else") {
            try advanceAfterBlockEnd("else")
            elseBody = try self.body(of: forTok.text, at: forTok.span, until: endBlock)
        }
        try advanceAfterBlockEnd()
        return .forStmt(names: names, iterable: iterable, body: body, else: elseBody, forTok.span)
    }

    mutating func parseSignatureNames(_ span: Span) throws(Failure) -> ([String], [(String, Expr)]) {
        let (args, kwargs) = try parseSignature(tolerant: false)!
        var names: [String] = []
        for a in args {
            guard case .symbol(let n, _) = a else { try fail("macro arguments must be names", at: a.span) }
            names.append(n)
        }
        return (names, kwargs)
    }

    mutating func parseMacro() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        guard case .symbol(let name, _) = try parsePrimary(noPostfix: true) else { try fail("macro name expected", at: tok.span) }
        let (args, kwargs) = try parseSignatureNames(tok.span)
        try advanceAfterBlockEnd(tok.text)
        let body = try self.body(of: "macro", at: tok.span, until: "endmacro")
        try advanceAfterBlockEnd()
        return .macro(MacroDef(name: name, args: args, kwargs: kwargs, body: body, span: tok.span))
    }

    mutating func parseCall() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        var callerArgs: [String] = []
        var callerKwargs: [(String, Expr)] = []
        if let t = try peekToken(), t.kind == .leftParen {
            (callerArgs, callerKwargs) = try parseSignatureNames(tok.span)
        }
        let macroCall = try parsePrimary()
        guard case .call(let callee, let args, var kwargs, let span) = macroCall else {
            try fail("expected a macro call in call block", at: macroCall.span)
        }
        try advanceAfterBlockEnd(tok.text)
        let body = try self.body(of: "call", at: tok.span, until: "endcall")
        try advanceAfterBlockEnd()
        let def = MacroDef(name: "caller", args: callerArgs, kwargs: callerKwargs, body: body, span: tok.span)
        kwargs.append(("caller", .caller(def, tok.span)))
        return .output(.call(callee, args, kwargs, span))
    }

    mutating func parseWithContext() throws(Failure) -> Bool? {
        let tok = try peekToken()
        var with: Bool? = nil
        if try skipSymbol("with") { with = true } else if try skipSymbol("without") { with = false }
        if with != nil, !(try skipSymbol("context")) {
            try fail("expected context after with/without", at: tok?.span)
        }
        return with
    }

    mutating func parseImport() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        let template = try parseExpression()
        if !(try skipSymbol("as")) { try fail("expected \"as\" keyword", at: tok.span) }
        guard case .symbol(let target, _) = try parseExpression() else { try fail("import target must be a name", at: tok.span) }
        let with = try parseWithContext() ?? false
        try advanceAfterBlockEnd(tok.text)
        return .importAs(template, target: target, withContext: with, tok.span)
    }

    mutating func parseFrom() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        let template = try parseExpression()
        if !(try skipSymbol("import")) { try fail("expected import", at: tok.span) }
        var names: [(String, String)] = []
        var with: Bool? = nil
        while true {
            guard let next = try peekToken() else { try fail("unexpected end of file") }
            if next.kind == .blockEnd {
                if names.isEmpty { try fail("expected at least one import name", at: tok.span) }
                if next.text.hasPrefix("-") { dropLeadingWhitespace = true }
                _ = try nextToken()
                break
            }
            if !names.isEmpty, !(try skip(.comma)) { try fail("expected comma", at: tok.span) }
            let nameExpr = try parsePrimary()
            guard case .symbol(let name, let span) = nameExpr else { try fail("import name expected", at: nameExpr.span) }
            if name.hasPrefix("_") { try fail("names starting with an underscore cannot be imported", at: span) }
            if try skipSymbol("as") {
                guard case .symbol(let alias, _) = try parsePrimary() else { try fail("import alias must be a name", at: span) }
                names.append((name, alias))
            } else {
                names.append((name, name))
            }
            with = try parseWithContext()
        }
        return .fromImport(template, names: names, withContext: with ?? false, tok.span)
    }

    mutating func parseBlock() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        guard case .symbol(let name, _) = try parsePrimary() else { try fail("variable name expected", at: tok.span) }
        try advanceAfterBlockEnd(tok.text)
        let body = try self.body(of: "block", at: tok.span, until: "endblock")
        _ = try skipSymbol("endblock")
        _ = try skipSymbol(name)
        guard let end = try peekToken() else { try fail("expected endblock, got end of file") }
        try advanceAfterBlockEnd(end.text)
        return .block(name, body, tok.span)
    }

    mutating func parseExtends() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        let template = try parseExpression()
        try advanceAfterBlockEnd(tok.text)
        return .extends(template, tok.span)
    }

    mutating func parseInclude() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        let template = try parseExpression()
        var ignoreMissing = false
        if try skipSymbol("ignore"), try skipSymbol("missing") { ignoreMissing = true }
        try advanceAfterBlockEnd(tok.text)
        return .include(template, ignoreMissing: ignoreMissing, tok.span)
    }

    mutating func parseSet() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        var targets: [String] = []
        while true {
            let t = try parsePrimary()
            guard case .symbol(let name, _) = t else { try fail("set target must be a name", at: t.span) }
            targets.append(name)
            if !(try skip(.comma)) { break }
        }
        if try skipOp("=") {
            let value = try parseExpression()
            try advanceAfterBlockEnd(tok.text)
            return .set(targets: targets, value: value, body: nil, tok.span)
        }
        if !(try skip(.blockEnd)) { try fail("expected = or block end in set tag", at: tok.span) }
        let body = try self.body(of: "set", at: tok.span, until: "endset")
        try advanceAfterBlockEnd()
        return .set(targets: targets, value: nil, body: body, tok.span)
    }

    mutating func parseFilterStatement() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        let name = try parseFilterName()
        var args: [Expr] = []
        var kwargs: [(String, Expr)] = []
        if let t = try peekToken(), t.kind == .leftParen { (args, kwargs) = try parseSignature(tolerant: false)! }
        try advanceAfterBlockEnd(tok.text)
        let body = try self.body(of: "filter", at: tok.span, until: "endfilter")
        try advanceAfterBlockEnd()
        return .filterBlock(name.0, args, kwargs, body, name.1)
    }

    mutating func parseSwitch() throws(Failure) -> Stmt {
        let tok = try nextToken()!
        let expr = try parseExpression()
        try advanceAfterBlockEnd("switch")
        _ = try self.body(of: "switch", at: tok.span, until: "case", "default", "endswitch")
        var cases: [(Expr, [Stmt])] = []
        var defaultBody: [Stmt]? = nil
        var t = try peekToken()
        while let cur = t, cur.text == "case" {
            _ = try skipSymbol("case")
            let cond = try parseExpression()
            try advanceAfterBlockEnd("switch")
            cases.append((cond, try self.body(of: "switch", at: tok.span, until: "case", "default", "endswitch")))
            t = try peekToken()
        }
        switch t?.text {
        case "default":
            try advanceAfterBlockEnd()
            defaultBody = try self.body(of: "switch", at: tok.span, until: "endswitch")
            try advanceAfterBlockEnd()
        case "endswitch":
            try advanceAfterBlockEnd()
        default:
            try fail("expected \"case,\" \"default\" or \"endswitch,\" got end of file")
        }
        return .switchStmt(expr, cases, defaultBody, tok.span)
    }
}
