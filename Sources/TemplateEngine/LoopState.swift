/// The `loop` variable of a `for` loop: index, index0, revindex, revindex0, first, last, length.
///
/// One object per loop, updated in place each iteration, as nunjucks' `frame.set("loop.index", …)` does.
final class LoopObject: NativeObject, @unchecked Sendable {
    @exclusivity(unchecked) var index0 = 0
    @exclusivity(unchecked) var length = 0

    /// The attributes by kind: `loop.x` compiled to `loopAttribute` computes one with no name comparison.
    enum Attribute: UInt8, CaseIterable, Sendable {
        case index, index0, revindex, revindex0, first, last, length

        /// The attribute a name spells, nil for any other name. Unequal strings take the runtime's slow
        /// comparison, so a `switch` on the name paid it for every case tried; the length and first byte pick
        /// the one candidate, compared once (`{{ loop.index }}` reads it by name on every iteration).
        init?(name: String) {
            let u = name.utf8
            let first = u.first ?? 0
            switch u.count {
            case 4 where name == "last": self = .last
            case 5 where first == UInt8(ascii: "i") && name == "index": self = .index
            case 5 where first == UInt8(ascii: "f") && name == "first": self = .first
            case 6 where first == UInt8(ascii: "i") && name == "index0": self = .index0
            case 6 where first == UInt8(ascii: "l") && name == "length": self = .length
            case 8 where name == "revindex": self = .revindex
            case 9 where name == "revindex0": self = .revindex0
            default: return nil
            }
        }
    }

    @inline(__always) func value(_ a: Attribute) -> Value {
        switch a {
        case .index: return Value(Double(index0 + 1))
        case .index0: return Value(Double(index0))
        case .revindex: return Value(Double(length - index0))
        case .revindex0: return Value(Double(length - index0 - 1))
        case .first: return Value(index0 == 0)
        case .last: return Value(index0 == length - 1)
        case .length: return Value(Double(length))
        }
    }

    func attribute(_ name: String) -> Value {
        Attribute(name: name).map(value) ?? .undefined
    }

    var jsonEntries: [(String, Value)] {
        Attribute.allCases.map { ("\($0)", value($0)) }
    }
}

/// A running `for` loop: the items and the names they bind to.
///
/// A class: each iteration reads it once by reference instead of copying (and retaining) its arrays.
final class LoopState {
    enum Items {
        /// One name per item.
        case values([Value])
        /// Several names: each item is unpacked by index (`item[0]`, `item[1]`…).
        case tuples([Value])
        /// `for k, v in object`.
        case pairs([String], [Value])
        /// Not iterable (or falsy): runs the else branch.
        case none
    }

    let names: [String]
    /// `NameTable` ids of `names`.
    let ids: [Int]
    /// The first name's id (the only one of a `for x in list` loop), read once per iteration.
    let firstId: Int
    let items: Items
    /// The items of a one-name loop over a list, outside `items` so that binding one reads the element in
    /// place (matching `items` copied the array out of the enum: a retain and a release per iteration).
    let values: [Value]
    @exclusivity(unchecked) var position = -1
    let loop = LoopObject()
    /// The number of iterations.
    let count: Int

    init(names: [String], ids: [Int], iterable: Value) {
        self.names = names
        self.ids = ids
        firstId = ids.first ?? -1
        guard iterable.isTruthy else {
            items = .none
            values = []
            count = 0
            return
        }
        switch iterable.repr {
        case .array(let a):
            items = names.count == 1 ? .values(a) : .tuples(a)
        case .string(let s), .safe(let s):
            let chars = s.unicodeScalars.map { Value(String($0)) }
            if names.count == 1 {
                items = .values(chars)
            } else {
                items = .pairs(chars.indices.map { String($0) }, chars)
            }
        case .object(let o):
            items = names.count == 1 ? .none : .pairs(o.keys, o.values)
        case .native(let n):
            let e = n.jsonEntries
            items = names.count == 1 ? .none : .pairs(e.map(\.0), e.map(\.1))
        default:
            items = .none
        }
        if case .values(let v) = items { values = v } else { values = [] }
        switch items {
        case .values(let v), .tuples(let v): count = v.count
        case .pairs(let k, _): count = k.count
        case .none: count = 0
        }
        loop.length = count
    }
}
