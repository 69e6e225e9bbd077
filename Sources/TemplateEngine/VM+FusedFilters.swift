/// A builtin filter whose result `{{ x | f(…) }}` writes straight into the output: the common cases of
/// `dump`, `replace`, `join`, `upper` and `lower` produce bytes, not a `String` that is built, validated and
/// then copied.
///
/// The compiler picks one only when the filter is the last of an output expression (or is followed only by
/// `upper` or `lower`, whose case change then happens in the output: `filterEmitCased`), takes no keyword
/// arguments and was not replaced by `Environment.addFilter`. Inputs outside the fast path (a regex, a
/// number, an indent, an attribute) go through the filter function as usual, so the output is the same.
enum FusedFilter: String, Sendable {
    case dump, replace, join, upper, lower

    /// The operands its fast path takes (the input first): other call shapes go through the filter.
    var argc: Int {
        switch self {
        case .dump, .upper, .lower: return 1
        case .replace: return 3
        case .join: return 2
        }
    }
}

extension VM {
    /// Writes `kind` applied to the top `argc` values to `out` and pops them; false (nothing popped, nothing
    /// written) when the values are outside the fast path.
    @inline(never)
    static func emitFused(_ kind: FusedFilter, argc: Int, _ stack: ValueStack, _ out: OutputBuffer) -> Bool {
        guard argc == kind.argc else { return false }
        // The operands are moved off the stack and lent to the writers, then moved back when they are outside
        // the fast path: no copies. (Lending them from the stack's memory copied each one, a retain and a
        // release; each writer matches with `switch`, as an `if case` copies the payload.)
        switch kind {
        case .dump, .upper, .lower:
            let v = stack.removeLast()
            if kind == .dump ? writeDump(v, to: out) : writeCased(v, upper: kind == .upper, to: out) { return true }
            stack.append(v)
        case .replace:
            let r = stack.removeLast(), n = stack.removeLast(), v = stack.removeLast()
            if writeReplace(v, n, r, to: out) { return true }
            stack.append(v)
            stack.append(n)
            stack.append(r)
        case .join:
            let sep = stack.removeLast(), v = stack.removeLast()
            if writeJoin(v, sep, to: out) { return true }
            stack.append(v)
            stack.append(sep)
        }
        return false
    }

    /// One `join` item (borrowed from the array, not copied out).
    @inline(never)
    private static func writeJoinItem(_ item: borrowing Value, to out: OutputBuffer) {
        switch item.repr {
        case .undefined, .null: break
        case .string(let x), .safe(let x): out.append(x)
        default: out.append(item.jsString)
        }
    }

    /// `dump` (no indent): `JSON.stringify` of the value, nothing for undefined and functions (the filter
    /// returns undefined for them).
    @inline(never)
    private static func writeDump(_ v: borrowing Value, to out: OutputBuffer) -> Bool {
        switch v.repr {
        case .string(let s): Value.quoteJSON(s, into: out)
        default:
            let start = out.count
            if !v.writeJSON(into: out) { out.cut(to: start) }
        }
        return true
    }

    /// `upper`/`lower` of a string: one copy, then the case change in place.
    @inline(never)
    private static func writeCased(_ v: borrowing Value, upper: Bool, to out: OutputBuffer) -> Bool {
        switch v.repr {
        case .string(let s), .safe(let s):
            let start = out.count
            out.append(s)
            changeCase(out, from: start, upper: upper)
        default: return false
        }
        return true
    }

    /// `replace` of a non-empty string needle by a string in a string.
    @inline(never)
    private static func writeReplace(_ v: borrowing Value, _ n: borrowing Value, _ r: borrowing Value, to out: OutputBuffer) -> Bool {
        switch n.repr {
        case .string(let needle) where !needle.isEmpty:
            switch r.repr {
            case .string(let replacement):
                switch v.repr {
                case .string(let s), .safe(let s): writeReplacing(s, needle, replacement, to: out)
                default: return false
                }
            default: return false
            }
        default: return false
        }
        return true
    }

    /// `join` of an array with a string separator (or a falsy one, which nunjucks treats as "").
    @inline(never)
    private static func writeJoin(_ v: borrowing Value, _ sep: borrowing Value, to out: OutputBuffer) -> Bool {
        switch v.repr {
        case .array(let items):
            switch sep.repr {
            case .string(let separator): writeJoined(items, separator, to: out)
            default:
                // A truthy non-string separator is the filter's business.
                if sep.isTruthy { return false }
                writeJoined(items, "", to: out)
            }
        default: return false
        }
        return true
    }

    /// `join`'s text: items separated, undefined and null as nothing, other values as JavaScript prints them.
    private static func writeJoined(_ items: [Value], _ separator: String, to out: OutputBuffer) {
        items.withUnsafeBufferPointer { items in
            for i in items.indices {
                if i > 0 { out.append(separator) }
                writeJoinItem(items[i], to: out)
            }
        }
    }

    /// `upper`/`lower` applied to the text written from `start` on, as the filters do it: ASCII letters change
    /// in place; text with other characters is replaced by its Unicode case change.
    static func changeCase(_ out: OutputBuffer, from start: Int, upper: Bool) {
        let ascii = out.withBytes(from: start) { b -> Bool in
            guard let p = b.baseAddress else { return true }
            let n = b.count
            let highs: UInt64 = 0x8080_8080_8080_8080
            // The letters to change: `first...last`, shifted by 0x20 (XOR flips the case bit of those only).
            let (first, last): (UInt8, UInt8) = upper ? (0x61, 0x7A) : (0x41, 0x5A)
            // Eight bytes at a time: with every byte ASCII, adding `0x80 - first` to each sets its high bit
            // exactly when it is >= first, adding `0x80 - last - 1` when it is > last; the difference marks the
            // letters. The per-byte addends are written out as constants: deriving them from `first`/`last` at run
            // time gave wrong case changes in an -O build only, a cause not pinned down; `fusedCaseChangeWordAtATime`
            // checks every printable byte at every offset in both directions.
            let toFirst: UInt64 = upper ? 0x1F1F_1F1F_1F1F_1F1F : 0x3F3F_3F3F_3F3F_3F3F
            let pastLast: UInt64 = upper ? 0x0505_0505_0505_0505 : 0x2525_2525_2525_2525
            var i = 0
            while i + 8 <= n {
                let raw = UnsafeMutableRawPointer(p + i)
                let w = raw.loadUnaligned(as: UInt64.self)
                if w & highs != 0 { return false }
                let atLeast = (w &+ toFirst) & highs
                let above = (w &+ pastLast) & highs
                raw.storeBytes(of: w ^ ((atLeast & ~above) >> 2), as: UInt64.self)
                i += 8
            }
            var k = i
            while k < n { if p[k] >= 0x80 { return false }; k += 1 }
            while i < n { let c = p[i]; if c >= first && c <= last { p[i] = c ^ 0x20 }; i += 1 }
            return true
        }
        if ascii { return }
        let text = out.string(from: start)
        out.cut(to: start)
        out.append(upper ? text.uppercased() : text.lowercased())
    }

    /// `replace` of every occurrence of a non-empty `needle`, written to `out` (bytes match as in `replaceBytes`).
    private static func writeReplacing(_ s: String, _ needle: String, _ replacement: String, to out: OutputBuffer) {
        withBytes(s) { h in
            withBytes(needle) { n in
                withBytes(replacement) { r in replaceBytes(h, n, r, to: out) }
            }
        }
    }

    /// Writes `h` with every non-overlapping occurrence of the non-empty `n` (left to right, as nunjucks'
    /// `indexOf` loop finds them) replaced by `r`. The result is written straight into reserved output room:
    /// per-piece appends cost more than the scan for the short values templates replace in.
    @inline(__always)
    private static func replaceBytes(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, _ r: UnsafeBufferPointer<UInt8>,
                                     to out: OutputBuffer) {
        let nc = n.count, hc = h.count, rc = r.count
        guard hc > 0, let hp = h.baseAddress, let np = n.baseAddress else { return }
        let first = np[0]
        // The room to reserve: a replacement no longer than the needle never grows the text; a longer one is
        // counted first (a bound from the text's length alone could ask for gigabytes).
        var maxCount = hc
        if rc > nc {
            var i = 0, hits = 0
            while i + nc <= hc {
                if hp[i] == first {
                    var k = 1
                    while k < nc && hp[i + k] == np[k] { k += 1 }
                    if k == nc { hits += 1; i += nc; continue }
                }
                i += 1
            }
            maxCount = hc + hits * (rc - nc)
        }
        out.appendWriting(maxCount: maxCount) { dst in
            var i = 0, o = 0
            if nc == 1 && rc <= 1 {
                // The usual `replace("-", "")` or `replace('"', "'")`: one byte dropped or swapped.
                if rc == 0 {
                    while i < hc { let c = hp[i]; dst[o] = c; o &+= c == first ? 0 : 1; i &+= 1 }
                } else {
                    let r0 = r[0]
                    while i < hc { let c = hp[i]; dst[o] = c == first ? r0 : c; o &+= 1; i &+= 1 }
                }
                return o
            }
            while i + nc <= hc {
                if hp[i] == first {
                    var k = 1
                    while k < nc && hp[i + k] == np[k] { k += 1 }
                    if k == nc {
                        var m = 0
                        while m < rc { dst[o + m] = r[m]; m += 1 }
                        o += rc
                        i += nc
                        continue
                    }
                }
                dst[o] = hp[i]
                o += 1
                i += 1
            }
            while i < hc { dst[o] = hp[i]; o += 1; i += 1 }
            return o
        }
    }
}
