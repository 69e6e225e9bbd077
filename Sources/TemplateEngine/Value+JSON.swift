/// JSON in and out: `parseJSON` for `--vars` (errors with line:column), `JSON.stringify` for the `dump` filter.
extension Value {
    /// Parses JSON text; numbers become doubles, object key order is kept.
    /// - Parameters:
    ///   - bytes: the JSON text as UTF-8.
    ///   - path: the file name errors show.
    /// - Throws: `TemplateError` at the 1-based line and column of the problem.
    public static func parseJSON(_ bytes: [UInt8], path: String = "<json>") throws -> Value {
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                var p = JSONReader(bytes: buffer)
                return try p.parseDocument()
            }
        } catch let f as JSONReader.Failure {
            let source = Source(path: path, bytes: bytes)
            var e = TemplateError(.syntax(f.message), source: source, span: Span(offset: 0, line: f.line, column: f.column))
            e.message = "invalid JSON: " + f.message
            throw e
        }
    }

    /// `JSON.stringify(value, null, indent)`; nil where JavaScript returns undefined (undefined, functions).
    func jsonString(indent: String = "") -> String? {
        if case .string(let s) = repr { return Value.quotedJSON(s) }
        let out = OutputBuffer(capacity: 256)
        let ind = Array(indent.utf8)
        guard writeJSON(to: out, indent: ind, level: 0) else { return nil }
        return out.string(from: 0)
    }

    /// Writes `JSON.stringify(value)` (compact) to `out`; false, writing nothing, for undefined and functions.
    func writeJSON(into out: OutputBuffer) -> Bool { writeJSON(to: out, indent: [], level: 0) }

    private func writeJSON(to out: OutputBuffer, indent: [UInt8], level: Int) -> Bool {
        switch repr {
        case .undefined, .callable: return false
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let d):
            if d.isFinite { VM.write(self, to: out) } else { out.append("null") }
        case .string(let s): Value.quoteJSON(s, into: out)
        case .safe(let s):
            // A SafeString is an object {val, length} to JSON.stringify.
            return Value(object: [("val", Value(s)), ("length", Value(Double(s.utf16.count)))]).writeJSON(to: out, indent: indent, level: level)
        case .regex: out.append("{}")
        case .array(let a):
            if a.isEmpty { out.append("[]"); return true }
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Value.newline(out, indent, level + 1)
                if !v.writeJSON(to: out, indent: indent, level: level + 1) { out.append("null") }
            }
            Value.newline(out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            return Value.writeObject(o.keys, o.values, to: out, indent: indent, level: level)
        case .native(let n):
            let e = n.jsonEntries
            return Value.writeObject(e.map(\.0), e.map(\.1), to: out, indent: indent, level: level)
        }
        return true
    }

    private static func writeObject(_ keys: [String], _ values: [Value], to out: OutputBuffer, indent: [UInt8], level: Int) -> Bool {
        var first = true
        out.append(UInt8(ascii: "{"))
        for i in keys.indices {
            let v = values[i]
            if case .undefined = v.repr { continue }
            if case .callable = v.repr { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            newline(out, indent, level + 1)
            quoteJSON(keys[i], into: out)
            out.append(UInt8(ascii: ":"))
            if !indent.isEmpty { out.append(UInt8(ascii: " ")) }
            _ = v.writeJSON(to: out, indent: indent, level: level + 1)
        }
        if !first { newline(out, indent, level) }
        out.append(UInt8(ascii: "}"))
        return true
    }

    private static func newline(_ out: OutputBuffer, _ indent: [UInt8], _ level: Int) {
        guard !indent.isEmpty else { return }
        out.append(0x0A)
        for _ in 0..<level { indent.withUnsafeBufferPointer { out.append($0) } }
    }

    /// `quoteJSON` as a new string, written straight into its storage (`dump` of a string, the common case).
    static func quotedJSON(_ s: String) -> String {
        VM.withBytes(s) { u in
            String(unsafeUninitializedCapacity: u.count * 6 + 2) { quoteJSON(u, to: $0.baseAddress!) }
        }
    }

    /// JSON string quoting as JSON.stringify does it: only `"`, `\`, and control characters are escaped.
    static func quoteJSON(_ s: String, into out: OutputBuffer) {
        VM.withBytes(s) { u in
            out.appendWriting(maxCount: u.count * 6 + 2) { dst in quoteJSON(u, to: dst) }
        }
    }

    /// Writes `u` quoted as JSON at `dst` (room for `u.count * 6 + 2` bytes); returns the bytes written.
    /// Eight bytes at a time: each word is copied whole, and when it holds a control character, `"` or `\`,
    /// the output goes on from the first such byte (`escapeMask`), which is escaped; the tail goes byte by byte.
    private static func quoteJSON(_ u: UnsafeBufferPointer<UInt8>, to dst: UnsafeMutablePointer<UInt8>) -> Int {
        let n = u.count
        var o = 0
        dst[o] = 0x22
        o += 1
        guard let src = u.baseAddress else { dst[o] = 0x22; return o + 1 }
        var i = 0
        // Room: at most 6 bytes out per byte in, so 8 bytes stored at `o` stay within it while 8 remain.
        while i + 8 <= n {
            let w = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(dst + o).storeBytes(of: w, as: UInt64.self)
            let m = escapeMask(w)
            if m == 0 {
                i += 8
                o += 8
                continue
            }
            let k = m.trailingZeroBitCount >> 3
            i += k
            o += k
            o += escape(src[i], at: dst + o)
            i += 1
        }
        while i < n {
            let c = src[i]
            i += 1
            guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { dst[o] = c; o += 1; continue }
            o += escape(c, at: dst + o)
        }
        dst[o] = 0x22
        return o + 1
    }

    /// The high bit of each byte of `w` that is a control character, `"` or `\` (what JSON escapes in a
    /// string): zero when there is none. Exact up to the first such byte, the lowest set bit, since a borrow only
    /// crosses into a byte above one that matched: `trailingZeroBitCount / 8` is its index in a little-endian load.
    @inline(__always) static func escapeMask(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20; a byte equal to 0x22 or 0x5C (a zero byte after the XOR).
        let below = (w &- ones &* 0x20) & ~w & highs
        let q = w ^ (ones &* 0x22), b = w ^ (ones &* 0x5C)
        return below | ((q &- ones) & ~q & highs) | ((b &- ones) & ~b & highs)
    }

    /// Writes the JSON escape of `c` (a control character, `"` or `\\`) at `dst`; returns its length.
    @inline(__always) private static func escape(_ c: UInt8, at dst: UnsafeMutablePointer<UInt8>) -> Int {
        dst[0] = 0x5C
        switch c {
        case UInt8(ascii: "\""): dst[1] = 0x22
        case UInt8(ascii: "\\"): dst[1] = 0x5C
        case 0x0A: dst[1] = UInt8(ascii: "n")
        case 0x0D: dst[1] = UInt8(ascii: "r")
        case 0x09: dst[1] = UInt8(ascii: "t")
        case 0x08: dst[1] = UInt8(ascii: "b")
        case 0x0C: dst[1] = UInt8(ascii: "f")
        default:
            dst[1] = UInt8(ascii: "u")
            dst[2] = 0x30
            dst[3] = 0x30
            dst[4] = hexDigit(c >> 4)
            dst[5] = hexDigit(c & 15)
            return 6
        }
        return 2
    }

    @inline(__always) private static func hexDigit(_ d: UInt8) -> UInt8 { d < 10 ? 0x30 + d : 0x57 + d }
}

/// A strict JSON reader over UTF-8 bytes that reports errors as "line L, column C: …".
///
/// It reads a buffer pointer that `parseJSON` holds open: every index is checked against `bytes.count` before
/// use, and the buffer's own subscript costs no bounds-check call (large `--vars` files are read at start-up).
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0
    /// Per nesting depth: the keys of the object being read (kept between objects, so reading one allocates
    /// no key list), and the key list of the last object finished there. Objects in a list mostly share their
    /// keys; those that repeat the last list share its storage, which saves an allocation and ~100 bytes per
    /// object of a large variables file.
    private var keyScratch: [[String]] = []
    private var lastKeys: [KeyList] = []
    /// The values of the objects and arrays being read, innermost last: each is moved into an allocation of
    /// its exact size when it closes, where an array grown by appending reallocated as it doubled.
    private let valueScratch = ValueStack(capacity: 64)

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// A JSON syntax error at a byte offset.
    struct Failure: Error, CustomStringConvertible {
        let line: Int
        let column: Int
        let message: String
        var description: String { "\(line):\(column): \(message)" }
    }

    private func fail(_ message: String, at offset: Int? = nil) -> Failure {
        let o = min(offset ?? i, bytes.count)
        var line = 1, col = 1
        for b in bytes[..<o] {
            if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
        }
        return Failure(line: line, column: col, message: message)
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func parseDocument() throws -> Value {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipWhitespace()
        let v = try parseValue()
        skipWhitespace()
        if i < bytes.count { throw fail("unexpected character after the JSON value") }
        return v
    }

    private mutating func parseValue() throws -> Value {
        guard i < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return Value(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return Value(true)
        case UInt8(ascii: "f"): try literal("false"); return Value(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), 0x30...0x39: return try parseNumber()
        default: throw fail("unexpected character '\(String(decoding: [bytes[i]], as: UTF8.self))'")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw fail("invalid literal") }
        let w = word.utf8Start
        for k in 0..<n where bytes[i + k] != w[k] { throw fail("invalid literal") }
        i += n
    }

    private mutating func enter() throws {
        depth += 1
        if depth > 512 { throw fail("JSON nesting is too deep") }
    }

    private mutating func parseObject() throws -> Value {
        try enter()
        defer { depth -= 1 }
        i += 1
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return Value(OrderedObject()) }
        let level = depth
        while keyScratch.count <= level {
            keyScratch.append([])
            lastKeys.append(KeyList([]))
        }
        // While the keys repeat the last object's at this depth, each is matched in the bytes and the last
        // object's string reused: no string is made or compared. `keyScratch` is filled only after a miss.
        let last = lastKeys[level]
        var repeating = true
        var count = 0
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
            if repeating, count < last.keys.count, let end = last.match(count, in: bytes, at: i) {
                i = end
                count += 1
            } else {
                if repeating {
                    repeating = false
                    keyScratch[level].removeAll(keepingCapacity: true)
                    keyScratch[level].append(contentsOf: last.keys[..<count])
                }
                keyScratch[level].append(try parseString())
                count += 1
            }
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
            i += 1
            skipWhitespace()
            // The value first, then the stack: `valueScratch.append(try parseValue())` loaded the stack before
            // the call and retained it across it (an atomic increment and decrement per value).
            let value = try parseValue()
            valueScratch.append(value)
            skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of input") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                var list = last
                if !repeating || count != last.keys.count {
                    // A new key list (a prefix of the last one when the scratch was never filled), checked once
                    // here for duplicates and integer-like keys; objects repeating it skip the check.
                    list = KeyList(repeating ? Array(last.keys[..<count]) : Array(keyScratch[level][...]))  // a copy: the scratch is reused
                    lastKeys[level] = list
                }
                let keys = list.keys, simple = list.simple
                return Value(valueScratch.popMoving(count) { OrderedObject(keys: keys, simple: simple, movingValuesFrom: $0) })
            }
            throw fail("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray() throws -> Value {
        try enter()
        defer { depth -= 1 }
        i += 1
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return Value(array: []) }
        let start = valueScratch.count
        while true {
            skipWhitespace()
            let value = try parseValue()  // before the stack is loaded, as in `parseObject`
            valueScratch.append(value)
            skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of input") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return Value(array: valueScratch.popArray(valueScratch.count - start)) }
            throw fail("expected ',' or ']' in an array")
        }
    }

    private mutating func parseNumber() throws -> Value {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw fail("invalid number", at: start) }
        if bytes[i] == 0x30 { i += 1 } else { while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 } }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw fail("invalid number", at: start) }
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw fail("invalid number", at: start) }
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        }
        // Integers of up to 15 digits (the usual counts and ports) are exact doubles: no text round trip.
        var digits = start
        let negative = bytes[digits] == UInt8(ascii: "-")
        if negative { digits += 1 }
        if i - digits <= 15 {
            var n = 0
            var k = digits
            while k < i, bytes[k] >= 0x30, bytes[k] <= 0x39 { n = n * 10 + Int(bytes[k] - 0x30); k += 1 }
            if k == i { return Value(negative ? (n == 0 ? -0.0 : -Double(n)) : Double(n)) }
        }
        return Value(Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) ?? .nan)
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("invalid \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let d = Value.digitValue(bytes[i]), d < 16 else { throw fail("invalid \\u escape") }
            v = v * 16 + UInt32(d)
            i += 1
        }
        return v
    }

    private mutating func parseString() throws -> String {
        i += 1
        // Fast path: no escapes before the closing quote (most keys and values). Eight bytes at a time while
        // none of them is a quote, a backslash or a control character, then straight to the first that is.
        var j = i
        if let base = bytes.baseAddress {
            while j + 8 <= bytes.count {
                let m = Value.escapeMask(UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
                if m != 0 { j += m.trailingZeroBitCount >> 3; break }
                j += 8
            }
        }
        while j < bytes.count {
            let c = bytes[j]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
                i = j + 1
                return s
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            j += 1
        }
        // Escapes (or a control character, an error). The decoded text is never longer than its spelling, so
        // it is written straight into the string's own storage, sized by a scan to the closing quote that
        // steps over escaped bytes; the decoding below finds any error, in source order.
        var end = j
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
        let plain = j - i
        return try String(unsafeUninitializedCapacity: min(end, bytes.count) - i) { out in
            var n = plain
            if plain > 0 { _ = UnsafeMutableBufferPointer(rebasing: out[0..<plain]).initialize(from: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
            i = j
            while true {
                guard i < bytes.count else { throw fail("unterminated string") }
                let c = bytes[i]
                if c == UInt8(ascii: "\"") { i += 1; return n }
                if c < 0x20 { throw fail("control character in string") }
                if c != UInt8(ascii: "\\") { out[n] = c; n += 1; i += 1; continue }
                i += 1
                guard i < bytes.count else { throw fail("unterminated string") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out[n] = 0x22
                case UInt8(ascii: "\\"): out[n] = 0x5C
                case UInt8(ascii: "/"): out[n] = 0x2F
                case UInt8(ascii: "b"): out[n] = 0x08
                case UInt8(ascii: "f"): out[n] = 0x0C
                case UInt8(ascii: "n"): out[n] = 0x0A
                case UInt8(ascii: "r"): out[n] = 0x0D
                case UInt8(ascii: "t"): out[n] = 0x09
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    // At most 4 bytes from at least 6 (`\uXXXX`), so within the capacity.
                    UTF8.encode(Unicode.Scalar(code) ?? "\u{FFFD}") { out[n] = $0; n += 1 }
                    continue
                default:
                    throw fail("invalid escape in string", at: i - 2)
                }
                n += 1
            }
        }
    }
}

/// The key list of the last object `JSONReader` finished at one depth, with the keys' spellings in one buffer it
/// owns: the next object there is matched against them with one byte comparison per key, where comparing with each
/// key's `String` (copied out, then read through `withUTF8`) cost about 200 instructions per key.
private final class KeyList {
    let keys: [String]
    /// No duplicates and no integer-like key (`OrderedObject.isSimple`).
    let simple: Bool
    /// The keys' UTF-8 bytes one after another; key k is `bytes[starts[k] ..< starts[k + 1]]`.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    /// Whether key k is spelled in JSON exactly as its text: no quote, backslash or control character. Others
    /// never match, so they go through `parseString` and its checks.
    private let plain: UnsafeMutableBufferPointer<Bool>

    init(_ keys: [String]) {
        self.keys = keys
        simple = OrderedObject.isSimple(keys)
        let total = keys.reduce(0) { $0 + $1.utf8.count }
        bytes = .allocate(capacity: max(1, total))
        starts = .allocate(capacity: keys.count + 1)
        plain = .allocate(capacity: max(1, keys.count))
        var at = 0
        for (k, key) in keys.enumerated() {
            starts[k] = at
            var isPlain = true
            for c in key.utf8 {
                bytes[at] = c
                at += 1
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { isPlain = false }
            }
            plain[k] = isPlain
        }
        starts[keys.count] = at
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        plain.deallocate()
    }

    /// Where the key at `quote` (its opening quote) ends, past its closing quote, when it is spelled exactly as
    /// key k; nil otherwise.
    @inline(__always) func match(_ k: Int, in text: UnsafeBufferPointer<UInt8>, at quote: Int) -> Int? {
        guard plain[k] else { return nil }
        let from = starts[k], n = starts[k + 1] - from, start = quote + 1
        guard start + n < text.count, text[start + n] == UInt8(ascii: "\""), let base = text.baseAddress else { return nil }
        return KeyList.same(UnsafeRawPointer(base + start), UnsafeRawPointer(bytes.baseAddress! + from), n) ? start + n + 1 : nil
    }

    /// Whether `n` bytes at `a` and `b` are equal, compared eight at a time.
    @inline(__always) private static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
        var j = 0
        while j + 8 <= n {
            if a.loadUnaligned(fromByteOffset: j, as: UInt64.self) != b.loadUnaligned(fromByteOffset: j, as: UInt64.self) { return false }
            j += 8
        }
        while j < n {
            if a.load(fromByteOffset: j, as: UInt8.self) != b.load(fromByteOffset: j, as: UInt8.self) { return false }
            j += 1
        }
        return true
    }
}
