/// Turns the AST into `CodeBlock`s: one for the root, one per block, one per macro.
///
/// Mirrors nunjucks' compiler: loop variables, macro arguments, macro names and import targets are compile-time
/// locals (`loadLocal`); every other name is looked up at run time through frames and the context (`loadName`).
struct Compiler {
    /// A compile-time scope (nunjucks' compile-time `Frame`).
    final class Scope {
        let parent: Scope?
        var names: Set<String> = []
        init(parent: Scope?) { self.parent = parent }
        func contains(_ name: String) -> Bool { names.contains(name) || (parent?.contains(name) ?? false) }
    }

    let registry: Registry
    let source: Source
    private var code: CodeBuilder
    private var scope: Scope
    private(set) var blocks: [String: CodeBlock] = [:]

    init(registry: Registry, source: Source) {
        self.registry = registry
        self.source = source
        self.code = CodeBuilder()
        self.scope = Scope(parent: nil)
    }

    /// Compiles a parsed template.
    static func compile(_ body: [Stmt], source: Source, registry: Registry) throws(TemplateError) -> Template {
        var c = Compiler(registry: registry, source: source)
        do {
            try c.compileBody(body)
        } catch {
            throw TemplateError(error.kind, source: source, span: error.span)
        }
        return Template(source: source, root: c.code.build(), blocks: c.blocks)
    }

    // MARK: - Emitting

    private var here: Int { code.instructions.count }

    private mutating func emit(_ i: Instruction, _ span: Span) {
        code.instructions.append(i)
        code.spans.append(span)
    }

    private mutating func emitJump(_ make: (Int) -> Instruction, _ span: Span) -> Int {
        emit(make(-1), span)
        return here - 1
    }

    private mutating func patch(_ at: Int, to target: Int) {
        switch code.instructions[at] {
        case .jump: code.instructions[at] = .jump(target)
        case .jumpIfFalse: code.instructions[at] = .jumpIfFalse(target)
        case .jumpIfTrue: code.instructions[at] = .jumpIfTrue(target)
        case .jumpIfFalseOrPop: code.instructions[at] = .jumpIfFalseOrPop(target)
        case .jumpIfTrueOrPop: code.instructions[at] = .jumpIfTrueOrPop(target)
        case .forNext: code.instructions[at] = .forNext(exit: target)
        case .forEnd: code.instructions[at] = .forEnd(skipElse: target)
        case .bindKwarg(let n, _): code.instructions[at] = .bindKwarg(n, skip: target)
        case .filterEmitCased(let f, let argc, let kind, let upper, _):
            code.instructions[at] = .filterEmitCased(f, argc: argc, kind: kind, upper: upper, skip: target)
        case .path(let r, let a, let local, _):
            code.instructions[at] = .path(root: r, attrs: a, local: local, skip: target)
        case .loopAttribute(let kind, let r, let a, _):
            code.instructions[at] = .loopAttribute(kind, root: r, attrs: a, skip: target)
        case .emitPath(let r, let a, let local, _):
            code.instructions[at] = .emitPath(root: r, attrs: a, local: local, skip: target)
        default: break
        }
    }

    private mutating func string(_ s: String) -> Int {
        if let i = code.stringIndex[s] { return i }
        code.strings.append(s)
        code.stringIndex[s] = code.strings.count - 1
        return code.strings.count - 1
    }

    /// A path's attribute names appended to `pathNames`: their start shifted left 8 plus their count (at most
    /// 255, see `attributePath`), -1 for none.
    private mutating func pathList(_ names: [String]) -> Int {
        if names.isEmpty { return -1 }
        let start = code.pathNames.count
        code.pathNames.append(contentsOf: names)
        return start << 8 | names.count
    }

    /// The index of a name list, -1 for an empty one.
    private mutating func list(_ names: [String]) -> Int {
        if names.isEmpty { return -1 }
        code.nameLists.append(names)
        return code.nameLists.count - 1
    }

    private mutating func constant(_ v: Value, _ span: Span) {
        code.constants.append(v)
        emit(.loadConst(code.constants.count - 1), span)
    }

    // MARK: - Statements

    private mutating func compileBody(_ body: [Stmt]) throws(Parser.Failure) {
        for s in body { try compileStmt(s) }
    }

    private mutating func compileStmt(_ stmt: Stmt) throws(Parser.Failure) {
        switch stmt {
        case .data(let text, let line):
            code.rawText.append(Array(text.utf8))
            emit(.emitRaw(code.rawText.count - 1), Span(offset: 0, line: line, column: 1))
        case .output(let e):
            if let (root, attrs) = Compiler.attributePath(e) {
                // `{{ v.a.b }}`: one instruction outside `--strict`, the general ones (and their errors) in it.
                let (r, a, local) = (string(root), pathList(attrs), scope.contains(root))
                let fast = emitJump({ .emitPath(root: r, attrs: a, local: local, skip: $0) }, e.span)
                try compileExpr(e, pathed: true)
                emit(.emit, e.span)
                patch(fast, to: here)
                return
            }
            if try compileCasedOutput(e) { return }
            try compileExpr(e)
            if case .call = code.instructions.last, let last = code.instructions.popLast() {
                // A call printed as is: let a macro write into the output directly.
                let span = code.spans.removeLast()
                guard case .call(let argc, let kw, let name) = last else { break }
                emit(.callAndEmit(argc: argc, kwargs: kw, name: name), span)
            } else if case .filter(let name, _, let kwargs, _) = e, kwargs.isEmpty, let kind = FusedFilter(rawValue: name),
                      !registry.replacedFilters.contains(name), case .filter(let i, let argc, -1)? = code.instructions.last {
                // The filter's result goes straight to the output (see `FusedFilter`).
                code.instructions.removeLast()
                let span = code.spans.removeLast()
                emit(.filterEmit(i, argc: argc, kind: kind), span)
            } else {
                emit(.emit, e.span)
            }
        case .ifStmt(let cond, let body, let elseBody):
            let toElse = try compileBranch(on: cond, cond.span)
            try compileBody(body)
            if let elseBody {
                let toEnd = emitJump({ .jump($0) }, cond.span)
                patch(toElse, to: here)
                try compileBody(elseBody)
                patch(toEnd, to: here)
            } else {
                patch(toElse, to: here)
            }
        case .forStmt(let names, let iterable, let body, let elseBody, let span):
            for n in names { try checkName(n, span) }
            try compileExpr(iterable)
            emit(.pushFrame(isolate: false), span)
            let outer = scope
            scope = Scope(parent: outer)
            scope.names.formUnion(names)
            emit(.forInit(list(names)), span)
            let top = here
            let next = emitJump({ .forNext(exit: $0) }, span)
            try compileBody(body)
            emit(.jump(top), span)
            patch(next, to: here)
            let end = emitJump({ .forEnd(skipElse: $0) }, span)
            if let elseBody { try compileBody(elseBody) }
            patch(end, to: here)
            emit(.popFrame, span)
            scope = outer
        case .set(let targets, let value, let body, let span):
            if let value {
                try compileExpr(value, tested: true)
            } else {
                emit(.captureStart, span)
                try compileBody(body ?? [])
                emit(.captureEnd, span)
            }
            for (i, t) in targets.enumerated() {
                try checkName(t, span)
                if i < targets.count - 1 { emit(.dup, span) }
                emit(.setVar(string(t)), span)
            }
        case .macro(let def):
            let index = try compileMacro(def, keepFrame: false)
            emit(.makeMacro(index), def.span)
            bindName(def.name, export: !def.name.hasPrefix("_"), def.span)
        case .block(let name, let body, let span):
            if blocks[name] != nil { throw Parser.Failure(kind: .syntax("block '\(name)' defined more than once"), span: span) }
            let saved = (code, scope)
            code = CodeBuilder()
            code.inBlock = true
            code.blockName = name
            scope = Scope(parent: nil)
            try compileBody(body)
            blocks[name] = code.build()
            (code, scope) = saved
            emit(.block(string(name)), span)
        case .extends(let e, let span):
            try compileExpr(e)
            emit(.extends, span)
        case .include(let e, let ignoreMissing, let span):
            try compileExpr(e)
            emit(.include(ignoreMissing: ignoreMissing), span)
        case .importAs(let e, let target, let withContext, let span):
            try compileExpr(e)
            emit(.importTemplate(withContext: withContext), span)
            bindName(target, export: false, span)
        case .fromImport(let e, let names, let withContext, let span):
            try compileExpr(e)
            emit(.importTemplate(withContext: withContext), span)
            for (name, alias) in names {
                emit(.dup, span)
                emit(.importName(string(name)), span)
                bindName(alias, export: false, span)
            }
            emit(.pop, span)
        case .filterBlock(let name, let args, let kwargs, let body, let span):
            emit(.captureStart, span)
            try compileBody(body)
            emit(.captureEnd, span)
            try compileFilterCall(name, args: args, kwargs: kwargs, span: span, inputCompiled: true)
            emit(.emit, span)
        case .switchStmt(let e, let cases, let defaultBody, let span):
            try compileExpr(e)
            var toStub: [Int] = []
            for (cond, _) in cases {
                emit(.dup, span)
                try compileExpr(cond)
                emit(.binary(.seq), cond.span)
                toStub.append(emitJump({ .jumpIfTrue($0) }, cond.span))
            }
            emit(.pop, span)
            let toDefault = emitJump({ .jump($0) }, span)
            var toBody: [Int] = []
            for j in toStub {
                patch(j, to: here)
                emit(.pop, span)
                toBody.append(emitJump({ .jump($0) }, span))
            }
            var toEnd: [Int] = []
            for (i, (_, body)) in cases.enumerated() {
                patch(toBody[i], to: here)
                try compileBody(body)
                if !body.isEmpty { toEnd.append(emitJump({ .jump($0) }, span)) }
            }
            patch(toDefault, to: here)
            if let defaultBody { try compileBody(defaultBody) }
            for j in toEnd { patch(j, to: here) }
        }
    }

    /// `{{ x | f(…) | upper }}` (or `lower`) with `f` a fusable builtin and neither replaced: a
    /// `filterEmitCased` that writes `f`'s result and changes its case in the output, before the general
    /// instructions it skips (they run when `f` is outside its fast path, with their own spans for errors).
    /// - Returns: whether `e` was compiled this way.
    private mutating func compileCasedOutput(_ e: Expr) throws(Parser.Failure) -> Bool {
        guard case .filter(let outer, let outerArgs, let outerKwargs, let outerSpan) = e, outerKwargs.isEmpty,
              outerArgs.count == 1, outer == "upper" || outer == "lower", !registry.replacedFilters.contains(outer),
              case .filter(let inner, _, let innerKwargs, _) = outerArgs[0], innerKwargs.isEmpty,
              let kind = FusedFilter(rawValue: inner), !registry.replacedFilters.contains(inner) else { return false }
        try compileExpr(outerArgs[0])
        guard case .filter(let i, let argc, -1)? = code.instructions.last else {
            // Not compiled to a plain filter call after all: finish the general way.
            try compileFilterCall(outer, args: [], kwargs: [], span: outerSpan, inputCompiled: true)
            emit(.emit, e.span)
            return true
        }
        code.instructions.removeLast()
        let innerSpan = code.spans.removeLast()
        let upper = outer == "upper"
        let fast = emitJump({ .filterEmitCased(i, argc: argc, kind: kind, upper: upper, skip: $0) }, innerSpan)
        emit(.filter(i, argc: argc, kwargs: -1), innerSpan)
        try compileFilterCall(outer, args: [], kwargs: [], span: outerSpan, inputCompiled: true)
        emit(.emit, e.span)
        patch(fast, to: here)
        return true
    }

    /// nunjucks pastes variable names into JavaScript string literals, where a quote or backslash breaks the
    /// generated code: such a name is an error there (as a dict key or attribute it is fine).
    private func checkName(_ name: String, _ span: Span) throws(Parser.Failure) {
        if name.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            throw Parser.Failure(kind: .syntax("invalid name '\(name)'"), span: span)
        }
    }

    /// Binds a macro or import target: a frame variable inside a scope, else a context variable.
    private mutating func bindName(_ name: String, export: Bool, _ span: Span) {
        if scope.parent != nil {
            emit(.setFrameVar(string(name)), span)
        } else {
            emit(.setContextVar(string(name), export: export), span)
        }
        scope.names.insert(name)
    }

    private mutating func compileMacro(_ def: MacroDef, keepFrame: Bool) throws(Parser.Failure) -> Int {
        let saved = (code, scope)
        let macroCode = CodeBuilder()
        macroCode.inBlock = saved.0.inBlock
        macroCode.blockName = saved.0.blockName
        code = macroCode
        scope = Scope(parent: keepFrame ? saved.1 : nil)
        scope.names.formUnion(def.args)
        for a in def.args + def.kwargs.map(\.0) { try checkName(a, def.span) }
        for (name, defaultExpr) in def.kwargs {
            let nameIndex = string(name)
            let j = emitJump({ .bindKwarg(nameIndex, skip: $0) }, def.span)
            try compileExpr(defaultExpr)
            emit(.setFrameVar(nameIndex), def.span)
            patch(j, to: here)
        }
        try compileBody(def.body)
        (code, scope) = saved
        code.macros.append(MacroCode(name: def.name, argNames: def.args, kwargNames: def.kwargs.map(\.0),
                                     code: macroCode.build(), keepFrame: keepFrame))
        return code.macros.count - 1
    }

    /// Compiles a condition and a jump, to be patched, taken when it is false. `not x` jumps on `x` being true
    /// instead of negating it first (`if not loop.last` in every comma-separated loop).
    private mutating func compileBranch(on cond: Expr, _ span: Span) throws(Parser.Failure) -> Int {
        if case .unary(.not, let operand, _) = cond {
            try compileExpr(operand, tested: true)
            return emitJump({ .jumpIfTrue($0) }, span)
        }
        try compileExpr(cond, tested: true)
        return emitJump({ .jumpIfFalse($0) }, span)
    }

    // MARK: - Expressions

    /// Compiles an expression that pushes one value.
    /// - Parameter tested: the value is only tested for truthiness, stored or defaulted (an if condition, an
    ///   `and`/`or`/`not` operand, a `set` value, `default`'s input): reading it when undefined is no error
    ///   under `--strict`. Only the outermost read is lenient: the parent of an attribute never is.
    private mutating func compileExpr(_ e: Expr, tested: Bool = false, pathed: Bool = false) throws(Parser.Failure) {
        if !pathed, case .lookup = e, let (root, attrs) = Compiler.attributePath(e) {
            // `v.a.b`: one instruction outside `--strict`, the general ones (and their errors) in it.
            let (r, a, local) = (string(root), pathList(attrs), scope.contains(root))
            let fast: Int
            if root == "loop", !local, attrs.count == 1, let kind = LoopObject.Attribute(name: attrs[0]) {
                fast = emitJump({ .loopAttribute(kind, root: r, attrs: a, skip: $0) }, e.span)
            } else {
                fast = emitJump({ .path(root: r, attrs: a, local: local, skip: $0) }, e.span)
            }
            try compileExpr(e, tested: tested, pathed: true)
            patch(fast, to: here)
            return
        }
        switch e {
        case .literal(let v, let span):
            constant(v, span)
        case .symbol(let name, let span):
            try checkName(name, span)
            if scope.contains(name) {
                emit(.loadLocal(string(name), lenient: tested), span)
            } else {
                emit(.loadName(string(name), lenient: tested), span)
            }
        case .array(let items, let span):
            for i in items { try compileExpr(i) }
            emit(.buildArray(items.count), span)
        case .dict(let pairs, let span):
            for (_, v) in pairs { try compileExpr(v) }
            emit(.buildObject(list(pairs.map(\.0))), span)
        case .group(let items, let span):
            if items.isEmpty { constant(.undefined, span) }
            for (i, item) in items.enumerated() {
                try compileExpr(item, tested: tested && i == items.count - 1)
                if i < items.count - 1 { emit(.pop, span) }
            }
        case .lookup(let target, let key, let span):
            try compileExpr(target, pathed: pathed)
            let paths = list([Compiler.describe(e), Compiler.describe(target)])
            if case .literal(let k, _) = key, case .string(let name) = k.repr {
                emit(.getAttr(string(name), paths: paths, lenient: tested), span)
            } else {
                try compileExpr(key)
                emit(.getItem(paths: paths, lenient: tested), span)
            }
        case .call(let callee, let args, let kwargs, let span):
            if case .symbol("super", _) = callee, args.isEmpty, kwargs.isEmpty, code.inBlock {
                emit(.superBlock, span)
                return
            }
            try compileExpr(callee)
            for a in args { try compileExpr(a) }
            for (_, v) in kwargs { try compileExpr(v) }
            emit(.call(argc: args.count, kwargs: list(kwargs.map(\.0)), name: string(Compiler.describe(callee))), callee.span)
        case .filter(let name, let args, let kwargs, let span):
            try compileFilterCall(name, args: args, kwargs: kwargs, span: span, inputCompiled: false)
        case .test(let value, let name, let args, let kwargs, let span):
            try checkName(name, span)
            guard let test = registry.tests[name] else {
                emit(.fail(string("unknown test '\(name)'")), span)
                return
            }
            try compileExpr(value, tested: name == "defined" || name == "undefined")
            for a in args { try compileExpr(a) }
            if !kwargs.isEmpty {
                for (_, v) in kwargs { try compileExpr(v) }
                emit(.buildObject(list(kwargs.map(\.0))), span)
            }
            code.tests.append(test)
            emit(.test(code.tests.count - 1, argc: args.count + (kwargs.isEmpty ? 0 : 1)), span)
        case .unary(let op, let operand, let span):
            try compileExpr(operand, tested: op == .not)
            emit(.unary(op), span)
        case .binary(let op, let l, let r, let span):
            try compileExpr(l)
            try compileExpr(r)
            emit(.binary(op), span)
        case .and(let l, let r, let span):
            try compileExpr(l, tested: true)
            let j = emitJump({ .jumpIfFalseOrPop($0) }, span)
            try compileExpr(r, tested: tested)
            patch(j, to: here)
        case .or(let l, let r, let span):
            try compileExpr(l, tested: true)
            let j = emitJump({ .jumpIfTrueOrPop($0) }, span)
            try compileExpr(r, tested: tested)
            patch(j, to: here)
        case .compare(let first, let ops, _):
            try compileExpr(first)
            for (op, rhs) in ops {
                try compileExpr(rhs)
                emit(.binary(op), rhs.span)
            }
        case .inlineIf(let cond, let then, let elseExpr, let span):
            let toElse = try compileBranch(on: cond, span)
            try compileExpr(then, tested: tested)
            let toEnd = emitJump({ .jump($0) }, span)
            patch(toElse, to: here)
            if let elseExpr { try compileExpr(elseExpr, tested: tested) } else { constant(Value(""), span) }
            patch(toEnd, to: here)
        case .caller(let def, let span):
            let index = try compileMacro(def, keepFrame: true)
            emit(.makeMacro(index), span)
        case .superCall(let span):
            emit(.superBlock, span)
        }
    }

    private mutating func compileFilterCall(_ name: String, args: [Expr], kwargs: [(String, Expr)], span: Span,
                                            inputCompiled: Bool) throws(Parser.Failure) {
        try checkName(name, span)
        guard let filter = registry.filters[name] else {
            emit(.fail(string("unknown filter '\(name)'")), span)
            return
        }
        var positional = args
        if !inputCompiled {
            let input = positional.removeFirst()
            try compileExpr(input, tested: name == "default" || name == "d")
        }
        for a in positional { try compileExpr(a) }
        for (_, v) in kwargs { try compileExpr(v) }
        code.filters.append(filter)
        emit(.filter(code.filters.count - 1, argc: positional.count + 1, kwargs: list(kwargs.map(\.0))), span)
    }

    /// The variable and attribute names of `v.a.b` (a name then constant string attributes), else nil.
    static func attributePath(_ e: Expr) -> (String, [String])? {
        var attrs: [String] = []
        var cur = e
        while true {
            switch cur {
            case .symbol(let name, _):
                // Longer chains (never written in practice) keep the general instructions only.
                return attrs.count < 256 ? (name, attrs.reversed()) : nil
            case .lookup(let target, .literal(let k, _), _):
                guard case .string(let name) = k.repr else { return nil }
                attrs.append(name)
                cur = target
            default:
                return nil
            }
        }
    }

    /// How messages name an expression (nunjucks' `_getNodeName`, with dots for attributes).
    static func describe(_ e: Expr) -> String {
        switch e {
        case .symbol(let n, _): return n
        case .call(let callee, _, _, _): return "the return value of (\(describe(callee)))"
        case .lookup(let t, .literal(let k, _), _) where k.isPrimitiveString: return "\(describe(t)).\(k.jsString)"
        case .lookup(let t, let k, _): return "\(describe(t))[\(describe(k))]"
        case .literal(let v, _): return v.jsString
        default: return "--expression--"
        }
    }
}
