import Foundation

/// Number filters. Each comment shows a template and its output.
extension Filters {
    /// `{{ -3 | abs }}` → `3`
    @Sendable static func abs(_ a: [Value]) throws -> Value { Value(Swift.abs(arg(a, 0).jsNumber)) }

    /// `{{ "3.50" | float }}` → `3.5`; `{{ "x" | float(1.5) }}` → `1.5`
    @Sendable static func float(_ a: [Value]) throws -> Value {
        let d = parseFloat(arg(a, 0).jsString)
        return d.isNaN ? arg(a, 1) : Value(d)
    }

    /// `{{ "42" | int }}` → `42`; `{{ "x" | int(7) }}` → `7`; `int(value, default, base)`
    @Sendable static func int(_ a: [Value]) throws -> Value {
        let base = arg(a, 2).isUndefined ? 10 : arg(a, 2).jsNumber
        let d = parseInt(arg(a, 0).jsString, radix: base)
        return d.isNaN ? arg(a, 1) : Value(d)
    }

    /// `{{ 2.567 | round(2) }}` → `2.57`; `round(0, "floor")` and `"ceil"` pick the direction
    @Sendable static func round(_ a: [Value]) throws -> Value {
        let precision = arg(a, 1).isTruthy ? arg(a, 1).jsNumber : 0
        let factor = Value.power(10, precision)
        let x = arg(a, 0).jsNumber * factor
        let r: Double
        switch arg(a, 2).stringValue {
        case "ceil": r = x.rounded(.up)
        case "floor": r = x.rounded(.down)
        default: r = mathRound(x)
        }
        return Value(r / factor)
    }

    /// `Math.round`: halves round toward +∞ (-2.5 → -2).
    static func mathRound(_ x: Double) -> Double {
        if !x.isFinite { return x }
        let f = x.rounded(.down)
        return x - f >= 0.5 ? f + 1 : f
    }

    /// JavaScript's `parseFloat`: the longest numeric prefix after leading whitespace; NaN when none.
    static func parseFloat(_ s: String) -> Double {
        let t = String(Parser.trimLeading(Substring(s)))
        var u = Array(t.utf8)[...]
        var sign = 1.0
        if u.first == UInt8(ascii: "-") { sign = -1; u = u.dropFirst() } else if u.first == UInt8(ascii: "+") { u = u.dropFirst() }
        if u.starts(with: "Infinity".utf8) { return sign * .infinity }
        let n = Value.decimalLiteralLength(Array(u))
        if n == 0 { return .nan }
        var lit = String(decoding: u.prefix(n), as: UTF8.self)
        if lit.hasSuffix(".") { lit += "0" }
        if lit.hasPrefix(".") { lit = "0" + lit }
        return sign * (Double(lit) ?? .nan)
    }

    /// JavaScript's `parseInt(string, radix)`.
    static func parseInt(_ s: String, radix r: Double) -> Double {
        var u = Array(String(Parser.trimLeading(Substring(s))).utf8)[...]
        var sign = 1.0
        if u.first == UInt8(ascii: "-") { sign = -1; u = u.dropFirst() } else if u.first == UInt8(ascii: "+") { u = u.dropFirst() }
        var radix = r.isFinite ? Int(r) : 0
        var stripPrefix = true
        if radix != 0 {
            if radix < 2 || radix > 36 { return .nan }
            if radix != 16 { stripPrefix = false }
        } else {
            radix = 10
        }
        if stripPrefix, u.count >= 2, u.first == UInt8(ascii: "0"), u[u.startIndex + 1] | 0x20 == UInt8(ascii: "x") {
            u = u.dropFirst(2)
            radix = 16
        }
        var value = 0.0
        var any = false
        for c in u {
            guard let d = Value.digitValue(c), d < radix else { break }
            value = value * Double(radix) + Double(d)
            any = true
        }
        return any ? sign * value : .nan
    }
}
