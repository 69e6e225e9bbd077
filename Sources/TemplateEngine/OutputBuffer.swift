import Foundation

/// The bytes a render writes: one growing block of memory shared by the whole render.
///
/// Output is appended tens of thousands of times per render, mostly a few bytes at a time. `[UInt8]`'s
/// `append(contentsOf:)` checks uniqueness and capacity through generic code on every call (about 70
/// instructions before the copy); here an append is a capacity compare and a copy. A class, so the VM passes
/// one reference down instead of an `inout` array; macros, captures and `super()` take the tail they wrote
/// and `cut` it off.
final class OutputBuffer {
    // The bytes live in memory from `malloc`, grown with `realloc`: a buffer at the top of the heap grows in
    // place, with no copy and no page faulted twice (a 4.6 MB render grown by doubling a Swift array touched
    // 13 MB: every smaller buffer in turn, then a copy of each). Bytes past `count` are uninitialised
    // (`UInt8` is trivial). Only the VM touches a buffer, one access at a time: the dynamic exclusivity
    // checks are off.
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = max(64, capacity)
        guard let p = malloc(self.capacity) else { fatalError("out of memory (\(self.capacity) bytes of output)") }
        base = p.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    /// Makes room for `n` more bytes, at least doubling so appends stay amortised O(1).
    @inline(__always) private func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        guard let p = realloc(base, c) else { fatalError("out of memory (\(c) bytes of output)") }
        base = p.assumingMemoryBound(to: UInt8.self)
        capacity = c
    }

    /// Everything written, read in place: valid only inside `body`.
    func withWritten<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Appends one byte.
    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends bytes; short runs (most template text and values) are copied inline, longer ones by `memcpy`.
    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let src = bytes.baseAddress else { return }
        reserve(n)
        let dst = base + count
        if n <= 16 {
            // Two overlapping word copies cover 4 to 16 bytes with no loop (the first and last 8, or 4, bytes).
            let from = UnsafeRawPointer(src), to = UnsafeMutableRawPointer(dst)
            if n >= 8 {
                let a = from.loadUnaligned(as: UInt64.self), b = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                to.storeBytes(of: a, as: UInt64.self)
                to.storeBytes(of: b, toByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                let a = from.loadUnaligned(as: UInt32.self), b = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                to.storeBytes(of: a, as: UInt32.self)
                to.storeBytes(of: b, toByteOffset: n - 4, as: UInt32.self)
            } else {
                var i = 0
                while i < n { dst[i] = src[i]; i += 1 }
            }
        } else {
            dst.initialize(from: src, count: n)
        }
        count += n
    }

    /// Appends a string's UTF-8 bytes, read in place.
    @inline(__always) func append(_ s: String) {
        VM.withBytes(s) { append($0) }
    }

    /// Appends what `body` writes at the given address, at most `maxCount` bytes; `body` returns how many it
    /// wrote. For writers that would otherwise check the capacity per byte.
    @inline(__always) func appendWriting(maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maxCount)
        count += body(base + count)
    }

    /// Drops everything from `mark` on.
    @inline(__always) func cut(to mark: Int) {
        if mark < count { count = max(0, mark) }
    }

    /// Reads `[from, count)` in place; the pointer is valid only inside `body` (appends may move the memory).
    @inline(__always)
    func withBytes<R>(from start: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: base + start, count: count - start))
    }

    /// The byte at offset `i` (`0 <= i < count`).
    @inline(__always) subscript(i: Int) -> UInt8 { base[i] }

    /// The text written from `start` on.
    func string(from start: Int) -> String {
        withBytes(from: start) { String(decoding: UnsafeBufferPointer($0), as: UTF8.self) }
    }
}
