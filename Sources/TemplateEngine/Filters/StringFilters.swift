import Foundation

/// String filters. Each comment shows a template and its output.
extension Filters {
    /// `{{ "hello WORLD" | capitalize }}` → `Hello world`
    @Sendable static func capitalize(_ a: [Value]) throws -> Value {
        let s = try text("capitalize", arg(a, 0)).lowercased()
        guard let f = s.unicodeScalars.first else { return keepSafety(arg(a, 0), "") }
        return keepSafety(arg(a, 0), String(f).uppercased() + String(s.unicodeScalars.dropFirst()))
    }

    /// `[{{ "ab" | center(6) }}]` → `[  ab  ]`
    @Sendable static func center(_ a: [Value]) throws -> Value {
        let s = try text("center", arg(a, 0))
        let width = arg(a, 1).isTruthy ? arg(a, 1).jsNumber : 80
        let len = Double(s.utf16.count)
        if len >= width { return arg(a, 0).isNullish ? Value("") : keepSafety(arg(a, 0), s) }
        let spaces = width - len
        let pre = repeatCount(spaces / 2 - spaces.truncatingRemainder(dividingBy: 2))
        let post = repeatCount(spaces / 2)
        return keepSafety(arg(a, 0), String(repeating: " ", count: pre) + s + String(repeating: " ", count: post))
    }

    /// nunjucks' `lib.repeat(char, n)` loops while `i < n`.
    static func repeatCount(_ n: Double) -> Int { n > 0 ? Value.clampedInt(n.rounded(.up), 0...Value.maxBuiltString) : 0 }

    static func htmlEscape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `{{ "<a>" | escape }}` → `&lt;a&gt;` (already-safe strings pass through)
    @Sendable static func escape(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if v.isSafe { return v }
        return .safe(htmlEscape(v.isNullish ? "" : v.jsString))
    }

    /// `{{ "<a>" | safe | forceescape }}` → `&lt;a&gt;`
    @Sendable static func forceescape(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        return .safe(htmlEscape(v.isNullish ? "" : v.jsString))
    }

    /// `{{ "<b>" | safe }}` → `<b>` (marks the text safe)
    @Sendable static func safe(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if v.isSafe { return v }
        return .safe(v.isNullish ? "" : v.jsString)
    }

    /// `{{ "a\nb" | indent(2) }}` → `a` newline `  b` (blank lines are indented too)
    @Sendable static func indent(_ a: [Value]) throws -> Value {
        let s = try text("indent", arg(a, 0))
        if s.isEmpty { return Value("") }
        let width = arg(a, 1).isTruthy ? arg(a, 1).jsNumber : 4
        let sp = String(repeating: " ", count: repeatCount(width))
        let first = arg(a, 2).isTruthy
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        let out = lines.enumerated().map { i, l in (i == 0 && !first) ? String(l) : sp + l }.joined(separator: "\n")
        return keepSafety(arg(a, 0), out)
    }

    /// `{{ "ABC" | lower }}` → `abc`
    @Sendable static func lower(_ a: [Value]) throws -> Value { Value(asciiFastCase(try text("lower", arg(a, 0)), upper: false)) }

    /// `{{ "abc" | upper }}` → `ABC`
    @Sendable static func upper(_ a: [Value]) throws -> Value { Value(asciiFastCase(try text("upper", arg(a, 0)), upper: true)) }

    /// Case mapping with a byte loop for ASCII text (the common case) and full Unicode rules otherwise.
    static func asciiFastCase(_ s: String, upper: Bool) -> String {
        var s = s
        let ascii = s.withUTF8 { u -> String? in
            for c in u where c >= 0x80 { return nil }
            // One pass into the new string's own storage.
            return String(unsafeUninitializedCapacity: u.count) { buf in
                for i in 0..<u.count {
                    let c = u[i]
                    if upper { buf[i] = c >= 0x61 && c <= 0x7A ? c - 32 : c } else { buf[i] = c >= 0x41 && c <= 0x5A ? c + 32 : c }
                }
                return u.count
            }
        }
        return ascii ?? (upper ? s.uppercased() : s.lowercased())
    }

    /// `{{ "a\nb" | nl2br }}` → `a<br />` newline `b`
    @Sendable static func nl2br(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if v.isNullish { return Value("") }
        guard let s = v.stringValue else { throw typeError("nl2br", v) }
        var out = ""
        var pendingCR = false
        for c in s.unicodeScalars {
            if c == "\n" {
                out += "<br />\n"
                pendingCR = false
                continue
            }
            if pendingCR { out += "\r" }
            pendingCR = c == "\r"
            if !pendingCR { out.unicodeScalars.append(c) }
        }
        if pendingCR { out += "\r" }
        return keepSafety(v, out)
    }

    /// `{{ "a-b-c" | replace("-", "_", 1) }}` → `a_b-c`; a regex literal replaces like `String.replace`
    @Sendable static func replaceFilter(_ a: [Value]) throws -> Value {
        let input = arg(a, 0)
        let old = arg(a, 1)
        let new = arg(a, 2)
        if case .regex(let r) = old.repr {
            guard let s = input.stringValue else { throw typeError("replace", input) }
            return Value(try r.replace(in: s, with: new.jsString))
        }
        let maxCount = arg(a, 3).isUndefined ? -1 : arg(a, 3).jsNumber
        let needle: String
        switch old.repr {
        case .number: needle = old.jsString
        case .string(let s): needle = s
        default: return input
        }
        let s: String
        switch input.repr {
        case .number: s = input.jsString
        case .string(let x), .safe(let x): s = x
        default: return input
        }
        let replacement = new.jsString
        if needle.isEmpty {
            let out = replacement + s.unicodeScalars.map { String($0) }.joined(separator: replacement) + replacement
            return keepSafety(input, out)
        }
        guard maxCount != 0, let out = replaceBytes(s, needle, replacement, limit: maxCount) else {
            return input.isSafe ? input : Value(s)
        }
        return keepSafety(input, out)
    }

    /// Replaces up to `limit` (negative: all) occurrences of `needle`, matching UTF-8 bytes (UTF-8 is
    /// self-synchronising, so byte matches are character matches); nil when there is none.
    ///
    /// Two passes over the bytes: count the matches, then write the result straight into the new string's
    /// storage (no intermediate byte array, no UTF-8 re-validation beyond the string's own).
    static func replaceBytes(_ s: String, _ needle: String, _ replacement: String, limit: Double) -> String? {
        VM.withBytes(s) { h -> String? in
            VM.withBytes(needle) { n -> String? in
                VM.withBytes(replacement) { r -> String? in
                    let nc = n.count, hc = h.count
                    guard nc > 0, nc <= hc else { return nil }
                    let first = n[0]
                    @inline(__always) func matches(at i: Int) -> Bool {
                        guard h[i] == first else { return false }
                        var k = 1
                        while k < nc { if h[i + k] != n[k] { return false }; k += 1 }
                        return true
                    }
                    var count = 0
                    var i = 0
                    let last = hc - nc
                    while i <= last && (limit < 0 || Double(count) < limit) {
                        if matches(at: i) { count += 1; i += nc } else { i += 1 }
                    }
                    guard count > 0 else { return nil }
                    let size = hc + count * (r.count - nc)
                    return String(unsafeUninitializedCapacity: size) { out in
                        var i = 0, o = 0, done = 0
                        while i < hc {
                            if done < count && i <= last && matches(at: i) {
                                for b in r { out[o] = b; o += 1 }
                                i += nc
                                done += 1
                            } else {
                                out[o] = h[i]
                                o += 1
                                i += 1
                            }
                        }
                        return o
                    }
                }
            }
        }
    }

    /// `{{ 42 | string }}` → `42` (undefined and null throw, as in nunjucks)
    @Sendable static func string(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if v.isSafe { return v }
        if v.isNullish { throw typeError("string", v) }
        return Value(v.jsString)
    }

    /// `{{ "<p>a  b</p>" | striptags }}` → `a b`
    @Sendable static func striptags(_ a: [Value]) throws -> Value {
        let s = try text("striptags", arg(a, 0))
        let tags = try Regex("<\\/?([a-z][a-z0-9]*)\\b[^>]*>|<!--[\\s\\S]*?-->").ignoresCase()
        let stripped = Value.jsTrim(s.replacing(tags, with: ""))
        let out: String
        if arg(a, 1).isTruthy {
            out = stripped
                .replacing(try Regex("(?m)^ +| +$"), with: "")
                .replacing(try Regex(" +"), with: " ")
                .replacingOccurrences(of: "\r\n", with: "\n")
                .replacing(try Regex("\\n\\n\\n+"), with: "\n\n")
        } else {
            out = stripped.replacing(try Regex("\\s+"), with: " ")
        }
        return keepSafety(arg(a, 0), out)
    }

    /// `{{ "hello big world" | title }}` → `Hello Big World`
    @Sendable static func title(_ a: [Value]) throws -> Value {
        let s = try text("title", arg(a, 0))
        let words = try s.split(separator: " ", omittingEmptySubsequences: false).map { try capitalize([Value(String($0))]).jsString }
        return keepSafety(arg(a, 0), words.joined(separator: " "))
    }

    /// `[{{ "  x \n" | trim }}]` → `[x]`
    @Sendable static func trim(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        guard let s = v.stringValue else { throw typeError("trim", v) }
        return keepSafety(v, Value.jsTrim(s))
    }

    /// `{{ "hello world" | truncate(8) }}` → `hello...`
    @Sendable static func truncate(_ a: [Value]) throws -> Value {
        let input = arg(a, 0)
        let s = try text("truncate", input)
        let length = arg(a, 1).isTruthy ? arg(a, 1).jsNumber : 255
        let u = Array(s.utf16)
        if Double(u.count) <= length { return input.isNullish || input.isFalse ? Value("") : input }
        let cut = Value.clampedInt(length, 0...u.count)
        var kept: String
        if arg(a, 2).isTruthy {
            kept = String(decoding: u[..<min(cut, u.count)], as: UTF16.self)
        } else {
            var idx = -1
            var i = min(cut, u.count - 1)
            while i >= 0 { if u[i] == 0x20 { idx = i; break }; i -= 1 }
            if idx == -1 { idx = cut }
            kept = String(decoding: u[..<min(idx, u.count)], as: UTF16.self)
        }
        let end = arg(a, 3)
        kept += end.isNullish ? "..." : end.jsString
        return keepSafety(input, kept)
    }

    static func encodeURIComponent(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
                 UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// `{{ {"q": "a b", "n": 1} | urlencode }}` → `q=a%20b&n=1`
    @Sendable static func urlencode(_ a: [Value]) throws -> Value {
        let v = arg(a, 0)
        if case .string(let s) = v.repr { return Value(encodeURIComponent(s)) }
        let pairs: [(Value, Value)]
        switch v.repr {
        case .array(let items):
            pairs = try items.map { item in
                if item.isNullish { throw typeError("urlencode", item) }
                return (Value.member(item, key: Value(0)), Value.member(item, key: Value(1)))
            }
        case .object(let o): pairs = o.entries.map { (Value($0.0), $0.1) }
        default: pairs = []  // `lib._entries` of anything else (undefined included) is empty
        }
        return Value(pairs.map { "\(encodeURIComponent($0.0.jsString))=\(encodeURIComponent($0.1.jsString))" }.joined(separator: "&"))
    }

    /// `{{ "see http://x.org" | urlize }}` → `see <a href="http://x.org">http://x.org</a>`
    @Sendable static func urlize(_ a: [Value]) throws -> Value {
        guard let s = arg(a, 0).stringValue else { throw typeError("urlize", arg(a, 0)) }
        let limit = arg(a, 1).jsNumber.isNaN ? Int.max : Value.clampedInt(arg(a, 1).jsNumber, 0...Int.max)
        let noFollow = arg(a, 2).kind == .bool && arg(a, 2).isTruthy ? " rel=\"nofollow\"" : ""
        let punc = try Regex("^(?:\\(|<|&lt;)?(.*?)(?:\\.|,|\\)|\\n|&gt;)?$")
        let email = try Regex("^[\\w.!#$%&'*+\\-\\/=?\\^`{|}~]+@[a-z\\d\\-]+(\\.[a-z\\d\\-]+)+$").ignoresCase()
        let http = try Regex("^https?:\\/\\/.*$")
        let www = try Regex("^www\\.")
        let tld = try Regex("\\.(?:org|net|com)(?:\\:|\\/|$)")
        var words: [String] = []
        var current = ""
        var inSpace = false
        for c in s.unicodeScalars {
            let space = Value.isJSWhitespace(c)
            if space != inSpace, !current.isEmpty { words.append(current); current = "" }
            inSpace = space
            current.unicodeScalars.append(c)
        }
        if !current.isEmpty { words.append(current) }
        let out = words.map { word -> String in
            if word.unicodeScalars.allSatisfy(Value.isJSWhitespace) { return word }
            var url = word
            if let m = try? punc.wholeMatch(in: word), let g = m.output[1].substring { url = String(g) }
            let short = String(url.prefix(limit))
            if url.firstMatch(of: http) != nil { return "<a href=\"\(url)\"\(noFollow)>\(short)</a>" }
            if url.firstMatch(of: www) != nil { return "<a href=\"http://\(url)\"\(noFollow)>\(short)</a>" }
            if url.firstMatch(of: email) != nil { return "<a href=\"mailto:\(url)\">\(url)</a>" }
            if url.firstMatch(of: tld) != nil { return "<a href=\"http://\(url)\"\(noFollow)>\(short)</a>" }
            return word
        }
        return Value(out.joined())
    }

    /// `{{ "one two, three" | wordcount }}` → `3`
    @Sendable static func wordcount(_ a: [Value]) throws -> Value {
        let s = try text("wordcount", arg(a, 0))
        var count = 0
        var inWord = false
        for b in s.utf8 {
            let w = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            if w && !inWord { count += 1 }
            inWord = w
        }
        return count == 0 ? .null : Value(Double(count))
    }
}

extension Value {
    var isFalse: Bool { if case .bool(false) = repr { return true }; return false }
}
