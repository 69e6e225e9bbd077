/// Expression nodes; each carries the span errors point at.
indirect enum Expr: Sendable {
    case literal(Value, Span)
    case symbol(String, Span)
    case array([Expr], Span)
    case dict([(String, Expr)], Span)
    /// `(a, b)`: evaluates each, yields the last (JavaScript's comma operator).
    case group([Expr], Span)
    /// `target.name` or `target[key]`.
    case lookup(Expr, Expr, Span)
    /// `callee(args, name=value)`; `name` is how messages refer to the callee.
    case call(Expr, [Expr], [(String, Expr)], Span)
    /// `input | name(args)`.
    case filter(String, [Expr], [(String, Expr)], Span)
    /// `value is name(args)`.
    case test(Expr, String, [Expr], [(String, Expr)], Span)
    case unary(UnaryOp, Expr, Span)
    case binary(BinaryOp, Expr, Expr, Span)
    case and(Expr, Expr, Span)
    case or(Expr, Expr, Span)
    /// `a < b <= c`: JavaScript evaluates it left to right on booleans.
    case compare(Expr, [(BinaryOp, Expr)], Span)
    case inlineIf(cond: Expr, then: Expr, else: Expr?, Span)
    /// The body of a `{% call %}` block, passed to the macro as `caller`.
    case caller(MacroDef, Span)
    /// `super()` inside a block.
    case superCall(Span)

    /// The height of this expression tree (a leaf is 1).
    var depth: Int {
        switch self {
        case .literal, .symbol, .superCall: return 1
        case .array(let items, _), .group(let items, _): return 1 + (items.map(\.depth).max() ?? 0)
        case .dict(let pairs, _): return 1 + (pairs.map(\.1.depth).max() ?? 0)
        case .lookup(let a, let b, _), .binary(_, let a, let b, _), .and(let a, let b, _), .or(let a, let b, _):
            return 1 + max(a.depth, b.depth)
        case .call(let c, let args, let kw, _):
            return 1 + max(c.depth, args.map(\.depth).max() ?? 0, kw.map(\.1.depth).max() ?? 0)
        case .filter(_, let args, let kw, _):
            return 1 + max(args.map(\.depth).max() ?? 0, kw.map(\.1.depth).max() ?? 0)
        case .test(let v, _, let args, let kw, _):
            return 1 + max(v.depth, args.map(\.depth).max() ?? 0, kw.map(\.1.depth).max() ?? 0)
        case .unary(_, let a, _): return 1 + a.depth
        case .compare(let a, let ops, _): return 1 + max(a.depth, ops.map(\.1.depth).max() ?? 0) + ops.count
        case .inlineIf(let c, let t, let e, _): return 1 + max(c.depth, t.depth, e?.depth ?? 0)
        case .caller: return 1
        }
    }

    var span: Span {
        switch self {
        case .literal(_, let s), .symbol(_, let s), .array(_, let s), .dict(_, let s), .group(_, let s),
             .lookup(_, _, let s), .call(_, _, _, let s), .filter(_, _, _, let s), .test(_, _, _, _, let s),
             .unary(_, _, let s), .binary(_, _, _, let s), .and(_, _, let s), .or(_, _, let s),
             .compare(_, _, let s), .inlineIf(_, _, _, let s), .caller(_, let s), .superCall(let s):
            return s
        }
    }
}

/// Prefix operators.
enum UnaryOp: Sendable { case not, neg, pos }

/// Infix operators with JavaScript semantics.
enum BinaryOp: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**", concat = "~"
    case eq = "==", seq = "===", ne = "!=", sne = "!==", lt = "<", gt = ">", le = "<=", ge = ">="
    case `in` = "in"
}

/// A macro (or call-block body): its parameters, defaults and body.
struct MacroDef: Sendable {
    var name: String
    var args: [String]
    var kwargs: [(String, Expr)]
    var body: [Stmt]
    var span: Span
}

/// Statement nodes.
indirect enum Stmt: Sendable {
    /// Template text; `line` is the line it starts on (after whitespace control trimmed it).
    case data(String, line: Int)
    case output(Expr)
    case ifStmt(Expr, [Stmt], [Stmt]?)
    case forStmt(names: [String], iterable: Expr, body: [Stmt], else: [Stmt]?, Span)
    case set(targets: [String], value: Expr?, body: [Stmt]?, Span)
    case macro(MacroDef)
    case block(String, [Stmt], Span)
    case extends(Expr, Span)
    case include(Expr, ignoreMissing: Bool, Span)
    case importAs(Expr, target: String, withContext: Bool, Span)
    case fromImport(Expr, names: [(String, String)], withContext: Bool, Span)
    case filterBlock(String, [Expr], [(String, Expr)], [Stmt], Span)
    case switchStmt(Expr, [(Expr, [Stmt])], [Stmt]?, Span)
}
