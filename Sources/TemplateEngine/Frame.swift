/// A runtime variable scope with nunjucks' `Frame` semantics (parent chain, isolated writes, top-level flag).
///
/// Names are `NameTable` ids: comparing and storing them costs no reference counting.
final class Frame: @unchecked Sendable {
    // Most frames hold one to three names (a loop variable and `loop`, a macro's arguments): the first two
    // live inline, so creating a frame costs one allocation. An id of -1 is an empty slot.
    // Frames are read on every variable access: the dynamic exclusivity checks are off (no access overlaps).
    @exclusivity(unchecked) private var name0 = -1
    @exclusivity(unchecked) private var value0: Value = .undefined
    @exclusivity(unchecked) private var name1 = -1
    @exclusivity(unchecked) private var value1: Value = .undefined
    @exclusivity(unchecked) private var names: [Int] = []
    @exclusivity(unchecked) private var values: [Value] = []
    let parent: Frame?
    /// Where compile-time locals are looked up after this frame: the parent, except for a call block's body,
    /// whose runtime parent is the frame current when it is called but whose locals are those of where it
    /// was written (nunjucks compiles those to JavaScript closure variables).
    let lexicalParent: Frame?
    /// `set` never writes past this frame into its parents (includes, blocks, call bodies).
    let isolateWrites: Bool
    /// The root frame of a template render: `set` here also writes the context and exports.
    var topLevel = false

    init(parent: Frame? = nil, isolateWrites: Bool = false) {
        self.parent = parent
        self.lexicalParent = parent
        self.isolateWrites = isolateWrites
    }

    init(parent: Frame?, isolateWrites: Bool, lexicalParent: Frame?) {
        self.parent = parent
        self.lexicalParent = lexicalParent
        self.isolateWrites = isolateWrites
    }

    func push(isolate: Bool = false) -> Frame { Frame(parent: self, isolateWrites: isolate) }

    /// The own value of `name` (possibly undefined), nil when this frame does not hold it.
    @inline(__always) func own(_ name: Int) -> Value? {
        if name0 == name { return value0 }
        if name1 == name { return value1 }
        if name1 >= 0 {
            var i = 0
            let count = names.count
            while i < count {
                if names[i] == name { return values[i] }
                i += 1
            }
        }
        return nil
    }

    /// `Value.member(own value of name, name: attribute)`, nil when this frame does not hold `name`. The own
    /// value is read in place (`Frame.member(of:)`): copying it out retained it, an atomic increment and
    /// decrement per attribute path.
    @inline(__always) func ownMember(_ name: Int, _ attribute: String) -> Value? {
        if name0 == name { return Frame.member(of: &value0, attribute) }
        if name1 == name { return Frame.member(of: &value1, attribute) }
        if name1 >= 0 {
            var i = 0
            let count = names.count
            while i < count {
                if names[i] == name { return Value.member(values[i], name: attribute) }
                i += 1
            }
        }
        return nil
    }

    /// A member of the value in a slot, read through its address (switching on a stored property instead
    /// copied the object out: an atomic increment and decrement).
    @inline(__always) static func member(of slot: inout Value, _ attribute: String) -> Value {
        switch slot.repr {
        case .object(let o): return o.value(of: attribute)
        default: return Value.member(slot, name: attribute)
        }
    }

    /// `lookupPresent(name)` followed by `Value.member(_, name: attribute)`, the variable read in place; nil when
    /// no frame holds `name`.
    func lookupPresentMember(_ name: Int, _ attribute: String) -> Value? {
        if let v = ownMember(name, attribute) { return v }
        var f = Frame.unretained(lexicalParent)
        while let u = f {
            if let v = u._withUnsafeGuaranteedRef({ $0.ownMember(name, attribute) }) { return v }
            f = u._withUnsafeGuaranteedRef { Frame.unretained($0.lexicalParent) }
        }
        return nil
    }

    /// Whether `lookup(NameTable.loop)` finds `object`, compared in place (`loop.x` on the running loop,
    /// see `Instruction.loopAttribute`): copying the value out to look at it retained and released it.
    func findsLoop(_ object: LoopObject) -> Bool {
        var f = Unmanaged.passUnretained(self)
        while true {
            let found = f._withUnsafeGuaranteedRef { $0.ownLoop(object) }
            if let found { return found }
            guard let p = f._withUnsafeGuaranteedRef({ Frame.unretained($0.parent) }) else { return false }
            f = p
        }
    }

    /// nil when this frame holds no defined `loop`, else whether it holds `object`.
    @inline(__always) private func ownLoop(_ object: LoopObject) -> Bool? {
        if name0 == NameTable.loop { return Frame.holds(&value0, object) }
        if name1 == NameTable.loop { return Frame.holds(&value1, object) }
        if name1 >= 0 {
            var i = 0
            while i < names.count {
                if names[i] == NameTable.loop { return Frame.holds(&values[i], object) }
                i += 1
            }
        }
        return nil
    }

    @inline(__always) private static func holds(_ slot: inout Value, _ object: LoopObject) -> Bool? {
        switch slot.repr {
        case .undefined: return nil
        case .native(let n): return ObjectIdentifier(n) == ObjectIdentifier(object)
        default: return false
        }
    }

    /// Empties a frame made by `Frame()` for reuse: afterwards it is as new.
    func clear() {
        name0 = -1
        value0 = .undefined
        name1 = -1
        value1 = .undefined
        if !names.isEmpty {
            names.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
        }
        topLevel = false
    }

    /// Drops the values of this frame and its parents (see `VM.releaseClosures`); the names stay bound, to
    /// undefined.
    func forgetChain() {
        var f: Frame? = self
        while let frame = f {
            frame.value0 = .undefined
            frame.value1 = .undefined
            for i in frame.values.indices { frame.values[i] = .undefined }
            f = frame.parent
        }
    }

    /// Binds `name` in a frame known not to hold it yet (a macro's fresh frame), taking the value without a copy.
    @inline(__always) func bindNew(_ name: Int, _ value: consuming Value) {
        if name0 < 0 { name0 = name; value0 = value; return }
        if name1 < 0 { name1 = name; value1 = value; return }
        names.append(name)
        values.append(value)
    }

    /// Binds `name` in this frame, taking the value (callers pass a fresh copy: borrowing it made the store
    /// copy it once more, a retain and a release per loop iteration).
    func setLocal(_ name: Int, _ value: consuming Value) {
        if name0 == name { value0 = value; return }
        if name0 < 0 { name0 = name; value0 = value; return }
        if name1 == name { value1 = value; return }
        if name1 < 0 { name1 = name; value1 = value; return }
        var i = 0
        while i < names.count {
            if names[i] == name { values[i] = value; return }
            i += 1
        }
        names.append(name)
        values.append(value)
    }

    /// `frame.set(name, value, resolveUp)`: with `resolveUp`, the frame already holding a defined value wins.
    func set(_ name: Int, _ value: Value, resolveUp: Bool) {
        if resolveUp, let target = resolve(name, forWrite: true) {
            target.setLocal(name, value)
            return
        }
        setLocal(name, value)
    }

    private func resolve(_ name: Int, forWrite: Bool) -> Frame? {
        if let v = own(name), !v.isUndefined { return self }
        let p = (forWrite && isolateWrites) ? nil : parent
        return p?.resolve(name, forWrite: false)
    }

    /// nunjucks' `lookup`: the first defined value up the chain.
    func lookup(_ name: Int) -> Value? {
        if let v = own(name), !v.isUndefined { return v }
        var f: Frame? = parent
        while let cur = f {
            if let v = cur.own(name), !v.isUndefined { return v }
            f = cur.parent
        }
        return nil
    }

    /// A compile-time local: the nearest frame that holds the name at all.
    func lookupPresent(_ name: Int) -> Value? {
        if let v = own(name) { return v }
        // The walk holds no references: `self` is alive for the call and keeps each parent alive through
        // the immutable `lexicalParent` links, so retaining every frame passed (an atomic increment and
        // decrement each) buys nothing.
        var f = Frame.unretained(lexicalParent)
        while let u = f {
            if let v = u._withUnsafeGuaranteedRef({ $0.own(name) }) { return v }
            f = u._withUnsafeGuaranteedRef { Frame.unretained($0.lexicalParent) }
        }
        return nil
    }

    @inline(__always) private static func unretained(_ f: Frame?) -> Unmanaged<Frame>? {
        guard let f else { return nil }
        return Unmanaged.passUnretained(f)
    }
}

/// The `frame` variable of one compiled nunjucks function (a template's root, or a block): loops push onto it,
/// and macros written in that function swap it while they run, so a call block's body sees the frame that is
/// current when the macro calls it (nunjucks' dynamic frame, reproduced).
final class FrameCell {
    @exclusivity(unchecked) var current: Frame
    init(_ frame: Frame) { current = frame }

    /// `current.lookup(name)` without retaining `current` (the cell keeps it alive meanwhile).
    @inline(__always) func lookup(_ name: Int) -> Value? {
        Unmanaged.passUnretained(current)._withUnsafeGuaranteedRef { $0.lookup(name) }
    }

    /// `current.lookupPresentMember(name, attribute)` without retaining `current`.
    @inline(__always) func lookupPresentMember(_ name: Int, _ attribute: String) -> Value? {
        Unmanaged.passUnretained(current)._withUnsafeGuaranteedRef { $0.lookupPresentMember(name, attribute) }
    }

    /// `current.lookupPresent(name)` without retaining `current` (the cell keeps it alive meanwhile).
    @inline(__always) func lookupPresent(_ name: Int) -> Value? {
        Unmanaged.passUnretained(current)._withUnsafeGuaranteedRef { $0.lookupPresent(name) }
    }
}
