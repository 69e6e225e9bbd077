import Foundation

/// Member lookup (`obj.name`, `obj[key]`) with nunjucks' `memberLookup` rules, and the JavaScript methods
/// templates commonly call on strings, arrays, numbers and regexes (bound to their receiver).
extension Value {
    /// `obj[key]`; undefined on undefined/null receivers and missing members.
    static func member(_ obj: Value, key: Value) -> Value {
        switch (obj.repr, key.repr) {
        case (.array(let a), .number(let d)):
            guard d >= 0, d == d.rounded(.towardZero), d < Double(a.count) else { return .undefined }
            return a[Int(d)]
        case (.string(let s), .number(let d)), (.safe(let s), .number(let d)):
            return charAt(s, d)
        default:
            return member(obj, name: key.propertyKey)
        }
    }

    private static func charAt(_ s: String, _ d: Double) -> Value {
        guard d >= 0, d == d.rounded(.towardZero) else { return .undefined }
        let u = s.utf16
        guard Int(d) < u.count else { return .undefined }
        let i = u.index(u.startIndex, offsetBy: Int(d))
        return Value(String(utf16CodeUnits: [u[i]], count: 1))
    }

    /// `obj.name`.
    static func member(_ obj: Value, name: String) -> Value {
        switch obj.repr {
        case .undefined, .null: return .undefined
        case .object(let o): return o.value(of: name)
        case .native(let n): return n.attribute(name)
        case .array(let a):
            if let i = OrderedObject.arrayIndex(name) { return Int(i) < a.count ? a[Int(i)] : .undefined }
            if name == "length" { return Value(Double(a.count)) }
            return arrayMethod(a, name)
        case .string(let s), .safe(let s):
            if let i = OrderedObject.arrayIndex(name) { return charAt(s, Double(i)) }
            if name == "length" { return Value(Double(s.utf16.count)) }
            return stringMethod(s, name)
        case .number(let d): return numberMethod(d, name)
        case .regex(let r):
            switch name {
            case "source": return Value(r.pattern)
            case "flags": return Value(r.flags)
            case "global": return Value(r.global)
            case "test": return method(name) { args in Value(try r.firstMatch(in: (args.first ?? .undefined).jsString) != nil) }
            default: return .undefined
            }
        case .bool, .callable: return .undefined
        }
    }

    private static func method(_ name: String, _ body: @escaping @Sendable ([Value]) throws -> Value) -> Value {
        Value(repr: .callable(Callable(name: name) { args, _ in try body(args) }))
    }

    private static func arg(_ args: [Value], _ i: Int) -> Value { i < args.count ? args[i] : .undefined }

    /// A relative index as `slice` reads it (negative counts from the end), clamped to 0…count.
    static func relativeIndex(_ v: Value, _ count: Int, default d: Int) -> Int {
        if v.isUndefined { return d }
        let n = v.jsNumber
        if n.isNaN { return 0 }
        let i = n < 0 ? max(0, Double(count) + n.rounded(.towardZero)) : min(Double(count), n.rounded(.towardZero))
        return Int(i)
    }

    private static func stringMethod(_ s: String, _ name: String) -> Value {
        switch name {
        case "toUpperCase", "toLocaleUpperCase": return method(name) { _ in Value(s.uppercased()) }
        case "toLowerCase", "toLocaleLowerCase": return method(name) { _ in Value(s.lowercased()) }
        case "trim": return method(name) { _ in Value(jsTrim(s)) }
        case "trimStart", "trimLeft":
            return method(name) { _ in Value(String(Parser.trimLeading(Substring(s)))) }
        case "trimEnd", "trimRight":
            return method(name) { _ in Value(String(Parser.trimTrailing(Substring(s)))) }
        case "toString", "valueOf": return method(name) { _ in Value(s) }
        case "split":
            return method(name) { args in
                let sep = arg(args, 0)
                if sep.isUndefined { return Value(array: [Value(s)]) }
                if case .regex(let r) = sep.repr { return Value(array: try r.split(s).map(Value.init)) }
                let p = sep.jsString
                if p.isEmpty { return Value(array: s.unicodeScalars.map { Value(String($0)) }) }
                return Value(array: s.components(separatedBy: p).map(Value.init))
            }
        case "replace", "replaceAll":
            return method(name) { args in
                try Filters.replaceFilter([Value(s), arg(args, 0), arg(args, 1), name == "replace" ? Value(1) : .undefined])
            }
        case "startsWith": return method(name) { args in Value(s.hasPrefix(arg(args, 0).jsString)) }
        case "endsWith": return method(name) { args in Value(s.hasSuffix(arg(args, 0).jsString)) }
        case "includes":
            return method(name) { args in
                let p = arg(args, 0).jsString
                return Value(p.isEmpty || s.contains(p))
            }
        case "indexOf", "lastIndexOf":
            return method(name) { args in
                let p = Array(arg(args, 0).jsString.utf16), h = Array(s.utf16)
                guard p.count <= h.count else { return Value(-1) }
                let range = Array(0...(h.count - p.count))
                let candidates = name == "indexOf" ? range : range.reversed()
                for i in candidates where Array(h[i..<(i + p.count)]) == p { return Value(Double(i)) }
                return Value(-1)
            }
        case "slice", "substring", "substr":
            return method(name) { args in
                let u = Array(s.utf16)
                var a = relativeIndex(arg(args, 0), u.count, default: 0)
                var b: Int
                if name == "substr" {
                    let len = arg(args, 1).isUndefined ? u.count : clampedInt(arg(args, 1).jsNumber, 0...u.count)
                    b = min(u.count, a + len)
                } else if name == "substring" {
                    a = Int(min(max(0, arg(args, 0).jsNumber.isNaN ? 0 : arg(args, 0).jsNumber), Double(u.count)))
                    b = arg(args, 1).isUndefined ? u.count : Int(min(max(0, arg(args, 1).jsNumber.isNaN ? 0 : arg(args, 1).jsNumber), Double(u.count)))
                    if a > b { swap(&a, &b) }
                } else {
                    b = relativeIndex(arg(args, 1), u.count, default: u.count)
                }
                return Value(a < b ? String(decoding: u[a..<b], as: UTF16.self) : "")
            }
        case "charAt": return method(name) { args in
            let v = charAt(s, arg(args, 0).isUndefined ? 0 : arg(args, 0).jsNumber)
            return v.isUndefined ? Value("") : v
        }
        case "repeat":
            return method(name) { args in
                let n = clampedInt(arg(args, 0).jsNumber, 0...maxBuiltString)
                guard n * max(1, s.utf8.count) <= maxBuiltString else { throw TemplateError.Kind.runtime("repeat() would build too long a string") }
                return Value(String(repeating: s, count: n))
            }
        case "padStart", "padEnd":
            return method(name) { args in
                let target = clampedInt(arg(args, 0).jsNumber, 0...maxBuiltString)
                let fill = arg(args, 1).isUndefined ? " " : arg(args, 1).jsString
                let missing = target - s.utf16.count
                guard missing > 0, !fill.isEmpty else { return Value(s) }
                let unit = Array(fill.utf16)
                var units: [UInt16] = []
                units.reserveCapacity(missing)
                while units.count < missing { units.append(unit[units.count % unit.count]) }
                let pad = String(decoding: units, as: UTF16.self)
                return Value(name == "padStart" ? pad + s : s + pad)
            }
        case "concat": return method(name) { args in Value(args.reduce(s) { $0 + $1.jsString }) }
        case "match":
            return method(name) { args in
                guard case .regex(let r) = arg(args, 0).repr else { return .null }
                return try r.match(s)
            }
        default: return .undefined
        }
    }

    private static func arrayMethod(_ a: [Value], _ name: String) -> Value {
        switch name {
        case "join": return method(name) { args in Value(joinArray(a, separator: arg(args, 0).isUndefined ? "," : arg(args, 0).jsString)) }
        case "indexOf": return method(name) { args in Value(Double(a.firstIndex { strictEquals($0, arg(args, 0)) } ?? -1)) }
        case "lastIndexOf": return method(name) { args in Value(Double(a.lastIndex { strictEquals($0, arg(args, 0)) } ?? -1)) }
        case "includes": return method(name) { args in Value(a.contains { strictEquals($0, arg(args, 0)) || ($0.jsNumber.isNaN && arg(args, 0).jsNumber.isNaN && $0.numberValue != nil && arg(args, 0).numberValue != nil) }) }
        case "slice":
            return method(name) { args in
                let lo = relativeIndex(arg(args, 0), a.count, default: 0)
                let hi = relativeIndex(arg(args, 1), a.count, default: a.count)
                return Value(array: lo < hi ? Array(a[lo..<hi]) : [])
            }
        case "concat":
            return method(name) { args in
                var out = a
                for v in args { if let more = v.arrayValue { out += more } else { out.append(v) } }
                return Value(array: out)
            }
        case "reverse": return method(name) { _ in Value(array: a.reversed()) }
        case "toString": return method(name) { _ in Value(joinArray(a, separator: ",")) }
        default: return .undefined
        }
    }

    private static func numberMethod(_ d: Double, _ name: String) -> Value {
        switch name {
        case "toFixed":
            return method(name) { args in
                let digits = clampedInt(arg(args, 0).jsNumber, -1...101)
                guard (0...100).contains(digits) else { throw TemplateError.Kind.runtime("toFixed() digits argument must be between 0 and 100") }
                if d.isNaN || d.isInfinite || abs(d) >= 1e21 { return Value(formatNumber(d)) }
                return Value(String(format: "%.\(digits)f", d))
            }
        case "toString":
            return method(name) { args in
                let radix = arg(args, 0).isUndefined ? 10 : clampedInt(arg(args, 0).jsNumber, 0...37)
                if radix == 10 || d != d.rounded(.towardZero) || abs(d) >= 9e18 { return Value(formatNumber(d)) }
                guard (2...36).contains(radix) else { throw TemplateError.Kind.runtime("toString() radix must be between 2 and 36") }
                return Value(String(Int64(d), radix: radix))
            }
        default: return .undefined
        }
    }
}
