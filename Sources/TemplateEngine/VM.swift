/// Runs compiled code: a stack machine over `Value`, writing UTF-8 bytes to a growing buffer.
///
/// One `VM` serves one top-level render; nested runs (macros, blocks, includes, imports) are counted so runaway
/// recursion ends in an error instead of a stack overflow.
final class VM {
    let environment: Environment
    let loader: Loader
    let strict: Bool
    @exclusivity(unchecked) var depth = 0
    /// Fresh frames for macro calls, reused (see `callAndEmit`).
    @exclusivity(unchecked) var framePool: [Frame] = []
    static let framePoolLimit = 16
    /// Instructions executed so far, checked against `stepLimit`.
    @exclusivity(unchecked) private var steps = 0
    let stepLimit: Int
    /// Set when the caller asked for output line origins.
    let originLog: OriginLog?
    /// Nested runs allowed before "maximum recursion depth exceeded".
    static let maxDepth = 200
    /// Every macro made during the render. A macro holds its frames and context, which hold the macro (a
    /// top-level macro is a context variable): each is a reference cycle, cut by `releaseClosures()` when
    /// the render ends. Left alone they leaked about 1 KB per render of a template that imports macros.
    private var closures: [MacroClosure] = []

    init(environment: Environment, loader: Loader, strict: Bool, originLog: OriginLog? = nil) {
        self.environment = environment
        self.loader = loader
        self.strict = strict
        self.stepLimit = environment.stepLimit
        self.originLog = originLog
    }

    /// Cuts the reference cycles between the render's macros and the frames and contexts they close over, by
    /// emptying those frames and contexts. Called once the render is over: a macro that outlives it (a value
    /// a custom filter kept) still runs, seeing no variables.
    func releaseClosures() {
        for c in closures {
            c.context.forgetVariables()
            c.definitionFrame.forgetChain()
            c.cell.current.forgetChain()
        }
        closures = []
    }

    /// Cuts the output back to `mark`, forgetting the origins of what is cut.
    @inline(__always) func cut(_ out: OutputBuffer, to mark: Int) {
        out.cut(to: mark)
        originLog?.truncate(to: mark)
    }

    /// The state of one run of a `CodeBlock`. The value stack and the output buffer are shared by the whole
    /// render and passed down by reference: a macro's output is the tail it appended, cut off when it returns.
    ///
    /// `code`, `template` and `context` are not retained: every activation lives inside one call of `run` whose
    /// caller holds them (a template and context passed in, a macro closure's constants), and a macro call
    /// makes one activation, so retaining and releasing them cost more than the call's other bookkeeping.
    /// The cell is held unretained too (`Unmanaged`, read through `_withUnsafeGuaranteedRef`, which unlike an
    /// `unowned(unsafe)` reference needs no retain at each use): a macro's closure, on the stack for the call,
    /// holds it, and a root or block run keeps its own alive around `run`. Retaining it cost two atomic
    /// operations per macro call.
    struct Activation {
        unowned(unsafe) let code: CodeBlock
        unowned(unsafe) let template: Template
        /// The frame variable this code shares with the function it was written in.
        let cellRef: Unmanaged<FrameCell>
        /// The cell, strongly referenced (for a macro closure that keeps it).
        var cell: FrameCell { cellRef.takeUnretainedValue() }
        var frame: Frame {
            get { cellRef._withUnsafeGuaranteedRef { $0.current } }
            nonmutating set { cellRef._withUnsafeGuaranteedRef { $0.current = newValue } }
        }

        /// `cell.lookup(name)`.
        @inline(__always) func lookup(_ name: Int) -> Value? { cellRef._withUnsafeGuaranteedRef { $0.lookup(name) } }
        /// `cell.lookupPresent(name)`.
        @inline(__always) func lookupPresent(_ name: Int) -> Value? { cellRef._withUnsafeGuaranteedRef { $0.lookupPresent(name) } }
        /// `cell.lookupPresentMember(name, attribute)`.
        @inline(__always) func lookupPresentMember(_ name: Int, _ attribute: String) -> Value? {
            cellRef._withUnsafeGuaranteedRef { $0.lookupPresentMember(name, attribute) }
        }
        /// Runs `body` on the current frame, unretained.
        @inline(__always) func withFrame<R>(_ body: (Frame) throws -> R) rethrows -> R {
            try cellRef._withUnsafeGuaranteedRef { try Unmanaged.passUnretained($0.current)._withUnsafeGuaranteedRef(body) }
        }
        unowned(unsafe) let context: RenderContext
        /// The context again, for the hot reads: calling a method through the `unowned(unsafe)` reference
        /// retained and released it around the call (two atomic operations per variable read).
        let contextRef: Unmanaged<RenderContext>
        /// `context.lookup(name)`, the context unretained.
        @inline(__always) func contextLookup(_ name: String) -> Value {
            contextRef._withUnsafeGuaranteedRef { $0.lookup(name) }
        }
        /// `context.lookupMember(name, attribute)`, the context unretained.
        @inline(__always) func contextMember(_ name: String, _ attribute: String) -> Value {
            contextRef._withUnsafeGuaranteedRef { $0.lookupMember(name, attribute) }
        }
        var loops: [LoopState] = []
        /// Captures, keyword arguments, `extends`' parent and `super()`'s block: nil until one is used.
        var extras: ActivationExtras? = nil

        /// The extras, made on first use.
        mutating func more() -> ActivationExtras {
            if let e = extras { return e }
            let e = ActivationExtras()
            extras = e
            return e
        }

        var kwargs: [(String, Value)] { extras?.kwargs ?? [] }
        var parent: Template? { extras?.parent }
        var blockCode: CodeBlock? { extras?.blockCode }

        init(code: CodeBlock, template: Template, cell: FrameCell, context: RenderContext) {
            self.code = code
            self.template = template
            self.cellRef = Unmanaged.passUnretained(cell)
            self.context = context
            self.contextRef = Unmanaged.passUnretained(context)
        }
    }

    // MARK: - Entry points

    /// Renders a template's root (following `extends` to the topmost parent), appending to `out`.
    func renderRoot(_ template: Template, context: RenderContext, frame: Frame, stack: ValueStack, out: OutputBuffer) throws {
        let mark = out.count
        let cell = FrameCell(frame)
        var act = Activation(code: template.root, template: template, cell: cell, context: context)
        try withExtendedLifetime(cell) { try run(&act, stack, out) }
        if let parent = act.parent {
            // A child's own output is dropped: the parent renders the page, calling back into the child's blocks.
            cut(out, to: mark)
            try renderRoot(parent, context: context, frame: frame, stack: stack, out: out)
        }
    }

    func run(_ act: inout Activation, _ stack: ValueStack, _ out: OutputBuffer) throws {
        depth += 1
        defer { depth -= 1 }
        if depth > VM.maxDepth {
            throw TemplateError.Kind.runtime("maximum recursion depth exceeded (\(VM.maxDepth) nested macro calls, includes or blocks)")
        }
        try countSteps(1)
        // The code is passed on unretained: the activation's caller holds it (see `Activation`).
        let code = Unmanaged.passUnretained(act.code)
        var pc = 0
        do {
            try code._withUnsafeGuaranteedRef { try execute(&act, $0, &pc, stack, out) }
        } catch let e as TemplateError {
            throw e
        } catch let k as TemplateError.Kind {
            let spans = code.takeUnretainedValue().spans
            throw TemplateError(k, source: act.template.source, span: spans[min(pc, spans.count - 1)])
        }
    }

    // MARK: - The loop

    /// Counts work against `stepLimit`: called per run and per loop iteration, which bounds every render.
    @inline(__always) private func countSteps(_ n: Int) throws {
        steps &+= n
        if steps > stepLimit {
            throw TemplateError.Kind.runtime("render stopped after \(stepLimit) steps (runaway recursion or loops?)")
        }
    }

    private func execute(_ act: inout Activation, _ code: CodeBlock, _ pc: inout Int, _ stack: ValueStack, _ out: OutputBuffer) throws {
        let instructions = code.instructionSlots
        let count = code.instructions.count
        while pc < count {
            switch instructions[pc] {
            case .emitRaw(let i):
                let start = out.count
                let r = code.rangeSlots[i]
                out.append(UnsafeBufferPointer(rebasing: code.rawBytes[r.offset..<(r.offset + r.count)]))
                if let log = originLog {
                    log.note(out, from: start, path: act.template.source.path, line: code.spans[pc].line, followNewlines: true)
                }
            case .emit:
                let v = stack.removeLast()
                let start = out.count
                VM.write(v, to: out)
                if let log = originLog {
                    log.note(out, from: start, path: act.template.source.path, line: code.spans[pc].line, followNewlines: false)
                }
            case .loadConst(let i):
                stack.append(code.constantSlots[i])
            case .loadName(let k, let lenient):
                let v = act.lookup(code.nameIdSlots[k]) ?? act.contextLookup(code.stringSlots[k])
                if strict && !lenient && v.isUndefined { throw TemplateError.Kind.undefinedValue(code.stringSlots[k]) }
                stack.append(v)
            case .loadLocal(let k, let lenient):
                let v = act.lookupPresent(code.nameIdSlots[k]) ?? act.contextLookup(code.stringSlots[k])
                if strict && !lenient && v.isUndefined { throw TemplateError.Kind.undefinedValue(code.stringSlots[k]) }
                stack.append(v)
            case .path(let root, let attrs, let local, let skip):
                if strict { break }
                stack.append(pathValue(&act, code, root, attrs, local))
                pc = skip
                continue
            case .loopAttribute(let kind, let root, let attrs, let skip):
                if strict { break }
                // The innermost running loop of this code, unretained (`act.loops` holds it).
                let running = act.loops.withUnsafeBufferPointer { $0.last.map { Unmanaged.passUnretained($0) } }
                if let running, running._withUnsafeGuaranteedRef({ state in act.withFrame { $0.findsLoop(state.loop) } }) {
                    stack.append(running._withUnsafeGuaranteedRef { $0.loop.value(kind) })
                } else {
                    stack.append(pathValue(&act, code, root, attrs, false))
                }
                pc = skip
                continue
            case .emitPath(let root, let attrs, let local, let skip):
                if strict { break }
                let start = out.count
                VM.write(pathValue(&act, code, root, attrs, local), to: out)
                if let log = originLog {
                    log.note(out, from: start, path: act.template.source.path, line: code.spans[pc].line, followNewlines: false)
                }
                pc = skip
                continue
            case .getAttr(let k, let paths, let lenient):
                let obj = stack.removeLast()
                let v = Value.member(obj, name: code.stringSlots[k])
                if strict && v.isUndefined { try strictMiss(obj, paths: code.nameLists[paths], lenient: lenient) }
                stack.append(v)
            case .getItem(let paths, let lenient):
                let key = stack.removeLast()
                let obj = stack.removeLast()
                let v = Value.member(obj, key: key)
                if strict && v.isUndefined { try strictMiss(obj, paths: code.nameLists[paths], lenient: lenient) }
                stack.append(v)
            case .buildArray(let n):
                stack.append(Value(array: VM.pop(stack, n)))
            case .buildObject(let k):
                let keys = k < 0 ? [] : code.nameLists[k]
                var o = OrderedObject()
                let base = stack.count - keys.count
                for (i, k) in keys.enumerated() { o[k] = stack[base + i] }
                VM.drop(stack, keys.count)
                stack.append(Value(o))
            case .call(let argc, let kw, let name):
                let kwargs = kw < 0 ? [] : popKwargs(stack, code.nameLists[kw])
                let args = VM.pop(stack, argc)
                let callee = stack.removeLast()
                stack.append(try call(callee, args: args, kwargs: kwargs, name: code.strings[name], stack, out))
            case .callAndEmit(let argc, let kw, let name):
                // Fast path: a macro called with exactly its positional arguments binds them straight from
                // the stack into its frame. The callee is looked at in place (`VM.plainMacro`) and stays on
                // the stack, keeping the macro alive, until the call returns; the arguments are moved off the
                // stack. No copies, so no retains.
                if kw < 0, let macro = VM.plainMacro(stack.topValues(argc + 1), argc) {
                    var frame = framePool.popLast() ?? Frame()
                    try macro._withUnsafeGuaranteedRef { m in
                        var i = argc - 1
                        while i >= 0 { frame.bindNew(m.code.argIds[i], stack.removeLast()); i -= 1 }
                        try runMacro(m, frame: &frame, kwargs: [], stack, out)
                    }
                    stack.removeLast()
                    // Nothing made during the call kept the frame (a macro or call body defined in it, a
                    // loop frame): it serves the next call instead of being freed and allocated again.
                    // Moved into the pool (`consume`): appending a copy retained it and then released the variable.
                    if isKnownUniquelyReferenced(&frame) && framePool.count < VM.framePoolLimit {
                        frame.clear()
                        framePool.append(consume frame)
                    }
                    break
                }
                let kwargs = kw < 0 ? [] : popKwargs(stack, code.nameLists[kw])
                let args = VM.pop(stack, argc)
                let callee = stack.removeLast()
                if case .callable(let c) = callee.repr, case .macro(let m) = c.body {
                    try callMacro(m, args: args, kwargs: kwargs, stack, out, keepOutput: true)
                } else {
                    let result = try call(callee, args: args, kwargs: kwargs, name: code.strings[name], stack, out)
                    let start = out.count
                    VM.write(result, to: out)
                    if let log = originLog {
                        log.note(out, from: start, path: act.template.source.path, line: code.spans[pc].line, followNewlines: false)
                    }
                }
            case .filter(let i, let argc, let kw):
                let kwargs = kw < 0 ? [] : popKwargs(stack, code.nameLists[kw])
                let args = VM.pop(stack, argc)
                stack.append(try code.filters[i](args, kwargs, FilterContext(vm: self)))
            case .filterEmit(let i, let argc, let kind):
                let start = out.count
                if !VM.emitFused(kind, argc: argc, stack, out) {
                    let args = VM.pop(stack, argc)
                    VM.write(try code.filters[i](args, [], FilterContext(vm: self)), to: out)
                }
                if let log = originLog {
                    log.note(out, from: start, path: act.template.source.path, line: code.spans[pc].line, followNewlines: false)
                }
            case .filterEmitCased(_, let argc, let kind, let upper, let skip):
                let start = out.count
                guard VM.emitFused(kind, argc: argc, stack, out) else { break }
                VM.changeCase(out, from: start, upper: upper)
                if let log = originLog {
                    log.note(out, from: start, path: act.template.source.path, line: code.spans[pc].line, followNewlines: false)
                }
                pc = skip
                continue
            case .test(let i, let argc):
                let args = VM.pop(stack, argc + 1)
                stack.append(Value(try code.tests[i](args, FilterContext(vm: self))))
            case .fail(let i):
                throw TemplateError.Kind.runtime(code.strings[i])
            case .unary(let op):
                let v = stack.removeLast()
                switch op {
                case .not: stack.append(Value(!v.isTruthy))
                case .neg: stack.append(Value(-v.jsNumber))
                case .pos: stack.append(Value(v.jsNumber))
                }
            case .binary(let op):
                let r = stack.removeLast()
                let l = stack.removeLast()
                stack.append(try VM.binary(op, l, r))
            case .jump(let t):
                if t < pc { try countSteps(1) }
                pc = t
                continue
            case .jumpIfFalse(let t):
                if !stack.removeLast().isTruthy { pc = t; continue }
            case .jumpIfTrue(let t):
                if stack.removeLast().isTruthy { pc = t; continue }
            case .jumpIfFalseOrPop(let t):
                if !stack.top.isTruthy { pc = t; continue }
                stack.removeLast()
            case .jumpIfTrueOrPop(let t):
                if stack.top.isTruthy { pc = t; continue }
                stack.removeLast()
            case .pop:
                stack.removeLast()
            case .dup:
                stack.append(stack.top)
            case .setVar(let k):
                let name = code.strings[k]
                let v = stack.removeLast()
                act.frame.set(code.nameIdSlots[k], v, resolveUp: true)
                if act.frame.topLevel {
                    act.context.variables[name] = v
                    if !name.hasPrefix("_") && !act.context.exported.contains(name) { act.context.exported.append(name) }
                }
            case .setFrameVar(let k):
                act.frame.setLocal(code.nameIdSlots[k], stack.removeLast())
            case .setContextVar(let k, let export):
                let name = code.strings[k]
                act.context.variables[name] = stack.removeLast()
                if export && !act.context.exported.contains(name) { act.context.exported.append(name) }
            case .pushFrame(let isolate):
                act.frame = act.frame.push(isolate: isolate)
            case .popFrame:
                act.frame = act.frame.parent!
            case .forInit(let k):
                let iterable = stack.removeLast()
                act.loops.append(LoopState(names: code.nameLists[k], ids: code.nameListIds[k], iterable: iterable))
            case .forNext(let exit):
                // The loop state and the frame are used unretained: `act.loops` and the cell hold them.
                let loop = act.loops.withUnsafeBufferPointer { Unmanaged.passUnretained($0[$0.count - 1]) }
                let done = try loop._withUnsafeGuaranteedRef { state -> Bool in
                    state.position += 1
                    if state.position >= state.count { return true }
                    try act.withFrame { try bind(state, at: state.position, in: $0) }
                    return false
                }
                if done { pc = exit; continue }
            case .forEnd(let target):
                let state = act.loops.removeLast()
                if state.count > 0 { pc = target; continue }
            case .captureStart:
                act.more().captures.append(out.count)
            case .captureEnd:
                let mark = act.more().captures.removeLast()
                let text = out.string(from: mark)
                cut(out, to: mark)
                stack.append(Value(text))
            case .makeMacro(let i):
                let closure = MacroClosure(code: code.macros[i], cell: act.cell, definitionFrame: act.frame, context: act.context,
                                           template: act.template)
                closures.append(closure)
                stack.append(Value(repr: .callable(Callable(macro: closure))))
            case .bindKwarg(let k, let skip):
                let name = code.strings[k]
                if let v = act.kwargs.first(where: { $0.0 == name })?.1 {
                    act.frame.setLocal(code.nameIds[k], v)
                    pc = skip
                    continue
                }
            case .block(let k):
                if code.inBlock || act.parent == nil {
                    let name = code.strings[k]
                    try renderBlock(name, frame: act.frame, context: act.context, stack, out)
                }
            case .superBlock:
                stack.append(try renderSuper(act, stack, out))
            case .extends:
                let name = stack.removeLast()
                guard let parent = try loadTemplate(name, from: act.template, ignoreMissing: false) else { break }
                act.more().parent = parent
                act.context.addBlocks(of: parent)
            case .include(let ignoreMissing):
                let name = stack.removeLast()
                guard let t = try loadTemplate(name, from: act.template, ignoreMissing: ignoreMissing) else { break }
                let context = RenderContext(base: act.context.base, variables: act.context.variables, template: t,
                                            environment: environment, globals: act.context.globals)
                let frame = act.frame.push(isolate: true)
                frame.topLevel = true
                try nested { try renderRoot(t, context: context, frame: frame, stack: stack, out: out) }
            case .importTemplate(let withContext):
                let name = stack.removeLast()
                let t = try loadTemplate(name, from: act.template, ignoreMissing: false)!
                let context = withContext
                    ? RenderContext(base: act.context.base, variables: act.context.variables, template: t,
                                    environment: environment, globals: act.context.globals)
                    : RenderContext(base: OrderedObject(), template: t, environment: environment, globals: act.context.globals)
                let frame = withContext ? act.frame.push() : Frame()
                frame.topLevel = true
                let mark = out.count
                try nested { try renderRoot(t, context: context, frame: frame, stack: stack, out: out) }
                cut(out, to: mark)
                stack.append(context.exports())
            case .importName(let k):
                let name = code.strings[k]
                let exports = stack.removeLast()
                guard let v = exports.objectValue?[name] else { throw TemplateError.Kind.runtime("cannot import '\(name)'") }
                stack.append(v)
            }
            pc += 1
        }
    }

    /// The value of a `path`/`emitPath` instruction: what `loadLocal`/`loadName` then `getAttr` per attribute
    /// give outside `--strict`.
    @inline(__always)
    private func pathValue(_ act: inout Activation, _ code: CodeBlock, _ root: Int, _ attrs: Int, _ local: Bool) -> Value {
        let id = code.nameIdSlots[root]
        var i = attrs >> 8
        let end = i + (attrs & 0xFF)
        var v: Value
        if local && attrs >= 0 {
            if let first = act.lookupPresentMember(id, code.pathNameSlots[i]) {
                // A local's first attribute is read without copying the local out of its frame.
                v = first
                i += 1
            } else {
                // No frame holds the name (`lookupPresentMember` walked them all): a top-level macro or import
                // lives in the context, read without walking the frames a second time.
                v = act.contextMember(code.stringSlots[root], code.pathNameSlots[i])
                i += 1
            }
        } else {
            v = (local ? act.lookupPresent(id) : act.lookup(id)) ?? act.contextLookup(code.stringSlots[root])
        }
        if attrs >= 0 {
            // The names sit in one flat list (`CodeBlock.pathNames`): reading an element of a list of lists
            // copied the inner list (a retain and a release per path).
            while i < end {
                v = Value.member(v, name: code.pathNameSlots[i])
                i += 1
            }
        }
        return v
    }

    /// The macro `ops[0]` holds, unretained, when it is a macro (not a call body) taking exactly the
    /// `argc` positional arguments that follow; nil otherwise.
    @inline(__always)
    static func plainMacro(_ ops: UnsafeBufferPointer<Value>, _ argc: Int) -> Unmanaged<MacroClosure>? {
        switch ops[0].repr {
        case .callable(let c):
            switch c.body {
            case .macro(let m):
                return m.code.argNames.count == argc && !m.code.keepFrame ? Unmanaged.passUnretained(m) : nil
            default: return nil
            }
        default: return nil
        }
    }

    /// `--strict`: a member read gave undefined. Reading from an undefined parent is always an error, from a
    /// null one (a config's optional block left empty) only outside tests, like a missing member (`paths` holds
    /// the expression's and the parent's names).
    private func strictMiss(_ parent: Value, paths: [String], lenient: Bool) throws {
        if parent.isUndefined { throw TemplateError.Kind.runtime("cannot read '\(paths[0])': '\(paths[1])' is undefined") }
        if lenient { return }
        if parent.isNullish { throw TemplateError.Kind.runtime("cannot read '\(paths[0])': '\(paths[1])' is null") }
        throw TemplateError.Kind.undefinedValue(paths[0])
    }

    /// Moves the top `n` values off the stack into a new array.
    @inline(__always) static func pop(_ stack: ValueStack, _ n: Int) -> [Value] { stack.popArray(n) }

    /// Drops the top `n` values.
    @inline(__always) static func drop(_ stack: ValueStack, _ n: Int) { stack.drop(n) }

    /// Counts a nested render (include, import) against the depth limit.
    func nested<T>(_ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > VM.maxDepth {
            throw TemplateError.Kind.runtime("maximum recursion depth exceeded (\(VM.maxDepth) nested macro calls, includes or blocks)")
        }
        return try body()
    }

    private func popKwargs(_ stack: ValueStack, _ names: [String]) -> [(String, Value)] {
        if names.isEmpty { return [] }
        let base = stack.count - names.count
        var kw: [(String, Value)] = []
        kw.reserveCapacity(names.count)
        for (i, n) in names.enumerated() { kw.append((n, stack[base + i])) }
        VM.drop(stack, names.count)
        return kw
    }

    private func bind(_ state: LoopState, at i: Int, in frame: Frame) throws {
        state.loop.index0 = i
        // nunjucks sets `loop` in the first iteration, so an else branch does not see it.
        if i == 0 { frame.setLocal(NameTable.loop, Value(repr: .native(state.loop))) }
        if i < state.values.count {
            frame.setLocal(state.firstId, state.values[i])
            return
        }
        switch state.items {
        case .values(let items):
            frame.setLocal(state.ids[0], items[i])
        case .tuples(let items):
            let item = items[i]
            if item.isNullish { throw TemplateError.Kind.runtime("cannot unpack \(item.jsString) into '\(state.names.joined(separator: ", "))'") }
            for (u, id) in state.ids.enumerated() { frame.setLocal(id, Value.member(item, key: Value(Double(u)))) }
        case .pairs(let keys, let values):
            frame.setLocal(state.ids[0], Value(keys[i]))
            frame.setLocal(state.ids[1], values[i])
        case .none:
            break
        }
    }

    // MARK: - Output and operators

    /// Appends a value as `{{ }}` prints it.
    @inline(__always)
    static func write(_ v: Value, to out: OutputBuffer) {
        switch v.repr {
        case .undefined, .null: return
        case .string(let s), .safe(let s): append(s, to: out)
        case .number(let d):
            if d == d.rounded(.towardZero) && abs(d) < 1e15 {
                // Integers (the common case) are written digit by digit, with no intermediate string.
                var n = Int64(d)
                if n == 0 { out.append(0x30); return }
                if n < 0 { out.append(UInt8(ascii: "-")); n = -n }
                var digits: (UInt64, UInt64) = (0, 0)
                var count = 0
                withUnsafeMutableBytes(of: &digits) { buf in
                    while n > 0 {
                        buf[count] = UInt8(0x30 + n % 10)
                        n /= 10
                        count += 1
                    }
                    for i in stride(from: count - 1, through: 0, by: -1) { out.append(buf[i]) }
                }
            } else {
                out.append(Value.formatNumber(d))
            }
        default: out.append(v.jsString)
        }
    }

    /// Appends a string's UTF-8 bytes with one copy (appending `s.utf8` goes element by element). Reads the
    /// string in place: no copy of it, so no retain and release of its storage.
    @inline(__always)
    static func append(_ s: String, to out: OutputBuffer) {
        out.append(s)
    }

    /// Runs `body` on a string's UTF-8 bytes in place. `var copy = s; copy.withUTF8 { … }` copies the string
    /// (a retain and a release of its storage, the main cost of short strings); native strings need no copy.
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return try copy.withUTF8(body)
    }

    static func binary(_ op: BinaryOp, _ l: Value, _ r: Value) throws -> Value {
        switch op {
        case .add: return Value.add(l, r)
        case .concat: return Value.concat(l, r)
        case .sub: return Value(l.jsNumber - r.jsNumber)
        case .mul: return Value(l.jsNumber * r.jsNumber)
        case .div: return Value(l.jsNumber / r.jsNumber)
        case .floorDiv: return Value((l.jsNumber / r.jsNumber).rounded(.down))
        case .mod: return Value(l.jsNumber.truncatingRemainder(dividingBy: r.jsNumber))
        case .pow: return Value(Value.power(l.jsNumber, r.jsNumber))
        case .eq: return Value(Value.looseEquals(l, r))
        case .ne: return Value(!Value.looseEquals(l, r))
        case .seq: return Value(Value.strictEquals(l, r))
        case .sne: return Value(!Value.strictEquals(l, r))
        case .lt: return Value(Value.lessThan(l, r))
        case .gt: return Value(Value.greaterThan(l, r))
        case .le: return Value(Value.lessOrEqual(l, r))
        case .ge: return Value(Value.greaterOrEqual(l, r))
        case .in: return Value(try Value.contains(r, l))
        }
    }
}
