/// A JSON value with ordered object keys: the one data shape littlestack's configs, template
/// variables, diffs and `--output json` results pass through.
///
/// Equality is semantic: object keys compare as a set (order ignored), numbers as doubles.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// The value under `key` when this is an object (first match), else nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first(where: { $0.0 == key })?.1
    }

    /// The string payload, or nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The name of the value's JSON type, as messages print it (`string`, `number`, `object`…).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: Equatable {
    /// Semantic equality: object key order is ignored, duplicate-free objects assumed.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            var index: [String: JSONValue] = [:]
            for (k, v) in b { index[k] = v }
            for (k, v) in a {
                guard let other = index[k], other == v else { return false }
            }
            return true
        default: return false
        }
    }
}
