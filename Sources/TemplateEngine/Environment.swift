import Foundation

extension NSLock {
    /// Runs `body` holding the lock (NSLocking.withLock needs macOS 14; the package supports macOS 13).
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}

/// The template engine's entry point: the filter, test and global registries, the loader settings and the
/// compiled-template cache.
///
/// Configure it (add filters, tests, globals) before rendering; rendering is safe from several threads.
public final class Environment: @unchecked Sendable {
    private let lock = NSLock()
    private var _registry = Registry.builtins
    private var cache: [String: Template] = [:]
    /// The output size of the last render of each template, to size the next output buffer in one go.
    private var sizeHints: [ObjectIdentifier: Int] = [:]
    /// Resolved template paths by search paths, including template and name (nunjucks caches these too).
    private var resolved: [ResolveKey: String] = [:]
    /// The compiled template and the loader for each path `render(file:)` was given, so that rendering the
    /// same file again looks neither the working directory nor the path up again.
    private var files: [String: (template: Template, loader: Loader)] = [:]
    /// The working directory when the environment was made: relative template paths and search paths resolve
    /// against it, as nunjucks' FileSystemLoader resolves its search paths when it is made.
    private let workingDirectory = FileManager.default.currentDirectoryPath

    /// Folders searched after the main template's own folder, in order.
    public let searchPaths: [String]
    /// Whether using an undefined value is an error at its position (default false, as in nunjucks).
    ///
    /// Under `strict`, an undefined variable or attribute is accepted where it is only tested, stored or
    /// defaulted: the condition of `if`/`elif` and of an inline `if`, the operands of `not` and the left
    /// operands of `and`/`or` (the right one is their value, checked where that value goes), a `set` value
    /// (the variable is then checked where it is used), and the input of `is defined`/`is undefined`/
    /// `default`/`d`. Anywhere else (output, any other filter or test, arithmetic, `~`, comparison, a `for`
    /// iterable, a call or its arguments) it is the error `'name' is undefined`. Reading an attribute of an
    /// undefined parent is an error even in a test (`{% if missing.a %}` fails on `missing`): such a parent is
    /// a typo far more often than an optional value, and `{% if x and x.a %}` says the latter explicitly. A
    /// null parent is a value a config chose (`"Variables": null`), so `{% set jobs = stackVariables.jobs or
    /// {} %}` works with it; used elsewhere it is `cannot read 'x.a': 'x' is null`.
    public let strict: Bool
    /// How many VM instructions one render may execute before it fails (default 2,000,000,000): a guard against
    /// templates whose recursion branches (each level calling a macro twice) and would otherwise run for ages.
    /// Set it before rendering.
    public var stepLimit = 2_000_000_000

    /// Creates an environment.
    /// - Parameters:
    ///   - searchPaths: folders searched (after the template's own folder) for include/import/extends names;
    ///     relative ones, like relative template paths, resolve against the working directory of this moment.
    ///   - strict: make using an undefined variable or attribute an error at its position (see `strict`).
    public init(searchPaths: [String] = [], strict: Bool = false) {
        self.searchPaths = searchPaths
        self.strict = strict
    }

    var registry: Registry { lock.locked { _registry } }

    /// Adds (or replaces) a filter.
    /// - Parameters:
    ///   - name: the name templates use after `|`.
    ///   - fn: receives the positional arguments (the filtered value first) and the keyword arguments.
    public func addFilter(_ name: String, _ fn: @escaping @Sendable ([Value], [(String, Value)]) throws -> Value) {
        lock.locked {
            _registry.replacedFilters.insert(name)
            _registry.filters[name] = { args, kwargs, _ in
                do { return try fn(args, kwargs) } catch let e as TemplateError.Kind { throw e } catch {
                    throw TemplateError.Kind.runtime("filter '\(name)' failed: \(error)")
                }
            }
            cache.removeAll()
            files.removeAll()
        }
    }

    /// Adds (or replaces) an `is` test.
    /// - Parameters:
    ///   - name: the name templates use after `is`.
    ///   - fn: receives the tested value first, then the test's arguments.
    public func addTest(_ name: String, _ fn: @escaping @Sendable ([Value]) throws -> Bool) {
        lock.locked {
            _registry.tests[name] = { args, _ in try fn(args) }
            cache.removeAll()
            files.removeAll()
        }
    }

    /// Adds (or replaces) a global value (visible unless the context defines the same name).
    public func addGlobal(_ name: String, _ value: Value) {
        lock.locked { _registry.globals[name] = value }
    }

    /// Adds (or replaces) a global function.
    /// - Parameters:
    ///   - name: the name templates call.
    ///   - fn: receives the positional and keyword arguments.
    public func addGlobal(_ name: String, function fn: @escaping @Sendable ([Value], [(String, Value)]) throws -> Value) {
        addGlobal(name, Value(repr: .callable(Callable(name: name, fn))))
    }

    // MARK: - Rendering

    /// Renders a template file; its folder is searched first for include/import/extends names.
    /// - Parameters:
    ///   - path: the template file.
    ///   - context: the variables, a JSON-like object (or `.undefined` for none).
    /// - Returns: the rendered text.
    /// - Throws: `TemplateError` for syntax errors, missing templates and failures while rendering.
    public func render(file path: String, context: Value) throws -> String {
        String(decoding: try renderBytes(file: path, context: context), as: UTF8.self)
    }

    /// Renders a template file to UTF-8 bytes (no String round trip).
    public func renderBytes(file path: String, context: Value) throws -> [UInt8] {
        try withRenderedBytes(file: path, context: context) { [UInt8]($0) }
    }

    /// Renders a template file and lends the output to `body`, in place: no copy of it is made (a caller
    /// that writes the output somewhere saves copying megabytes of a large stack).
    /// - Parameters:
    ///   - path: the template file.
    ///   - context: the variables.
    ///   - body: receives the UTF-8 bytes, valid only during the call.
    /// - Returns: what `body` returns.
    /// - Throws: `TemplateError`, or what `body` throws.
    public func withRenderedBytes<R>(file path: String, context: Value, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let (template, loader) = try file(path)
        return try run(template, loader: loader, context: context) { try $0.withWritten(body) }
    }

    /// The compiled template at `path` (relative to `workingDirectory`) and the loader its names resolve with.
    private func file(_ path: String) throws -> (template: Template, loader: Loader) {
        if let hit = lock.locked({ files[path] }) { return hit }
        let absolute = Loader.resolve(workingDirectory, path)
        let loader = Loader(searchPaths: [Loader.dirname(absolute)] + searchPaths, workingDirectory: workingDirectory)
        let template = try self.template(atPath: absolute, displayPath: path)
        lock.locked {
            if files.count > 4096 { files.removeAll() }
            files[path] = (template, loader)
        }
        return (template, loader)
    }

    /// Renders a template file and tells, for each output line, which template line emitted it.
    /// - Parameters:
    ///   - file: the template file.
    ///   - context: the variables.
    /// - Returns: the text, and `origins[i]` for output line `i + 1`.
    /// - Throws: `TemplateError`.
    public func renderWithOrigins(file path: String, context: Value) throws -> (text: String, origins: [SourceOrigin]) {
        let (template, loader) = try file(path)
        let log = OriginLog()
        let out = try run(template, loader: loader, context: context, originLog: log) { $0.withWritten { [UInt8]($0) } }
        return (String(decoding: out, as: UTF8.self), log.origins(for: out))
    }

    /// Renders template text held in memory.
    /// - Parameters:
    ///   - source: the template text.
    ///   - name: the name errors show; its folder (if any) is searched first.
    ///   - context: the variables.
    /// - Returns: the rendered text.
    /// - Throws: `TemplateError`.
    public func render(source: String, name: String, context: Value) throws -> String {
        let cwd = workingDirectory
        let folder = name.contains("/") ? [Loader.dirname(Loader.resolve(cwd, name))] : [cwd]
        let loader = Loader(searchPaths: folder + searchPaths, workingDirectory: cwd)
        let src = Source(path: name, bytes: Array(source.utf8))
        let template = try compile(src)
        return try run(template, loader: loader, context: context) { $0.string(from: 0) }
    }

    private func run<R>(_ template: Template, loader: Loader, context: Value, originLog: OriginLog? = nil,
                        _ finish: (OutputBuffer) throws -> R) throws -> R {
        let base: OrderedObject
        switch context.repr {
        case .object(let o): base = o
        case .undefined, .null: base = OrderedObject()
        default:
            throw TemplateError(path: template.source.path, line: 1, column: 1, message: "the context must be an object",
                                lineText: template.source.lineText(1))
        }
        let vm = VM(environment: self, loader: loader, strict: strict, originLog: originLog)
        let ctx = RenderContext(base: base, template: template, environment: self, globals: lock.locked { _registry.globals })
        let frame = Frame()
        frame.topLevel = true
        let stack = ValueStack()
        let hint = lock.locked { sizeHints[ObjectIdentifier(template)] } ?? template.source.bytes.count * 2
        let out = OutputBuffer(capacity: max(4096, hint + hint / 8))
        defer { vm.releaseClosures() }
        do {
            try vm.renderRoot(template, context: ctx, frame: frame, stack: stack, out: out)
        } catch let e as TemplateError.Kind {
            throw TemplateError(e, source: template.source, span: .start)
        }
        let size = out.count
        lock.locked {
            // In-memory templates come and go: keep the table bounded.
            if sizeHints.count > 4096 { sizeHints.removeAll() }
            sizeHints[ObjectIdentifier(template)] = size
        }
        return try finish(out)
    }

    /// Where `name`, included from `parentPath`, resolves with `loader`; cached, since the files do not move
    /// while templates render.
    func resolve(_ name: String, from parentPath: String, loader: Loader) -> String? {
        let key = ResolveKey(searchPaths: loader.searchPaths, parent: parentPath, name: name)
        if let hit = lock.locked({ resolved[key] }) { return hit }
        guard let path = loader.resolve(name, from: parentPath) else { return nil }
        lock.locked { resolved[key] = path }
        return path
    }

    /// The compiled template at an absolute path, from the cache or freshly parsed.
    func template(atPath path: String, displayPath: @autoclosure () -> String) throws -> Template {
        if let t = lock.locked({ cache[path] }) { return t }
        let displayPath = displayPath()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TemplateError(path: displayPath, line: 1, column: 1, message: "cannot read template file '\(displayPath)'")
        }
        let t = try compile(Source(path: displayPath, bytes: [UInt8](data)))
        lock.locked { cache[path] = t }
        return t
    }

    private func compile(_ source: Source) throws(TemplateError) -> Template {
        let ast = try Parser.parse(source)
        return try Compiler.compile(ast, source: source, registry: registry)
    }
}

/// What a template name resolves against: the search paths, the including template and the name (a struct,
/// so no key string is built per import or include).
private struct ResolveKey: Hashable {
    let searchPaths: [String]
    let parent: String
    let name: String
}
