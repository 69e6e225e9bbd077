import YAMLBridge

extension JSONValue {
    /// Builds the JSON value a YAML or JSON tree stands for: quoted scalars are strings, plain
    /// scalars resolve to null, booleans, numbers or strings, and mapping keys are their text.
    ///
    /// Scalars are typed by `ScalarResolver` (standard `!!` tags honoured); CloudFormation tags
    /// are not interpreted here: templates are turned into their long form before they get this far.
    /// - Parameter node: the parsed tree.
    public init(node: Node) {
        switch node {
        case .scalar(let s):
            self = JSONValue.resolve(s)
        case .sequence(let seq):
            self = .array(seq.items.map { JSONValue(node: $0) })
        case .mapping(let map):
            self = .object(map.pairs.map { (JSONValue.keyText($0.key), JSONValue(node: $0.value)) })
        }
    }

    /// The text of a mapping key: a scalar's value, else the key's compact JSON.
    static func keyText(_ key: Node) -> String {
        if case .scalar(let s) = key { return s.value }
        return JSONValue(node: key).jsonText()
    }

    /// Resolves one scalar the way a YAML 1.2 core schema (and JSON) reader types it.
    static func resolve(_ s: Node.Scalar) -> JSONValue {
        switch ScalarResolver.resolve(s) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let d, _): return .number(d)
        case .string(let str): return .string(str)
        }
    }
}
