/// Calls (builtins and macros with nunjucks' argument rules), blocks and `super()`, and template loading.
extension VM {
    /// Calls a builtin or a macro with nunjucks' argument rules.
    func call(_ callee: Value, args: [Value], kwargs: [(String, Value)], name: String, _ stack: ValueStack, _ out: OutputBuffer) throws -> Value {
        guard case .callable(let c) = callee.repr else {
            if !callee.isTruthy { throw TemplateError.Kind.runtime("unable to call '\(name)', which is undefined or falsey") }
            throw TemplateError.Kind.runtime("unable to call '\(name)', which is not a function")
        }
        switch c.body {
        case .native(let fn):
            return try fn(args, kwargs)
        case .macro(let m):
            return try callMacro(m, args: args, kwargs: kwargs, stack, out, keepOutput: false)
        }
    }

    /// Runs a macro; its output is returned as a safe string, or left in `out` when `keepOutput`.
    @discardableResult
    func callMacro(_ m: MacroClosure, args: [Value], kwargs: [(String, Value)], _ stack: ValueStack,
                           _ out: OutputBuffer, keepOutput: Bool) throws -> Value {
        let argNames = m.code.argNames
        let kwNames = m.code.kwargNames
        var kw = kwargs
        var positional: [Value]
        if args.count > argNames.count {
            positional = Array(args[..<argNames.count])
            for (i, v) in args[argNames.count...].enumerated() where i < kwNames.count {
                if let j = kw.firstIndex(where: { $0.0 == kwNames[i] }) { kw[j].1 = v } else { kw.append((kwNames[i], v)) }
            }
        } else if args.count < argNames.count {
            positional = args
            for name in argNames[args.count...] {
                if let j = kw.firstIndex(where: { $0.0 == name }) {
                    positional.append(kw[j].1)
                    kw.remove(at: j)
                } else {
                    positional.append(.undefined)
                }
            }
        } else {
            positional = args
        }
        // nunjucks: a macro sets its function's frame variable to a fresh frame (a call body pushes onto the
        // current one) and puts the caller's frame back when it returns.
        var frame = m.code.keepFrame ? Frame(parent: m.cell.current, isolateWrites: true, lexicalParent: m.definitionFrame) : Frame()
        if let caller = kw.first(where: { $0.0 == "caller" }) { frame.setLocal(NameTable.caller, caller.1) }
        for (i, id) in m.code.argIds.enumerated() { frame.setLocal(id, positional[i]) }
        let mark = out.count
        try runMacro(m, frame: &frame, kwargs: kw, stack, out)
        if keepOutput { return .undefined }
        let text = out.string(from: mark)
        cut(out, to: mark)
        return .safe(text)
    }

    /// Runs a macro body in `frame`, which becomes its function's current frame until it returns (`frame`
    /// holds the caller's frame meanwhile, and its own again afterwards).
    func runMacro(_ m: MacroClosure, frame: inout Frame, kwargs: [(String, Value)], _ stack: ValueStack, _ out: OutputBuffer) throws {
        // Swapped in and out rather than assigned or copied: no reference count changes.
        swap(&m.cell.current, &frame)
        var act = Activation(code: m.code.code, template: m.template, cell: m.cell, context: m.context)
        if !kwargs.isEmpty { act.more().kwargs = kwargs }
        try run(&act, stack, out)
        swap(&m.cell.current, &frame)
    }

    func renderBlock(_ name: String, frame: Frame, context: RenderContext, _ stack: ValueStack, _ out: OutputBuffer) throws {
        guard let (code, template) = context.blocks[name]?.first else {
            throw TemplateError.Kind.runtime("unknown block '\(name)'")
        }
        try runBlock(code, template, frame: frame, context: context, stack, out)
    }

    func runBlock(_ code: CodeBlock, _ template: Template, frame: Frame, context: RenderContext, _ stack: ValueStack, _ out: OutputBuffer) throws {
        let cell = FrameCell(frame.push(isolate: true))
        var act = Activation(code: code, template: template, cell: cell, context: context)
        act.more().blockCode = code
        try withExtendedLifetime(cell) { try run(&act, stack, out) }
    }

    func renderSuper(_ act: Activation, _ stack: ValueStack, _ out: OutputBuffer) throws -> Value {
        let current = act.blockCode ?? act.code
        let name = current.blockName ?? ""
        guard let list = act.context.blocks[name], let i = list.firstIndex(where: { $0.0 === current }), i + 1 < list.count else {
            throw TemplateError.Kind.runtime("no super block available for '\(name)'")
        }
        let (code, template) = list[i + 1]
        let mark = out.count
        try runBlock(code, template, frame: act.frame, context: act.context, stack, out)
        let text = out.string(from: mark)
        cut(out, to: mark)
        return .safe(text)
    }

    /// Loads an included, imported or extended template by name, relative names against `from`'s folder.
    func loadTemplate(_ name: Value, from: Template, ignoreMissing: Bool) throws -> Template? {
        guard let n = name.stringValue else {
            throw TemplateError.Kind.runtime("template name must be a string, not \(Filters.describe(name))")
        }
        guard let path = environment.resolve(n, from: from.source.path, loader: loader) else {
            if ignoreMissing { return nil }
            throw TemplateError.Kind.templateNotFound(n)
        }
        return try environment.template(atPath: path, displayPath: loader.displayPath(path))
    }
}
