/// A scalar's value once typed: what CloudFormation (and the JSON it becomes) sees.
public enum ResolvedScalar: Hashable, Sendable {
    /// `null`, `~`, or an empty plain scalar.
    case null
    /// `true`/`false` and YAML 1.1's `yes`/`no`/`on`/`off` in their three spellings.
    case bool(Bool)
    /// A number and the text it was written as (kept so `1.50` and `0777` can be written back as given).
    case number(Double, text: String)
    /// Everything else, and every quoted or block scalar.
    case string(String)
}

/// Types scalars the way CloudFormation's YAML reading (YAML 1.1, as cfn-flip's PyYAML does it) does.
///
/// Only untagged plain scalars are typed; quoted, literal and folded scalars stay strings, and so does a
/// scalar with the non-specific tag `!` or a CloudFormation tag (`!Ref x` is the string "x" to this layer).
/// The standard tags `!!str`, `!!int`, `!!float`, `!!bool` and `!!null` force their type.
///
/// Decisions, each tested in `ScalarResolverTests`:
/// - `true`/`True`/`TRUE`, `false`…, `yes`/`Yes`/`YES`, `no`…, `on`…, `off`… are booleans (YAML 1.1, as
///   PyYAML and so cfn-flip read them); `y` and `n` stay strings, as in PyYAML.
/// - `null`/`Null`/`NULL`, `~` and the empty plain scalar are null.
/// - Integers: decimal `123`, `-5`, `+7`; octal `0777` (= 511); hex `0x1F` (= 31); binary `0b101` (= 5);
///   `_` may separate digits (`1_000` = 1000). `09` is not a number (a leading zero means octal): a string.
/// - Floats: `1.5`, `1.`, `.5`, `-1.5e+3`, and every JSON number (`1e5`, `2E-3`) so JSON and YAML type alike.
/// - `.inf`, `-.inf` and `.nan` stay strings: a template becomes JSON, which has no infinity or NaN.
/// - Sexagesimal `1:20` (80 in YAML 1.1) stays a string: in templates such text is a time or a port pair.
/// - Timestamps (`2010-09-09`) stay strings; cfn-flip writes dates back as the same text anyway.
public enum ScalarResolver {
    /// The typed value of `scalar`.
    /// - Parameter scalar: A scalar node's payload.
    /// - Returns: Its value as CloudFormation reads it.
    public static func resolve(_ scalar: Node.Scalar) -> ResolvedScalar {
        if let tag = scalar.tag {
            switch tag {
            case "!!str": return .string(scalar.value)
            case "!!null": return .null
            case "!!bool": return resolveBool(scalar.value).map(ResolvedScalar.bool) ?? .string(scalar.value)
            case "!!int", "!!float":
                if case .number(let value, let text) = resolvePlain(scalar.value) { return .number(value, text: text) }
                return .string(scalar.value)
            default: return .string(scalar.value)
            }
        }
        guard scalar.style == .plain else { return .string(scalar.value) }
        return resolvePlain(scalar.value)
    }

    /// The typed value of untagged plain text.
    static func resolvePlain(_ text: String) -> ResolvedScalar {
        var copy = text
        // Strings, the common case, come back as the very text given: no new allocation.
        return copy.withUTF8 { bytes -> ResolvedScalar in
            guard let first = bytes.first else { return .null }
            // Fast exit: every non-string starts with one of these bytes.
            switch first {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                if let number = number(bytes) { return .number(number, text: text) }
            case UInt8(ascii: "~"):
                if bytes.count == 1 { return .null }
            case UInt8(ascii: "n"), UInt8(ascii: "N"):
                if equalsAnyCase(bytes, "null") { return .null }
                if equalsAnyCase(bytes, "no") { return .bool(false) }
            case UInt8(ascii: "t"), UInt8(ascii: "T"):
                if equalsAnyCase(bytes, "true") { return .bool(true) }
            case UInt8(ascii: "f"), UInt8(ascii: "F"):
                if equalsAnyCase(bytes, "false") { return .bool(false) }
            case UInt8(ascii: "y"), UInt8(ascii: "Y"):
                if equalsAnyCase(bytes, "yes") { return .bool(true) }
            case UInt8(ascii: "o"), UInt8(ascii: "O"):
                if equalsAnyCase(bytes, "on") { return .bool(true) }
                if equalsAnyCase(bytes, "off") { return .bool(false) }
            default:
                break
            }
            return .string(text)
        }
    }

    /// The boolean `!!bool` text stands for, if any.
    static func resolveBool(_ text: String) -> Bool? {
        if case .bool(let value) = resolvePlain(text) { return value }
        return nil
    }

    /// True when `bytes` is `word` (lowercase ASCII) spelled all lowercase, Capitalised or ALL CAPS,
    /// the three spellings YAML 1.1 allows.
    private static func equalsAnyCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let lower = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var allLower = true, allUpper = true, capitalised = true
        for index in 0..<bytes.count {
            let byte = bytes[index], low = lower[index], up = low &- 32
            if byte != low { allLower = false; if index > 0 { capitalised = false } }
            if byte != up { allUpper = false; if index == 0 { capitalised = false } }
        }
        return allLower || allUpper || capitalised
    }

    // MARK: - Numbers

    /// How a number was written, which decides how it is converted and how JSON writes it back.
    enum NumberForm: Equatable {
        case decimal, octal, hex, binary, float
    }

    /// The value of number text, or nil when the text is not a number.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let form = numberForm(bytes) else { return nil }
        return value(of: bytes, form: form)
    }

    /// Which number syntax `bytes` matches, if any.
    static func numberForm(_ bytes: UnsafeBufferPointer<UInt8>) -> NumberForm? {
        var index = 0
        let count = bytes.count
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        guard index < count else { return nil }
        let signed = index > 0
        // Prefixed integers: 0x…, 0b…, 0… (octal).
        if bytes[index] == UInt8(ascii: "0"), index + 1 < count {
            let next = bytes[index + 1]
            if next == UInt8(ascii: "x") {
                return digitsWithUnderscores(bytes, from: index + 2, isDigit: isHexDigit) ? .hex : nil
            }
            if next == UInt8(ascii: "b") {
                return digitsWithUnderscores(bytes, from: index + 2, isDigit: { $0 == 48 || $0 == 49 }) ? .binary : nil
            }
            if isOctalDigit(next) || next == UInt8(ascii: "_") {
                if digitsWithUnderscores(bytes, from: index + 1, isDigit: isOctalDigit) { return .octal }
                // 0777.5 and 0_1.5 are floats; anything else with a leading zero is not a number.
                return floatForm(bytes, from: index, signed: signed) ? .float : nil
            }
        }
        // Decimal integer: 0 or [1-9][0-9_]*.
        if bytes[index] == UInt8(ascii: "0"), index + 1 == count { return .decimal }
        if bytes[index] >= UInt8(ascii: "1"), bytes[index] <= UInt8(ascii: "9"),
           digitsWithUnderscores(bytes, from: index, isDigit: isDecimalDigit) {
            return .decimal
        }
        return floatForm(bytes, from: index, signed: signed) ? .float : nil
    }

    /// YAML 1.1's float (`[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?`, `\.[0-9_]+(…)?` unsigned) or a JSON number
    /// (`[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?`, `\.[0-9]+…`); `index` is past the sign.
    private static func floatForm(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, signed: Bool) -> Bool {
        var index = start
        let count = bytes.count
        var intDigits = 0, fracDigits = 0, underscores = false
        while index < count, isDecimalDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") {
            if bytes[index] == UInt8(ascii: "_") { underscores = true } else { intDigits += 1 }
            index += 1
        }
        // YAML 1.1 requires a digit before a leading underscore run.
        if index > start, bytes[start] == UInt8(ascii: "_") { return false }
        var hasDot = false
        if index < count, bytes[index] == UInt8(ascii: ".") {
            hasDot = true
            index += 1
            while index < count, isDecimalDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") {
                if bytes[index] == UInt8(ascii: "_") { underscores = true } else { fracDigits += 1 }
                index += 1
            }
        }
        guard intDigits + fracDigits > 0 else { return false }
        // A sign needs a digit before the dot in both YAML 1.1 and JSON: `-.5` is a string.
        if intDigits == 0, signed { return false }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            var expDigits = 0
            while index < count, isDecimalDigit(bytes[index]) { index += 1; expDigits += 1 }
            guard expDigits > 0 else { return false }
            // Without a dot, only the JSON form counts: no underscores.
            if !hasDot, underscores { return false }
        } else if !hasDot {
            return false
        }
        return index == count
    }

    /// True when `bytes[start...]` is one or more digits, `_` allowed after the first digit or anywhere
    /// after a prefix (`0x_1F` is valid YAML 1.1), with at least one digit.
    private static func digitsWithUnderscores(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                                              isDigit: (UInt8) -> Bool) -> Bool {
        guard start < bytes.count else { return false }
        var digits = 0
        for index in start..<bytes.count {
            let byte = bytes[index]
            if isDigit(byte) { digits += 1 } else if byte != UInt8(ascii: "_") { return false }
        }
        return digits > 0
    }

    private static func isDecimalDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isOctalDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 55 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
    }

    /// The numeric value of text already known to have `form`.
    static func value(of bytes: UnsafeBufferPointer<UInt8>, form: NumberForm) -> Double {
        var negative = false
        var index = 0
        if bytes[0] == UInt8(ascii: "-") { negative = true; index = 1 } else if bytes[0] == UInt8(ascii: "+") { index = 1 }
        let radix: Double
        switch form {
        case .decimal where bytes.count > 18, .float:
            var cleaned = [UInt8]()
            cleaned.reserveCapacity(bytes.count)
            for byte in bytes where byte != UInt8(ascii: "_") { cleaned.append(byte) }
            // Swift's parser takes `1.`, `.5` and `+1.5`, every form accepted above, and rounds long
            // decimals correctly, which accumulating digits would not.
            return Double(String(decoding: cleaned, as: UTF8.self)) ?? .nan
        case .decimal: radix = 10
        case .octal: radix = 8; index += 1
        case .hex: radix = 16; index += 2
        case .binary: radix = 2; index += 2
        }
        // Accumulate exactly in UInt64 while it fits, then in Double.
        var exact: UInt64 = 0
        var approximate = 0.0
        var overflowed = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let digit: UInt64
            switch byte {
            case 48...57: digit = UInt64(byte - 48)
            case 65...70: digit = UInt64(byte - 55)
            case 97...102: digit = UInt64(byte - 87)
            default: continue
            }
            if !overflowed {
                let (product, o1) = exact.multipliedReportingOverflow(by: UInt64(radix))
                let (sum, o2) = product.addingReportingOverflow(digit)
                if o1 || o2 { overflowed = true; approximate = Double(exact) * radix + Double(digit) } else { exact = sum }
            } else {
                approximate = approximate * radix + Double(digit)
            }
        }
        let magnitude = overflowed ? approximate : Double(exact)
        return negative ? -magnitude : magnitude
    }
}
