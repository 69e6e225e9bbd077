import YAMLBridge

/// Rewrites a stack config's `Littleware.Variables` in place: only the values that change are
/// rewritten, so key order, indentation, inline arrays and everything outside the changed values
/// stay byte for byte as they were; the file is replaced atomically.
///
/// New keys and array entries are appended after the existing ones, in the file's indentation
/// (detected from its first indented line). A changed collection whose keys were removed or
/// reordered is written out again as a whole, indented like its surroundings. The result is
/// parsed back and compared with the requested variables before anything is written.
public enum ConfigWriter {
    /// The config's bytes with `Littleware.Variables` set to `variables`.
    /// - Parameters:
    ///   - config: the config as loaded (its `source` and `node` are used).
    ///   - variables: the new `Littleware.Variables` value.
    /// - Returns: the new file content.
    /// - Throws: `DiagnosticError` when the config has no `Littleware` object or the edit
    ///   cannot be made safely (the result would not read back as `variables`).
    public static func rewritingVariables(of config: StackConfig, to variables: JSONValue) throws -> [UInt8] {
        guard case .mapping(let root) = config.node, let littlewarePair = root.pairs.first(where: {
            JSONValue.keyText($0.key) == "Littleware"
        }), case .mapping(let littleware) = littlewarePair.value else {
            throw DiagnosticError(config.source.diagnostic(.error, at: config.node.start, "missing 'Littleware' object"))
        }
        var target = JSONValue(node: .mapping(littleware))
        if case .object(var pairs) = target {
            if let i = pairs.firstIndex(where: { $0.0 == "Variables" }) { pairs[i].1 = variables } else {
                pairs.append(("Variables", variables))
            }
            target = .object(pairs)
        }
        var planner = EditPlanner(source: config.source, yaml: config.format == .yaml)
        planner.plan(.mapping(littleware), target)
        let output = planner.apply()

        // Read the result back: the edit must give exactly the requested variables and change nothing else.
        let check = SourceFile(path: config.path, bytes: output)
        let reread = try? TreeReader.parse(check, asYAML: config.format == .yaml)
        var expected = JSONValue(node: config.node)
        if case .object(var pairs) = expected, let i = pairs.firstIndex(where: { $0.0 == "Littleware" }) {
            pairs[i].1 = target
            expected = .object(pairs)
        }
        guard let tree = reread, JSONValue(node: tree) == expected else {
            throw DiagnosticError(config.source.diagnostic(.error, at: littlewarePair.value.start,
                                                           "cannot rewrite 'Littleware.Variables' in place"))
        }
        return output
    }

    /// Sets `Littleware.Variables` to `variables` and writes the config back atomically.
    /// - Parameters:
    ///   - variables: the new value.
    ///   - config: the config as loaded from `config.path`.
    /// - Throws: `DiagnosticError` (see `rewritingVariables`) or `FileError`.
    public static func writeVariables(_ variables: JSONValue, to config: StackConfig) throws {
        let bytes = try rewritingVariables(of: config, to: variables)
        try AtomicFile.write(bytes, to: config.path)
    }
}

/// Plans byte-range replacements turning a node's text into a new value's.
struct EditPlanner {
    let source: SourceFile
    let yaml: Bool
    var edits: [(start: Int, end: Int, text: String)] = []
    /// One level of indentation, from the first indented line (spaces or tabs; 4 spaces when none is found).
    let unit: String

    init(source: SourceFile, yaml: Bool) {
        self.source = source
        self.yaml = yaml
        var found = ""
        for n in 1...max(1, source.lineCount) {
            guard let line = source.line(n) else { break }
            let lead = String(line.prefix(while: { $0 == " " || $0 == "\t" }))
            if !lead.isEmpty, lead.count < line.count { found = lead; break }
        }
        unit = found.isEmpty ? (yaml ? "  " : "    ") : found
    }

    mutating func plan(_ old: Node, _ new: JSONValue) {
        if JSONValue(node: old) == new, sameOrder(JSONValue(node: old), new) { return }
        switch (old, new) {
        case (.mapping(let map), .object(let pairs)) where !map.pairs.isEmpty:
            let oldKeys = map.pairs.map { JSONValue.keyText($0.key) }
            guard pairs.count >= oldKeys.count, Array(pairs.prefix(oldKeys.count).map(\.0)) == oldKeys else {
                return replace(old, with: new)
            }
            for (i, pair) in map.pairs.enumerated() { plan(pair.value, pairs[i].1) }
            let extra = pairs.dropFirst(oldKeys.count)
            guard !extra.isEmpty, let last = map.pairs.last else { return }
            var text = ""
            if isFlowOrJSON(old) {
                let inline = map.start.line == last.value.end.line
                let indent = inline ? "" : lineIndent(map.pairs[0].key.start.line)
                for (k, v) in extra {
                    text += inline ? ", " : ",\n" + indent
                    text += JSONValue.string(k).jsonText() + ": " + serialize(v, baseIndent: indent, inline: inline)
                }
            } else {
                // A YAML block mapping: one `key: value` line per new key, at the first key's column.
                let indent = String(repeating: " ", count: max(0, map.pairs[0].key.start.column - 1))
                for (k, v) in extra { text += "\n" + indent + yamlString(k) + ": " + spaced(v) }
            }
            let at = contentEnd(last.value)
            edits.append((at, at, text))
        case (.sequence(let seq), .array(let items)) where !seq.items.isEmpty:
            guard items.count >= seq.items.count else { return replace(old, with: new) }
            for (i, item) in seq.items.enumerated() { plan(item, items[i]) }
            let extra = items.dropFirst(seq.items.count)
            guard !extra.isEmpty, let last = seq.items.last else { return }
            var text = ""
            if isFlowOrJSON(old) {
                let inline = seq.start.line == last.end.line
                let indent = inline ? "" : lineIndent(seq.items[0].start.line)
                for v in extra {
                    text += inline ? ", " : ",\n" + indent
                    text += serialize(v, baseIndent: indent, inline: inline)
                }
            } else {
                // A YAML block sequence: one `- value` line per new entry, under the first entry's dash.
                let indent = String(repeating: " ", count: max(0, seq.items[0].start.column - 3))
                for v in extra { text += "\n" + indent + "- " + spaced(v) }
            }
            let at = contentEnd(last)
            edits.append((at, at, text))
        default:
            replace(old, with: new)
        }
    }

    /// Replaces a node's whole text with the new value's JSON (valid YAML flow text too),
    /// indented like the node's line.
    mutating func replace(_ old: Node, with new: JSONValue) {
        var inline = yaml
        if case .object = new {} else if case .array = new {} else { inline = true }
        let indent = lineIndent(old.start.line)
        edits.append((old.start.offset, contentEnd(old), serialize(new, baseIndent: indent, inline: inline)))
    }

    /// Where a node's own text ends: after a scalar's last non-blank byte, a flow collection's
    /// closing bracket, or a block collection's last entry (block end marks point at what follows).
    func contentEnd(_ node: Node) -> Int {
        switch node {
        case .scalar(let s):
            var end = min(s.end.offset, source.bytes.count)
            while end > s.start.offset, [0x20, 0x0A, 0x0D, 0x09].contains(source.bytes[end - 1]) { end -= 1 }
            return end
        case .mapping(let m):
            if isFlowOrJSON(node) || m.pairs.isEmpty { return node.end.offset }
            return contentEnd(m.pairs[m.pairs.count - 1].value)
        case .sequence(let s):
            if isFlowOrJSON(node) || s.items.isEmpty { return node.end.offset }
            return contentEnd(s.items[s.items.count - 1])
        }
    }

    func serialize(_ value: JSONValue, baseIndent: String, inline: Bool) -> String {
        if inline {
            // Compact JSON with a space after commas and colons, as people write inline entries.
            return spaced(value)
        }
        // Indent 1 gives one space per level; each level then becomes the file's own unit.
        // (JSON text has no raw line breaks inside strings, so splitting on them is safe.)
        let lines = value.jsonText(indent: 1).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { (line: Substring) -> String in
            let depth = line.prefix(while: { $0 == " " }).count
            return String(repeating: unit, count: depth) + String(line.dropFirst(depth))
        }.joined(separator: "\n" + baseIndent)
    }

    func spaced(_ value: JSONValue) -> String {
        switch value {
        case .string(let s) where yaml: return yamlString(s)
        case .array(let items): return items.isEmpty ? "[]" : "[ " + items.map(spaced).joined(separator: ", ") + " ]"
        case .object(let pairs):
            return pairs.isEmpty ? "{}" : "{ " + pairs.map { (yaml ? yamlString($0.0) : JSONValue.string($0.0).jsonText()) + ": " + spaced($0.1) }
                .joined(separator: ", ") + " }"
        default: return value.jsonText()
        }
    }

    /// Words YAML readers type as booleans or null when plain: such strings are quoted.
    static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    /// A string as YAML: plain when it is a simple word that reads back as the same string
    /// (`helloVer20240311r0`, `gateway_prod`), else JSON's double-quoted form (valid YAML too).
    func yamlString(_ s: String) -> String {
        let bytes = Array(s.utf8)
        let simple = !bytes.isEmpty && bytes.count <= 128
            && ((bytes[0] >= 0x41 && bytes[0] <= 0x5A) || (bytes[0] >= 0x61 && bytes[0] <= 0x7A))
            && bytes.allSatisfy { LogicalIDRule.isAlphanumeric($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E || $0 == 0x2F }
            && !EditPlanner.reservedWords.contains(s.lowercased())
        return simple ? s : JSONValue.string(s).jsonText()
    }

    /// Whether a collection is written in JSON/flow style (`{`/`[` at its start), where `,` appends work.
    func isFlowOrJSON(_ node: Node) -> Bool {
        let o = node.start.offset
        guard o < source.bytes.count else { return false }
        return source.bytes[o] == 0x7B || source.bytes[o] == 0x5B
    }

    func lineIndent(_ line: Int) -> String {
        String((source.line(line) ?? "").prefix(while: { $0 == " " || $0 == "\t" }))
    }

    func sameOrder(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return x.map(\.0) == y.map(\.0) && zip(x, y).allSatisfy { sameOrder($0.1, $1.1) }
        case (.array(let x), .array(let y)):
            return zip(x, y).allSatisfy { sameOrder($0, $1) }
        default:
            return true
        }
    }

    /// The source with every planned edit made (edits never overlap: each is inside one node).
    func apply() -> [UInt8] {
        var out = source.bytes
        // From the end backwards; at one offset the later-planned edit (an outer append) goes first,
        // so an inner append made at the same place ends up before it.
        let order = edits.indices.sorted { (edits[$0].start, $0) > (edits[$1].start, $1) }
        for edit in order.map({ edits[$0] }) {
            out.replaceSubrange(edit.start..<edit.end, with: Array(edit.text.utf8))
        }
        return out
    }
}
