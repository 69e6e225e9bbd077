internal import CLibYAML

/// Reads a YAML stream with libyaml's event parser and composes `Node` trees.
///
/// It owns a copy of the input bytes for as long as libyaml reads them (libyaml keeps the pointer it is
/// given and copies nothing), resolves anchors and aliases with a bound on how far aliases may expand the
/// document, rejects duplicate mapping keys, and turns libyaml's 0-based marks into 1-based `Mark`s here
/// and nowhere else.
final class Parser {
    /// How many nodes aliases may add to a stream before it is refused ("billion laughs" documents
    /// expand to billions of nodes from a few lines).
    static let aliasExpansionLimit = 1_000_000
    /// How deep collections may nest; deeper input would exhaust the stack composing it.
    static let nestingLimit = 512

    private let path: String
    private let source: [UInt8]
    /// The bytes libyaml reads: owned here, freed in `deinit`.
    private let input: UnsafeMutableBufferPointer<UInt8>
    /// Bytes skipped before libyaml's input (a UTF-8 byte order mark).
    private let inputBase: Int
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var eventNeedsDelete = false
    private var offsets: OffsetMapper

    /// Anchored nodes of the current document, with their sizes in nodes.
    private var anchors: [String: (node: Node, size: Int)] = [:]
    /// Anchors whose node is still being composed: an alias to one of them would be a cycle.
    private var openAnchors: Set<String> = []
    /// Nodes composed so far in the document, aliases counted at their expanded size.
    private var nodeCount = 0
    /// Nodes added by aliases so far in the stream.
    private var aliasNodes = 0
    private var depth = 0

    /// Prepares libyaml to read `bytes`.
    init(bytes: [UInt8], path: String) {
        self.path = path
        self.source = bytes
        // libyaml would skip a UTF-8 BOM itself without counting it in its marks; skip it here so offsets line up.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        inputBase = bytes.starts(with: bom) ? 3 : 0
        let count = bytes.count - inputBase
        input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(count, 1))
        if count > 0 {
            _ = input.initialize(from: bytes[inputBase...])
        } else {
            input.initialize(repeating: 0)
        }
        offsets = OffsetMapper(bytes: bytes, base: inputBase)
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        event.initialize(to: yaml_event_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, count)
    }

    deinit {
        if eventNeedsDelete { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        event.deallocate()
        parser.deallocate()
        input.deallocate()
    }

    // MARK: - Documents

    /// Every document of the stream, in order.
    func documents() throws(YAMLError) -> [Node] {
        try expect(next(), YAML_STREAM_START_EVENT)
        var nodes: [Node] = []
        while true {
            let type = try next()
            if type == YAML_STREAM_END_EVENT { return nodes }
            nodes.append(try document(startingWith: type))
        }
    }

    /// The one document of the stream (an empty stream is a null scalar); a second document is an error.
    func singleDocument() throws(YAMLError) -> Node {
        try expect(next(), YAML_STREAM_START_EVENT)
        var type = try next()
        if type == YAML_STREAM_END_EVENT {
            let mark = self.mark(event.pointee.start_mark)
            return .scalar(Node.Scalar("", tag: nil, style: .plain, start: mark, end: mark))
        }
        let first = try document(startingWith: type)
        type = try next()
        if type != YAML_STREAM_END_EVENT {
            throw error("expected one document, found a second",
                        at: mark(event.pointee.start_mark),
                        note: ("the first document starts here", first.start))
        }
        return first
    }

    /// A document whose DOCUMENT-START event is current.
    private func document(startingWith type: yaml_event_type_t) throws(YAMLError) -> Node {
        try expect(type, YAML_DOCUMENT_START_EVENT)
        anchors.removeAll(keepingCapacity: true)
        nodeCount = 0
        let root = try node(startingWith: next())
        try expect(next(), YAML_DOCUMENT_END_EVENT)
        return root
    }

    // MARK: - Nodes

    /// The node whose first event is current.
    private func node(startingWith type: yaml_event_type_t) throws(YAMLError) -> Node {
        switch type {
        case YAML_SCALAR_EVENT: return try scalar()
        case YAML_SEQUENCE_START_EVENT: return try sequence()
        case YAML_MAPPING_START_EVENT: return try mapping()
        case YAML_ALIAS_EVENT: return try alias()
        default: throw error("unexpected YAML event", at: mark(event.pointee.start_mark))
        }
    }

    private func scalar() throws(YAMLError) -> Node {
        let data = event.pointee.data.scalar
        let value = data.length > 0 ? String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self) : ""
        let style: Node.Scalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let node = Node.scalar(Node.Scalar(value, tag: tag(data.tag), style: style,
                                           start: mark(event.pointee.start_mark), end: mark(event.pointee.end_mark)))
        nodeCount += 1
        register(anchor: data.anchor, node: node, size: 1)
        return node
    }

    private func sequence() throws(YAMLError) -> Node {
        let data = event.pointee.data.sequence_start
        let start = mark(event.pointee.start_mark)
        let tag = tag(data.tag)
        let anchor = anchorName(data.anchor)
        let before = nodeCount
        try enter(at: start, anchor: anchor)
        var items: [Node] = []
        while true {
            let type = try next()
            if type == YAML_SEQUENCE_END_EVENT { break }
            items.append(try node(startingWith: type))
        }
        depth -= 1
        let node = Node.sequence(Node.Sequence(items, tag: tag, start: start, end: mark(event.pointee.end_mark)))
        nodeCount += 1
        if let anchor { finish(anchor: anchor, node: node, size: nodeCount - before) }
        return node
    }

    private func mapping() throws(YAMLError) -> Node {
        let data = event.pointee.data.mapping_start
        let start = mark(event.pointee.start_mark)
        let tag = tag(data.tag)
        let anchor = anchorName(data.anchor)
        let before = nodeCount
        try enter(at: start, anchor: anchor)
        var pairs: [(key: Node, value: Node)] = []
        var keyChecker = DuplicateKeyChecker()
        while true {
            let type = try next()
            if type == YAML_MAPPING_END_EVENT { break }
            let key = try node(startingWith: type)
            if let first = keyChecker.insert(key) {
                throw duplicateKeyError(key, first: first)
            }
            let value = try node(startingWith: next())
            pairs.append((key: key, value: value))
        }
        depth -= 1
        let node = Node.mapping(Node.Mapping(pairs, tag: tag, start: start, end: mark(event.pointee.end_mark)))
        nodeCount += 1
        if let anchor { finish(anchor: anchor, node: node, size: nodeCount - before) }
        return node
    }

    private func alias() throws(YAMLError) -> Node {
        let name = anchorName(event.pointee.data.alias.anchor) ?? ""
        let at = mark(event.pointee.start_mark)
        guard let anchored = anchors[name] else {
            if openAnchors.contains(name) {
                throw error("alias '\(name)' refers to a node that contains it", at: at)
            }
            throw error("unknown alias '\(name)'", at: at)
        }
        aliasNodes += anchored.size
        nodeCount += anchored.size
        if aliasNodes > Parser.aliasExpansionLimit {
            throw error("aliases expand the document past \(Parser.aliasExpansionLimit) nodes (at alias '\(name)')",
                        at: at)
        }
        return anchored.node
    }

    /// Counts one nesting level and marks `anchor` as open while its collection is composed.
    private func enter(at mark: Mark, anchor: String?) throws(YAMLError) {
        depth += 1
        if depth > Parser.nestingLimit {
            throw error("collections nest deeper than \(Parser.nestingLimit) levels", at: mark)
        }
        if let anchor { openAnchors.insert(anchor) }
    }

    private func finish(anchor: String, node: Node, size: Int) {
        openAnchors.remove(anchor)
        anchors[anchor] = (node, size)
    }

    private func register(anchor: UnsafeMutablePointer<yaml_char_t>?, node: Node, size: Int) {
        if let name = anchorName(anchor) { anchors[name] = (node, size) }
    }

    private func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The tag as written in short form: `!Ref` stays `!Ref`; the YAML namespace `tag:yaml.org,2002:` is
    /// written back as `!!` (`!!str`), the way people write it.
    private func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        let text = String(cString: pointer)
        let yamlNamespace = "tag:yaml.org,2002:"
        if text.hasPrefix(yamlNamespace) { return "!!" + text.dropFirst(yamlNamespace.count) }
        return text
    }

    // MARK: - Events and errors

    /// Parses the next event into `event`, freeing the previous one, and returns its type.
    private func next() throws(YAMLError) -> yaml_event_type_t {
        if eventNeedsDelete {
            yaml_event_delete(event)
            eventNeedsDelete = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw libyamlError() }
        eventNeedsDelete = true
        return event.pointee.type
    }

    private func expect(_ type: yaml_event_type_t, _ expected: yaml_event_type_t) throws(YAMLError) {
        if type != expected { throw error("unexpected YAML event", at: mark(event.pointee.start_mark)) }
    }

    /// A libyaml mark (0-based line and column, index in characters) as a `Mark`.
    private func mark(_ mark: yaml_mark_t) -> Mark {
        Mark(line: mark.line + 1, column: mark.column + 1, offset: offsets.byteOffset(ofCharacter: mark.index))
    }

    /// libyaml's own error, the one place its problem and context become a `YAMLError`.
    private func libyamlError() -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "cannot read the YAML"
        if p.error == YAML_READER_ERROR {
            // Reader errors (bad UTF-8, control characters) carry a byte offset, not a mark.
            var message = problem
            if p.problem_value >= 0 {
                let hex = String(p.problem_value, radix: 16, uppercase: true)
                message += " (0x\(hex.count < 2 ? "0" + hex : hex))"
            }
            return error(message, at: SourceLine.mark(atByte: inputBase + p.problem_offset, in: source))
        }
        if p.error == YAML_MEMORY_ERROR {
            return error("out of memory reading the YAML", at: Mark(line: 1, column: 1, offset: 0))
        }
        let at = mark(p.problem_mark)
        if let context = p.context {
            let contextMark = mark(p.context_mark)
            // A context at the problem's own place ("while scanning for the next token") adds nothing.
            if contextMark != at {
                return error(problem, at: at, note: (String(cString: context), contextMark))
            }
        }
        return error(problem, at: at)
    }

    private func error(_ message: String, at mark: Mark, note: (message: String, mark: Mark)? = nil) -> YAMLError {
        YAMLError(path: path, mark: mark, message: message, source: source, note: note)
    }

    private func duplicateKeyError(_ key: Node, first: Node) -> YAMLError {
        let name = DuplicateKeyChecker.name(of: key)
        return error("duplicate key \(name)", at: key.start, note: ("\(name) first appears here", first.start))
    }
}
