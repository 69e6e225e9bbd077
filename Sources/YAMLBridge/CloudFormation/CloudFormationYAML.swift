/// Converts between CloudFormation's YAML short forms (`!Ref X`) and the long forms JSON has (`{"Ref": "X"}`),
/// as cfn-flip does, keeping key order.
///
/// YAML → JSON: a tagged node becomes a one-key mapping: `!Ref X` → `{"Ref": "X"}`,
/// `!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}` (split at the first dot; the list form is kept as a list),
/// `!Sub`, `!Join`, `!Select`, `!If`… → `{"Fn::Name": value}`. A tagged scalar's text is a string
/// (`!Ref 1` refers to "1"). Standard tags (`!!str`…) are left to `ScalarResolver`.
/// JSON → YAML: every one-key mapping whose key is `Ref`, `Condition` or a known `Fn::` function gets the
/// short tag back, `Fn::GetAtt` lists of plain names are joined with dots, as cfn-flip writes them.
public enum CloudFormationYAML {
    /// The long-form (JSON) tree of a template read from YAML.
    /// - Parameters:
    ///   - node: The template as `YAMLReader` reads it.
    ///   - path: The file name errors start with.
    ///   - source: The template's text, for the offending line in errors.
    /// - Returns: The same tree with every short-form tag replaced by its long form.
    /// - Throws: `YAMLError` for an unknown tag (`!Sbu`), a YAML tag CloudFormation does not take
    ///   (`!!binary`), a merge key (`<<`), or a `!GetAtt` that is neither `Resource.Attribute` text nor a list.
    public static func toJSONTree(_ node: Node, path: String = "<input>", source: [UInt8] = []) throws -> Node {
        try LongFormConverter(path: path, source: source).convert(node)
    }

    /// The short-form (YAML) tree of a template, for `YAMLWriter`.
    /// - Parameter node: A long-form template (read from JSON, or from `toJSONTree`).
    /// - Returns: The same tree with intrinsic functions as short-form tags.
    public static func toYAMLTree(_ node: Node) -> Node {
        ShortFormConverter.convert(node)
    }
}

/// YAML short forms → JSON long forms.
struct LongFormConverter {
    let path: String
    let source: [UInt8]

    /// The standard tags `ScalarResolver` and the collections understand.
    static let standardTags: Set<String> = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!"]

    func convert(_ node: Node) throws(YAMLError) -> Node {
        if let tag = node.tag, !LongFormConverter.standardTags.contains(tag) {
            return try longForm(node, tag: tag)
        }
        switch node {
        case .scalar:
            return node
        case .sequence(var sequence):
            for index in sequence.items.indices { sequence.items[index] = try convert(sequence.items[index]) }
            sequence.tag = nil
            return .sequence(sequence)
        case .mapping(var mapping):
            for index in mapping.pairs.indices {
                if case .scalar(let key) = mapping.pairs[index].key, key.value == "<<", key.style == .plain, key.tag == nil {
                    // YAML 1.1's merge key: neither CloudFormation nor cfn-flip takes it, so say so here.
                    throw YAMLError(path: path, mark: key.start,
                                    message: "merge keys ('<<') are not supported in CloudFormation templates",
                                    source: source)
                }
                mapping.pairs[index].value = try convert(mapping.pairs[index].value)
            }
            mapping.tag = nil
            return .mapping(mapping)
        }
    }

    private func longForm(_ node: Node, tag: String) throws(YAMLError) -> Node {
        guard tag.hasPrefix("!"), !tag.hasPrefix("!!"),
              let key = IntrinsicTags.longKey(forShortName: String(tag.dropFirst())) else {
            if tag.hasPrefix("!!") {
                throw YAMLError(path: path, mark: node.start, message: "unsupported tag '\(tag)'", source: source)
            }
            throw YAMLError(path: path, mark: node.start, message: "unknown tag '\(tag)'", source: source)
        }
        let keyNode = Node.scalar(Node.Scalar(key, style: .plain, start: node.start, end: node.start))
        let value: Node
        switch node {
        case .scalar(var scalar):
            scalar.tag = nil
            if key == "Fn::GetAtt" {
                value = try getAttList(scalar)
            } else {
                // The tag's text is a string whatever it looks like: `!Ref 1` names "1".
                if scalar.style == .plain { scalar.style = .doubleQuoted }
                value = .scalar(scalar)
            }
        case .sequence(var sequence):
            sequence.tag = nil
            value = try convert(.sequence(sequence))
        case .mapping(var mapping):
            mapping.tag = nil
            value = try convert(.mapping(mapping))
        }
        return .mapping(Node.Mapping([(key: keyNode, value: value)], start: node.start, end: node.end))
    }

    /// `A.B.C` → `["A", "B.C"]`: the resource name cannot hold a dot, the attribute name can.
    private func getAttList(_ scalar: Node.Scalar) throws(YAMLError) -> Node {
        let text = scalar.value
        guard let dot = text.firstIndex(of: "."), dot != text.startIndex, text.index(after: dot) != text.endIndex else {
            throw YAMLError(path: path, mark: scalar.start,
                            message: "'!GetAtt \(text)' needs the form 'Resource.Attribute'", source: source)
        }
        func part(_ value: Substring) -> Node {
            .scalar(Node.Scalar(String(value), style: .doubleQuoted, start: scalar.start, end: scalar.end))
        }
        return .sequence(Node.Sequence([part(text[..<dot]), part(text[text.index(after: dot)...])],
                                       start: scalar.start, end: scalar.end))
    }
}

/// JSON long forms → YAML short forms.
enum ShortFormConverter {
    static func convert(_ node: Node) -> Node {
        switch node {
        case .scalar:
            return node
        case .sequence(var sequence):
            sequence.items = sequence.items.map(convert)
            return .sequence(sequence)
        case .mapping(var mapping):
            if mapping.tag == nil, mapping.pairs.count == 1, case .scalar(let keyScalar) = mapping.pairs[0].key,
               case .string(let key) = ScalarResolver.resolve(keyScalar),
               let name = IntrinsicTags.shortName(forLongKey: key),
               let short = shortForm(name: name, value: mapping.pairs[0].value) {
                return short
            }
            for index in mapping.pairs.indices { mapping.pairs[index].value = convert(mapping.pairs[index].value) }
            return .mapping(mapping)
        }
    }

    /// The tagged node for `{ key: value }`, or nil when the value has no faithful short form
    /// (a tagged value, or a number or boolean that a tag would turn into a string).
    private static func shortForm(name: String, value: Node) -> Node? {
        let tag = "!" + name
        if value.tag != nil { return nil }
        switch value {
        case .scalar(var scalar):
            guard case .string = ScalarResolver.resolve(scalar) else { return nil }
            scalar.tag = tag
            return .scalar(scalar)
        case .sequence(var sequence):
            if name == "GetAtt", let joined = joinedGetAtt(sequence) { return joined }
            sequence.items = sequence.items.map(convert)
            sequence.tag = tag
            return .sequence(sequence)
        case .mapping(var mapping):
            // The mapping itself keeps its long form (a node has one tag); its values are converted.
            for index in mapping.pairs.indices { mapping.pairs[index].value = convert(mapping.pairs[index].value) }
            mapping.tag = tag
            return .mapping(mapping)
        }
    }

    /// `["A", "B.C"]` → `!GetAtt A.B.C`, when both parts are plain strings and the resource name has no dot
    /// (so the text splits back the same way).
    private static func joinedGetAtt(_ sequence: Node.Sequence) -> Node? {
        guard sequence.items.count == 2,
              case .scalar(let resource) = sequence.items[0], resource.tag == nil,
              case .scalar(let attribute) = sequence.items[1], attribute.tag == nil,
              case .string(let r) = ScalarResolver.resolve(resource), !r.isEmpty, !r.contains("."),
              case .string(let a) = ScalarResolver.resolve(attribute), !a.isEmpty else { return nil }
        return .scalar(Node.Scalar(r + "." + a, tag: "!GetAtt", style: .plain, start: sequence.start, end: sequence.end))
    }
}
