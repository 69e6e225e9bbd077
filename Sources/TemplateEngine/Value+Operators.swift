import Foundation

/// JavaScript operator semantics over `Value`: `+`, `-`, `*`, `/`, `%`, `//`, `**`, `==`, `===`, `<`, `in`.
extension Value {
    // MARK: - Conversions

    /// JavaScript ToNumber: undefined → NaN, null → 0, strings parsed as numeric literals (else NaN).
    var jsNumber: Double {
        switch repr {
        case .undefined: return .nan
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .number(let d): return d
        case .string(let s), .safe(let s): return Value.stringToNumber(s)
        case .array, .object, .native, .callable, .regex: return Value.stringToNumber(toPrimitive.jsString)
        }
    }

    /// ToPrimitive with hint "default": arrays and objects become their strings; safe strings their text.
    var toPrimitive: Value {
        switch repr {
        case .array, .object, .native, .callable, .regex: return Value(jsString)
        case .safe(let s): return Value(s)
        default: return self
        }
    }

    var isPrimitiveString: Bool { if case .string = repr { return true }; return false }

    static func isJSWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Trims JavaScript whitespace from both ends (String.prototype.trim).
    static func jsTrim(_ s: String) -> String {
        let sc = s.unicodeScalars
        guard let start = sc.firstIndex(where: { !isJSWhitespace($0) }) else { return "" }
        let end = sc.lastIndex(where: { !isJSWhitespace($0) })!
        return String(sc[start...end])
    }

    /// JavaScript's StringToNumber: the whole trimmed string must be a numeric literal.
    static func stringToNumber(_ raw: String) -> Double {
        let s = jsTrim(raw)
        if s.isEmpty { return 0 }
        let u = Array(s.utf8)
        if u.count > 2 && u[0] == UInt8(ascii: "0") {
            let radix: Int? = switch u[1] | 0x20 { case UInt8(ascii: "x"): 16; case UInt8(ascii: "o"): 8; case UInt8(ascii: "b"): 2; default: nil }
            if let radix {
                var v = 0.0
                for c in u[2...] {
                    guard let dv = digitValue(c), dv < radix else { return .nan }
                    v = v * Double(radix) + Double(dv)
                }
                return v
            }
        }
        var body = Substring(s)
        var sign = 1.0
        if body.first == "+" { body = body.dropFirst() } else if body.first == "-" { body = body.dropFirst(); sign = -1 }
        if body == "Infinity" { return sign * .infinity }
        guard decimalLiteralLength(Array(body.utf8)) == body.utf8.count, let d = Double(body) else { return .nan }
        return sign * d
    }

    static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x61...0x7A: return Int(c - 0x61 + 10)
        case 0x41...0x5A: return Int(c - 0x41 + 10)
        default: return nil
        }
    }

    /// Length of the longest prefix that is an unsigned decimal literal (`12`, `1.5`, `.5`, `1e3`, `1.`); 0 if none.
    static func decimalLiteralLength(_ u: [UInt8]) -> Int {
        var i = 0
        var sawDigit = false
        while i < u.count, u[i] >= 0x30, u[i] <= 0x39 { i += 1; sawDigit = true }
        if i < u.count, u[i] == UInt8(ascii: ".") {
            var j = i + 1
            var frac = false
            while j < u.count, u[j] >= 0x30, u[j] <= 0x39 { j += 1; frac = true }
            if sawDigit || frac { i = j; sawDigit = true }
        }
        guard sawDigit else { return 0 }
        if i < u.count, u[i] | 0x20 == UInt8(ascii: "e") {
            var j = i + 1
            if j < u.count, u[j] == UInt8(ascii: "+") || u[j] == UInt8(ascii: "-") { j += 1 }
            let digitsStart = j
            while j < u.count, u[j] >= 0x30, u[j] <= 0x39 { j += 1 }
            if j > digitsStart { i = j }
        }
        return i
    }

    // MARK: - Arithmetic

    /// `a + b`: string concatenation when either primitive is a string, else numeric addition.
    static func add(_ a: Value, _ b: Value) -> Value {
        if case .number(let x) = a.repr, case .number(let y) = b.repr { return Value(x + y) }
        let pa = a.toPrimitive, pb = b.toPrimitive
        if pa.isPrimitiveString || pb.isPrimitiveString { return Value(pa.jsString + pb.jsString) }
        return Value(pa.jsNumber + pb.jsNumber)
    }

    /// `a ~ b`: both sides as strings (`undefined` and `null` spelled out, as JavaScript does).
    static func concat(_ a: Value, _ b: Value) -> Value { Value(a.jsString + b.jsString) }

    /// `Math.pow` with JavaScript's NaN cases (C's pow(1, NaN) is 1, JavaScript's NaN).
    static func power(_ x: Double, _ y: Double) -> Double {
        if y.isNaN { return .nan }
        if y.isInfinite && abs(x) == 1 { return .nan }
        return Foundation.pow(x, y)
    }

    // MARK: - Equality and ordering

    /// `===`: same type and value; arrays and objects by identity.
    static func strictEquals(_ a: Value, _ b: Value) -> Bool {
        switch (a.repr, b.repr) {
        case (.undefined, .undefined), (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return sameStorage(x, y)
        case (.callable(let x), .callable(let y)): return x === y
        case (.native(let x), .native(let y)): return x === y
        default: return false
        }
    }

    private static func sameStorage(_ x: [Value], _ y: [Value]) -> Bool {
        if x.isEmpty || y.isEmpty { return false }
        return x.withUnsafeBufferPointer { px in y.withUnsafeBufferPointer { py in px.baseAddress == py.baseAddress } }
    }

    var isObjectLike: Bool {
        switch repr { case .array, .object, .native, .callable, .regex, .safe: return true; default: return false }
    }

    /// `==`: JavaScript's abstract equality.
    static func looseEquals(_ a: Value, _ b: Value) -> Bool {
        switch (a.repr, b.repr) {
        case (.undefined, .undefined), (.null, .null), (.undefined, .null), (.null, .undefined): return true
        case (.undefined, _), (.null, _), (_, .undefined), (_, .null): return false
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        default: break
        }
        if a.isObjectLike && b.isObjectLike {
            return strictEquals(a, b)
        }
        if a.isObjectLike { return looseEquals(a.toPrimitive, b) }
        if b.isObjectLike { return looseEquals(a, b.toPrimitive) }
        // Mixed primitives: compare as numbers.
        return a.jsNumber == b.jsNumber
    }

    /// The result of JavaScript's `a < b` style comparison: nil when undefined (NaN involved).
    static func compare(_ a: Value, _ b: Value) -> Int? {
        if case .number(let x) = a.repr, case .number(let y) = b.repr {
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        let pa = a.toPrimitive, pb = b.toPrimitive
        if case .string(let x) = pa.repr, case .string(let y) = pb.repr {
            return compareUTF16(x, y)
        }
        let x = pa.jsNumber, y = pb.jsNumber
        if x.isNaN || y.isNaN { return nil }
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    /// Orders strings by UTF-16 code units, as JavaScript does.
    static func compareUTF16(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        var ix = x.utf16.makeIterator(), iy = y.utf16.makeIterator()
        while true {
            switch (ix.next(), iy.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let p?, let q?): if p != q { return p < q ? -1 : 1 }
            }
        }
    }

    static func lessThan(_ a: Value, _ b: Value) -> Bool { compare(a, b).map { $0 < 0 } ?? false }
    static func greaterThan(_ a: Value, _ b: Value) -> Bool { compare(a, b).map { $0 > 0 } ?? false }
    static func lessOrEqual(_ a: Value, _ b: Value) -> Bool { compare(a, b).map { $0 <= 0 } ?? false }
    static func greaterOrEqual(_ a: Value, _ b: Value) -> Bool { compare(a, b).map { $0 >= 0 } ?? false }

    /// The `in` operator (nunjucks' `lib.inOperator`): arrays by `===`, substrings, object keys.
    static func contains(_ container: Value, _ key: Value) throws -> Bool {
        switch container.repr {
        case .array(let a): return a.contains { strictEquals($0, key) }
        case .string(let s), .safe(let s):
            let k = key.jsString
            return k.isEmpty || s.contains(k)
        case .object(let o): return o[key.propertyKey] != nil
        default:
            throw TemplateError.Kind.runtime("cannot use 'in' operator to search for '\(key.jsString)' in unexpected types")
        }
    }

    /// A double as an Int clamped to `range` (NaN reads as the lower bound): never traps on huge or
    /// infinite numbers from templates.
    static func clampedInt(_ d: Double, _ range: ClosedRange<Int>) -> Int {
        if d.isNaN { return range.lowerBound }
        if d <= Double(range.lowerBound) { return range.lowerBound }
        if d >= Double(range.upperBound) { return range.upperBound }
        return Int(d)
    }

    /// Longest string a builtin (repeat, padding, widths) will build: beyond it is an error, not an exhausted machine.
    static let maxBuiltString = 4_194_304

    /// The property name a value spells when used as a key (`o[1]` reads `o["1"]`).
    var propertyKey: String { jsString }
}
