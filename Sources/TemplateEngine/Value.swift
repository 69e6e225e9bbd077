/// A template value with JavaScript semantics: undefined ≠ null, numbers are doubles, objects keep insertion order.
///
/// `Value` is opaque; build one with the initialisers or `parseJSON(_:)` and inspect it with `kind`.
public struct Value: Sendable {
    /// The private representation; `kind` is the public view of it.
    enum Repr: Sendable {
        case undefined
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        /// A string marked safe (`safe`, `escape`, macro output); nunjucks' SafeString object.
        case safe(String)
        case array([Value])
        case object(OrderedObject)
        case callable(Callable)
        case regex(RegexValue)
        case native(NativeObject)
    }

    let repr: Repr

    init(repr: Repr) { self.repr = repr }

    /// The JavaScript `undefined`: a missing variable or attribute.
    public static let undefined = Value(repr: .undefined)
    /// The JSON/JavaScript `null` (`none` in templates).
    public static let null = Value(repr: .null)
    /// A boolean.
    public init(_ b: Bool) { repr = .bool(b) }
    /// A number (a JavaScript double).
    public init(_ d: Double) { repr = .number(d) }
    /// An integer, stored as a double.
    public init(_ i: Int) { repr = .number(Double(i)) }
    /// A string.
    public init(_ s: String) { repr = .string(s) }
    /// An array.
    public init(array: [Value]) { repr = .array(array) }
    /// An object; insertion order is kept (integer-like keys first, as JavaScript orders them).
    public init(object: [(String, Value)]) {
        var o = OrderedObject()
        for (k, v) in object { o[k] = v }
        repr = .object(o)
    }
    init(_ o: OrderedObject) { repr = .object(o) }
    static func safe(_ s: String) -> Value { Value(repr: .safe(s)) }

    /// What kind of value this is, for inspection and messages.
    public enum Kind: String, Sendable {
        case undefined, null, bool, number, string, array, object, callable, regex
    }

    /// The kind of this value.
    public var kind: Kind {
        switch repr {
        case .undefined: return .undefined
        case .null: return .null
        case .bool: return .bool
        case .number: return .number
        case .string, .safe: return .string
        case .array: return .array
        case .object, .native: return .object
        case .callable: return .callable
        case .regex: return .regex
        }
    }

    var isUndefined: Bool { if case .undefined = repr { return true }; return false }
    var isNullish: Bool {
        switch repr { case .undefined, .null: return true; default: return false }
    }

    /// The string payload of a plain or safe string.
    var stringValue: String? {
        switch repr { case .string(let s), .safe(let s): return s; default: return nil }
    }
    var numberValue: Double? { if case .number(let d) = repr { return d }; return nil }
    var arrayValue: [Value]? { if case .array(let a) = repr { return a }; return nil }
    var objectValue: OrderedObject? { if case .object(let o) = repr { return o }; return nil }
    var isSafe: Bool { if case .safe = repr { return true }; return false }

    /// JavaScript truthiness: undefined, null, false, 0, NaN and "" are false; objects (even empty) are true.
    public var isTruthy: Bool {
        switch repr {
        case .undefined, .null: return false
        case .bool(let b): return b
        case .number(let d): return !(d == 0 || d.isNaN)
        case .string(let s): return !s.isEmpty
        default: return true
        }
    }

    /// The text `{{ value }}` prints: undefined and null print nothing, numbers as JavaScript formats them.
    public var renderedText: String { isNullish ? "" : jsString }

    // MARK: - Inspection

    /// The boolean, when this is one.
    public var bool: Bool? { if case .bool(let b) = repr { return b }; return nil }
    /// The number, when this is one.
    public var number: Double? { numberValue }
    /// The text of a string (safe strings included), when this is one.
    public var string: String? { stringValue }
    /// The elements, when this is an array.
    public var elements: [Value]? { arrayValue }
    /// The key/value pairs in order, when this is an object.
    public var entries: [(String, Value)]? { objectValue.map { Array($0.entries) } }

    /// `JSON.stringify(value, null, indent)`: nil for undefined and functions, as JavaScript returns undefined.
    /// - Parameter indent: spaces per level (0: compact).
    public func json(indent: Int = 0) -> String? { jsonString(indent: String(repeating: " ", count: max(0, min(10, indent)))) }
}

/// An object whose keys keep JavaScript's order: integer-like keys ascending first, then insertion order.
///
/// A copy-on-write wrapper around one reference, so a `Value` stays small (its largest payload is a String).
/// The values live in the same allocation as the header (`ManagedBuffer`): an object costs one allocation,
/// where a class holding a key array and a value array cost two more, and a large variables file is mostly
/// small objects. The key list is an array of its own, shared by objects with the same keys (JSON lists).
struct OrderedObject: Sendable {
    /// The keys in order, the lookup index of a large object, and how many values there are and fit.
    struct Header {
        var keys: [String]
        var index: [String: Int]?
        var count: Int
        var capacity: Int
    }

    /// The header, then `capacity` slots of which the first `count` hold values. Not `Sendable` (no
    /// `ManagedBuffer` is): an object's storage is written only while uniquely referenced (`reserve`), so
    /// storage reached from more than one thread is only read.
    final class Storage: ManagedBuffer<Header, Value> {
        deinit {
            _ = withUnsafeMutablePointers { h, e in e.deinitialize(count: h.pointee.count) }
        }

        static func make(keys: [String], index: [String: Int]?, capacity: Int) -> Storage {
            let buffer = Storage.create(minimumCapacity: capacity) { _ in
                Header(keys: keys, index: index, count: 0, capacity: capacity)
            }
            return unsafeDowncast(buffer, to: Storage.self)
        }
    }

    /// Every empty object starts here; the first write copies it (it is never uniquely referenced).
    nonisolated(unsafe) private static let emptyStorage = Storage.make(keys: [], index: nil, capacity: 0)

    nonisolated(unsafe) private var storage: Storage

    init() { storage = OrderedObject.emptyStorage }

    /// An object from a key list and as many values at `values`, moved in (the slots are left uninitialised),
    /// in source order as a JSON object literal gives them (later duplicates win, integer-like keys move first).
    /// Built in one go when neither happens, the common case, which `simple` (`isSimple(keys)`) tells.
    init(keys: [String], simple: Bool, movingValuesFrom values: UnsafeMutablePointer<Value>) {
        guard simple else {
            storage = OrderedObject.emptyStorage
            for (i, k) in keys.enumerated() { self[k] = (values + i).move() }
            return
        }
        storage = Storage.make(keys: keys, index: nil, capacity: keys.count)
        storage.withUnsafeMutablePointers { h, e in
            e.moveInitialize(from: values, count: keys.count)
            h.pointee.count = keys.count
        }
        OrderedObject.rebuildIndex(storage)
    }

    /// Whether `keys` has no duplicates and no integer-like key: taken in order, it is the object's key list.
    static func isSimple(_ keys: [String]) -> Bool {
        if keys.count > 8 {
            var seen = Set<String>(minimumCapacity: keys.count)
            for k in keys where !seen.insert(k).inserted || OrderedObject.arrayIndex(k) != nil { return false }
            return true
        }
        for (i, k) in keys.enumerated() {
            if OrderedObject.arrayIndex(k) != nil { return false }
            for j in 0..<i where keys[j] == k { return false }
        }
        return true
    }

    var keys: [String] { storage.withUnsafeMutablePointerToHeader { $0.pointee.keys } }
    var values: [Value] {
        storage.withUnsafeMutablePointers { h, e in Array(UnsafeBufferPointer(start: e, count: h.pointee.count)) }
    }
    var count: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.count } }
    var entries: Zip2Sequence<[String], [Value]> { zip(keys, values) }

    func position(of key: String) -> Int? {
        storage.withUnsafeMutablePointerToHeader { OrderedObject.position(of: key, in: $0) }
    }

    /// The lookup itself, on the header in place: the keys are read through a buffer pointer, so neither the
    /// key array nor the index is copied (each copy is a retain and a release) for a lookup in a few keys.
    @inline(__always) private static func position(of key: String, in h: UnsafeMutablePointer<Header>) -> Int? {
        if h.pointee.index != nil { return h.pointee.index![key] }
        return h.pointee.keys.withUnsafeBufferPointer { keys -> Int? in
            // Identical representations are equal strings: a short key (up to 15 bytes, kept inline) equal to
            // the one looked for is almost always found by comparing two words per key, where `==` checked the
            // lengths and then compared the bytes out of line. A miss searches again with `==`.
            let (k0, k1) = OrderedObject.bits(key)
            var i = 0
            while i < keys.count {
                let (b0, b1) = OrderedObject.bits(keys[i])
                if b0 == k0 && b1 == k1 { return i }
                i += 1
            }
            let n = key.utf8.count
            i = 0
            while i < keys.count {
                if keys[i].utf8.count == n && keys[i] == key { return i }
                i += 1
            }
            return nil
        }
    }

    /// A string's two-word representation, compared but never used as a string.
    @inline(__always) private static func bits(_ s: String) -> (UInt64, UInt64) {
        unsafeBitCast(s, to: (UInt64, UInt64).self)
    }

    /// The value of `key`, undefined when absent (member reads, the hot case of `subscript`).
    @inline(__always) func value(of key: String) -> Value {
        storage.withUnsafeMutablePointers { h, e in
            guard let i = OrderedObject.position(of: key, in: h) else { return .undefined }
            return e[i]
        }
    }

    /// Makes the storage this object's own, with room for `needed` values: copied when shared, moved into a
    /// larger allocation (twice the room) when full.
    private mutating func reserve(_ needed: Int) {
        let unique = isKnownUniquelyReferenced(&storage)
        let old = storage
        old.withUnsafeMutablePointers { h, e in
            if unique && h.pointee.capacity >= needed { return }
            let capacity = unique ? Swift.max(needed, h.pointee.capacity * 2, 4) : Swift.max(needed, h.pointee.count)
            // The key list grows with the values: moved out of a storage about to be freed and given room
            // for `capacity` keys now, it is not copied or grown again by the appends that follow (each was
            // an allocation: an object built key by key grew its key list at one, two and four keys).
            var keys = h.pointee.keys
            if unique { h.pointee.keys = [] }
            if needed > h.pointee.count { keys.reserveCapacity(capacity) }
            let fresh = Storage.make(keys: keys, index: h.pointee.index, capacity: capacity)
            fresh.withUnsafeMutablePointers { fh, fe in
                if unique {
                    fe.moveInitialize(from: e, count: h.pointee.count)
                } else {
                    fe.initialize(from: e, count: h.pointee.count)
                }
                fh.pointee.count = h.pointee.count
            }
            if unique { h.pointee.count = 0 }  // moved out: the old storage's deinit has nothing left to free
            storage = fresh
        }
    }

    subscript(key: String) -> Value? {
        get { storage.withUnsafeMutablePointers { h, e in OrderedObject.position(of: key, in: h).map { e[$0] } } }
        set {
            if let i = position(of: key) {
                if let newValue {
                    reserve(count)
                    storage.withUnsafeMutablePointerToElements { $0[i] = newValue }
                } else {
                    remove(at: i)
                }
                return
            }
            guard let newValue else { return }
            reserve(count + 1)
            let s = storage
            if let n = OrderedObject.arrayIndex(key) {
                // JavaScript enumerates integer keys first, ascending.
                s.withUnsafeMutablePointers { h, e in
                    var at = 0
                    while at < h.pointee.count, let m = OrderedObject.arrayIndex(h.pointee.keys[at]), m < n { at += 1 }
                    (e + at + 1).moveInitialize(from: e + at, count: h.pointee.count - at)
                    (e + at).initialize(to: newValue)
                    h.pointee.count += 1
                    h.pointee.keys.insert(key, at: at)
                }
                OrderedObject.rebuildIndex(s)
            } else {
                let needsIndex = s.withUnsafeMutablePointers { h, e -> Bool in
                    (e + h.pointee.count).initialize(to: newValue)
                    h.pointee.count += 1
                    h.pointee.keys.append(key)
                    if h.pointee.index != nil { h.pointee.index![key] = h.pointee.count - 1; return false }
                    return h.pointee.count > 8
                }
                if needsIndex { OrderedObject.rebuildIndex(s) }
            }
        }
    }

    private mutating func remove(at i: Int) {
        reserve(count)
        let s = storage
        s.withUnsafeMutablePointers { h, e in
            (e + i).deinitialize(count: 1)
            (e + i).moveInitialize(from: e + i + 1, count: h.pointee.count - i - 1)
            h.pointee.count -= 1
            h.pointee.keys.remove(at: i)
        }
        OrderedObject.rebuildIndex(s)
    }

    /// Small objects are searched linearly; from nine keys on, a dictionary finds them.
    private static func rebuildIndex(_ s: Storage) {
        s.withUnsafeMutablePointerToHeader { h in
            guard h.pointee.keys.count > 8 else { h.pointee.index = nil; return }
            var d = [String: Int](minimumCapacity: h.pointee.keys.count)
            for (i, k) in h.pointee.keys.enumerated() { d[k] = i }
            h.pointee.index = d
        }
    }

    /// The canonical array index a key spells ("0", "17"; not "01" or "-1"), as JavaScript orders keys.
    static func arrayIndex(_ key: String) -> UInt32? {
        let u = key.utf8
        guard let f = u.first, f >= 0x30, f <= 0x39, u.count <= 10 else { return nil }
        if f == 0x30 && u.count > 1 { return nil }
        var n: UInt64 = 0
        for c in u {
            guard c >= 0x30, c <= 0x39 else { return nil }
            n = n * 10 + UInt64(c - 0x30)
        }
        return n < 4_294_967_295 ? UInt32(n) : nil
    }
}

/// A regular-expression literal (`r/…/flags`); a class so that a `Value` stays small.
final class RegexValue: Sendable {
    let pattern: String
    let flags: String

    init(pattern: String, flags: String) {
        self.pattern = pattern
        self.flags = flags
    }

    var global: Bool { flags.contains("g") }
    var ignoreCase: Bool { flags.contains("i") }
}

/// A host object with attributes computed on access (loop, cycler).
protocol NativeObject: AnyObject, Sendable {
    func attribute(_ name: String) -> Value
    /// The attributes JSON.stringify would see.
    var jsonEntries: [(String, Value)] { get }
}
