/// JavaScript's ToString, exactly: numbers as `Number.prototype.toString` prints them.
extension Value {
    /// `String(value)` in JavaScript: undefined → "undefined", arrays comma-joined, objects "[object Object]".
    var jsString: String {
        switch repr {
        case .undefined: return "undefined"
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return Value.formatNumber(d)
        case .string(let s), .safe(let s): return s
        case .array(let a): return Value.joinArray(a, separator: ",")
        case .object, .native: return "[object Object]"
        case .callable(let c): return "function \(c.name)() { [native code] }"
        case .regex(let r): return "/\(r.pattern)/\(r.flags)"
        }
    }

    /// `Array.prototype.join`: null and undefined elements become empty strings.
    static func joinArray(_ a: [Value], separator: String) -> String {
        var out = ""
        // Strings (the common items) are measured first so that the result grows once.
        var size = separator.utf8.count * max(0, a.count - 1)
        for v in a { if let s = v.stringValue { size += s.utf8.count } }
        out.reserveCapacity(size)
        for (i, v) in a.enumerated() {
            if i > 0 { out += separator }
            if !v.isNullish { out += v.jsString }
        }
        return out
    }

    /// JavaScript Number→String: shortest round-trip digits, exponent form below 1e-6 and from 1e21.
    static func formatNumber(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return "0" }
        if d == d.rounded(.towardZero) && abs(d) < 1e15 { return String(Int64(d)) }
        let negative = d < 0
        // Swift's description is the shortest round-trip representation; only its layout differs from JS.
        let text = abs(d).description
        var digits: [UInt8] = []
        var exponent = 0
        var pointSeen = false
        var intDigits = 0
        var i = text.utf8.startIndex
        let u = text.utf8
        while i < u.endIndex {
            let c = u[i]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(text[text.utf8.index(after: i)...]))!
                break
            } else if c == UInt8(ascii: ".") {
                pointSeen = true
            } else {
                digits.append(c)
                if !pointSeen { intDigits += 1 }
            }
            i = u.index(after: i)
        }
        // Normalise: strip leading zeros (adjusting the point) and trailing zeros.
        var n = intDigits + exponent  // position of the decimal point relative to digits[0]
        while digits.count > 1 && digits.first == UInt8(ascii: "0") { digits.removeFirst(); n -= 1 }
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        var out = negative ? "-" : ""
        let ds = String(decoding: digits, as: UTF8.self)
        if k <= n && n <= 21 {
            out += ds + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            out += String(ds.prefix(n)) + "." + String(ds.dropFirst(n))
        } else if -6 < n && n <= 0 {
            out += "0." + String(repeating: "0", count: -n) + ds
        } else {
            let e = n - 1
            out += String(ds.prefix(1))
            if k > 1 { out += "." + String(ds.dropFirst(1)) }
            out += "e" + (e < 0 ? "-" : "+") + String(abs(e))
        }
        return out
    }
}
