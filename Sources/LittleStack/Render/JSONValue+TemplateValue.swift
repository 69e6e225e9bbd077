import TemplateEngine

extension JSONValue {
    /// The value as the template engine's `Value`, key order kept.
    public var templateValue: Value {
        switch self {
        case .null: return .null
        case .bool(let b): return Value(b)
        case .number(let d): return Value(d)
        case .string(let s): return Value(s)
        case .array(let items): return Value(array: items.map(\.templateValue))
        case .object(let pairs): return Value(object: pairs.map { ($0.0, $0.1.templateValue) })
        }
    }
}
