/// A builtin filter whose result `{{ x | f(…) }}` writes straight into the output: the common cases of
/// `dump`, `replace`, `join`, `upper` and `lower` produce bytes, not a `String` that is built, validated and
/// then copied.
///
/// The compiler picks one only when the filter is the last of an output expression, takes no keyword
/// arguments and was not replaced by `Environment.addFilter`. Inputs outside the fast path (a regex, a
/// number, an indent, an attribute) go through the filter function as usual, so the output is the same.
enum FusedFilter: String, Sendable {
    case dump, replace, join, upper, lower
}

extension VM {
    /// Writes `kind` applied to the top `argc` values to `out` and pops them; false (nothing popped, nothing
    /// written) when the values are outside the fast path.
    static func emitFused(_ kind: FusedFilter, argc: Int, _ stack: inout [Value], _ out: inout [UInt8]) -> Bool {
        // The operands are moved off the stack (a move costs no retain, a copy of a string or array does) and
        // moved back when they are outside the fast path.
        switch kind {
        case .dump:
            guard argc == 1 else { return false }
            let v = stack.removeLast()
            guard case .string(let s) = v.repr else { stack.append(v); return false }
            Value.quoteJSON(s, into: &out)
        case .upper, .lower:
            guard argc == 1 else { return false }
            let v = stack.removeLast()
            let done: Bool
            switch v.repr {
            case .string(let s), .safe(let s):
                done = withBytes(s) { u -> Bool in
                    for c in u where c >= 0x80 { return false }
                    // One copy, then the case change in place: appending byte by byte checks the buffer's
                    // uniqueness and capacity for every byte.
                    let start = out.count
                    out.append(contentsOf: u)
                    out.withUnsafeMutableBufferPointer { b in
                        var i = start
                        if kind == .upper {
                            while i < b.count { let c = b[i]; if c >= 0x61 && c <= 0x7A { b[i] = c - 32 }; i += 1 }
                        } else {
                            while i < b.count { let c = b[i]; if c >= 0x41 && c <= 0x5A { b[i] = c + 32 }; i += 1 }
                        }
                    }
                    return true
                }
            default: done = false
            }
            if !done { stack.append(v) }
            return done
        case .replace:
            guard argc == 3 else { return false }
            let r = stack.removeLast(), n = stack.removeLast(), v = stack.removeLast()
            switch (v.repr, n.repr, r.repr) {
            case (.string(let s), .string(let needle), .string(let replacement)) where !needle.isEmpty,
                 (.safe(let s), .string(let needle), .string(let replacement)) where !needle.isEmpty:
                writeReplacing(s, needle, replacement, to: &out)
            default:
                stack.append(v)
                stack.append(n)
                stack.append(r)
                return false
            }
        case .join:
            guard argc == 2 else { return false }
            let sepValue = stack.removeLast(), v = stack.removeLast()
            let separator: String?
            switch sepValue.repr {
            case .string(let x): separator = x
            default: separator = sepValue.isTruthy ? nil : ""
            }
            guard case .array(let items) = v.repr, let separator else {
                stack.append(v)
                stack.append(sepValue)
                return false
            }
            for (i, item) in items.enumerated() {
                if i > 0 { append(separator, to: &out) }
                switch item.repr {
                case .undefined, .null: break
                case .string(let x), .safe(let x): append(x, to: &out)
                default: append(item.jsString, to: &out)
                }
            }
        }
        return true
    }

    /// `replace` of every occurrence of a non-empty `needle`, written to `out` (bytes match as in `replaceBytes`).
    private static func writeReplacing(_ s: String, _ needle: String, _ replacement: String, to out: inout [UInt8]) {
        withBytes(s) { h in
            withBytes(needle) { n in
                withBytes(replacement) { r in
                    let nc = n.count, hc = h.count
                    let first = n[0]
                    var i = 0, copied = 0
                    while i + nc <= hc {
                        guard h[i] == first else { i += 1; continue }
                        var k = 1
                        while k < nc && h[i + k] == n[k] { k += 1 }
                        guard k == nc else { i += 1; continue }
                        if copied < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: h[copied..<i])) }
                        if !r.isEmpty { out.append(contentsOf: r) }
                        i += nc
                        copied = i
                    }
                    if copied < hc { out.append(contentsOf: UnsafeBufferPointer(rebasing: h[copied...])) }
                }
            }
        }
    }
}
