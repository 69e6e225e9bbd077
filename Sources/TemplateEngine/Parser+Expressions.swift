/// Expressions, by precedence from inline `if` down to primaries and postfix lookups (nunjucks' parser).
extension Parser {

    /// Rejects expressions nested deeper than `maxDepth` (long left-associative chains included), so that
    /// compiling and freeing them never exhausts the stack.
    mutating func checked(_ e: Expr) throws(Failure) -> Expr {
        if e.depth > Parser.maxDepth {
            try fail("nesting is too deep (more than \(Parser.maxDepth) levels)", at: e.span)
        }
        return e
    }

    mutating func parseExpression() throws(Failure) -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { try fail("nesting is too deep (more than \(Parser.maxDepth) levels)") }
        return try parseInlineIf()
    }

    mutating func parseInlineIf() throws(Failure) -> Expr {
        var node = try parseOr()
        if try skipSymbol("if") {
            let cond = try parseOr()
            var elseExpr: Expr? = nil
            if try skipSymbol("else") { elseExpr = try parseOr() }
            node = try checked(.inlineIf(cond: cond, then: node, else: elseExpr, node.span))
        }
        return node
    }

    mutating func parseOr() throws(Failure) -> Expr {
        var node = try parseAnd()
        while try skipSymbol("or") { node = try checked(.or(node, try parseAnd(), node.span)) }
        return node
    }

    mutating func parseAnd() throws(Failure) -> Expr {
        var node = try parseNot()
        while try skipSymbol("and") { node = try checked(.and(node, try parseNot(), node.span)) }
        return node
    }

    mutating func parseNot() throws(Failure) -> Expr {
        if let tok = try peekToken(), tok.isSymbol("not") {
            _ = try nextToken()
            depth += 1
            defer { depth -= 1 }
            if depth > Parser.maxDepth { try fail("nesting is too deep (more than \(Parser.maxDepth) levels)") }
            return try checked(.unary(.not, try parseNot(), tok.span))
        }
        return try parseIn()
    }

    mutating func parseIn() throws(Failure) -> Expr {
        var node = try parseIs()
        while true {
            guard let tok = try nextToken() else { break }
            let invert = tok.isSymbol("not")
            if !invert { push(tok) }
            if try skipSymbol("in") {
                let right = try parseIs()
                node = try checked(.binary(.in, node, right, node.span))
                if invert { node = try checked(.unary(.not, node, node.span)) }
            } else {
                if invert { push(tok) }
                break
            }
        }
        return node
    }

    mutating func parseIs() throws(Failure) -> Expr {
        let node = try parseCompare()
        guard try skipSymbol("is") else { return node }
        let not = try skipSymbol("not")
        let right = try parseCompare()
        let test: Expr
        switch right {
        case .symbol(let name, let span): test = .test(node, name, [], [], span)
        case .call(.symbol(let name, _), let args, let kwargs, let span): test = .test(node, name, args, kwargs, span)
        case .literal(let v, let span): test = .test(node, v.jsString, [], [], span)
        // nunjucks reads the name of anything else as undefined, which names the `undefined` test.
        case .call(_, let args, let kwargs, let span): test = .test(node, "undefined", args, kwargs, span)
        // `x is a | b`: the filter node's name names the test, its arguments (the `a`) are the test's.
        case .filter(let name, let args, let kwargs, let span): test = .test(node, name, args, kwargs, span)
        default: test = .test(node, "undefined", [], [], right.span)
        }
        return try checked(not ? .unary(.not, test, node.span) : test)
    }

    mutating func parseCompare() throws(Failure) -> Expr {
        let expr = try parseConcat()
        var ops: [(BinaryOp, Expr)] = []
        while let tok = try peekToken(), tok.kind == .op, let op = BinaryOp(rawValue: tok.text),
              [.eq, .seq, .ne, .sne, .lt, .gt, .le, .ge].contains(op) {
            _ = try nextToken()
            ops.append((op, try parseConcat()))
        }
        return ops.isEmpty ? expr : try checked(.compare(expr, ops, expr.span))
    }

    mutating func parseConcat() throws(Failure) -> Expr {
        var node = try parseAdd()
        while try skip(.tilde) {
            let span = node.span
            node = try checked(.binary(.concat, node, try parseAdd(), span))
        }
        return node
    }

    mutating func parseBinary(_ op: String, _ bop: BinaryOp, _ next: (inout Parser) throws(Failure) -> Expr) throws(Failure) -> Expr {
        var node = try next(&self)
        while let tok = try peekToken(), tok.isOp(op) {
            _ = try nextToken()
            node = try checked(.binary(bop, node, try next(&self), tok.span))
        }
        return node
    }

    mutating func parseAdd() throws(Failure) -> Expr { try parseBinary("+", .add) { (p: inout Parser) throws(Failure) in try p.parseSub() } }
    mutating func parseSub() throws(Failure) -> Expr { try parseBinary("-", .sub) { (p: inout Parser) throws(Failure) in try p.parseMul() } }
    mutating func parseMul() throws(Failure) -> Expr { try parseBinary("*", .mul) { (p: inout Parser) throws(Failure) in try p.parseDiv() } }
    mutating func parseDiv() throws(Failure) -> Expr { try parseBinary("/", .div) { (p: inout Parser) throws(Failure) in try p.parseFloorDiv() } }
    mutating func parseFloorDiv() throws(Failure) -> Expr { try parseBinary("//", .floorDiv) { (p: inout Parser) throws(Failure) in try p.parseMod() } }
    mutating func parseMod() throws(Failure) -> Expr { try parseBinary("%", .mod) { (p: inout Parser) throws(Failure) in try p.parsePow() } }
    mutating func parsePow() throws(Failure) -> Expr { try parseBinary("**", .pow) { (p: inout Parser) throws(Failure) in try p.parseUnary() } }

    mutating func parseUnary(noFilters: Bool = false) throws(Failure) -> Expr {
        guard let tok = try peekToken() else { try fail("expected expression, got end of file") }
        var node: Expr
        if tok.isOp("-") || tok.isOp("+") {
            _ = try nextToken()
            depth += 1
            defer { depth -= 1 }
            if depth > Parser.maxDepth { try fail("nesting is too deep (more than \(Parser.maxDepth) levels)") }
            node = try checked(.unary(tok.text == "-" ? .neg : .pos, try parseUnary(noFilters: true), tok.span))
        } else {
            node = try parsePrimary()
        }
        if !noFilters { node = try parseFilter(node) }
        return node
    }

    mutating func parsePrimary(noPostfix: Bool = false) throws(Failure) -> Expr {
        guard let tok = try nextToken() else { try fail("expected expression, got end of file") }
        var node: Expr
        switch tok.kind {
        case .string: node = .literal(Value(tok.text), tok.span)
        case .int: node = .literal(Value(Double(tok.text) ?? .nan), tok.span)
        case .float:
            let t = tok.text.hasSuffix(".") ? tok.text + "0" : tok.text
            node = .literal(Value(Double(t) ?? .nan), tok.span)
        case .boolean: node = .literal(Value(tok.text == "true"), tok.span)
        case .none: node = .literal(.null, tok.span)
        case .regex: node = .literal(Value(repr: .regex(RegexValue(pattern: tok.text, flags: tok.flags))), tok.span)
        case .symbol: node = .symbol(tok.text, tok.span)
        default:
            push(tok)
            guard let agg = try parseAggregate() else { try fail("unexpected '\(tok.text)'", at: tok.span) }
            node = agg
        }
        if !noPostfix { node = try parsePostfix(node) }
        return node
    }

    mutating func parseFilterName() throws(Failure) -> (String, Span) {
        let tok = try expect(.symbol)
        var name = tok.text
        while try skipOp(".") { name += "." + (try expect(.symbol)).text }
        return (name, tok.span)
    }

    mutating func parseFilter(_ input: Expr) throws(Failure) -> Expr {
        var node = input
        while try skip(.pipe) {
            let (name, span) = try parseFilterName()
            var args: [Expr] = []
            var kwargs: [(String, Expr)] = []
            // nunjucks parses the arguments as a postfix chain and keeps the last call's: `f(1)(2)` passes 2.
            while let t = try peekToken(), t.kind == .leftParen { (args, kwargs) = try parseSignature(tolerant: false)! }
            if let t = try peekToken(), t.kind == .leftBracket || t.isOp(".") {
                if !args.isEmpty || !kwargs.isEmpty { try fail("unexpected '\(t.text)' after filter arguments", at: t.span) }
            }
            node = try checked(.filter(name, [node] + args, kwargs, span))
        }
        return node
    }

    mutating func parsePostfix(_ input: Expr) throws(Failure) -> Expr {
        var node = input
        while let tok = try peekToken() {
            if tok.kind == .leftParen {
                let (args, kwargs) = try parseSignature(tolerant: false)!
                node = try checked(.call(node, args, kwargs, tok.span))
            } else if tok.kind == .leftBracket {
                guard case .array(let items, _) = try parseAggregate()! else { break }
                if items.count != 1 { try fail("invalid index", at: tok.span) }
                node = try checked(.lookup(node, items[0], tok.span))
            } else if tok.isOp(".") {
                _ = try nextToken()
                guard let val = try nextToken() else { try fail("expected name as lookup value, got end of file") }
                if val.kind != .symbol { try fail("expected a name after '.', found '\(val.text)'", at: val.span) }
                node = try checked(.lookup(node, .literal(Value(val.text), val.span), val.span))
            } else {
                break
            }
        }
        return node
    }

    mutating func parseAggregate() throws(Failure) -> Expr? {
        guard let tok = try nextToken() else { try fail("expected expression, got end of file") }
        enum Shape { case group, array, dict }
        let shape: Shape
        switch tok.kind {
        case .leftParen: shape = .group
        case .leftBracket: shape = .array
        case .leftCurly: shape = .dict
        default:
            push(tok)
            return nil
        }
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { try fail("nesting is too deep (more than \(Parser.maxDepth) levels)") }
        var items: [Expr] = []
        var pairs: [(String, Expr)] = []
        while true {
            guard let next = try peekToken() else { try fail("expected expression, got end of file") }
            if next.kind == .rightParen || next.kind == .rightBracket || next.kind == .rightCurly {
                _ = try nextToken()
                break
            }
            if !items.isEmpty || !pairs.isEmpty {
                if !(try skip(.comma)) {
                    if next.kind == .variableEnd && next.text == "}}" {
                        try fail("'}}' ends the tag here: write '} }' to close nested braces", at: next.span)
                    }
                    try fail("expected ',' after an element, found '\(next.text)'", at: next.span)
                }
            }
            if shape == .dict {
                let key = try parsePrimary()
                if !(try skip(.colon)) { try fail("expected colon after dict key", at: tok.span) }
                let value = try parseExpression()
                switch key {
                case .symbol(let k, _): pairs.append((k, value))
                case .literal(let v, _) where v.isPrimitiveString: pairs.append((v.jsString, value))
                default: try fail("dict keys must be strings or names", at: key.span)
                }
            } else {
                items.append(try parseExpression())
            }
        }
        switch shape {
        case .group:
            // nunjucks emits `()` into JavaScript, where it is a syntax error.
            if items.isEmpty { try fail("empty parentheses", at: tok.span) }
            return items.count == 1 ? items[0] : try checked(.group(items, tok.span))
        case .array: return try checked(.array(items, tok.span))
        case .dict: return try checked(.dict(pairs, tok.span))
        }
    }

    /// `( args, name=value )`; nil when tolerant and no parenthesis follows.
    mutating func parseSignature(tolerant: Bool) throws(Failure) -> ([Expr], [(String, Expr)])? {
        guard let open = try peekToken(), open.kind == .leftParen else {
            if tolerant { return nil }
            try fail("expected arguments")
        }
        _ = try nextToken()
        var args: [Expr] = []
        var kwargs: [(String, Expr)] = []
        var checkComma = false
        while true {
            guard let tok = try peekToken() else { try fail("expected expression, got end of file") }
            if tok.kind == .rightParen { _ = try nextToken(); break }
            if checkComma, !(try skip(.comma)) { try fail("expected comma after expression", at: tok.span) }
            let arg = try parseExpression()
            if try skipOp("=") {
                let value = try parseExpression()
                switch arg {
                case .symbol(let k, _): kwargs.append((k, value))
                case .literal(let v, _) where v.isPrimitiveString: kwargs.append((v.jsString, value))
                default: try fail("keyword argument names must be names", at: arg.span)
                }
            } else {
                args.append(arg)
            }
            checkComma = true
        }
        return (args, kwargs)
    }
}
