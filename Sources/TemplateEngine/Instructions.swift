/// One VM instruction. Jump targets are instruction indices within the same `CodeBlock`.
enum Instruction: Sendable {
    /// Append `strings[i]` (template text) to the output.
    case emitRaw(Int)
    /// Pop a value and append its printed form (undefined/null print nothing).
    case emit
    /// Push `constants[i]`.
    case loadConst(Int)
    /// Push the variable `strings[name]`: frames (skipping undefined), then the context, then globals.
    /// `lenient` ignores `--strict`.
    case loadName(Int, lenient: Bool)
    /// Push a compile-time local (loop variable, macro argument): the nearest frame that holds it, then the context.
    case loadLocal(Int, lenient: Bool)
    /// `v.a.b` (a variable then constant attribute names) outside `--strict`: push the variable `strings[root]`
    /// (read as `loadLocal` does when `local`, else as `loadName`) followed through the attribute names
    /// `pathNames[attrs >> 8 ..< (attrs >> 8) + (attrs & 0xFF)]` (attrs -1: none), then jump to `skip`. The
    /// general instructions for the same expression follow it and run instead under `--strict`, whose checks
    /// and messages stay theirs.
    case path(root: Int, attrs: Int, local: Bool, skip: Int)
    /// `loop.last` (and the other loop attributes) outside `--strict`: when `loop` is the running loop's object,
    /// push the attribute without looking its name up; otherwise what `path` pushes. Then jump to `skip`.
    case loopAttribute(LoopObject.Attribute, root: Int, attrs: Int, skip: Int)
    /// `{{ v.a.b }}` likewise, printing the value: `skip` is past the general instructions' `emit`.
    case emitPath(root: Int, attrs: Int, local: Bool, skip: Int)
    /// Pop an object, push its member `strings[name]`; `nameLists[paths]` names the expression and its parent
    /// for `--strict` messages (an undefined or null parent is an error there even when `lenient`).
    case getAttr(Int, paths: Int, lenient: Bool)
    /// Pop a key and an object, push the member.
    case getItem(paths: Int, lenient: Bool)
    /// Pop n values, push an array.
    case buildArray(Int)
    /// Pop one value per key of `nameLists[keys]`, push an object.
    case buildObject(Int)
    /// Stack: callee, args…, kwarg values…; push the result. `nameLists[kwargs]` (-1: none) names the keyword
    /// arguments, `strings[name]` the callee in messages.
    case call(argc: Int, kwargs: Int, name: Int)
    /// `{{ m(…) }}`: like `call` then `emit`, but a macro writes straight into the output (no string made).
    case callAndEmit(argc: Int, kwargs: Int, name: Int)
    /// Stack: input, args…, kwarg values…; apply `filters[i]`.
    case filter(Int, argc: Int, kwargs: Int)
    /// `{{ x | f(…) }}` for a builtin `f` that can write its result straight into the output (`FusedFilter`);
    /// stack: input, args…; falls back to `filters[i]` and `emit` outside the fast path.
    case filterEmit(Int, argc: Int, kind: FusedFilter)
    /// `{{ x | f(…) | upper }}` (or `lower`) for a fusable builtin `f`: stack: input, args…; when `f` is in its
    /// fast path, write its result case-changed and jump to `skip`; otherwise fall through to the general
    /// instructions that follow (`filter`, `filter`, `emit`), leaving the stack as it was.
    case filterEmitCased(Int, argc: Int, kind: FusedFilter, upper: Bool, skip: Int)
    /// Stack: value, args…; push whether `tests[i]` holds.
    case test(Int, argc: Int)
    /// Raise the error `strings[i]` (an unknown filter or test, found when this code runs, as nunjucks does).
    case fail(Int)
    case unary(UnaryOp)
    case binary(BinaryOp)
    case jump(Int)
    /// Pop; jump when falsy.
    case jumpIfFalse(Int)
    /// Pop; jump when truthy.
    case jumpIfTrue(Int)
    /// `and`: when the top is falsy jump keeping it, else pop it.
    case jumpIfFalseOrPop(Int)
    /// `or`: when the top is truthy jump keeping it, else pop it.
    case jumpIfTrueOrPop(Int)
    case pop
    case dup
    /// Pop and assign like `{% set %}`: the frame that has the name (writes stop at isolating frames), the context at top level.
    case setVar(Int)
    /// Pop and bind in the current frame only.
    case setFrameVar(Int)
    /// Pop and store in the context (top-level macros and imports), exporting it when `export`.
    case setContextVar(Int, export: Bool)
    case pushFrame(isolate: Bool)
    case popFrame
    /// Pop the iterable and start a loop binding the names `nameLists[names]`.
    case forInit(Int)
    /// Bind the next item, or jump to `exit` when done.
    case forNext(exit: Int)
    /// End the loop; jump to `target` (past the else branch) when it ran at least once.
    case forEnd(skipElse: Int)
    /// Start collecting output into a new buffer.
    case captureStart
    /// Stop collecting; push the collected text as a string.
    case captureEnd
    /// Push the macro `macros[i]` as a callable closing over the current frame.
    case makeMacro(Int)
    /// Macro prologue: when the call passed `name=`, bind it and jump to `skip`; else fall into the default's code.
    case bindKwarg(Int, skip: Int)
    /// Render block `strings[name]` (skipped at top level once `extends` has run).
    case block(Int)
    /// Push the output of the parent template's version of the current block.
    case superBlock
    /// Pop a template name and make it this template's parent.
    case extends
    /// Pop a template name and render it here with the current variables.
    case include(ignoreMissing: Bool)
    /// Pop a template name and push its exports as an object.
    case importTemplate(withContext: Bool)
    /// Pop the exports object; push member `name` or fail with "cannot import 'name'".
    case importName(Int)
}

/// Compiled code for a template root, a block, or a macro body, with positions in a side table.
/// Immutable (`let` throughout, so the VM reads it without exclusivity checks); `CodeBuilder` makes one.
final class CodeBlock: @unchecked Sendable {
    let instructions: [Instruction]
    /// The source span of each instruction (parallel to `instructions`).
    let spans: [Span]
    let constants: [Value]
    /// Names and messages instructions refer to by index.
    let strings: [String]
    /// `NameTable` ids of `strings` (parallel): what frames bind and look up.
    let nameIds: [Int]
    /// Name lists (loop targets, keyword-argument names, object keys).
    let nameLists: [[String]]
    /// `NameTable` ids of `nameLists` (parallel), for loop targets.
    let nameListIds: [[Int]]
    /// The attribute names of `path` instructions, one after another.
    let pathNames: [String]
    /// The same names in memory this object owns: the VM lends `pathNameSlots[i]` to member reads in place,
    /// where an array element was copied out first (two runtime calls per attribute read).
    let pathNameSlots: UnsafeMutableBufferPointer<String>
    /// `strings`, `nameIds`, `constants` and `rawRanges` again in memory this object owns, for the VM's hot
    /// instructions: reading an element of a `let` array property retained and released the array's buffer
    /// (an atomic increment and decrement) around each read.
    let stringSlots: UnsafeMutableBufferPointer<String>
    /// `instructions` again, read by the VM's loop (each run of a macro body retained and released the array).
    let instructionSlots: UnsafeMutableBufferPointer<Instruction>
    let nameIdSlots: UnsafeMutableBufferPointer<Int>
    let constantSlots: UnsafeMutableBufferPointer<Value>
    let rangeSlots: UnsafeMutableBufferPointer<(offset: Int, count: Int)>
    /// Raw template text, pre-encoded, for tests and listings.
    let rawText: [[UInt8]]
    /// The same text in one block this object owns, and each piece's (offset, count): `emitRaw` appends from
    /// it with no reference counting (copying a `[UInt8]` element out of `rawText` retains and releases it).
    let rawBytes: UnsafeMutableBufferPointer<UInt8>
    let rawRanges: [(offset: Int, count: Int)]
    let filters: [FilterFunction]
    let tests: [TestFunction]
    let macros: [MacroCode]
    /// For block code: the block's name.
    let blockName: String?
    /// Whether this is a block body (blocks inside it always render).
    let inBlock: Bool

    init(_ b: CodeBuilder) {
        instructions = b.instructions
        spans = b.spans
        constants = b.constants
        strings = b.strings
        nameIds = NameTable.shared.ids(b.strings)
        nameLists = b.nameLists
        nameListIds = b.nameLists.map { NameTable.shared.ids($0) }
        pathNames = b.pathNames
        pathNameSlots = UnsafeMutableBufferPointer<String>.allocate(capacity: max(1, b.pathNames.count))
        _ = pathNameSlots.initialize(from: b.pathNames)
        rawText = b.rawText
        let total = b.rawText.reduce(0) { $0 + $1.count }
        let block = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, total))
        var ranges: [(offset: Int, count: Int)] = []
        var at = 0
        for piece in b.rawText {
            _ = UnsafeMutableBufferPointer(rebasing: block[at..<(at + piece.count)]).initialize(from: piece)
            ranges.append((at, piece.count))
            at += piece.count
        }
        rawBytes = block
        rawRanges = ranges
        stringSlots = CodeBlock.slots(strings)
        instructionSlots = CodeBlock.slots(instructions)
        nameIdSlots = CodeBlock.slots(nameIds)
        constantSlots = CodeBlock.slots(constants)
        rangeSlots = CodeBlock.slots(ranges)
        filters = b.filters
        tests = b.tests
        macros = b.macros
        blockName = b.blockName
        inBlock = b.inBlock
    }

    /// A copy of `items` in new memory (room for one at least, so the address is never nil).
    private static func slots<T>(_ items: [T]) -> UnsafeMutableBufferPointer<T> {
        let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, items.count))
        _ = p.initialize(from: items)
        return p
    }

    deinit {
        rawBytes.deallocate()
        pathNameSlots.baseAddress!.deinitialize(count: pathNames.count)
        pathNameSlots.deallocate()
        instructionSlots.deallocate()
        stringSlots.baseAddress!.deinitialize(count: strings.count)
        stringSlots.deallocate()
        nameIdSlots.deallocate()
        constantSlots.baseAddress!.deinitialize(count: constants.count)
        constantSlots.deallocate()
        rangeSlots.deallocate()
    }
}

/// The compiler's working copy of a `CodeBlock`.
final class CodeBuilder {
    var instructions: [Instruction] = []
    var spans: [Span] = []
    var constants: [Value] = []
    var strings: [String] = []
    /// Where each string sits in `strings`.
    var stringIndex: [String: Int] = [:]
    var nameLists: [[String]] = []
    var pathNames: [String] = []
    var rawText: [[UInt8]] = []
    var filters: [FilterFunction] = []
    var tests: [TestFunction] = []
    var macros: [MacroCode] = []
    var blockName: String? = nil
    var inBlock = false

    func build() -> CodeBlock { CodeBlock(self) }
}

extension CodeBlock {
    /// A readable listing of the instructions, names resolved (for tests and debugging).
    var listing: String {
        instructions.map { i -> String in
            let text = "\(i)"
            func n(_ k: Int) -> String { k >= 0 && k < strings.count ? strings[k] : "?" }
            func l(_ k: Int) -> String { k >= 0 && k < nameLists.count ? "\(nameLists[k])" : "[]" }
            func p(_ k: Int) -> String {
                k < 0 ? "" : pathNames[(k >> 8)..<((k >> 8) + (k & 0xFF))].map { "." + $0 }.joined()
            }
            switch i {
            case .loadName(let k, let lenient): return "loadName \(n(k))" + (lenient ? " lenient" : "")
            case .path(let r, let a, let local, let skip):
                return "path \(n(r))\(p(a))" + (local ? " local" : "") + " skip: \(skip)"
            case .emitPath(let r, let a, let local, let skip):
                return "emitPath \(n(r))\(p(a))" + (local ? " local" : "") + " skip: \(skip)"
            case .loopAttribute(let kind, _, _, let skip): return "loopAttribute \(kind) skip: \(skip)"
            case .loadLocal(let k, let lenient): return "loadLocal \(n(k))" + (lenient ? " lenient" : "")
            case .getAttr(let k, _, let lenient): return "getAttr \(n(k))" + (lenient ? " lenient" : "")
            case .buildObject(let k): return "buildObject \(l(k))"
            case .call(let argc, let kw, let name): return "call \(n(name)) argc: \(argc) kwargs: \(l(kw))"
            case .callAndEmit(let argc, let kw, let name): return "callAndEmit \(n(name)) argc: \(argc) kwargs: \(l(kw))"
            case .filter(let f, let argc, let kw): return "filter \(f) argc: \(argc) kwargs: \(l(kw))"
            case .filterEmit(let f, let argc, let kind): return "filterEmit \(kind.rawValue) \(f) argc: \(argc)"
            case .filterEmitCased(let f, let argc, let kind, let upper, let skip):
                return "filterEmitCased \(kind.rawValue) \(f) argc: \(argc) \(upper ? "upper" : "lower") skip: \(skip)"
            case .setVar(let k): return "setVar \(n(k))"
            case .setFrameVar(let k): return "setFrameVar \(n(k))"
            case .setContextVar(let k, let export): return "setContextVar \(n(k))" + (export ? " export" : "")
            case .forInit(let k): return "forInit \(l(k))"
            case .bindKwarg(let k, let skip): return "bindKwarg \(n(k)) skip: \(skip)"
            case .block(let k): return "block \(n(k))"
            case .importName(let k): return "importName \(n(k))"
            case .fail(let k): return "fail \(n(k))"
            default: return text
            }
        }.joined(separator: "\n")
    }
}

/// A compiled macro (or call-block body): parameters plus code.
struct MacroCode: Sendable {
    let name: String
    let argNames: [String]
    /// `NameTable` ids of `argNames`.
    let argIds: [Int]
    let kwargNames: [String]
    let code: CodeBlock
    /// Call-block bodies keep the defining frame (`frame.push(true)`); macros start a fresh one.
    let keepFrame: Bool

    init(name: String, argNames: [String], kwargNames: [String], code: CodeBlock, keepFrame: Bool) {
        self.name = name
        self.argNames = argNames
        argIds = NameTable.shared.ids(argNames)
        self.kwargNames = kwargNames
        self.code = code
        self.keepFrame = keepFrame
    }
}
