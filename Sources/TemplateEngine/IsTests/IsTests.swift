/// The builtin `is` tests of nunjucks 3.2.4. Each comment shows a template and its output.
enum IsTests {
    static var builtins: [String: TestFunction] {
        var t: [String: TestFunction] = [:]
        /// `{{ caller is callable }}` → `true` inside a call block
        t["callable"] = { a, _ in if case .callable = arg(a, 0).repr { return true }; return false }
        /// `{{ x is defined }}` → `false` when x is missing
        t["defined"] = { a, _ in !arg(a, 0).isUndefined }
        /// `{{ x is undefined }}` → `true` when x is missing
        t["undefined"] = { a, _ in arg(a, 0).isUndefined }
        /// `{{ 9 is divisibleby(3) }}` → `true`
        t["divisibleby"] = { a, _ in arg(a, 0).jsNumber.truncatingRemainder(dividingBy: arg(a, 1).jsNumber) == 0 }
        /// `{{ "<a>" | escape is escaped }}` → `true`
        t["escaped"] = { a, _ in arg(a, 0).isSafe }
        /// `{{ 1 is equalto(1) }}` → `true` (strict equality; aliases `eq`, `sameas`)
        t["equalto"] = { a, _ in Value.strictEquals(arg(a, 0), arg(a, 1)) }
        t["eq"] = t["equalto"]
        t["sameas"] = t["equalto"]
        /// `{{ 1 is ne(2) }}` → `true`
        t["ne"] = { a, _ in !Value.strictEquals(arg(a, 0), arg(a, 1)) }
        /// `{{ 4 is even }}` → `true`
        t["even"] = { a, _ in arg(a, 0).jsNumber.truncatingRemainder(dividingBy: 2) == 0 }
        /// `{{ 3 is odd }}` → `true` (`-3 is odd` is false, as `%` keeps the sign)
        t["odd"] = { a, _ in arg(a, 0).jsNumber.truncatingRemainder(dividingBy: 2) == 1 }
        /// `{{ 0 is falsy }}` → `true`
        t["falsy"] = { a, _ in !arg(a, 0).isTruthy }
        /// `{{ 1 is truthy }}` → `true`
        t["truthy"] = { a, _ in arg(a, 0).isTruthy }
        /// `{{ 3 is ge(3) }}` → `true`
        t["ge"] = { a, _ in Value.greaterOrEqual(arg(a, 0), arg(a, 1)) }
        /// `{{ 3 is gt(2) }}` → `true` (alias `greaterthan`)
        t["greaterthan"] = { a, _ in Value.greaterThan(arg(a, 0), arg(a, 1)) }
        t["gt"] = t["greaterthan"]
        /// `{{ 2 is le(3) }}` → `true`
        t["le"] = { a, _ in Value.lessOrEqual(arg(a, 0), arg(a, 1)) }
        /// `{{ 2 is lt(3) }}` → `true` (alias `lessthan`)
        t["lessthan"] = { a, _ in Value.lessThan(arg(a, 0), arg(a, 1)) }
        t["lt"] = t["lessthan"]
        /// `{{ "abc" is lower }}` → `true`
        t["lower"] = { a, _ in
            guard case .string(let s) = arg(a, 0).repr else { return try caseTest("lower", arg(a, 0)) }
            return s.lowercased() == s
        }
        /// `{{ "ABC" is upper }}` → `true`
        t["upper"] = { a, _ in
            guard case .string(let s) = arg(a, 0).repr else { return try caseTest("upper", arg(a, 0)) }
            return s.uppercased() == s
        }
        /// `{{ nul is null }}` → `true` (`is none` reads as `is null`)
        t["null"] = { a, _ in if case .null = arg(a, 0).repr { return true }; return false }
        /// `{{ 1.5 is number }}` → `true`
        t["number"] = { a, _ in if case .number = arg(a, 0).repr { return true }; return false }
        /// `{{ "s" is string }}` → `true`
        t["string"] = { a, _ in if case .string = arg(a, 0).repr { return true }; return false }
        /// `{{ [1] is iterable }}` → `true` (arrays and strings; undefined and null throw)
        t["iterable"] = { a, _ in
            switch arg(a, 0).repr {
            case .undefined, .null: throw TemplateError.Kind.runtime("test 'iterable' cannot be applied to \(arg(a, 0).jsString)")
            case .array, .string, .safe: return true
            default: return false
            }
        }
        /// `{{ {"a": 1} is mapping }}` → `true`
        t["mapping"] = { a, _ in
            switch arg(a, 0).repr {
            case .object, .native, .safe, .regex: return true
            default: return false
            }
        }
        return t
    }

    static func arg(_ a: [Value], _ i: Int) -> Value { i < a.count ? a[i] : .undefined }

    /// `lower`/`upper` call `toLowerCase` on the value: fine on safe strings (never equal), a type error otherwise.
    private static func caseTest(_ name: String, _ v: Value) throws -> Bool {
        if v.isSafe { return false }
        throw TemplateError.Kind.runtime("test '\(name)' cannot be applied to \(Filters.describe(v))")
    }
}
