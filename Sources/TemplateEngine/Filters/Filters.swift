/// A filter: positional arguments (the input first), keyword arguments, and the render it runs in.
typealias FilterFunction = @Sendable (_ args: [Value], _ kwargs: [(String, Value)], _ context: FilterContext) throws -> Value
/// An `is` test: the tested value first, then the test's arguments.
typealias TestFunction = @Sendable (_ args: [Value], _ context: FilterContext) throws -> Bool

/// What a filter or test can reach of the running render (other tests, for `select`/`reject`).
struct FilterContext {
    let vm: VM
    var environment: Environment { vm.environment }
}

/// The filters, tests and globals an environment knows, by name.
struct Registry: Sendable {
    var filters: [String: FilterFunction]
    var tests: [String: TestFunction]
    var globals: [String: Value]
    /// Builtin filter names `Environment.addFilter` replaced: the compiler fuses only genuine builtins.
    var replacedFilters: Set<String> = []

    /// nunjucks' builtins: every filter, test and global of nunjucks 3.2.4, aliases included.
    static var builtins: Registry {
        Registry(filters: Filters.builtins, tests: IsTests.builtins, globals: Globals.builtins)
    }
}

/// The builtin filter table; the filters themselves live in the `…Filters.swift` files beside this one.
enum Filters {
    static var builtins: [String: FilterFunction] {
        var t: [String: FilterFunction] = [:]
        // Strings
        t["capitalize"] = { a, kw, _ in try capitalize(jsArgs(a, kw)) }
        t["center"] = { a, kw, _ in try center(jsArgs(a, kw)) }
        t["escape"] = { a, kw, _ in try escape(jsArgs(a, kw)) }
        t["e"] = t["escape"]
        t["forceescape"] = { a, kw, _ in try forceescape(jsArgs(a, kw)) }
        t["safe"] = { a, kw, _ in try safe(jsArgs(a, kw)) }
        t["indent"] = { a, kw, _ in try indent(jsArgs(a, kw)) }
        t["lower"] = { a, kw, _ in try lower(jsArgs(a, kw)) }
        t["upper"] = { a, kw, _ in try upper(jsArgs(a, kw)) }
        t["nl2br"] = { a, kw, _ in try nl2br(jsArgs(a, kw)) }
        t["replace"] = { a, kw, _ in try replaceFilter(jsArgs(a, kw)) }
        t["string"] = { a, kw, _ in try string(jsArgs(a, kw)) }
        t["striptags"] = { a, kw, _ in try striptags(jsArgs(a, kw)) }
        t["title"] = { a, kw, _ in try title(jsArgs(a, kw)) }
        t["trim"] = { a, kw, _ in try trim(jsArgs(a, kw)) }
        t["truncate"] = { a, kw, _ in try truncate(jsArgs(a, kw)) }
        t["urlencode"] = { a, kw, _ in try urlencode(jsArgs(a, kw)) }
        t["urlize"] = { a, kw, _ in try urlize(jsArgs(a, kw)) }
        t["wordcount"] = { a, kw, _ in try wordcount(jsArgs(a, kw)) }
        // Lists and objects
        t["batch"] = { a, kw, _ in try batch(jsArgs(a, kw)) }
        t["default"] = { a, kw, _ in try defaultFilter(jsArgs(a, kw)) }
        t["d"] = t["default"]
        t["dictsort"] = { a, kw, _ in try dictsort(jsArgs(a, kw)) }
        t["dump"] = { a, kw, _ in try dump(jsArgs(a, kw)) }
        t["first"] = { a, kw, _ in try first(jsArgs(a, kw)) }
        t["last"] = { a, kw, _ in try last(jsArgs(a, kw)) }
        t["groupby"] = { a, kw, _ in try groupby(jsArgs(a, kw)) }
        t["join"] = { a, kw, _ in try join(jsArgs(a, kw)) }
        t["length"] = { a, kw, _ in try length(jsArgs(a, kw)) }
        t["list"] = { a, kw, _ in try list(jsArgs(a, kw)) }
        t["random"] = { a, kw, _ in try random(jsArgs(a, kw)) }
        t["reverse"] = { a, kw, _ in try reverse(jsArgs(a, kw)) }
        t["slice"] = { a, kw, _ in try slice(jsArgs(a, kw)) }
        t["sort"] = { a, kw, _ in try sort(named(a, kw, ["value", "reverse", "case_sensitive", "attribute"])) }
        t["sum"] = { a, kw, _ in try sum(jsArgs(a, kw)) }
        t["selectattr"] = { a, kw, _ in try selectattr(jsArgs(a, kw)) }
        t["rejectattr"] = { a, kw, _ in try rejectattr(jsArgs(a, kw)) }
        t["select"] = { args, kwargs, ctx in try selectOrReject(jsArgs(args, kwargs), ctx, expected: true) }
        t["reject"] = { args, kwargs, ctx in try selectOrReject(jsArgs(args, kwargs), ctx, expected: false) }
        // Numbers
        t["abs"] = { a, kw, _ in try abs(jsArgs(a, kw)) }
        t["float"] = { a, kw, _ in try float(jsArgs(a, kw)) }
        t["int"] = { a, kw, _ in try int(named(a, kw, ["value", "default", "base"])) }
        t["round"] = { a, kw, _ in try round(jsArgs(a, kw)) }
        return t
    }

    /// nunjucks passes keyword arguments to plain filters as one trailing object.
    static func jsArgs(_ args: [Value], _ kwargs: [(String, Value)]) -> [Value] {
        kwargs.isEmpty ? args : args + [Value(object: kwargs)]
    }

    /// nunjucks' `makeMacro` argument rules for filters: keyword arguments fill the named parameters the
    /// positional ones left open.
    static func named(_ args: [Value], _ kwargs: [(String, Value)], _ names: [String]) -> [Value] {
        if args.count >= names.count { return Array(args.prefix(names.count)) }
        var out = args
        for n in names[args.count...] { out.append(kwargs.first { $0.0 == n }?.1 ?? .undefined) }
        return out
    }

    /// The i-th argument, undefined when absent.
    static func arg(_ a: [Value], _ i: Int) -> Value { i < a.count ? a[i] : .undefined }

    /// The error JavaScript raises when a filter calls a method its input does not have.
    static func typeError(_ filter: String, _ v: Value) -> TemplateError.Kind {
        .runtime("filter '\(filter)' cannot be applied to \(describe(v))")
    }

    static func describe(_ v: Value) -> String {
        switch v.repr {
        case .undefined: return "undefined"
        case .null: return "null"
        case .bool(let b): return "a boolean (\(b))"
        case .number(let d): return "a number (\(Value.formatNumber(d)))"
        case .string, .safe: return "a string"
        case .array: return "an array"
        case .object, .native: return "an object"
        case .callable: return "a function"
        case .regex: return "a regular expression"
        }
    }

    /// nunjucks' `normalize(value, "")` followed by a string method: null, undefined and false read as "".
    static func text(_ filter: String, _ v: Value) throws -> String {
        switch v.repr {
        case .undefined, .null, .bool(false): return ""
        case .string(let s), .safe(let s): return s
        default: throw typeError(filter, v)
        }
    }

    /// `r.copySafeness(input, result)`: safe in, safe out.
    static func keepSafety(_ input: Value, _ s: String) -> Value { input.isSafe ? .safe(s) : Value(s) }
}
