import Testing
@testable import TemplateEngine

/// The parser, compared as an S-expression dump of the AST: precedence, associativity, desugaring.
@Suite struct ParserTests {
    static func dump(_ e: Expr) -> String {
        switch e {
        case .literal(let v, _): return v.kind == .string ? v.jsString.debugDescription : v.jsString
        case .symbol(let n, _): return n
        case .array(let items, _): return "[" + items.map(dump).joined(separator: " ") + "]"
        case .dict(let pairs, _): return "{" + pairs.map { "\($0.0): \(dump($0.1))" }.joined(separator: " ") + "}"
        case .group(let items, _): return "(group " + items.map(dump).joined(separator: " ") + ")"
        case .lookup(let t, let k, _): return "(. \(dump(t)) \(dump(k)))"
        case .call(let c, let args, let kw, _):
            return "(call \(dump(c))" + args.map { " " + dump($0) }.joined() + kw.map { " \($0.0)=\(dump($0.1))" }.joined() + ")"
        case .filter(let n, let args, let kw, _):
            return "(|\(n)" + args.map { " " + dump($0) }.joined() + kw.map { " \($0.0)=\(dump($0.1))" }.joined() + ")"
        case .test(let v, let n, let args, _, _): return "(is \(n) \(dump(v))" + args.map { " " + dump($0) }.joined() + ")"
        case .unary(let op, let a, _): return "(\(op) \(dump(a)))"
        case .binary(let op, let a, let b, _): return "(\(op.rawValue) \(dump(a)) \(dump(b)))"
        case .and(let a, let b, _): return "(and \(dump(a)) \(dump(b)))"
        case .or(let a, let b, _): return "(or \(dump(a)) \(dump(b)))"
        case .compare(let a, let ops, _): return "(cmp \(dump(a))" + ops.map { " \($0.0.rawValue) \(dump($0.1))" }.joined() + ")"
        case .inlineIf(let c, let t, let e, _): return "(if \(dump(c)) \(dump(t)) \(e.map(dump) ?? "nil"))"
        case .caller(let def, _): return "(caller \(def.args))"
        case .superCall: return "(super)"
        }
    }

    static func parse(_ expression: String) throws -> String {
        let body = try Parser.parse(Source(path: "t", bytes: Array("{{ \(expression) }}".utf8)))
        guard case .output(let e)? = body.first else { return "?" }
        return dump(e)
    }

    static let rows: [(expression: String, ast: String)] = [
        // * binds tighter than +, + tighter than ~
        ("a ~ b + c * d", "(~ a (+ b (* c d)))"),
        // ** is left-associative and unary minus binds tighter
        ("-2 ** 3 ** 2", "(** (** (neg 2) 3) 2)"),
        // filters bind to the primary before them; arguments are expressions
        ("a ~ b | upper | replace(\"x\", y ~ z)", "(~ a (|replace (|upper b) \"x\" (~ y z)))"),
        // a filter applies to a negated operand as a whole
        ("-x | abs", "(|abs (neg x))"),
        // comparisons chain; is/in/not
        ("1 < x <= 3", "(cmp 1 < x <= 3)"),
        ("x is not divisibleby(3)", "(not (is divisibleby x 3))"),
        ("x is none", "(is null x)"),
        ("a not in b", "(not (in a b))"),
        ("not a and b or c", "(or (and (not a) b) c)"),
        // inline if without else
        ("items if x", "(if x items nil)"),
        // postfix chains: attribute, index, call with keyword arguments
        ("a.b[0](1, k=2).c", "(. (call (. (. a \"b\") 0) 1 k=2) \"c\")"),
        // literals
        ("[1, \"s\", {k: none, \"q\": true}]", "[1 \"s\" {k: null q: true}]"),
        ("(1, 2)", "(group 1 2)"),
    ]

    @Test(arguments: rows)
    func expression(expression: String, ast: String) throws {
        #expect(try ParserTests.parse(expression) == ast)
    }

    @Test func callBlockPassesCallerAsKeyword() throws {
        let body = try Parser.parse(Source(path: "t", bytes: Array("{% call(x) m(1) %}b{% endcall %}".utf8)))
        guard case .output(let e)? = body.first else { Issue.record("no output node"); return }
        #expect(ParserTests.dump(e) == "(call m 1 caller=(caller [\"x\"]))")
    }

    @Test func whitespaceControlTrimsData() throws {
        let body = try Parser.parse(Source(path: "t", bytes: Array("a  {%- if x -%}  b  {%- endif %}\n c".utf8)))
        guard case .data(let first, 1)? = body.first, case .ifStmt(_, let inner, nil)? = body.dropFirst().first,
              case .data(let last, 1)? = body.last else { Issue.record("unexpected shape"); return }
        #expect(first == "a")
        guard case .data(let b, _)? = inner.first else { Issue.record("no data in if"); return }
        #expect(b == "b")
        #expect(last == "\n c")
    }
}
