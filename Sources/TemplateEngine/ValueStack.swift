/// The VM's operand stack, shared by every run of one render.
///
/// `[Value]` checked its buffer's uniqueness on every push and pop (and popping went through an outlined,
/// generic-shaped copy); the VM pushes and pops a few values per instruction, so this stack is a plain block
/// of memory: a push initialises the next slot, a pop moves the top value out (no retain, no release).
final class ValueStack {
    // One render uses a stack from one thread, one access at a time: the dynamic exclusivity checks are off.
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Value>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(8, capacity)
        base = UnsafeMutablePointer<Value>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    private func grow() {
        let c = capacity * 2
        let fresh = UnsafeMutablePointer<Value>.allocate(capacity: c)
        fresh.moveInitialize(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = c
    }

    /// Pushes a value (moved in when the caller gives it up).
    @inline(__always) func append(_ v: consuming Value) {
        if count == capacity { grow() }
        (base + count).initialize(to: v)
        count += 1
    }

    /// Pops the top value, moving it out. The VM's code never pops an empty stack (every instruction pops
    /// what earlier ones pushed); the check turns a compiler bug into a trap rather than a memory error.
    @inline(__always) @discardableResult func removeLast() -> Value {
        precondition(count > 0, "value stack underflow")
        count -= 1
        return (base + count).move()
    }

    /// The value at index `i` from the bottom (`0 <= i < count`), copied.
    @inline(__always) subscript(i: Int) -> Value { base[i] }

    /// The top value, copied.
    @inline(__always) var top: Value { base[count - 1] }

    /// The top `n` values in place, bottom first: valid until the stack next changes.
    @inline(__always) func topValues(_ n: Int) -> UnsafeBufferPointer<Value> {
        UnsafeBufferPointer(start: base + (count - n), count: n)
    }

    /// Moves the top `n` values into a new array, bottom first.
    func popArray(_ n: Int) -> [Value] {
        if n == 0 { return [] }
        let start = base + (count - n)
        let result = [Value](unsafeUninitializedCapacity: n) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: start, count: n)
            initialized = n
        }
        count -= n
        return result
    }

    /// Lends `body` the top `n` values, bottom first, for it to move out (each slot left uninitialised), then
    /// pops them without destroying them.
    @inline(__always) func popMoving<R>(_ n: Int, _ body: (UnsafeMutablePointer<Value>) throws -> R) rethrows -> R {
        defer { count -= n }
        return try body(base + (count - n))
    }

    /// Drops the top `n` values, one by one: `deinitialize(count:)` goes through the runtime's generic array
    /// destroy, several times slower for the one to three values a call leaves.
    @inline(__always) func drop(_ n: Int) {
        var k = n
        while k > 0 {
            count -= 1
            _ = (base + count).move()
            k -= 1
        }
    }
}
