/// A callable value: a builtin function or a macro closing over the scope it was defined in.
final class Callable: @unchecked Sendable {
    /// A builtin's body: positional arguments and keyword arguments.
    typealias Native = @Sendable ([Value], [(String, Value)]) throws -> Value

    enum Body {
        case native(Native)
        case macro(MacroClosure)
    }

    let name: String
    let body: Body

    init(name: String, _ fn: @escaping Native) {
        self.name = name
        self.body = .native(fn)
    }

    init(macro: MacroClosure) {
        self.name = macro.code.name
        self.body = .macro(macro)
    }
}

/// A macro value: its code plus the frame, context and template it was defined in.
final class MacroClosure {
    let code: MacroCode
    /// The frame variable of the function the macro was written in.
    let cell: FrameCell
    /// The frame where it was written (a call body's compile-time locals live there).
    let definitionFrame: Frame
    let context: RenderContext
    let template: Template

    init(code: MacroCode, cell: FrameCell, definitionFrame: Frame, context: RenderContext, template: Template) {
        self.code = code
        self.cell = cell
        self.definitionFrame = definitionFrame
        self.context = context
        self.template = template
    }
}

/// nunjucks' `Context`: the render's variables, its blocks by name (child first) and the exported names.
final class RenderContext: @unchecked Sendable {
    /// The variables the render was given, read in place (copying them into a dictionary hashed every key
    /// once per render).
    let base: OrderedObject
    /// Variables the templates set (top-level `set`, macros, imports), which hide `base`'s of the same name.
    /// An object rather than a dictionary: a few names, compared without hashing (every context read looks
    /// here first).
    // No access to `variables` overlaps another (see `OrderedObject.Storage`): unchecked.
    @exclusivity(unchecked) var variables: OrderedObject {
        // Any write may change what a name resolves to: forget the remembered lookup.
        didSet { lastName = nil }
    }
    /// The last name `lookup` resolved and its value. Loops read the same context name (an imported
    /// namespace, a top-level variable) once per iteration, and hashing the name costs more than the rest of
    /// the lookup; one entry catches that and is checked with a plain string comparison.
    @exclusivity(unchecked) private var lastName: String? = nil
    @exclusivity(unchecked) private var lastValue: Value = .undefined
    var blocks: [String: [(CodeBlock, Template)]] = [:]
    var exported: [String] = []
    let environment: Environment

    /// The environment's globals, read once per context.
    let globals: [String: Value]

    init(base: OrderedObject, variables: OrderedObject = OrderedObject(), template: Template, environment: Environment,
         globals: [String: Value]) {
        self.base = base
        self.variables = variables
        self.environment = environment
        self.globals = globals
        for (name, code) in template.blocks { blocks[name] = [(code, template)] }
    }

    /// Set variables first, then the given ones; globals win only when neither defines the name.
    func lookup(_ name: String) -> Value {
        if let last = lastName, RenderContext.same(last, name) { return lastValue }
        let v = variables[name] ?? base[name] ?? globals[name] ?? .undefined
        lastName = name
        lastValue = v
        return v
    }

    /// Drops the variables templates set (see `VM.releaseClosures`).
    func forgetVariables() {
        variables = OrderedObject()
        lastValue = .undefined
    }

    /// `Value.member(lookup(name), name: attribute)`, the remembered value read in place: `cf.m(…)` on an
    /// imported namespace otherwise copied the namespace object out (an atomic increment and decrement) to
    /// read one member, once per loop iteration.
    func lookupMember(_ name: String, _ attribute: String) -> Value {
        if lastName == nil || !RenderContext.same(lastName!, name) { _ = lookup(name) }
        return Frame.member(of: &lastValue, attribute)
    }

    /// Name equality with a length check first: unequal strings otherwise take the runtime's slow comparison.
    @inline(__always) static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    func addBlocks(of template: Template) {
        for (name, code) in template.blocks { blocks[name, default: []].append((code, template)) }
    }

    /// The exported names and their values, as `import` sees them.
    func exports() -> Value {
        let names = exported
        if names.isEmpty { return Value(OrderedObject()) }
        // Built in one go from the name list (set key by key, each name cost a search and a store).
        return withUnsafeTemporaryAllocation(of: Value.self, capacity: names.count) { slots in
            for (i, name) in names.enumerated() { (slots.baseAddress! + i).initialize(to: variables[name] ?? .undefined) }
            return Value(OrderedObject(keys: names, simple: OrderedObject.isSimple(names), movingValuesFrom: slots.baseAddress!))
        }
    }
}
