/// List and object filters. Each comment shows a template and its output.
extension Filters {
    /// The elements `lib.map`/`Array.from` would see: arrays as is, strings as characters, anything else none.
    static func elements(_ v: Value) -> [Value] {
        switch v.repr {
        case .array(let a): return a
        case .string(let s), .safe(let s): return s.unicodeScalars.map { Value(String($0)) }
        default: return []
        }
    }

    /// Like `elements`, but undefined and null throw (JavaScript reads `.length` of them).
    static func sequence(_ filter: String, _ v: Value) throws -> [Value] {
        if v.isNullish { throw typeError(filter, v) }
        return elements(v)
    }

    /// nunjucks' `getAttrGetter`: a dotted path of own properties; undefined as soon as one is missing.
    static func attribute(_ item: Value, _ attr: Value) -> Value {
        let parts: [Value]
        if case .string(let s) = attr.repr {
            parts = s.split(separator: ".", omittingEmptySubsequences: false).map { Value(String($0)) }
        } else {
            parts = [attr]
        }
        var cur = item
        for p in parts {
            if cur.isNullish { return .undefined }
            let next = Value.member(cur, key: p)
            if next.isUndefined { return .undefined }
            cur = next
        }
        return cur
    }

    /// `{{ [1, 2, 3] | batch(2, "-") | dump }}` → `[[1,2],[3,"-"]]`
    @Sendable static func batch(_ a: [Value]) throws -> Value {
        let items = try sequence("batch", arg(a, 0))
        let size = arg(a, 1).jsNumber
        let fill = arg(a, 2)
        var res: [Value] = []
        var tmp: [Value] = []
        for (i, v) in items.enumerated() {
            if Double(i).truncatingRemainder(dividingBy: size) == 0 && !tmp.isEmpty {
                res.append(Value(array: tmp))
                tmp = []
            }
            tmp.append(v)
        }
        if !tmp.isEmpty {
            if fill.isTruthy, size.isFinite {
                guard size <= Double(Value.maxBuiltString) else { throw TemplateError.Kind.runtime("filter 'batch': batch size too large") }
                var i = Double(tmp.count)
                while i < size { tmp.append(fill); i += 1 }
            }
            res.append(Value(array: tmp))
        }
        return Value(array: res)
    }

    /// `{{ missing | default("x") }}` → `x`; `default(value, true)` also replaces falsy values
    @Sendable static func defaultFilter(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if arg(a, 2).isTruthy { return v.isTruthy ? v : arg(a, 1) }
        return v.isUndefined ? arg(a, 1) : v
    }

    /// `{{ {"b": 1, "a": 2} | dictsort | dump }}` → `[["a",2],["b",1]]`
    @Sendable static func dictsort(_ a: [Value]) throws -> Value {
        guard case .object(let o) = arg(a, 0).repr else { throw typeError("dictsort", arg(a, 0)) }
        let caseSensitive = arg(a, 1).isTruthy
        let by = arg(a, 2)
        let si: Int
        if by.isUndefined || by.stringValue == "key" { si = 0 } else if by.stringValue == "value" { si = 1 } else {
            throw TemplateError.Kind.runtime("filter 'dictsort' sorts by 'key' or 'value', not '\(by.jsString)'")
        }
        let pairs = o.entries.map { [Value($0.0), $0.1] }
        let sorted = stableSort(pairs) { t1, t2 in
            var x = t1[si], y = t2[si]
            if !caseSensitive {
                if let s = x.stringValue, x.isPrimitiveString { x = Value(s.uppercased()) }
                if let s = y.stringValue, y.isPrimitiveString { y = Value(s.uppercased()) }
            }
            return Value.greaterThan(x, y) ? 1 : (Value.strictEquals(x, y) ? 0 : -1)
        }
        return Value(array: sorted.map { Value(array: $0) })
    }

    /// A stable merge sort with a JavaScript-style comparator (negative, zero, positive).
    static func stableSort<T>(_ items: [T], _ cmp: (T, T) throws -> Int) rethrows -> [T] {
        if items.count < 2 { return items }
        var a = items
        var tmp = items
        var width = 1
        while width < a.count {
            var lo = 0
            while lo < a.count {
                let mid = min(lo + width, a.count), hi = min(lo + 2 * width, a.count)
                var i = lo, j = mid, k = lo
                while i < mid && j < hi {
                    if try cmp(a[j], a[i]) < 0 { tmp[k] = a[j]; j += 1 } else { tmp[k] = a[i]; i += 1 }
                    k += 1
                }
                while i < mid { tmp[k] = a[i]; i += 1; k += 1 }
                while j < hi { tmp[k] = a[j]; j += 1; k += 1 }
                lo += 2 * width
            }
            swap(&a, &tmp)
            width *= 2
        }
        return a
    }

    /// `{{ {"a": [1, 2]} | dump }}` → `{"a":[1,2]}`; `dump(2)` indents
    @Sendable static func dump(_ a: [Value]) throws -> Value {
        let spaces = arg(a, 1)
        var indent = ""
        switch spaces.repr {
        case .number(let d): indent = String(repeating: " ", count: Int(max(0, min(10, d.rounded(.towardZero)))))
        case .string(let s): indent = String(s.prefix(10))
        default: break
        }
        guard let s = arg(a, 0).jsonString(indent: indent) else { return .undefined }
        return Value(s)
    }

    /// `{{ [1, 2] | first }}` → `1`
    @Sendable static func first(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if v.isNullish { throw typeError("first", v) }
        return Value.member(v, key: Value(0))
    }

    /// `{{ [1, 2] | last }}` → `2`
    @Sendable static func last(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if v.isNullish { throw typeError("last", v) }
        let len = Value.member(v, name: "length")
        return Value.member(v, key: Value(len.jsNumber - 1))
    }

    /// `{{ items | groupby("type") | dump }}` → `{"a":[…],"b":[…]}` (missing attributes group under "undefined")
    @Sendable static func groupby(_ a: [Value]) throws -> Value {
        let items = try sequence("groupby", arg(a, 0))
        var o = OrderedObject()
        for item in items {
            let key = attribute(item, arg(a, 1)).jsString
            var list = o[key]?.arrayValue ?? []
            list.append(item)
            o[key] = Value(array: list)
        }
        return Value(o)
    }

    /// `{{ [1, 2] | join("-") }}` → `1-2`; `join(",", "name")` joins an attribute
    @Sendable static func join(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        let sep = arg(a, 1).isTruthy ? arg(a, 1).jsString : ""
        var items: [Value]
        if arg(a, 2).isTruthy {
            // `lib.map` first: strings map per character, anything else but arrays to [].
            items = elements(v).map { Value.member($0, key: arg(a, 2)) }
        } else {
            guard case .array(let all) = v.repr else { throw typeError("join", v) }
            items = all
        }
        return Value(Value.joinArray(items, separator: sep))
    }

    /// `{{ [1, 2, 3] | length }}` → `3` (objects count keys; numbers give nothing)
    @Sendable static func length(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        switch v.repr {
        case .undefined, .null, .bool(false): return Value(0)
        case .object(let o): return Value(Double(o.count))
        case .native(let n): return Value(Double(n.jsonEntries.count))
        default: return Value.member(v, name: "length")
        }
    }

    /// `{{ "abc" | list | join(",") }}` → `a,b,c`
    @Sendable static func list(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        switch v.repr {
        case .string, .safe, .array: return Value(array: elements(v))
        case .object(let o): return Value(array: o.entries.map { Value(object: [("key", Value($0.0)), ("value", $0.1)]) })
        default: throw typeError("list", v)
        }
    }

    /// `{{ [1, 2, 3] | random }}` → one of the items
    @Sendable static func random(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if v.isNullish { throw typeError("random", v) }
        let len = Value.member(v, name: "length").jsNumber
        guard len.isFinite, len > 0 else { return .undefined }
        return Value.member(v, key: Value(Double(Int.random(in: 0..<Int(len)))))
    }

    /// `{{ [1, 2, 3] | reverse | join }}` → `321`
    @Sendable static func reverse(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if let s = v.stringValue { return keepSafety(v, String(String.UnicodeScalarView(s.unicodeScalars.reversed()))) }
        return Value(array: elements(v).reversed())
    }

    /// `{{ [1, 2, 3, 4] | slice(3) | dump }}` → `[[1,2],[3],[4]]`
    @Sendable static func slice(_ a: [Value]) throws -> Value {
        let items = try sequence("slice", arg(a, 0))
        let slices = arg(a, 1).jsNumber
        guard slices.isFinite, slices < 1_000_000 else { throw TemplateError.Kind.runtime("slice filter: invalid slice count") }
        let fill = arg(a, 2)
        let sliceLength = (Double(items.count) / slices).rounded(.down)
        let extra = Double(items.count).truncatingRemainder(dividingBy: slices)
        var res: [Value] = []
        var offset = 0.0
        var i = 0.0
        while i < slices {
            let start = offset + i * sliceLength
            if i < extra { offset += 1 }
            let end = offset + (i + 1) * sliceLength
            let lo = Int(max(0, min(Double(items.count), start))), hi = Int(max(0, min(Double(items.count), end)))
            var cur = lo < hi ? Array(items[lo..<hi]) : []
            if fill.isTruthy && i >= extra { cur.append(fill) }
            res.append(Value(array: cur))
            i += 1
        }
        return Value(array: res)
    }

    /// `{{ [3, 1, 2] | sort | join }}` → `123`; `sort(reverse, case_sensitive, attribute)`
    @Sendable static func sort(_ a: [Value]) throws -> Value {
        let items = elements(arg(a, 0))
        let reversed = arg(a, 1).isTruthy
        let caseSensitive = arg(a, 2).isTruthy
        let attr = arg(a, 3)
        let sorted = stableSort(items) { p, q in
            var x = attr.isTruthy ? attribute(p, attr) : p
            var y = attr.isTruthy ? attribute(q, attr) : q
            if !caseSensitive, x.isPrimitiveString, y.isPrimitiveString {
                x = Value(x.jsString.lowercased())
                y = Value(y.jsString.lowercased())
            }
            if Value.lessThan(x, y) { return reversed ? 1 : -1 }
            if Value.greaterThan(x, y) { return reversed ? -1 : 1 }
            return 0
        }
        return Value(array: sorted)
    }

    /// `{{ [1, 2, 3] | sum }}` → `6`; `sum("size")` adds an attribute, `sum(none, 10)` starts at 10
    @Sendable static func sum(_ a: [Value]) throws -> Value {
        // With an attribute nunjucks maps first (`lib.map` makes [] of undefined); without, it reduces the input.
        let items = arg(a, 1).isTruthy ? elements(arg(a, 0)).map { Value.member($0, key: arg(a, 1)) } : try sequence("sum", arg(a, 0))
        let start = arg(a, 2).isUndefined ? Value(0) : arg(a, 2)
        let total = items.reduce(Value(0)) { Value.add($0, $1) }
        return Value.add(start, total)
    }

    /// `{{ users | selectattr("admin") | length }}` → the number of users with a truthy `admin`
    @Sendable static func selectattr(_ a: [Value]) throws -> Value {
        guard case .array(let items) = arg(a, 0).repr else { throw typeError("selectattr", arg(a, 0)) }
        return Value(array: try items.filter { item in
            if item.isNullish { throw typeError("selectattr", item) }
            return Value.member(item, key: arg(a, 1)).isTruthy
        })
    }

    /// `{{ users | rejectattr("admin") | length }}` → the number of users without a truthy `admin`
    @Sendable static func rejectattr(_ a: [Value]) throws -> Value {
        guard case .array(let items) = arg(a, 0).repr else { throw typeError("rejectattr", arg(a, 0)) }
        return Value(array: try items.filter { item in
            if item.isNullish { throw typeError("rejectattr", item) }
            return !Value.member(item, key: arg(a, 1)).isTruthy
        })
    }

    /// `{{ [1, 2, 3] | select("odd") | join }}` → `13`; `reject` keeps the others
    static func selectOrReject(_ a: [Value], _ ctx: FilterContext, expected: Bool) throws -> Value {
        let items = try sequence(expected ? "select" : "reject", arg(a, 0))
        let name = arg(a, 1).isUndefined ? "truthy" : arg(a, 1).jsString
        guard let test = ctx.environment.registry.tests[name] else { throw TemplateError.Kind.runtime("unknown test '\(name)'") }
        let second = arg(a, 2)
        return Value(array: try items.filter { try test([$0, second], ctx) == expected })
    }
}
