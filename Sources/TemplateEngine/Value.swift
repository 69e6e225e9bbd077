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
struct OrderedObject: Sendable {
    // Accesses are never overlapping (no storage escapes a call), so the dynamic exclusivity checks, which
    // cost more than a small object's whole lookup, are turned off.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var keys: [String] = []
        @exclusivity(unchecked) var values: [Value] = []
        @exclusivity(unchecked) var index: [String: Int]? = nil

        init() {}
        init(copying other: Storage) {
            keys = other.keys
            values = other.values
            index = other.index
        }
    }

    private var storage = Storage()

    init() {}

    /// An object from parallel key and value lists in source order, as a JSON object literal gives them (later
    /// duplicates win, integer-like keys move first). Built in one go when neither happens, the common case.
    init(keys: [String], values: [Value]) {
        var simple = true
        if keys.count > 8 {
            var seen = Set<String>(minimumCapacity: keys.count)
            for k in keys where !seen.insert(k).inserted || OrderedObject.arrayIndex(k) != nil { simple = false; break }
        } else {
            outer: for (i, k) in keys.enumerated() {
                if OrderedObject.arrayIndex(k) != nil { simple = false; break }
                for j in 0..<i where keys[j] == k { simple = false; break outer }
            }
        }
        guard simple else {
            for (k, v) in zip(keys, values) { self[k] = v }
            return
        }
        storage.keys = keys
        storage.values = values
        OrderedObject.rebuildIndex(storage)
    }

    var keys: [String] { storage.keys }
    var values: [Value] { storage.values }
    var count: Int { storage.keys.count }
    var entries: Zip2Sequence<[String], [Value]> { zip(storage.keys, storage.values) }

    func position(of key: String) -> Int? { OrderedObject.position(of: key, in: storage) }

    /// The lookup itself, on the storage in place: the keys are read through a buffer pointer, so neither the
    /// key array nor the index is copied (each copy is a retain and a release) for a lookup in a few keys.
    @inline(__always) private static func position(of key: String, in s: Storage) -> Int? {
        if s.index != nil { return s.index![key] }
        let n = key.utf8.count
        return s.keys.withUnsafeBufferPointer { keys -> Int? in
            var i = 0
            while i < keys.count {
                if keys[i].utf8.count == n && keys[i] == key { return i }
                i += 1
            }
            return nil
        }
    }

    /// The value of `key`, undefined when absent (member reads, the hot case of `subscript`).
    @inline(__always) func value(of key: String) -> Value {
        let s = storage
        guard let i = OrderedObject.position(of: key, in: s) else { return .undefined }
        return s.values.withUnsafeBufferPointer { $0[i] }
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage
    }

    subscript(key: String) -> Value? {
        get { position(of: key).map { storage.values[$0] } }
        set {
            if let i = position(of: key) {
                let s = unique()
                if let newValue {
                    s.values[i] = newValue
                } else {
                    s.keys.remove(at: i)
                    s.values.remove(at: i)
                    OrderedObject.rebuildIndex(s)
                }
                return
            }
            guard let newValue else { return }
            let s = unique()
            if let n = OrderedObject.arrayIndex(key) {
                // JavaScript enumerates integer keys first, ascending.
                var at = 0
                while at < s.keys.count, let m = OrderedObject.arrayIndex(s.keys[at]), m < n { at += 1 }
                s.keys.insert(key, at: at)
                s.values.insert(newValue, at: at)
                OrderedObject.rebuildIndex(s)
            } else {
                s.keys.append(key)
                s.values.append(newValue)
                if s.index != nil { s.index![key] = s.keys.count - 1 } else if s.keys.count > 8 { OrderedObject.rebuildIndex(s) }
            }
        }
    }

    /// Small objects are searched linearly; from nine keys on, a dictionary finds them.
    private static func rebuildIndex(_ s: Storage) {
        guard s.keys.count > 8 else { s.index = nil; return }
        var d = [String: Int](minimumCapacity: s.keys.count)
        for (i, k) in s.keys.enumerated() { d[k] = i }
        s.index = d
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
