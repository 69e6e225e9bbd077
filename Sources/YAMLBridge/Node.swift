/// A YAML or JSON document node with its tag, style, key order and source marks.
///
/// JSON read by `JSONReader` produces the same tree: strings are double-quoted scalars,
/// numbers, `true`, `false` and `null` are plain scalars, so one resolver types both.
/// Equality ignores marks and styles' cosmetic parts, so trees compare by content.
public indirect enum Node: Sendable {
    /// Text: a string, number, boolean or null once `ScalarResolver` types it.
    case scalar(Scalar)
    /// Key/value pairs in source order.
    case mapping(Mapping)
    /// Items in source order.
    case sequence(Sequence)

    /// Where the node starts in its source.
    public var start: Mark {
        switch self {
        case .scalar(let s): return s.start
        case .mapping(let m): return m.start
        case .sequence(let s): return s.start
        }
    }

    /// Where the node ends in its source.
    public var end: Mark {
        switch self {
        case .scalar(let s): return s.end
        case .mapping(let m): return m.end
        case .sequence(let s): return s.end
        }
    }

    /// The node's explicit tag (`!Ref`, `!!str`…), or nil when it has none.
    public var tag: String? {
        switch self {
        case .scalar(let s): return s.tag
        case .mapping(let m): return m.tag
        case .sequence(let s): return s.tag
        }
    }
}

extension Node {
    /// A scalar: its text exactly as written (after YAML's quoting/folding rules), tag and style.
    public struct Scalar: Sendable {
        /// How a scalar was written; decides how it resolves (only plain scalars become numbers, booleans, null).
        public enum Style: Sendable, Hashable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }
        /// The text after YAML's quoting, escaping and folding rules (`'it''s'` holds `it's`).
        public var value: String
        /// The explicit tag: `!Ref`, `!Sub`…; YAML's own tags written short (`!!str`); nil when untagged.
        public var tag: String?
        /// How the scalar was written.
        public var style: Style
        /// Where the scalar starts (its tag or anchor, if any, included).
        public var start: Mark
        /// Just past the scalar's last character.
        public var end: Mark

        /// Creates a scalar; marks default to 0:0 for nodes built in code.
        public init(_ value: String, tag: String? = nil, style: Style = .plain,
                    start: Mark = Mark(line: 0, column: 0, offset: 0),
                    end: Mark = Mark(line: 0, column: 0, offset: 0)) {
            self.value = value
            self.tag = tag
            self.style = style
            self.start = start
            self.end = end
        }
    }

    /// A mapping with its pairs in source order (duplicate keys are rejected by the readers).
    public struct Mapping: Sendable {
        /// The key/value pairs in source order.
        public var pairs: [(key: Node, value: Node)]
        /// The explicit tag, or nil.
        public var tag: String?
        /// Where the mapping starts.
        public var start: Mark
        /// Just past the mapping's end.
        public var end: Mark

        /// Creates a mapping; marks default to 0:0 for nodes built in code.
        public init(_ pairs: [(key: Node, value: Node)], tag: String? = nil,
                    start: Mark = Mark(line: 0, column: 0, offset: 0),
                    end: Mark = Mark(line: 0, column: 0, offset: 0)) {
            self.pairs = pairs
            self.tag = tag
            self.start = start
            self.end = end
        }

        /// The value for the first key whose scalar text equals `key`.
        public subscript(key: String) -> Node? {
            for pair in pairs {
                if case .scalar(let s) = pair.key, s.value == key { return pair.value }
            }
            return nil
        }
    }

    /// A sequence of nodes in source order.
    public struct Sequence: Sendable {
        /// The items in source order.
        public var items: [Node]
        /// The explicit tag, or nil.
        public var tag: String?
        /// Where the sequence starts.
        public var start: Mark
        /// Just past the sequence's end.
        public var end: Mark

        /// Creates a sequence; marks default to 0:0 for nodes built in code.
        public init(_ items: [Node], tag: String? = nil,
                    start: Mark = Mark(line: 0, column: 0, offset: 0),
                    end: Mark = Mark(line: 0, column: 0, offset: 0)) {
            self.items = items
            self.tag = tag
            self.start = start
            self.end = end
        }
    }
}

extension Node {
    /// The scalar payload, or nil for collections.
    public var scalar: Scalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    /// The mapping payload, or nil.
    public var mapping: Mapping? {
        if case .mapping(let m) = self { return m }
        return nil
    }

    /// The sequence payload, or nil.
    public var sequence: Sequence? {
        if case .sequence(let s) = self { return s }
        return nil
    }

    /// The value under `key` when this node is a mapping.
    public subscript(key: String) -> Node? {
        mapping?[key]
    }
}
